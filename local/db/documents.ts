import { stringifyEjson, type Doc } from './ejson'
import { aggregate, applyUpdate, find, matcher } from './engine'
import { dbErrors } from './errors'
import { geoFields, pointOf } from './geo'
import { valuesAt } from './paths'
import { candidates, criteria, decode, decodeObject, field, newId, targets, type DocumentRequest } from './request'
import { docKey, type Change } from './store'

/** CloudBase's server-side get(): 100 documents unless a limit is given, never more than 1000. */
const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

const positive = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined

export function insertDocument(request: DocumentRequest) {
  const data = request.params.data
  if (!Array.isArray(data) || data.length === 0) throw dbErrors.invalidParam('data must be a non-empty array')
  const docs = data.map((text) => {
    const doc = decodeObject(text, 'data', request.now) ?? {}
    return doc._id === undefined ? { _id: newId(), ...doc } : doc
  })
  // In order, one at a time, as MongoDB's insertMany (ordered by default): the documents before a
  // duplicate stay stored and the write fails there; CloudBase's docs say nothing of a failed batch.
  for (const doc of docs) write(request, [{ collection: request.collection, key: docKey(doc._id), after: doc, insert: true }])
  return { insertedIds: docs.map((doc) => doc._id) }
}

export function getDocument(request: DocumentRequest) {
  const query = criteria(request)
  const limit = Math.min(positive(request.params.limit) ?? DEFAULT_LIMIT, MAX_LIMIT)
  const offset = positive(request.params.offset) ?? 0
  const list = find(candidates(request, query), {
    criteria: query,
    order: field(request, 'order') as Record<string, 1 | -1> | undefined,
    projection: field(request, 'projection'),
    offset,
    limit,
  }, request.indexes)
  return { list: list.map((doc) => stringifyEjson(doc)), limit, offset }
}

export function calculateDocument(request: DocumentRequest) {
  const query = criteria(request)
  return { total: candidates(request, query).filter(matcher(query, request.indexes)).length }
}

/** `doc().set()` (merge false: replace, upsert), `doc().update()` and `where().update()` (merge: operators). */
export function modifyDocument(request: DocumentRequest) {
  const data = field(request, 'data') ?? {}
  const replace = request.params.merge === false
  const matched = targets(request, request.params.multi !== false)
  if (matched.length === 0 && request.params.upsert === true) {
    const id = criteria(request)._id ?? newId()
    const doc = replace ? replacement(id, data) : applyUpdate({ _id: id }, operators(data), criteria(request))
    write(request, [{ collection: request.collection, key: docKey(id), after: doc, insert: true }])
    return { updated: 0, matched: 0, upsert_id: id }
  }
  const changes = matched.flatMap((before) => {
    const after = replace ? replacement(before._id, data) : applyUpdate(before, operators(data), criteria(request))
    return changed(before, after) ? [{ collection: request.collection, key: docKey(before._id), after }] : []
  })
  write(request, changes)
  return { updated: changes.length, matched: matched.length }
}

/** `where().updateAndReturn()`: the first match, updated, returned as it is after the update. */
export function modifyAndReturnDoc(request: DocumentRequest) {
  const [before] = targets(request, false)
  if (!before) return { updated: 0, doc: null }
  const after = applyUpdate(before, operators(field(request, 'data') ?? {}), criteria(request))
  const updated = changed(before, after) ? 1 : 0
  if (updated) write(request, [{ collection: request.collection, key: docKey(before._id), after }])
  return { updated, doc: stringifyEjson(after) }
}

export function removeDocument(request: DocumentRequest) {
  const matched = targets(request, request.params.multi !== false)
  write(request, matched.map((doc) => ({ collection: request.collection, key: docKey(doc._id), after: null })))
  return { deleted: matched.length }
}

export function aggregateDocuments(request: DocumentRequest) {
  const stages = request.params.stages
  if (!Array.isArray(stages)) throw dbErrors.invalidParam('stages must be an array')
  const pipeline = stages.map((stage: { stageKey?: unknown; stageValue?: unknown }) => {
    if (typeof stage?.stageKey !== 'string') throw dbErrors.invalidParam('every stage needs a stageKey')
    return { [stage.stageKey]: decode(stage.stageValue, stage.stageKey, request.now) }
  })
  const lookup = (name: string) => {
    try {
      return request.session.scan(name)
    } catch {
      return []
    }
  }
  const list = aggregate(request.session.scan(request.collection), pipeline, lookup, request.indexes)
  return { list: list.map((doc) => stringifyEjson(doc)) }
}

// Raw-mode updates may send a plain object; CloudBase then sets its top-level fields.
function operators(data: Doc): Doc {
  const keys = Object.keys(data)
  return keys.length > 0 && keys.every((key) => key.startsWith('$')) ? data : { $set: data }
}

function replacement(id: unknown, data: Doc): Doc {
  const doc: Doc = { _id: id, ...data }
  doc._id = id
  return doc
}

const changed = (before: Doc, after: Doc) => stringifyEjson(before) !== stringifyEjson(after)

function write(request: DocumentRequest, changes: Change[]): void {
  if (changes.length === 0) return
  for (const change of changes) if (change.after) requireGeoKeys(request, change.after)
  request.session.write(changes)
}

/**
 * A 2dsphere-indexed field holds a GeoJSON Point (or a [lng, lat] pair) or nothing: MongoDB refuses
 * the write otherwise ("Can't extract geo keys"), so a document the index cannot place never lands.
 */
function requireGeoKeys(request: DocumentRequest, doc: Doc): void {
  for (const path of geoFields(request.indexes)) {
    const value = valuesAt(doc, path)
    if (value === undefined || value === null) continue
    const values = Array.isArray(value) && pointOf(value) === null ? value : [value]
    if (values.some((item) => pointOf(item) === null)) {
      throw dbErrors.requestFailed(`Can't extract geo keys: ${path} is not a GeoJSON Point: ${stringifyEjson(value)}`)
    }
  }
}
