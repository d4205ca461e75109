import type { Doc } from './ejson'
import { dbErrors } from './errors'
import type { Session } from './session'
import type { Applied, Change, Store } from './store'
import { indexKeys } from './unique'

const slot = (collection: string, key: string) => `${collection}\u0000${key}`

/**
 * One open transaction, with CloudBase's (MongoDB's) snapshot semantics: it reads the data as of its
 * start plus its own writes; its writes stay invisible to others until commit, which applies them
 * all at once. A document changed by someone else after the start, or written by another open
 * transaction, cannot be written in it (DATABASE_TRANSACTION_CONFLICT, and the transaction is gone,
 * as MongoDB aborts on a write conflict); a document it wrote that a write outside any transaction
 * then changes makes its commit fail the same way.
 */
export class Transaction implements Session {
  private readonly writes = new Map<string, Change>()
  /** Documents changed by others since the start, as they were at the start (null: absent then). */
  private readonly snapshot = new Map<string, { collection: string; key: string; doc: Doc | null }>()
  private conflicted = false

  constructor(
    readonly id: string,
    private readonly store: Store,
    /** Document slot → the open transaction that wrote it, shared by all of them. */
    private readonly locks: Map<string, string>,
    private readonly onConflict: () => void,
  ) {}

  get(collection: string, key: string): Doc | undefined {
    const docs = this.store.docs(collection)
    const written = this.writes.get(slot(collection, key))
    if (written) return written.after ?? undefined
    const before = this.snapshot.get(slot(collection, key))
    if (before) return before.doc ?? undefined
    return docs.get(key)
  }

  scan(collection: string): Doc[] {
    const keys = new Set(this.store.docs(collection).keys())
    for (const entry of [...this.snapshot.values(), ...this.writes.values()]) {
      if (entry.collection === collection) keys.add(entry.key)
    }
    return [...keys].map((key) => this.get(collection, key)).filter((doc): doc is Doc => doc !== undefined)
  }

  write(changes: Change[]): void {
    if (this.conflicted) this.conflict()
    for (const change of changes) {
      const at = slot(change.collection, change.key)
      const owner = this.locks.get(at)
      if (this.snapshot.has(at) || (owner !== undefined && owner !== this.id)) this.conflict()
    }
    for (const change of changes) {
      if (change.insert && this.get(change.collection, change.key)) {
        throw dbErrors.duplicateWrite(change.collection, '_id_', `{ _id: ${change.key} }`)
      }
      if (change.after) this.checkUnique(change.collection, change.key, change.after)
      const at = slot(change.collection, change.key)
      this.writes.set(at, { ...change, insert: !this.store.get(change.collection, change.key) })
      this.locks.set(at, this.id)
    }
  }

  /** The slots of the documents this transaction has written. */
  written(): Iterable<string> {
    return this.writes.keys()
  }

  /** The writes to commit; throws if others changed what this transaction wrote. */
  pending(): Change[] {
    if (this.conflicted) this.conflict()
    return [...this.writes.values()]
  }

  /** Called for every commit made outside this transaction while it is open. */
  observe(applied: Applied[]): void {
    for (const { collection, key, before } of applied) {
      const at = slot(collection, key)
      if (this.writes.has(at)) this.conflicted = true
      if (!this.snapshot.has(at)) this.snapshot.set(at, { collection, key, doc: before ?? null })
    }
  }

  private conflict(): never {
    this.onConflict()
    throw dbErrors.transactionConflict()
  }

  private checkUnique(collection: string, key: string, doc: Doc): void {
    const touched = [...this.snapshot.values(), ...this.writes.values()]
      .filter((entry) => entry.collection === collection && entry.key !== key)
      .map((entry) => entry.key)
    for (const spec of this.store.unique.specs(collection)) {
      for (const wanted of indexKeys(spec, doc)) {
        const owner = this.store.unique.owner(collection, spec, wanted)
        const candidates = owner !== undefined && owner !== key ? [owner, ...touched] : touched
        for (const candidate of candidates) {
          const other = this.get(collection, candidate)
          if (other && indexKeys(spec, other).includes(wanted)) throw dbErrors.duplicateWrite(collection, spec.name, wanted)
        }
      }
    }
  }
}
