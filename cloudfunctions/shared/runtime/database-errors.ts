/**
 * CloudBase answers a duplicate `_id` or a unique-index violation with DATABASE_DUPLICATE_WRITE; the
 * SDK throws it as an error carrying that code. Uniqueness (one pending request, one vote, one
 * idempotent submit) is enforced this way rather than by read-then-write.
 */
export function isDuplicateWrite(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'DATABASE_DUPLICATE_WRITE'
}

/** A transaction lost a write-write conflict to another (CloudBase: DATABASE_TRANSACTION_CONFLICT). */
export function isTransactionConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT'
}
