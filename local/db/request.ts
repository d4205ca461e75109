import { randomBytes } from 'node:crypto'
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
  /** One clock reading per request, for every `serverDate()` in it. */
  now: number
}

export function decode(request: DocumentRequest, field: string): unknown {
  const text = request.params[field]
  if (text === undefined) return undefined
  if (typeof text !== 'string') throw dbErrors.invalidParam(`${field} must be an EJSON string`)
  try {
    return parseEjson(text, request.now)
  } catch {
    throw dbErrors.invalidParam(`${field} is not valid EJSON`)
  }
}

export function decodeObject(request: DocumentRequest, field: string): Doc | undefined {
  const value = decode(request, field)
  if (value === undefined) return undefined
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw dbErrors.invalidParam(`${field} must be an object`)
  return value as Doc
}

export function criteria(request: DocumentRequest): Doc {
  return decodeObject(request, 'query') ?? {}
}

/**
 * The documents a query may match, cheaply: a plain `{ _id }` (every `doc(id)` call, and a
 * `where({ _id })`) is one lookup, anything else a scan for mingo to filter.
 */
export function candidates(request: DocumentRequest, query: Doc): Doc[] {
  const keys = Object.keys(query)
  const id = query._id
  if (keys.length === 1 && (typeof id === 'string' || typeof id === 'number')) {
    const doc = request.session.get(request.collection, docKey(id))
    return doc ? [doc] : []
  }
  return request.session.scan(request.collection)
}

/** The matching documents in natural order; only the first unless `multi`. */
export function targets(request: DocumentRequest, multi: boolean): Doc[] {
  const query = criteria(request)
  const matches = matcher(query)
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
