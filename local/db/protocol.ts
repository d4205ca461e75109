import * as documents from './documents'
import { dbErrors } from './errors'
import { StoreSession } from './session'
import type { Store } from './store'
import type { Transactions } from './transactions'
import type { DocumentRequest } from './request'
import { storageAction, type StorageBackend } from './storage-actions'

/**
 * A transaction serves single-document operations only (WeChat 云开发 guide, 事务: "在事务中不支持批量操作
 * （where 语句），只支持单记录操作（collection.doc, collection.add）"): the SDK sends where().get() and
 * where().updateAndReturn() with the transaction id and they are refused here; where().update(),
 * .remove() and .count() it sends without one, so they run outside the transaction, as on CloudBase.
 *
 * The SDK's database actions (@cloudbase/database: collection.ts, query.ts, document.ts,
 * aggregate.ts, transaction/index.ts), each POSTed as JSON `{ action, collectionName, ... }` to the
 * URL the SDK was redirected to. Answers are `{ requestId, data }`, except startTransaction's
 * top-level `transactionId`, which is where the SDK reads it. The storage actions (getTempFileURL)
 * come to the same URL and are answered by the file storage (storage-actions.ts).
 */
const documentActions: Record<string, (request: DocumentRequest) => object> = {
  'database.insertDocument': documents.insertDocument,
  'database.getDocument': documents.getDocument,
  'database.calculateDocument': documents.calculateDocument,
  'database.modifyDocument': documents.modifyDocument,
  'database.modifyAndReturnDoc': documents.modifyAndReturnDoc,
  'database.removeDocument': documents.removeDocument,
  'database.aggregateDocuments': documents.aggregateDocuments,
}

// CloudBase: 2–128 letters, digits, '-' and '_', starting with a letter.
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{1,127}$/

export async function handle(
  params: Record<string, unknown>,
  store: Store,
  transactions: Transactions,
  storage?: StorageBackend,
): Promise<Record<string, unknown>> {
  const action = String(params.action)
  if (action.startsWith('storage.')) {
    const answer = await storageAction(action, params, storage)
    if (answer) return answer
  }
  switch (action) {
    case 'database.startTransaction':
      return { transactionId: await transactions.start() }
    case 'database.commitTransaction':
      transactions.commit(params.transactionId)
      return {}
    case 'database.abortTransaction':
      transactions.abort(params.transactionId)
      return {}
    case 'database.addCollection':
      store.createCollection(collectionName(params, true))
      return {}
  }
  const run = documentActions[action]
  if (!run) throw dbErrors.invalidParam(`action ${action} is not served by the local CloudBase database`)
  const collection = collectionName(params, false)
  store.docs(collection)
  if (params.transactionId !== undefined && action !== 'database.insertDocument' && params.queryType !== 'DOC') {
    throw dbErrors.invalidParam(`${action.replace(/^database\./, '')} with where() is not supported in a transaction: only doc(id).get/set/update/remove and add are`)
  }
  const session = params.transactionId ? transactions.session(params.transactionId) : new StoreSession(store)
  return { data: run({ collection, session, params, indexes: store.indexes(collection), now: Date.now() }) }
}

function collectionName(params: Record<string, unknown>, creating: boolean): string {
  const name = params.collectionName
  if (typeof name !== 'string' || name === '') throw dbErrors.invalidParam('collectionName is required')
  if (creating && !COLLECTION_NAME.test(name)) throw dbErrors.invalidParam(`invalid collection name ${name}`)
  return name
}
