import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { collectionIndexes, Collections } from '../../cloudfunctions/shared/runtime/collections'
import type { database as databaseFn } from '../../cloudfunctions/shared/runtime/cloudbase'
import { startDatabase, type DatabaseServer } from '../../local/db/server'
import { localSdkEnv } from '../../local/db/sdk-env'

/**
 * The real @cloudbase/node-sdk, initialised by the functions' own cloudbase.ts and redirected by
 * environment only, against the local CloudBase database: every database operation the functions
 * use, with the CloudBase semantics they rely on.
 */
type Db = ReturnType<typeof databaseFn>
/** What runTransaction hands its callback (the SDK types it `any`). */
type Tx = { collection(name: string): ReturnType<Db['collection']>; rollback(reason?: unknown): Promise<unknown> }

const SCRATCH = 'conformance'
/** Declared as collections.ts declares the functions' (deploy creates them the same way): a geo index, a unique one over an array. */
const PLACES = 'places'
const TAGGED = 'tagged'
const indexes = {
  ...collectionIndexes,
  [PLACES]: [{ name: 'by_location', keys: { location: '2dsphere' as const } }],
  [TAGGED]: [{ name: 'one_per_tag', keys: { tags: 1 as const }, unique: true }],
}
const contacted = new Set<string>()
const realConnect = net.Socket.prototype.connect
let server: DatabaseServer
let dataDir: string
let db: Db

beforeAll(async () => {
  // Every socket the SDK opens is recorded: nothing may leave loopback.
  net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
    const first = (Array.isArray(args[0]) ? args[0][0] : args[0]) as { host?: string } | number
    contacted.add(typeof first === 'object' ? String(first.host) : String(args[1] ?? 'localhost'))
    return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args)
  } as typeof realConnect
  dataDir = mkdtempSync(join(tmpdir(), 'jucun-db-conformance-'))
  server = await startDatabase({ dataDir, port: 0, indexes })
  Object.assign(process.env, localSdkEnv(server.url))
  const { database } = await import('../../cloudfunctions/shared/runtime/cloudbase')
  db = database()
  await db.createCollection(SCRATCH)
})

