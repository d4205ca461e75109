import { randomBytes } from 'node:crypto'
import { dbErrors } from './errors'
import type { Store } from './store'
import { Transaction } from './transaction'

/** CloudBase drops a transaction not committed or aborted within 30 seconds (its TransactionNotExist message). */
const LIFETIME_MS = 30_000
/** Under the SDK's default 15 s request timeout, so a waiting start is answered, not abandoned. */
const START_WAIT_MS = 10_000

/**
 * Transactions are serialised: one is open at a time and `startTransaction` waits its turn, so two
 * transactions never conflict with each other (CloudBase would let them run and fail the later
 * writer). Writes outside any transaction go ahead meanwhile; the open transaction sees them as
 * MongoDB would (see Transaction).
 */
export class Transactions {
  private current: { tx: Transaction; timer: NodeJS.Timeout } | undefined
  private readonly queue: Array<() => void> = []
  private committing = false

  constructor(private readonly store: Store) {
    store.onCommit((applied) => {
      if (this.current && !this.committing) this.current.tx.observe(applied)
    })
  }

  async start(): Promise<string> {
    const deadline = Date.now() + START_WAIT_MS
    while (this.current) {
      if (!(await this.turn(deadline - Date.now()))) throw dbErrors.transactionConflict()
    }
    const id = randomBytes(16).toString('hex')
    const tx = new Transaction(id, this.store, () => this.end(id))
    const timer = setTimeout(() => this.end(id), LIFETIME_MS)
    timer.unref()
    this.current = { tx, timer }
    return id
  }

  session(id: unknown): Transaction {
    if (!this.current || this.current.tx.id !== id) throw dbErrors.transactionNotExist()
    return this.current.tx
  }

  commit(id: unknown): void {
    const tx = this.session(id)
    try {
      const changes = tx.pending()
      this.committing = true
      this.store.commit(changes)
    } finally {
      this.committing = false
      this.end(tx.id)
    }
  }

  abort(id: unknown): void {
    this.end(this.session(id).id)
  }

  close(): void {
    if (this.current) this.end(this.current.tx.id)
  }

  private end(id: string): void {
    if (this.current?.tx.id !== id) return
    clearTimeout(this.current.timer)
    this.current = undefined
    this.queue.shift()?.()
  }

  private turn(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        resolve(true)
      }
      const timer = setTimeout(() => {
        const waiting = this.queue.indexOf(wake)
        if (waiting >= 0) this.queue.splice(waiting, 1)
        resolve(false)
      }, Math.max(0, timeoutMs))
      timer.unref()
      this.queue.push(wake)
    })
  }
}
