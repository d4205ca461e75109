import { database } from '../../cloudfunctions/shared/runtime/cloudbase'
import { Collections, type CollectionKey } from '../../cloudfunctions/shared/runtime/collections'
import { isDuplicateWrite } from '../../cloudfunctions/shared/runtime/database-errors'
import { demoSeed } from './demo-street'

type SeedKey = keyof typeof demoSeed & CollectionKey

/**
 * Inserts every demo document that is not there yet, through the same SDK the functions use. A
 * document that exists is left as it is, so a persona who bound a household keeps it across restarts.
 */
export async function applyDemoSeed(): Promise<{ inserted: number; kept: number }> {
  let inserted = 0
  let kept = 0
  for (const key of Object.keys(demoSeed) as SeedKey[]) {
    const collection = database().collection(Collections[key])
    for (const doc of demoSeed[key] as Array<{ _id: string }>) {
      try {
        await collection.add(doc)
        inserted += 1
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error
        kept += 1
      }
    }
  }
  return { inserted, kept }
}