afterAll(async () => {
  net.Socket.prototype.connect = realConnect
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const scratch = () => db.collection(SCRATCH)
const first = async (id: string) => ((await scratch().doc(id).get()).data as Record<string, unknown>[])[0]

describe('documents', () => {
  test('add generates a CloudBase-style id and every value type round-trips, Dates included', async () => {
    const at = new Date('2024-05-06T07:08:09.123Z')
    const doc = { n: 1.5, neg: -7, big: 2 ** 40, ok: true, none: null, tags: ['a', 1], nested: { at, deep: { x: 'y' } }, at }
    const { id } = await scratch().add(doc)
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    const stored = await first(id as string)
    expect(stored).toEqual({ _id: id, ...doc })
    expect(stored.at).toBeInstanceOf(Date)
    expect((stored.at as Date).getTime()).toBe(at.getTime())
  })

  test('add keeps a given _id; a second add with it fails with DATABASE_DUPLICATE_WRITE', async () => {
    expect((await scratch().add({ _id: 'dup-1', v: 1 })).id).toBe('dup-1')
    await expect(scratch().add({ _id: 'dup-1', v: 2 })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    expect(await first('dup-1')).toEqual({ _id: 'dup-1', v: 1 })
  })

  test('add of an array inserts them all', async () => {
    const { ids } = await scratch().add([{ _id: 'batch-1' }, { _id: 'batch-2' }])
    expect(ids).toEqual(['batch-1', 'batch-2'])
    expect(await first('batch-2')).toEqual({ _id: 'batch-2' })
  })

  // MongoDB's insertMany is ordered by default: the documents before the duplicate go in, the rest do
  // not, and the write fails (E11000). insert-once.ts relies on the failure's code, then adds each on its own.
  test('add of an array meeting a duplicate fails with DATABASE_DUPLICATE_WRITE there: those before it are stored, none after', async () => {
    await scratch().add({ _id: 'batch-dup' })
    await expect(scratch().add([{ _id: 'batch-before' }, { _id: 'batch-dup', v: 2 }, { _id: 'batch-after' }])).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    expect(await first('batch-dup')).toEqual({ _id: 'batch-dup' })
    expect(await first('batch-after')).toBeUndefined()
    expect(await first('batch-before')).toEqual({ _id: 'batch-before' })
  })

  test('update merges nested objects by path; set replaces the whole document', async () => {
    await scratch().add({ _id: 'merge', profile: { name: 'A', phone: '1' }, keep: true })
    expect((await scratch().doc('merge').update({ profile: { name: 'B' } })).updated).toBe(1)
    expect(await first('merge')).toEqual({ _id: 'merge', profile: { name: 'B', phone: '1' }, keep: true })
    expect((await scratch().doc('merge').set({ profile: { name: 'C' } })).updated).toBe(1)
    expect(await first('merge')).toEqual({ _id: 'merge', profile: { name: 'C' } })
  })

  test('set on a missing document creates it; update on one changes nothing', async () => {
    const set = await scratch().doc('upserted').set({ v: 1 })
    expect(set).toMatchObject({ updated: 0, upsertedId: 'upserted' })
    expect(await first('upserted')).toEqual({ _id: 'upserted', v: 1 })
    expect((await scratch().doc('never').update({ v: 1 })).updated).toBe(0)
    expect((await scratch().doc('never').get()).data).toEqual([])
  })

  test('doc remove deletes one document and reports it', async () => {
    await scratch().add({ _id: 'gone' })
    expect((await scratch().doc('gone').remove()).deleted).toBe(1)
    expect((await scratch().doc('gone').remove()).deleted).toBe(0)
    expect((await scratch().doc('gone').get()).data).toEqual([])
  })

  test('update operators: inc, set, remove, push, pull, addToSet, mul, max, pop, unshift', async () => {
    const _ = db.command
    await scratch().add({ _id: 'ops', n: 1, m: 3, hi: 5, obj: { a: 1, b: 2 }, gone: 1, list: [1, 2], set: ['x'], q: [1, 2, 3] })
    await scratch().doc('ops').update({
      n: _.inc(2), m: _.mul(2), hi: _.max(9), obj: _.set({ c: 3 }), gone: _.remove(),
      list: _.push([3, 4]), set: _.addToSet('x'), q: _.pop(),
    })
    await scratch().doc('ops').update({ list: _.pull(1), set: _.addToSet('y'), q: _.unshift([0]) })
    expect(await first('ops')).toEqual({ _id: 'ops', n: 3, m: 6, hi: 9, obj: { c: 3 }, list: [2, 3, 4], set: ['x', 'y'], q: [0, 1, 2] })
  })

  test('update operators it may come to use: min, rename, pullAll, shift, push with each/position/slice', async () => {
    const _ = db.command
    await scratch().add({ _id: 'ops2', lo: 5, old: 1, list: [1, 2, 3, 2], q: [1, 2, 3], p: [1, 4] })
    await scratch().doc('ops2').update({ lo: _.min(3), old: _.rename('renamed'), list: _.pullAll([2]), q: _.shift(), p: _.push({ each: [2, 3], position: 1, slice: 3 }) })
    expect(await first('ops2')).toEqual({ _id: 'ops2', lo: 3, renamed: 1, list: [1, 3], q: [2, 3], p: [1, 2, 3] })
  })

  test('an update of _id or of the wrong type fails with DATABASE_REQUEST_FAILED', async () => {
    await scratch().add({ _id: 'typed', s: 'text' })
    await expect(scratch().doc('typed').update({ s: db.command.inc(1) })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    expect(await first('typed')).toEqual({ _id: 'typed', s: 'text' })
  })

  test('serverDate is the server clock, offset applied', async () => {
    const before = Date.now()
    await scratch().add({ _id: 'clock', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) })
    const { at, later } = (await first('clock')) as { at: Date; later: Date }
    expect(at.getTime()).toBeGreaterThanOrEqual(before)
    expect(at.getTime()).toBeLessThanOrEqual(Date.now())
    expect(later.getTime() - at.getTime()).toBe(60_000)
  })
})

describe('queries', () => {
  const people = [
    { _id: 'p1', group: 'q', name: 'Alice', age: 30, city: { name: 'Shanghai' }, tags: ['a', 'b'], at: new Date(1000) },
    { _id: 'p2', group: 'q', name: 'bob', age: 25, city: { name: 'Beijing' }, tags: ['b'], at: new Date(2000) },
    { _id: 'p3', group: 'q', name: 'Carol', age: 35, city: { name: 'Shanghai' }, tags: [], at: new Date(3000), vip: true },
    { _id: 'p4', group: 'q', name: 'Dave', age: 25, city: { name: 'Hangzhou' }, tags: ['c'], at: new Date(4000) },
  ]
  const ids = async (query: object) => ((await scratch().where({ group: 'q', ...query }).get()).data as { _id: string }[]).map((d) => d._id)

  beforeAll(async () => {
    await scratch().add(people)
  })

  test('comparison, set and logical operators', async () => {
    const _ = db.command
    expect(await ids({ age: _.eq(25) })).toEqual(['p2', 'p4'])
    expect(await ids({ age: _.neq(25) })).toEqual(['p1', 'p3'])
    expect(await ids({ age: _.gt(25).and(_.lt(35)) })).toEqual(['p1'])
    expect(await ids({ age: _.gte(30) })).toEqual(['p1', 'p3'])
    expect(await ids({ age: _.lte(25) })).toEqual(['p2', 'p4'])
    expect(await ids({ name: _.in(['bob', 'Dave']) })).toEqual(['p2', 'p4'])
    expect(await ids({ name: _.nin(['bob', 'Dave']) })).toEqual(['p1', 'p3'])
    expect(await ids({ vip: _.exists(true) })).toEqual(['p3'])
    expect(await ids({ age: _.or(_.eq(30), _.eq(35)) })).toEqual(['p1', 'p3'])
    expect(await ids({ tags: 'b' })).toEqual(['p1', 'p2'])
    expect(await ids({ at: _.gte(new Date(3000)) })).toEqual(['p3', 'p4'])
    const either = await scratch().where(_.or([{ group: 'q', age: 35 }, { group: 'q', name: 'bob' }])).get()
    expect((either.data as { _id: string }[]).map((d) => d._id)).toEqual(['p2', 'p3'])
  })

  test('operators the functions may come to use: all, elemMatch, size, expr (MongoDB semantics)', async () => {
    const _ = db.command
    const $ = db.command.aggregate
    expect(await ids({ tags: _.all(['a', 'b']) })).toEqual(['p1'])
    expect(await ids({ tags: _.elemMatch(_.eq('c')) })).toEqual(['p4'])
    expect(await ids({ tags: _.size(0) })).toEqual(['p3'])
    // $expr compares across types by BSON order: a string name is greater than any number.
    expect(await ids({ $expr: $.gt(['$name', '$age']) } as object)).toEqual(['p1', 'p2', 'p3', 'p4'])
    expect(await ids({ $expr: $.lt(['$vip', null]) } as object)).toEqual(['p1', 'p2', 'p4'])
  })

  test('nested fields by object or dotted path, and db.RegExp', async () => {
    expect(await ids({ city: { name: 'Shanghai' } })).toEqual(['p1', 'p3'])
    expect(await ids({ 'city.name': 'Beijing' })).toEqual(['p2'])
    expect(await ids({ name: db.RegExp({ regexp: '^[ab]', options: 'i' }) })).toEqual(['p1', 'p2'])
  })

  test('orderBy (several keys), skip, limit and field', async () => {
    const page = await scratch().where({ group: 'q' }).orderBy('age', 'asc').orderBy('name', 'desc').skip(1).limit(2).field({ name: true }).get()
    // Strings compare as MongoDB does, by code point: 'bob' sorts after 'Dave'.
    expect(page.data).toEqual([{ _id: 'p4', name: 'Dave' }, { _id: 'p1', name: 'Alice' }])
  })

  test('count counts what where matches', async () => {
    expect((await scratch().where({ group: 'q', age: 25 }).count()).total).toBe(2)
  })

  test('where().update changes every match and reports how many changed', async () => {
    const result = await scratch().where({ group: 'q', age: 25 }).update({ junior: true })
    expect(result.updated).toBe(2)
    expect(await ids({ junior: true })).toEqual(['p2', 'p4'])
  })

  test('where().remove removes every match', async () => {
    await scratch().add([{ _id: 'r1', doomed: true }, { _id: 'r2', doomed: true }, { _id: 'r3', doomed: false }])
    expect((await scratch().where({ doomed: true }).remove()).deleted).toBe(2)
    expect((await scratch().where({ doomed: db.command.exists(true) }).get()).data).toEqual([{ _id: 'r3', doomed: false }])
  })

  test('updateAndReturn answers the document as updated, or nothing when nothing matched', async () => {
    await scratch().add({ _id: 'uar', n: 1 })
    const result = await scratch().where({ _id: 'uar' }).updateAndReturn({ n: db.command.inc(1) })
    expect(result).toMatchObject({ updated: 1, doc: { _id: 'uar', n: 2 } })
    const none = await scratch().where({ _id: 'no-such' }).updateAndReturn({ n: 1 })
    expect(none.updated).toBe(0)
    expect(none.doc ?? null).toBeNull()
  })
})

describe('conditional claims', () => {
  test('a conditional update reports 1 for the winner and 0 after', async () => {
    await scratch().add({ _id: 'wish', status: 'published' })
    const claim = (by: string) => scratch().where({ _id: 'wish', status: 'published' }).update({ status: 'claimed', by })
    expect((await claim('a')).updated).toBe(1)
    expect((await claim('b')).updated).toBe(0)
    expect(await first('wish')).toEqual({ _id: 'wish', status: 'claimed', by: 'a' })
  })

  test('of ten concurrent claims exactly one wins', async () => {
    await scratch().add({ _id: 'race', status: 'published' })
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => scratch().where({ _id: 'race', status: 'published' }).update({ status: 'claimed', by: `w${i}` })),
    )
    const winners = results.map((r) => r.updated as number)
    expect(winners.reduce((a, b) => a + b, 0)).toBe(1)
    const by = `w${winners.indexOf(1)}`
    expect(await first('race')).toEqual({ _id: 'race', status: 'claimed', by })
  })
})

describe('limits', () => {
  beforeAll(async () => {
    await db.createCollection('many')
    const docs = Array.from({ length: 1100 }, (_, i) => ({ _id: `m${String(i).padStart(4, '0')}`, i }))
    for (let at = 0; at < docs.length; at += 500) await db.collection('many').add(docs.slice(at, at + 500))
  })

  test('get answers 100 documents by default and 1000 at most', async () => {
    expect((await db.collection('many').count()).total).toBe(1100)
    expect((await db.collection('many').get()).data).toHaveLength(100)
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000)
    const rest = await db.collection('many').orderBy('i', 'asc').skip(1000).limit(1000).get()
    expect(rest.data).toHaveLength(100)
    expect((rest.data as { i: number }[])[0].i).toBe(1000)
  })
})

