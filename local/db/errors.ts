/**
 * CloudBase's database error codes, answered as `{ code, message, requestId }` with HTTP 200: the
 * SDK (node-sdk utils/tcbapirequester.ts `request`) throws any answer carrying `code` as a TcbError
 * with that code and message. Codes: https://docs.cloudbase.net/error-code/ ; the transaction
 * messages are the ones the SDK's own tests expect from CloudBase (node-sdk test/database/unit/
 * transaction.test.ts).
 */
export type DbErrorCode =
  | 'INVALID_PARAM'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'

const SUFFIX = 'Please check your request, but if the problem persists, contact us.'

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export const dbErrors = {
  invalidParam: (detail: string) => new DbError('INVALID_PARAM', `[InvalidParameter] ${detail}. ${SUFFIX}`),
  collectionNotExist: (collection: string) =>
    new DbError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${collection}. ${SUFFIX}`),
  collectionExists: (collection: string) =>
    new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${collection}. ${SUFFIX}`),
  duplicateWrite: (collection: string, index: string, key: string) =>
    new DbError(
      'DATABASE_DUPLICATE_WRITE',
      `[FailedOperation] E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}. ${SUFFIX}`,
    ),
  requestFailed: (detail: string) =>
    new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${detail.replace(/\.$/, '')}. ${SUFFIX}`),
  transactionConflict: () =>
    new DbError(
      'DATABASE_TRANSACTION_CONFLICT',
      `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ${SUFFIX}`,
    ),
  transactionNotExist: () =>
    new DbError(
      'DATABASE_TRANSACTION_FAIL',
      `[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. ${SUFFIX}`,
    ),
}
