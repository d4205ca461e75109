import { randomBytes } from 'node:crypto'
import type { IndexSpec } from '../../cloudfunctions/shared/runtime/collections'
import { parseEjson, type Doc } from './ejson'
import { dbErrors } from './errors'
import { matcher } from './engine'
import type { Session } from './session'
import { docKey } from './store'

/** One database request as the SDK sends it (@cloudbase/database collection.ts, query.ts, document.ts). */
export type DocumentRequest = {
  collection: string
  session: Session
  params: Record<string, unknown>
  /** The collection's declared indexes: geo queries need a 2dsphere one. */
  indexes: readonly IndexSpec[]
  /** One clock reading per request, for every `serverDate()` in it. */
  now: number
}

/** Decodes one EJSON string of the request; `what` names it in the error. */
export function decode(text: unknown, what: string, now: number): unknown {
  if (text === undefined) return undefined
  if (typeof text !== 'string') throw dbErrors.invalidParam(`${what} must be an EJSON string`)
  try {
    return parseEjson(text, now)
  } catch {
    throw dbErrors.invalidParam(`${what} is not valid EJSON`)
  }
}

export function decodeObject(text: unknown, what: string, now: number): Doc | undefined {
  const value = decode(text, what, now)
  if (value === undefined) return undefined
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw dbErrors.invalidParam(`${what} must be an object`)
  return value as Doc
}

/** A request field that holds an EJSON object: query, data, order, projection. */
export function field(request: DocumentRequest, name: string): Doc | undefined {
  return decodeObject(request.params[name], name, request.now)
}

export function criteria(request: DocumentRequest): Doc {
  return field(request, 'query') ?? {}
}

/**
 * The documents a query may match, before its conditions are tested: the one document an exact
 * `_id` names — with other conditions too, as MongoDB's _id index serves `{ _id, version }` — else
 * the whole collection. A conditional update of one document (a versioned write, a vote) then costs
 * one lookup, not a scan of every document.
 */
export function candidates(request: DocumentRequest, query: Doc): Doc[] {
  const id = query._id
  if (typeof id === 'string' || typeof id === 'number') {
    const doc = request.session.get(request.collection, docKey(id))
    return doc ? [doc] : []
  }
  return request.session.scan(request.collection)
}

/** The matching documents in natural order; only the first unless `multi`. */
export function targets(request: DocumentRequest, multi: boolean): Doc[] {
  const query = criteria(request)
  const matches = matcher(query, request.indexes)
  const docs = candidates(request, query)
  if (multi) return docs.filter(matches)
  const first = docs.find(matches)
  return first ? [first] : []
}

let counter = randomBytes(4).readUInt32BE(0)

/**
 * CloudBase ids are 32 lowercase hex characters; like MongoDB's ObjectId they start with the time,
 * so ids sort roughly by creation.
 */
export function newId(): string {
  counter = (counter + 1) % 0x1000000
  const seconds = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0')
  return `${seconds}${randomBytes(9).toString('hex')}${counter.toString(16).padStart(6, '0')}`
}