describe('limits of aggregate', () => {
  // CloudBase answers 20 rows when the pipeline has no $limit (WeChat community: "聚合查询默认是20条").
  test('an aggregate without limit answers 20 rows; with one, as many as asked', async () => {
    expect((await db.collection('many').aggregate().match({}).end()).data).toHaveLength(20)
    expect((await db.collection('many').aggregate().sort({ i: -1 }).end()).data).toHaveLength(20)
    expect((await db.collection('many').aggregate().match({}).limit(500).end()).data).toHaveLength(500)
  })
})

describe('errors', () => {
  test('a missing collection fails every operation with DATABASE_COLLECTION_NOT_EXIST', async () => {
    const missing = db.collection('no_such_collection')
    const code = { code: 'DATABASE_COLLECTION_NOT_EXIST' }
    await expect(missing.get()).rejects.toMatchObject(code)
    await expect(missing.add({ a: 1 })).rejects.toMatchObject(code)
    await expect(missing.doc('x').update({ a: 1 })).rejects.toMatchObject(code)
    await expect(missing.where({ a: 1 }).count()).rejects.toMatchObject(code)
    await expect(missing.aggregate().match({}).end()).rejects.toMatchObject(code)
  })

  test('a unique index rejects a second document with the same compound key, null counting as a value', async () => {
    const households = db.collection(Collections.households)
    await households.add({ _id: 'h1', buildingId: 'b1', room: '101' })
    await households.add({ _id: 'h2', buildingId: 'b1', room: '102' })
    await households.add({ _id: 'h3', buildingId: 'b2', room: '101' })
    const duplicate = { code: 'DATABASE_DUPLICATE_WRITE' }
    await expect(households.add({ _id: 'h4', buildingId: 'b1', room: '101' })).rejects.toMatchObject(duplicate)
    await expect(households.doc('h2').update({ room: '101' })).rejects.toMatchObject(duplicate)
    await households.add({ _id: 'h5', buildingId: 'b9' })
    await expect(households.add({ _id: 'h6', buildingId: 'b9', room: null })).rejects.toMatchObject(duplicate)
    expect((await households.where({ buildingId: 'b1' }).get()).data).toEqual([
      { _id: 'h1', buildingId: 'b1', room: '101' },
      { _id: 'h2', buildingId: 'b1', room: '102' },
    ])
  })
})

describe('aggregate', () => {
  beforeAll(async () => {
    await db.createCollection('orders')
    await db.createCollection('shops')
    await db.collection('shops').add([{ _id: 's1', name: 'One' }, { _id: 's2', name: 'Two' }])
    await db.collection('orders').add([
      { _id: 'o1', shop: 's1', amount: 10 },
      { _id: 'o2', shop: 's1', amount: 5 },
      { _id: 'o3', shop: 's2', amount: 7 },
      { _id: 'o4', shop: 's2', amount: 1 },
    ])
  })

  test('match, group, sort, skip, limit, project and lookup', async () => {
    const $ = db.command.aggregate
    const { data } = await db.collection('orders').aggregate()
      .match({ amount: db.command.gt(1) })
      .group({ _id: '$shop', total: $.sum('$amount'), orders: $.sum(1) })
      .sort({ total: -1 })
      .lookup({ from: 'shops', localField: '_id', foreignField: '_id', as: 'shop' })
      .project({ _id: 0, shop: '$_id', total: 1, orders: 1, name: $.arrayElemAt(['$shop.name', 0]) })
      .skip(0)
      .limit(5)
      .end()
    expect(data).toEqual([
      { shop: 's1', total: 15, orders: 2, name: 'One' },
      { shop: 's2', total: 7, orders: 1, name: 'Two' },
    ])
  })

  test('count', async () => {
    const { data } = await db.collection('orders').aggregate().match({ shop: 's2' }).count('n').end()
    expect(data).toEqual([{ n: 2 }])
  })
})

