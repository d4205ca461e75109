import { isDuplicateWrite } from './database-errors'

type Insertable = { add(data: unknown): Promise<unknown> }

/**
 * Inserts documents with deterministic `_id`s, skipping those already there: the way a retried write
 * (an event, a message) lands at most once. One request for the batch; only when some already exist
 * does it fall back to one request each, since CloudBase may have stored part of a failed batch.
 * Answers the documents this call inserted, so what follows a first write (a push) happens once.
 */
export async function insertIgnoringDuplicates<D extends { _id: string }>(collection: Insertable, docs: readonly D[]): Promise<D[]> {
  if (docs.length === 0) return []
  try {
    await collection.add(docs.length === 1 ? docs[0] : [...docs])
    return [...docs]
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
  }
  if (docs.length === 1) return []
  const inserted: D[] = []
  for (const doc of docs) {
    try {
      await collection.add(doc)
      inserted.push(doc)
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
  }
  return inserted
}
