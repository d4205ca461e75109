import { randomUUID } from 'node:crypto'
import { failure, success, type DecisionStatus, type Result } from '../../types'
import { decide, type DecisionEvent } from '../shared/core/decision.machine'
import { database } from '../shared/runtime/cloudbase'
import type { CollectionName } from '../shared/runtime/collections'
import { isDuplicateWrite, isTransactionConflict } from '../shared/runtime/database-errors'

/** The SDK types `runTransaction` as `any`; this is the part of its transaction we use. */
type Transaction = {
  collection(name: CollectionName): {
    doc(id: string): { get(): Promise<{ data: unknown }>; update(data: Record<string, unknown>): Promise<unknown> }
  }
}
export type Decided = { status: DecisionStatus; decidedBy: string; decidedAt: number; reason?: string }

/**
 * The SDK retries a transaction that lost a write conflict at once, without a pause (@cloudbase/database
 * runTransaction, default 3 retries); a reviewer racing another needs a few more tries to see the decision.
 */
const TRANSACTION_ATTEMPTS = 8

type Opened = { _id: string; status: 'pending'; createdAt: number }

/**
 * Opens a binding request or party registration. `openSlot` is 'open' while pending, and the unique
 * index on (userId, openSlot) turns a second open one into DATABASE_DUPLICATE_WRITE: no read-then-write race.
 */
export async function openPending<T extends { userId: string }>(
  collection: CollectionName,
  fields: T,
  now: number,
  duplicateMessage: string,
): Promise<Result<T & Opened>> {
  const opened = { ...fields, _id: `${collection}-${randomUUID()}`, status: 'pending' as const, createdAt: now }
  try {
    await database().collection(collection).add({ ...opened, openSlot: 'open' })
  } catch (error) {
    if (isDuplicateWrite(error)) return failure('DUPLICATE', duplicateMessage)
    throw error
  }
  return success(opened)
}

/**
 * Decides a pending binding or registration exactly once: the read, the status change (through the
 * decision table) and the approval's own write commit together, so two reviewers at once cannot
 * both land. Freeing `openSlot` lets the applicant ask again.
 */
export async function decidePending(
  collection: CollectionName,
  id: string,
  review: { decision: DecisionEvent; reason?: string; reviewerId: string; now: number; alreadyDecided: string },
  onApprove: (transaction: Transaction) => Promise<void>,
): Promise<Result<Decided>> {
  try {
    return await database().runTransaction(async (transaction: Transaction): Promise<Result<Decided>> => {
      const current = (await transaction.collection(collection).doc(id).get()).data as { status: DecisionStatus } | null
      const status = current && decide(current.status, review.decision)
      if (!status) return failure('CONFLICT', review.alreadyDecided)
      const decided: Decided = {
        status,
        decidedBy: review.reviewerId,
        decidedAt: review.now,
        ...(review.decision === 'refuse' && review.reason ? { reason: review.reason } : {}),
      }
      await transaction.collection(collection).doc(id).update({ ...decided, openSlot: id })
      if (review.decision === 'approve') await onApprove(transaction)
      return success(decided)
    }, TRANSACTION_ATTEMPTS)
  } catch (error) {
    // Another reviewer's decision kept winning the write for every attempt: it is being decided now.
    if (isTransactionConflict(error)) return failure('CONFLICT', review.alreadyDecided)
    throw error
  }
}