describe('update paths', () => {
  // MongoDB: PathNotViable, "Cannot create field 'x' in element {v: 1}".
  test('a dotted update through a number, string, null or array fails; through a missing field it creates', async () => {
    await scratch().add({ _id: 'paths', v: 1, s: 'text', n: null, list: [1, 2], obj: { a: 1 } })
    const failed = { code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining("Cannot create field 'x'") }
    await expect(scratch().doc('paths').update({ 'v.x': 1 })).rejects.toMatchObject(failed)
    await expect(scratch().doc('paths').update({ v: { x: 1 } })).rejects.toMatchObject(failed)
    await expect(scratch().doc('paths').update({ 's.x': db.command.inc(1) })).rejects.toMatchObject(failed)
    await expect(scratch().doc('paths').update({ 'n.x': 1 })).rejects.toMatchObject(failed)
    await expect(scratch().doc('paths').update({ 'list.x': 1 })).rejects.toMatchObject(failed)
    expect((await scratch().doc('paths').update({ 'list.1': 5, 'obj.b': 2, 'fresh.x': 1 })).updated).toBe(1)
    expect(await first('paths')).toEqual({ _id: 'paths', v: 1, s: 'text', n: null, list: [1, 5], obj: { a: 1, b: 2 }, fresh: { x: 1 } })
  })

  // MongoDB manual, "$ (update)": the first element the query matched; without a condition on the array it fails.
  test("positional 'arr.$' updates the first element the query matched; 'arr.$[]' every element", async () => {
    await scratch().add({ _id: 'positional', items: [{ id: 1, n: 0 }, { id: 2, n: 0 }, { id: 2, n: 0 }], nums: [1, 2, 3] })
    expect((await scratch().where({ _id: 'positional', 'items.id': 2 }).update({ 'items.$.n': 5 })).updated).toBe(1)
    expect((await scratch().where({ _id: 'positional', nums: db.command.gt(1) }).update({ 'nums.$': 20 })).updated).toBe(1)
    expect((await scratch().where({ _id: 'positional', items: db.command.elemMatch({ id: 1 }) }).update({ 'items.$.n': db.command.inc(3) })).updated).toBe(1)
    expect((await scratch().doc('positional').update({ 'nums.$[]': db.command.inc(1) })).updated).toBe(1)
    expect(await first('positional')).toEqual({ _id: 'positional', items: [{ id: 1, n: 3 }, { id: 2, n: 5 }, { id: 2, n: 0 }], nums: [2, 21, 4] })
    const noMatch = { code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('The positional operator did not find the match needed from the query') }
    await expect(scratch().doc('positional').update({ 'nums.$': 0 })).rejects.toMatchObject(noMatch)
  })
})

describe('comparison order of mixed types (MongoDB BSON order)', () => {
  const mixed = () => db.collection('mixed')
  beforeAll(async () => {
    await db.createCollection('mixed')
    await mixed().add([
      { _id: 't1', v: 'a' },
      { _id: 't2', v: null },
      { _id: 't3' },
      { _id: 't4', v: 5 },
      { _id: 't5', v: { a: 1 } },
      { _id: 't6', v: [1, 9] },
      { _id: 't7', v: true },
      { _id: 't8', v: new Date(0) },
      { _id: 't9', v: [] },
    ])
  })
  const ids = (rows: unknown[]) => (rows as { _id: string }[]).map((row) => row._id)

  test('orderBy and $sort: [] < null = missing < numbers < strings < objects < arrays < booleans < dates; an array by its least (asc) or greatest (desc) element', async () => {
    const ascending = ['t9', 't2', 't3', 't6', 't4', 't1', 't5', 't7', 't8']
    const descending = ['t8', 't7', 't5', 't1', 't6', 't4', 't2', 't3', 't9']
    expect(ids((await mixed().orderBy('v', 'asc').get()).data)).toEqual(ascending)
    expect(ids((await mixed().orderBy('v', 'desc').get()).data)).toEqual(descending)
    expect(ids((await mixed().aggregate().sort({ v: 1 }).limit(20).end()).data)).toEqual(ascending)
    expect(ids((await mixed().aggregate().sort({ v: -1 }).limit(20).end()).data)).toEqual(descending)
  })

  test('aggregation $gt/$lt/$eq/$cmp compare across types; a missing field is below null and not equal to it', async () => {
    const $ = db.command.aggregate
    const { data } = await mixed().aggregate()
      .project({ gt4: $.gt(['$v', 4]), belowNull: $.lt(['$v', null]), isNull: $.eq(['$v', null]), cmp: $.cmp(['$v', 'b']) })
      .limit(20)
      .end()
    const by = Object.fromEntries((data as Array<{ _id: string }>).map(({ _id, ...rest }) => [_id, rest]))
    expect(by).toEqual({
      t1: { gt4: true, belowNull: false, isNull: false, cmp: -1 },
      t2: { gt4: false, belowNull: false, isNull: true, cmp: -1 },
      t3: { gt4: false, belowNull: true, isNull: false, cmp: -1 },
      t4: { gt4: true, belowNull: false, isNull: false, cmp: -1 },
      t5: { gt4: true, belowNull: false, isNull: false, cmp: 1 },
      t6: { gt4: true, belowNull: false, isNull: false, cmp: 1 },
      t7: { gt4: true, belowNull: false, isNull: false, cmp: 1 },
      t8: { gt4: true, belowNull: false, isNull: false, cmp: 1 },
      t9: { gt4: true, belowNull: false, isNull: false, cmp: 1 },
    })
  })

  test('a query compares like with like only (type bracketing): gt(4) matches numbers, lt("b") strings', async () => {
    expect(ids((await mixed().where({ v: db.command.gt(4) }).get()).data)).toEqual(['t4', 't6'])
    expect(ids((await mixed().where({ v: db.command.lt('b') }).get()).data)).toEqual(['t1'])
    expect(ids((await mixed().where({ v: null }).get()).data)).toEqual(['t2', 't3'])
  })
})

