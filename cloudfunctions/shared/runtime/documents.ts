import type { z } from 'zod'
import { database } from './cloudbase'
import type { CollectionName } from './collections'

/** CloudBase's server-side get() answers at most 1000 documents a call: page through. */
const PAGE = 1000

export async function findById<S extends z.ZodType>(collection: CollectionName, id: string, schema: S): Promise<z.output<S> | null> {
  const result = await database().collection(collection).doc(id).get()
  const doc = (result.data as unknown[])[0]
  return doc === undefined ? null : schema.parse(doc)
}

export async function findMany<S extends z.ZodType>(
  collection: CollectionName,
  query: object,
  schema: S,
  /**
   * Only these fields read (the rest stays in the database): a close's proof reads 10,000 ballots'
   * hashes, not their histories. Or all but these (`false`): a list of requests leaves their timelines.
   */
  options: { orderBy?: [string, 'asc' | 'desc']; limit?: number; fields?: Record<string, true> | Record<string, false> } = {},
): Promise<z.output<S>[]> {
  const wanted = options.limit ?? Number.POSITIVE_INFINITY
  const found: z.output<S>[] = []
  while (found.length < wanted) {
    let request = database().collection(collection).where(query)
    if (options.fields) request = request.field(options.fields)
    // CloudBase promises no natural order: without one, skip-paging can repeat or miss documents.
    request = options.orderBy ? request.orderBy(options.orderBy[0], options.orderBy[1]) : request.orderBy('_id', 'asc')
    const pageSize = Math.min(PAGE, wanted - found.length)
    const page = (await request.skip(found.length).limit(pageSize).get()).data as unknown[]
    found.push(...page.map((doc) => schema.parse(doc)))
    if (page.length < pageSize) break
  }
  return found
}

/** `_.in` lists are read in slices short enough for any query planner: a close's thousands of households, say. */
const ID_SLICE = 100

/** The documents of these ids that exist, in no particular order; `fields` as findMany's. */
export async function findByIds<S extends z.ZodType>(
  collection: CollectionName, ids: readonly string[], schema: S, field = '_id', fields?: Record<string, true> | Record<string, false>,
): Promise<z.output<S>[]> {
  const unique = [...new Set(ids)]
  const slices = Array.from({ length: Math.ceil(unique.length / ID_SLICE) }, (_, i) => unique.slice(i * ID_SLICE, (i + 1) * ID_SLICE))
  const found = await Promise.all(slices.map((slice) => findMany(collection, { [field]: database().command.in(slice) }, schema, fields && { fields })))
  return found.flat()
}
