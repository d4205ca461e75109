import { isDuplicateWrite } from './database-errors'

type Insertable = { add(data: unknown): Promise<unknown> }

/**
 * Inserts documents with deterministic `_id`s, skipping those already there: the way a retried write
 * (an event, a message) lands at most once. One request for the batch; only when some already exist
 * does it fall back to one request each, since CloudBase may have stored part of a failed batch.
 */
export async function insertIgnoringDuplicates(collection: Insertable, docs: readonly { _id: string }[]): Promise<void> {
  if (docs.length === 0) return
  try {
    await collection.add(docs.length === 1 ? docs[0] : [...docs])
    return
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
  }
  if (docs.length === 1) return
  for (const doc of docs) {
    try {
      await collection.add(doc)
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
  }
}