describe('the stages and expressions the dashboards and the tally use', () => {
  beforeAll(async () => {
    await db.createCollection('items')
    await db.collection('items').add([
      { _id: 'i1', c: 'c1', g: 'g1', at: 10, done: 15, options: ['a', 'b'] },
      { _id: 'i2', c: 'c1', g: 'g1', at: 25, options: ['a'] },
      { _id: 'i3', c: 'c1', at: 12, done: null, options: [] },
      { _id: 'i4', c: 'c2', g: 'g2', at: 40, done: 41, options: ['b'] },
    ])
  })

  test('addFields with $cond, $ifNull, $not, $and, $floor, $divide, $subtract; group by a key with a missing part; $sum of $cond', async () => {
    const $ = db.command.aggregate
    const { data } = await db.collection('items').aggregate()
      .match({ at: db.command.gte(0) })
      .addFields({
        answered: $.cond([$.and([$.not([$.eq([$.ifNull(['$done', null]), null])]), $.lte(['$done', 20])]), 1, 0]),
        week: $.floor($.divide([$.subtract([$.ifNull(['$done', -1]), 0]), 10])),
      })
      .group({ _id: { c: '$c', g: '$g' }, answered: $.sum('$answered'), weekOne: $.sum($.cond([$.eq(['$week', 1]), 1, 0])), n: $.sum(1) })
      .sort({ '_id.c': 1, '_id.g': 1 })
      .limit(10)
      .end()
    expect(data).toEqual([
      { _id: { c: 'c1' }, answered: 0, weekOne: 0, n: 1 },
      { _id: { c: 'c1', g: 'g1' }, answered: 1, weekOne: 1, n: 2 },
      { _id: { c: 'c2', g: 'g2' }, answered: 0, weekOne: 0, n: 1 },
    ])
  })

  test('unwind then group counts each array element once; an empty array drops out', async () => {
    const $ = db.command.aggregate
    const { data } = await db.collection('items').aggregate().match({ c: 'c1' }).unwind('$options').group({ _id: '$options', n: $.sum(1) }).sort({ _id: 1 }).limit(8).end()
    expect(data).toEqual([{ _id: 'a', n: 2 }, { _id: 'b', n: 1 }])
  })
})

/**
 * Each operator in the form a function relies on it, where MongoDB's manual fixes an edge the cases
 * above leave open: an array field, null against a missing field, an exclusion, a command inside and().
 */
describe('the operators as the functions use them', () => {
  const counters = [
    { _id: 'u1', kind: 'uses', recent: ['k1', 'k2'], hidden: null, via: 'phone', total: 2, timeline: [1] },
    { _id: 'u2', kind: 'uses', recent: ['k3'], via: null, total: 0 },
    { _id: 'u3', kind: 'uses', recent: [], hidden: { by: 'x' }, total: 5 },
    { _id: 'u4', kind: 'uses', total: 1 },
  ]
  const ids = async (query: object) => ((await scratch().where({ kind: 'uses', ...query }).orderBy('_id', 'asc').get()).data as { _id: string }[]).map((d) => d._id)
  beforeAll(async () => {
    await scratch().add(counters)
  })

  // "$nin selects the documents where the field value is not in the specified array or the field does
  // not exist"; on an array, none of its elements is (rate-limiter: a retried key is not counted twice).
  test('nin on an array field: no element listed; a missing field matches', async () => {
    expect(await ids({ recent: db.command.nin(['k2']) })).toEqual(['u2', 'u3', 'u4'])
    expect(await ids({ recent: db.command.in(['k2', 'k3']) })).toEqual(['u1', 'u2'])
  })

  // "{ field: null } matches documents that contain the field whose value is null or that do not
  // contain the field"; "$ne: null" the ones where it exists and is not null (a comment's hide, a cast ballot).
  test('equality with null matches null and missing; neq(null) neither; exists(false) only missing', async () => {
    expect(await ids({ hidden: null })).toEqual(['u1', 'u2', 'u4'])
    expect(await ids({ via: db.command.neq(null) })).toEqual(['u1'])
    expect(await ids({ timeline: db.command.exists(false) })).toEqual(['u2', 'u3', 'u4'])
    expect(await ids({ hidden: db.command.eq(null) })).toEqual(['u1', 'u2', 'u4'])
  })

  test('a command inside a top-level and([...]) next to plain conditions', async () => {
    const _ = db.command
    const found = await scratch().where(_.and([{ kind: 'uses', total: _.gte(1) }, _.or([{ via: 'phone' }, { recent: _.exists(false) }])])).orderBy('_id', 'asc').get()
    expect((found.data as { _id: string }[]).map((d) => d._id)).toEqual(['u1', 'u4'])
  })

  test('field() with false leaves those fields out and keeps every other', async () => {
    const { data } = await scratch().where({ kind: 'uses', _id: 'u1' }).field({ timeline: false, recent: false }).get()
    expect(data).toEqual([{ _id: 'u1', kind: 'uses', hidden: null, via: 'phone', total: 2 }])
  })

  // "If an input document does not contain the localField, $lookup treats the field as having a value
  // of null for matching purposes": it joins the foreign documents whose foreignField is null or missing.
  test('lookup with a missing localField joins the foreign documents whose field is null or missing', async () => {
    await db.createCollection('homes')
    await db.collection('homes').add([{ _id: 'h1', owner: 'a' }, { _id: 'h2', owner: null }, { _id: 'h3' }])
    const { data } = await scratch().aggregate().match({ kind: 'uses', _id: db.command.in(['u1', 'u4']) }).sort({ _id: 1 })
      .lookup({ from: 'homes', localField: 'owner', foreignField: 'owner', as: 'homes' }).project({ homes: 1 }).end()
    expect((data as { _id: string; homes: { _id: string }[] }[]).map((d) => [d._id, d.homes.map((h) => h._id).sort()])).toEqual([['u1', ['h2', 'h3']], ['u4', ['h2', 'h3']]])
  })

  test('an aggregate sort by two keys, then skip and limit', async () => {
    const { data } = await scratch().aggregate().match({ kind: 'uses' }).sort({ total: -1, _id: 1 }).skip(1).limit(2).project({ total: 1 }).end()
    expect(data).toEqual([{ _id: 'u1', total: 2 }, { _id: 'u4', total: 1 }])
  })

  // "$sum ignores non-numeric values": a ballot with no area adds nothing, a group of none sums to 0.
  test('$sum of a field missing or null in some documents adds the numbers only', async () => {
    const $ = db.command.aggregate
    const { data } = await scratch().aggregate().match({ kind: 'uses' }).group({ _id: '$kind', viaSum: $.sum('$via'), total: $.sum('$total') }).end()
    expect(data).toEqual([{ _id: 'uses', viaSum: 0, total: 8 }])
  })

  test('push of one value appends it; inc and a dotted inc create a missing field; pull of a value missing changes nothing', async () => {
    const _ = db.command
    await scratch().where({ _id: 'u4', recent: _.nin(['k9']) }).update({ recent: _.push('k9'), hours: _.inc(2), 'byHour.h3': _.inc(1) })
    await scratch().doc('u3').update({ recent: _.pull('nothing'), total: _.inc(-5) })
    expect(await first('u4')).toMatchObject({ recent: ['k9'], hours: 2, byHour: { h3: 1 } })
    expect(await first('u3')).toMatchObject({ recent: [], total: 0 })
  })
})

