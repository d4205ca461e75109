import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { IndexSpec } from '../../cloudfunctions/shared/runtime/collections'
import { parseEjson, stringifyEjson, type Doc } from './ejson'
import { dbErrors } from './errors'
import { UniqueIndexes } from './unique'

/** A write to one document: `after: null` deletes; `insert` demands that the `_id` be free. */
export type Change = { collection: string; key: string; after: Doc | null; insert?: boolean }
export type Applied = Change & { before: Doc | undefined }

/** The document key: its `_id` as EJSON text, so the string '1' and the number 1 stay distinct ids. */
export const docKey = (id: unknown): string => stringifyEjson(id)

/**
 * Committed documents: SQLite is the durable copy, a per-collection Map the working copy (mingo
 * evaluates queries over plain objects anyway, and the whole local data set is small).
 * WAL with synchronous=FULL: a write is fsynced before it is acknowledged (the server awaits
 * `durable()` before it answers), so an acknowledged write survives kill -9 and even power loss.
 * Group commit: a write is applied in memory at once — later requests see it, unique indexes hold —
 * and written to SQLite with every other write of the same turn of the event loop in one
 * transaction, one fsync for them all; that fsync, not the work, is what bounds writes per second.
 * Rows are upserted in place, keeping the rowid, so load order is insertion order: CloudBase's
 * natural order when no orderBy is given.
 */
export class Store {
  readonly unique: UniqueIndexes
  private readonly sqlite: Database.Database
  private readonly cache = new Map<string, Map<string, Doc>>()
  private readonly listeners: Array<(applied: Applied[]) => void> = []
  private readonly upsert: Database.Statement
  private readonly remove: Database.Statement
  /** Applied in memory, not yet in SQLite: the next flush writes them. */
  private queued: Applied[] = []
  private waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = []
  private flushScheduled = false
  private broken: unknown = null

  constructor(
    dataDir: string,
    private readonly declared: Record<string, IndexSpec[]>,
  ) {
    mkdirSync(dataDir, { recursive: true })
    this.unique = new UniqueIndexes(declared)
    this.sqlite = new Database(join(dataDir, 'cloudbase.sqlite'))
    this.sqlite.pragma('journal_mode = WAL')
    this.sqlite.pragma('synchronous = FULL')
    this.sqlite.exec(`CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, key TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (coll, key));`)
    this.upsert = this.sqlite.prepare(
      'INSERT INTO docs (coll, key, doc) VALUES (?, ?, ?) ON CONFLICT (coll, key) DO UPDATE SET doc = excluded.doc',
    )
    this.remove = this.sqlite.prepare('DELETE FROM docs WHERE coll = ? AND key = ?')
    for (const name of Object.keys(declared)) this.createCollection(name, true)
    this.load()
  }

  /** The collection's declared indexes (none for one made at run time). */
  indexes(collection: string): readonly IndexSpec[] {
    return this.declared[collection] ?? []
  }

  hasCollection(collection: string): boolean {
    return this.cache.has(collection)
  }

  createCollection(collection: string, ifMissing = false): void {
    if (this.cache.has(collection)) {
      if (ifMissing) return
      throw dbErrors.collectionExists(collection)
    }
    this.sqlite.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)').run(collection)
    this.cache.set(collection, new Map())
  }

  /** Every collection with how many documents it holds, by name: what the admin page lists. */
  collectionSizes(): Array<{ name: string; count: number }> {
    return [...this.cache].map(([name, docs]) => ({ name, count: docs.size })).sort((a, b) => a.name.localeCompare(b.name))
  }

  docs(collection: string): ReadonlyMap<string, Doc> {
    return this.collection(collection)
  }

  get(collection: string, key: string): Doc | undefined {
    return this.docs(collection).get(key)
  }

  onCommit(listener: (applied: Applied[]) => void): void {
    this.listeners.push(listener)
  }

  /** Applies every change or none, in memory at once (unique indexes first); SQLite follows at the next flush. */
  commit(changes: Change[]): Applied[] {
    if (this.broken) throw this.broken
    const applied: Applied[] = []
    try {
      for (const change of changes) applied.push(this.applyInMemory(change))
    } catch (error) {
      for (const change of applied.reverse()) this.undo(change)
      throw error
    }
    this.queued.push(...applied)
    if (!this.flushScheduled) {
      this.flushScheduled = true
      setImmediate(this.flush)
    }
    for (const listener of this.listeners) listener(applied)
    return applied
  }

  /** Resolves once every write applied so far is fsynced: what a request waits for before it is answered. */
  durable(): Promise<void> {
    if (this.broken) return Promise.reject(this.broken)
    if (this.queued.length === 0) return Promise.resolve()
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }))
  }

  /**
   * One SQLite transaction, one fsync, for every write queued this turn. better-sqlite3 is synchronous,
   * so no write can slip in between. A failed flush (a full disk) leaves memory ahead of the disk: the
   * store then refuses everything, and the waiting requests are answered with the error, never as done.
   */
  private readonly flush = (): void => {
    this.flushScheduled = false
    const batch = this.queued
    const waiting = this.waiting
    this.queued = []
    this.waiting = []
    try {
      this.sqlite.transaction(() => {
        for (const { collection, key, after } of batch) {
          if (after) this.upsert.run(collection, key, stringifyEjson(after))
          else this.remove.run(collection, key)
        }
      })()
      for (const waiter of waiting) waiter.resolve()
    } catch (error) {
      this.broken = error
      for (const waiter of waiting) waiter.reject(error)
    }
  }

  close(): void {
    if (this.flushScheduled) this.flush()
    this.sqlite.close()
  }

  private collection(name: string): Map<string, Doc> {
    const docs = this.cache.get(name)
    if (!docs) throw dbErrors.collectionNotExist(name)
    return docs
  }

  private applyInMemory(change: Change): Applied {
    const docs = this.collection(change.collection)
    const before = docs.get(change.key)
    if (change.insert && before) throw dbErrors.duplicateWrite(change.collection, '_id_', `{ _id: ${change.key} }`)
    if (before) this.unique.remove(change.collection, change.key, before)
    const clash = change.after && this.unique.clash(change.collection, change.key, change.after)
    if (clash) {
      if (before) this.unique.add(change.collection, change.key, before)
      throw dbErrors.duplicateWrite(change.collection, clash.spec.name, clash.key)
    }
    if (change.after) {
      this.unique.add(change.collection, change.key, change.after)
      docs.set(change.key, change.after)
    } else docs.delete(change.key)
    return { ...change, before }
  }

  private undo({ collection, key, after, before }: Applied): void {
    const docs = this.collection(collection)
    if (after) this.unique.remove(collection, key, after)
    if (before) {
      this.unique.add(collection, key, before)
      docs.set(key, before)
    } else docs.delete(key)
  }

  private load(): void {
    for (const { name } of this.sqlite.prepare('SELECT name FROM collections').all() as Array<{ name: string }>) {
      if (!this.cache.has(name)) this.cache.set(name, new Map())
    }
    const rows = this.sqlite.prepare('SELECT coll, key, doc FROM docs ORDER BY rowid').iterate() as Iterable<{
      coll: string
      key: string
      doc: string
    }>
    for (const row of rows) {
      const doc = parseEjson(row.doc) as Doc
      const clash = this.unique.clash(row.coll, row.key, doc)
      if (clash) throw new Error(`stored data breaks unique index ${row.coll}.${clash.spec.name} at ${clash.key}`)
      this.unique.add(row.coll, row.key, doc)
      this.cache.get(row.coll)?.set(row.key, doc)
    }
  }
}
