import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
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
  server = await startDatabase({ dataDir, port: 0 })
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
    const inside = await tx.collection(SCRATCH).where({ _id: db.command.in(['tx-created', 'tx-set', 'acc-a', 'acc-b']) }).get()
    expect(inside.data).toEqual([{ _id: 'acc-a', balance: 0 }, { _id: 'tx-created', v: 1 }, { _id: 'tx-set', v: 1 }])
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
    const seen = await reader.collection(SCRATCH).where({ _id: db.command.in(['isolated', 'isolated-added']) }).get()
    expect(seen.data).toEqual([{ _id: 'isolated', v: 'old' }])
    await reader.commit()
    const later = await db.startTransaction()
    expect((await later.collection(SCRATCH).doc('isolated').get()).data).toEqual({ _id: 'isolated', v: 'new' })
    await later.rollback()
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