describe('a unique index over an array field (multikey)', () => {
  const tagged = () => db.collection(TAGGED)
  // MongoDB manual, "Unique Multikey Index": no two documents may share an element; one may repeat its own.
  test('keys each element: a second document holding any of them is refused, a scalar counts as an element', async () => {
    const duplicate = { code: 'DATABASE_DUPLICATE_WRITE' }
    await tagged().add([{ _id: 'k1', tags: ['a', 'b'] }, { _id: 'k2', tags: ['c'] }, { _id: 'k3', tags: ['e', 'e'] }])
    await expect(tagged().add({ _id: 'k4', tags: ['b', 'd'] })).rejects.toMatchObject(duplicate)
    await expect(tagged().add({ _id: 'k5', tags: 'a' })).rejects.toMatchObject(duplicate)
    await expect(tagged().doc('k2').update({ tags: db.command.push(['a']) })).rejects.toMatchObject(duplicate)
    await tagged().doc('k1').update({ tags: ['x'] })
    await tagged().add({ _id: 'k6', tags: ['b'] })
    const tx = await db.startTransaction()
    await expect(tx.collection(TAGGED).add({ _id: 'k7', tags: ['q', 'c'] })).rejects.toMatchObject(duplicate)
    await tx.rollback()
    expect((await tagged().orderBy('_id', 'asc').get()).data).toEqual([
      { _id: 'k1', tags: ['x'] },
      { _id: 'k2', tags: ['c'] },
      { _id: 'k3', tags: ['e', 'e'] },
      { _id: 'k6', tags: ['b'] },
    ])
  })
})

describe('geo: geoNear, geoWithin, geoIntersects and the $geoNear stage over a 2dsphere index', () => {
  const places = () => db.collection(PLACES)
  // The SDK types db.Geo as holding Point only; it holds every GeoJSON constructor.
  const geo = () => db.Geo as unknown as typeof import('@cloudbase/database/dist/commonjs/geo')
  const centre = [121.47, 31.23] as const
  // Due north of the centre, so the distance is the latitude difference on MongoDB's sphere (6378.1 km).
  const north = (metres: number) => centre[1] + (metres / 6_378_100) * (180 / Math.PI)
  const point = (lat: number) => new (geo().Point)(centre[0], lat)
  const ids = (rows: unknown[]) => (rows as { _id: string }[]).map((row) => row._id)

  beforeAll(async () => {
    await places().add([
      { _id: 'far', kind: 'home', location: point(north(1100)) },
      { _id: 'mid', kind: 'shop', location: point(north(550)) },
      { _id: 'here', kind: 'home', location: point(centre[1]) },
      { _id: 'near', kind: 'home', location: point(north(110)) },
      { _id: 'nowhere', kind: 'home' },
    ])
  })

  test('a stored point reads back as a point', async () => {
    const { data } = await places().doc('here').get()
    expect((data as Array<{ location: { longitude: number; latitude: number } }>)[0].location).toMatchObject({ longitude: centre[0], latitude: centre[1] })
  })

  test('geoNear answers nearest first, within maxDistance and beyond minDistance, with other conditions', async () => {
    const _ = db.command
    const near = (options: object, extra: object = {}) => places().where({ ...extra, location: _.geoNear({ geometry: point(centre[1]), ...options }) }).get()
    expect(ids((await near({ maxDistance: 600 })).data)).toEqual(['here', 'near', 'mid'])
    expect(ids((await near({ maxDistance: 2000, minDistance: 100 })).data)).toEqual(['near', 'mid', 'far'])
    expect(ids((await near({ maxDistance: 2000 }, { kind: 'home' })).data)).toEqual(['here', 'near', 'far'])
    expect(ids((await near({})).data)).toEqual(['here', 'near', 'mid', 'far'])
  })

  test('geoWithin a centre sphere (radians) and a polygon; geoIntersects a point', async () => {
    const _ = db.command
    const within = await places().where({ location: _.geoWithin({ centerSphere: [point(centre[1]), 600 / 6_378_100] }) }).get()
    expect(ids(within.data)).toEqual(['mid', 'here', 'near'])
    const ring = [[121.469, north(-50)], [121.471, north(-50)], [121.471, north(200)], [121.469, north(200)], [121.469, north(-50)]]
    const polygon = new (geo().Polygon)([new (geo().LineString)(ring.map(([lng, lat]) => new (geo().Point)(lng, lat)))])
    expect(ids((await places().where({ location: _.geoWithin({ geometry: polygon }) }).get()).data)).toEqual(['here', 'near'])
    expect(ids((await places().where({ location: _.geoIntersects({ geometry: point(centre[1]) }) }).get()).data)).toEqual(['here'])
  })

  test('the $geoNear stage: first, with distanceField in metres, maxDistance and query', async () => {
    const { data } = await places().aggregate()
      .geoNear({ near: point(centre[1]), distanceField: 'distance', spherical: true, maxDistance: 600, query: { kind: 'home' } })
      .project({ _id: 1, distance: 1 })
      .end()
    const rows = data as Array<{ _id: string; distance: number }>
    expect(ids(rows)).toEqual(['here', 'near'])
    expect(rows[0].distance).toBe(0)
    expect(rows[1].distance).toBeCloseTo(110, 6)
  })

  test('without a 2dsphere index on the field every geo query is refused, as CloudBase refuses it', async () => {
    const _ = db.command
    await scratch().add({ _id: 'unindexed-place', location: point(centre[1]) })
    const noIndex = { code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('unable to find index') }
    await expect(scratch().where({ location: _.geoNear({ geometry: point(centre[1]) }) }).get()).rejects.toMatchObject(noIndex)
    await expect(scratch().where({ location: _.geoWithin({ centerSphere: [point(centre[1]), 0.1] }) }).get()).rejects.toMatchObject(noIndex)
    await expect(scratch().aggregate().geoNear({ near: point(centre[1]), distanceField: 'd', spherical: true }).end()).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('$geoNear requires a 2d or 2dsphere index'),
    })
  })

  test('near where MongoDB does not allow it (count, $match, a later stage) is refused; a location that is no point cannot be written', async () => {
    const _ = db.command
    const nearHere = { location: _.geoNear({ geometry: point(centre[1]), maxDistance: 600 }) }
    const notHere = { code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('not allowed in this context') }
    await expect(places().where(nearHere).count()).rejects.toMatchObject(notHere)
    await expect(places().aggregate().match(nearHere).end()).rejects.toMatchObject(notHere)
    await expect(places().aggregate().match({}).geoNear({ near: point(centre[1]), distanceField: 'd', spherical: true }).end()).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('only valid as the first stage'),
    })
    await expect(places().add({ _id: 'bad', location: { lng: 121.47, lat: 31.23 } })).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining("Can't extract geo keys"),
    })
  })
})

