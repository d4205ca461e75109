import type { Doc } from './ejson'
import type { Change, Store } from './store'

/** What one request reads and writes through: the committed store, or one transaction's view of it. */
export interface Session {
  /** Throws DATABASE_COLLECTION_NOT_EXIST for an unknown collection. */
  get(collection: string, key: string): Doc | undefined
  /** Every visible document, in natural (insertion) order. */
  scan(collection: string): Doc[]
  /** All or nothing. */
  write(changes: Change[]): void
}

export class StoreSession implements Session {
  constructor(private readonly store: Store) {}

  get(collection: string, key: string): Doc | undefined {
    return this.store.get(collection, key)
  }

  scan(collection: string): Doc[] {
    return [...this.store.docs(collection).values()]
  }

  write(changes: Change[]): void {
    this.store.commit(changes)
  }
}
