import { randomBytes } from 'node:crypto'
import { dbErrors } from './errors'
import type { Store } from './store'
import { Transaction } from './transaction'

/** CloudBase drops a transaction not committed or aborted within 30 seconds (its TransactionNotExist message). */
const LIFETIME_MS = 30_000

/**
 * The open transactions, run concurrently as CloudBase (MongoDB) runs them: each reads its snapshot
 * (see Transaction), and a document written in one is locked to it until it commits or ends, so a
 * second transaction writing that document fails at once with DATABASE_TRANSACTION_CONFLICT (first
 * writer wins, MongoDB's WriteConflict) and is gone; the SDK's runTransaction retries on that code.
 * Every commit, a transaction's or a plain write's, is shown to the other open transactions, whose
 * snapshots keep the documents as they were, and who then cannot write those documents any more.
 */
export class Transactions {
  private readonly open = new Map<string, { tx: Transaction; timer: NodeJS.Timeout }>()
  /** Document slot → the id of the open transaction that has written it. */
  private readonly locks = new Map<string, string>()
  private committing: string | undefined

  constructor(private readonly store: Store) {
    store.onCommit((applied) => {
      for (const [id, { tx }] of this.open) if (id !== this.committing) tx.observe(applied)
    })
  }

  async start(): Promise<string> {
    const id = randomBytes(16).toString('hex')
    const tx = new Transaction(id, this.store, this.locks, () => this.end(id))
    const timer = setTimeout(() => this.end(id), LIFETIME_MS)
    timer.unref()
    this.open.set(id, { tx, timer })
    return id
  }

  session(id: unknown): Transaction {
    const open = typeof id === 'string' ? this.open.get(id) : undefined
    if (!open) throw dbErrors.transactionNotExist()
    return open.tx
  }

  commit(id: unknown): void {
    const tx = this.session(id)
    try {
      const changes = tx.pending()
      this.committing = tx.id
      this.store.commit(changes)
    } finally {
      this.committing = undefined
      this.end(tx.id)
    }
  }

  abort(id: unknown): void {
    this.end(this.session(id).id)
  }

  close(): void {
    for (const id of [...this.open.keys()]) this.end(id)
  }

  private end(id: string): void {
    const open = this.open.get(id)
    if (!open) return
    clearTimeout(open.timer)
    this.open.delete(id)
    for (const at of open.tx.written()) if (this.locks.get(at) === id) this.locks.delete(at)
  }
}