describe('transactions', () => {
  const accounts = () => db.collection(SCRATCH)

  beforeAll(async () => {
    await accounts().add([{ _id: 'acc-a', balance: 100 }, { _id: 'acc-b', balance: 0 }])
  })

  test('runTransaction commits every write together and returns the callback result', async () => {
    const result = await db.runTransaction(async (tx: Tx) => {
      const a = (await tx.collection(SCRATCH).doc('acc-a').get()).data as { balance: number }
      await tx.collection(SCRATCH).doc('acc-a').update({ balance: a.balance - 30 })
      await tx.collection(SCRATCH).doc('acc-b').update({ balance: db.command.inc(30) })
      await tx.collection(SCRATCH).add({ _id: 'transfer-1', amount: 30 })
      expect((await accounts().doc('acc-b').get()).data).toEqual([{ _id: 'acc-b', balance: 0 }])
      return 'moved'
    })
    expect(result).toBe('moved')
    expect(await first('acc-a')).toEqual({ _id: 'acc-a', balance: 70 })
    expect(await first('acc-b')).toEqual({ _id: 'acc-b', balance: 30 })
    expect(await first('transfer-1')).toEqual({ _id: 'transfer-1', amount: 30 })
  })

  test('rollback leaves nothing behind: create, set, update and delete all undone', async () => {
    const tx = await db.startTransaction()
    await tx.collection(SCRATCH).doc('tx-created').create({ v: 1 })
    await tx.collection(SCRATCH).doc('tx-set').set({ v: 1 })
    await tx.collection(SCRATCH).doc('acc-a').update({ balance: 0 })
    await tx.collection(SCRATCH).doc('acc-b').delete()
    expect((await tx.collection(SCRATCH).doc('tx-created').get()).data).toEqual({ _id: 'tx-created', v: 1 })
    expect((await tx.collection(SCRATCH).doc('acc-b').get()).data).toBeNull()
    expect((await tx.collection(SCRATCH).doc('tx-set').get()).data).toEqual({ _id: 'tx-set', v: 1 })
    expect((await tx.collection(SCRATCH).doc('acc-a').get()).data).toEqual({ _id: 'acc-a', balance: 0 })
    await tx.rollback()
    expect((await scratch().where({ _id: db.command.in(['tx-created', 'tx-set']) }).get()).data).toEqual([])
    expect(await first('acc-a')).toEqual({ _id: 'acc-a', balance: 70 })
    expect(await first('acc-b')).toEqual({ _id: 'acc-b', balance: 30 })
  })

  test('a throwing callback rolls back and rethrows; rollback(reason) rejects with the reason', async () => {
    const failing = db.runTransaction(async (tx: Tx) => {
      await tx.collection(SCRATCH).add({ _id: 'tx-thrown' })
      throw new Error('changed my mind')
    })
    await expect(failing).rejects.toThrow('changed my mind')
    const aborted = db.runTransaction(async (tx: Tx) => {
      await tx.collection(SCRATCH).add({ _id: 'tx-aborted' })
      await tx.rollback('no')
    })
    await expect(aborted).rejects.toBe('no')
    expect((await scratch().where({ _id: db.command.in(['tx-thrown', 'tx-aborted']) }).get()).data).toEqual([])
  })

  test('a duplicate _id or unique key inside a transaction fails with DATABASE_DUPLICATE_WRITE', async () => {
    const tx = await db.startTransaction()
    await expect(tx.collection(SCRATCH).add({ _id: 'acc-a' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    const households = tx.collection(Collections.households)
    await expect(households.add({ _id: 'h7', buildingId: 'b1', room: '101' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    await households.doc('h1').update({ room: '109' })
    await households.add({ _id: 'h8', buildingId: 'b1', room: '101' })
    await tx.commit()
    expect((await db.collection(Collections.households).doc('h8').get()).data).toEqual([{ _id: 'h8', buildingId: 'b1', room: '101' }])
  })

  test('a document changed outside after the transaction read it cannot be written in it', async () => {
    const tx = await db.startTransaction()
    const seen = (await tx.collection(SCRATCH).doc('acc-b').get()).data as { balance: number }
    await scratch().doc('acc-b').update({ balance: 999 })
    expect((await tx.collection(SCRATCH).doc('acc-b').get()).data).toEqual(seen)
    await expect(tx.collection(SCRATCH).doc('acc-b').update({ balance: seen.balance + 1 })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
    })
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
    expect(await first('acc-b')).toEqual({ _id: 'acc-b', balance: 999 })
  })

  test('two open transactions writing one document: the first writer commits, the second fails with the conflict', async () => {
    await scratch().add({ _id: 'contested', n: 0 })
    const [one, two] = await Promise.all([db.startTransaction(), db.startTransaction()])
    expect((await two.collection(SCRATCH).doc('contested').get()).data).toEqual({ _id: 'contested', n: 0 })
    await one.collection(SCRATCH).doc('contested').update({ n: 1 })
    await expect(two.collection(SCRATCH).doc('contested').update({ n: 2 })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
    })
    await expect(two.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
    await one.commit()
    expect(await first('contested')).toEqual({ _id: 'contested', n: 1 })
  })

  test('a document committed by another transaction since the start cannot be written: the later writer fails', async () => {
    await scratch().add({ _id: 'committed-first', n: 0 })
    const [one, two] = await Promise.all([db.startTransaction(), db.startTransaction()])
    await one.collection(SCRATCH).doc('committed-first').update({ n: 1 })
    await one.commit()
    expect((await two.collection(SCRATCH).doc('committed-first').get()).data).toEqual({ _id: 'committed-first', n: 0 })
    await expect(two.collection(SCRATCH).doc('committed-first').update({ n: 2 })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
    })
    expect(await first('committed-first')).toEqual({ _id: 'committed-first', n: 1 })
  })

  test('a document a transaction wrote, then changed outside it, fails its commit with the conflict', async () => {
    await scratch().add({ _id: 'outside-after', n: 0 })
    const tx = await db.startTransaction()
    await tx.collection(SCRATCH).doc('outside-after').update({ n: 1 })
    await scratch().doc('outside-after').update({ n: 5 })
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(await first('outside-after')).toEqual({ _id: 'outside-after', n: 5 })
  })

  test('runTransaction retries a callback that hit the conflict: both increments land', async () => {
    await scratch().add({ _id: 'counter', n: 0 })
    const bump = async (tx: Tx) => {
      const { n } = (await tx.collection(SCRATCH).doc('counter').get()).data as { n: number }
      await tx.collection(SCRATCH).doc('counter').update({ n: n + 1 })
    }
    let release!: () => void
    const readByBoth = new Promise<void>((resolve) => (release = resolve))
    let attempts = 0
    // The first bump reads, waits until the second has read the same snapshot, then writes and commits.
    const firstBump = db.runTransaction(async (tx: Tx) => {
      const { n } = (await tx.collection(SCRATCH).doc('counter').get()).data as { n: number }
      await readByBoth
      await tx.collection(SCRATCH).doc('counter').update({ n: n + 1 })
    })
    const secondBump = db.runTransaction(async (tx: Tx) => {
      attempts += 1
      if (attempts > 1) return bump(tx)
      const { n } = (await tx.collection(SCRATCH).doc('counter').get()).data as { n: number }
      release()
      await firstBump
      await tx.collection(SCRATCH).doc('counter').update({ n: n + 1 })
    })
    await Promise.all([firstBump, secondBump])
    expect(attempts).toBe(2)
    expect(await first('counter')).toEqual({ _id: 'counter', n: 2 })
  })

  test('concurrent transactions on different documents both commit', async () => {
    await scratch().add([{ _id: 'left', n: 0 }, { _id: 'right', n: 0 }])
    const [one, two] = await Promise.all([db.startTransaction(), db.startTransaction()])
    await one.collection(SCRATCH).doc('left').update({ n: 1 })
    await two.collection(SCRATCH).doc('right').update({ n: 2 })
    await Promise.all([one.commit(), two.commit()])
    expect(await first('left')).toEqual({ _id: 'left', n: 1 })
    expect(await first('right')).toEqual({ _id: 'right', n: 2 })
  })

  test('snapshot isolation: a transaction sees neither another\'s uncommitted write nor a commit after its start', async () => {
    await scratch().add({ _id: 'isolated', v: 'old' })
    const [writer, reader] = await Promise.all([db.startTransaction(), db.startTransaction()])
    await writer.collection(SCRATCH).doc('isolated').update({ v: 'new' })
    await writer.collection(SCRATCH).add({ _id: 'isolated-added', v: 'new' })
    expect((await reader.collection(SCRATCH).doc('isolated').get()).data).toEqual({ _id: 'isolated', v: 'old' })
    expect((await reader.collection(SCRATCH).doc('isolated-added').get()).data).toBeNull()
    expect(await first('isolated')).toEqual({ _id: 'isolated', v: 'old' })
    await writer.commit()
    expect((await reader.collection(SCRATCH).doc('isolated').get()).data).toEqual({ _id: 'isolated', v: 'old' })
    expect((await reader.collection(SCRATCH).doc('isolated-added').get()).data).toBeNull()
    await reader.commit()
    const later = await db.startTransaction()
    expect((await later.collection(SCRATCH).doc('isolated').get()).data).toEqual({ _id: 'isolated', v: 'new' })
    await later.rollback()
  })

  // WeChat 云开发 guide, 事务: "在事务中不支持批量操作（where 语句），只支持单记录操作（collection.doc, collection.add）".
  test('where().get() and where().updateAndReturn() inside a transaction are refused, naming what is served', async () => {
    await scratch().add({ _id: 'tx-where', v: 0 })
    const tx = await db.startTransaction()
    const refused = { code: 'INVALID_PARAM', message: expect.stringContaining('not supported in a transaction: only doc(id).get/set/update/remove and add') }
    await expect(tx.collection(SCRATCH).where({ _id: 'tx-where' }).get()).rejects.toMatchObject(refused)
    await expect(tx.collection(SCRATCH).where({ _id: 'tx-where' }).updateAndReturn({ v: 1 })).rejects.toMatchObject(refused)
    expect((await tx.collection(SCRATCH).doc('tx-where').get()).data).toEqual({ _id: 'tx-where', v: 0 })
    await tx.rollback()
    expect(await first('tx-where')).toEqual({ _id: 'tx-where', v: 0 })
  })

  test('where().update() inside a transaction runs outside it: the SDK sends it no transaction id', async () => {
    await scratch().add({ _id: 'outside', v: 0 })
    const tx = await db.startTransaction()
    expect((await tx.collection(SCRATCH).where({ _id: 'outside' }).update({ v: 1 })).updated).toBe(1)
    await tx.rollback()
    expect(await first('outside')).toEqual({ _id: 'outside', v: 1 })
  })

  test('a finished transaction answers DATABASE_TRANSACTION_FAIL', async () => {
    const tx = await db.startTransaction()
    await tx.commit()
    await expect(tx.collection(SCRATCH).doc('late').set({ v: 1 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
  })
})

describe('the server', () => {
  test('counts database requests by kind and collection', async () => {
    const stats = server.url.replace(/\/admin$/, '/__stats')
    await fetch(`${stats}/reset`, { method: 'POST' })
    await scratch().doc('acc-a').get()
    await scratch().where({ group: 'q' }).count()
    await db.runTransaction(async (tx: Tx) => {
      await tx.collection(SCRATCH).doc('acc-a').get()
    })
    const counted = (await (await fetch(stats)).json()) as { total: number; byCollection: Record<string, Record<string, number>> }
    expect(counted.total).toBe(5)
    expect(counted.byCollection).toEqual({
      [SCRATCH]: { getDocument: 2, calculateDocument: 1 },
      '-': { startTransaction: 1, commitTransaction: 1 },
    })
  })

  test('the SDK never left loopback', () => {
    expect([...contacted]).toEqual(['127.0.0.1'])
  })
})
