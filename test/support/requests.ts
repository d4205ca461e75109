import type { ActionInput, Message, Request, RequestDetail, RequestEvent } from '../../types'
import { newlyFiled, toStored, type StoredRequest } from '../../cloudfunctions/requests/request-store'
import { Collections, type CollectionName } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, type TestCloudbase } from './test-cloudbase'
import { seedHousehold } from '../../local/seed/demo-buildings'

/** The demo personas the request stories use (local/seed/demo-people.ts), by what they are. */
export const P = {
  residentA: 'demo-resident-a', // 康乐小区3号楼201 → 康乐一网格, 网格员周丽
  residentB: 'demo-resident-b', // 翠湖苑6号楼302 → 翠湖二网格, 网格员孙婷; 物业 → 翠湖苑物业
  newcomer: 'demo-resident-unbound',
  partyMember: 'demo-party-member', // 长桥新村2号201 → 康乐三网格
  workerKangleA: 'demo-worker-kangle-a', // 康乐一、二网格
  workerKangleB: 'demo-worker-kangle-b', // 康乐三、四网格
  workerCuihu: 'demo-worker-cuihu', // 翠湖一、二网格
  workerCuihu2: 'demo-worker-cuihu-2', // 翠湖一网格 on duty
  committeeKangle: 'demo-committee-kangle',
  committeeCuihu: 'demo-committee-cuihu',
  elderlyKangle: 'demo-elderly-kangle', // committee of 康乐
  streetAdmin: 'demo-street-admin',
  propertyCuihu: 'demo-property-cuihu',
} as const

export const HOUSEHOLD_A = seedHousehold('bldg-kl-3', '201')
export const HOUSEHOLD_B = seedHousehold('bldg-ch-6', '302')
/** Beside 康乐小区3号楼, inside 康乐一网格. */
export const POINT_KANGLE_3 = { lng: 121.4359, lat: 31.1887 }

export const HOUR = 3_600_000
export const DAY = 24 * HOUR

let keys = 0
/** A fresh idempotency key per filing form. */
export const newKey = (): string => `test-${process.pid}-${++keys}-${Date.now()}`

type FileInput = ActionInput<'requests', 'file'>

export function filing(over: Partial<FileInput> = {}): FileInput {
  return { idempotencyKey: newKey(), category: 'hazard', text: '楼道里电线乱拉，很危险', photos: [], place: { householdId: HOUSEHOLD_A }, ...over }
}

/** Files as the given resident and answers the detail (throws on a refusal). */
export async function fileAs(cloud: TestCloudbase, openid: string, over: Partial<FileInput> = {}): Promise<RequestDetail> {
  return expectOk(await cloud.call(openid, 'requests', 'file', filing(over)))
}

async function sdk() {
  return (await import('../../cloudfunctions/shared/runtime/cloudbase')).database()
}

/** Straight from the database: what the functions wrote, not what they answered. */
export async function documents<T>(collection: CollectionName, where: object): Promise<T[]> {
  const { data } = await (await sdk()).collection(collection).where(where).limit(1000).get()
  return data as T[]
}

export async function countAll(collections: readonly CollectionName[]): Promise<Record<string, number>> {
  const db = await sdk()
  const counts = await Promise.all(collections.map(async (name) => [name, (await db.collection(name).count()).total as number] as const))
  return Object.fromEntries(counts)
}

/** A request's timeline as stored: on its document (request-store), none if it has no timeline there. */
export const eventsOf = async (requestId: string) =>
  (await documents<{ timeline?: RequestEvent[] }>(Collections.requests, { _id: requestId }))[0]?.timeline ?? []

export const messagesFor = (recipientId: string, requestId: string) =>
  documents<Message>(Collections.messages, { recipientId, requestId })

/**
 * Many requests straight through the SDK, each a copy of one the function stored with some fields
 * changed, and what storage derives (timer, inbox order) worked out again as the function would.
 */
export async function insertCopies(template: StoredRequest, changes: readonly Partial<Request>[]): Promise<string[]> {
  const { contactRoom, timerDueAt: _t, inboxDueAt: _d, inboxRemindAt: _r, recentEvents: _e, ...request } = template
  const docs = changes.map((change, i) => toStored({ ...request, _id: `${template._id}-copy-${i}`, ...change }, [], newlyFiled(contactRoom)))
  const collection = (await sdk()).collection(Collections.requests)
  for (let i = 0; i < docs.length; i += 200) await collection.add(JSON.parse(JSON.stringify(docs.slice(i, i + 200))))
  return docs.map((doc) => doc._id)
}

/**
 * The database requests `run` makes, by collection and kind, as the local CloudBase counts them
 * (local/db/stats.ts): what CloudBase would bill for it.
 */
export async function databaseRequestsDuring(cloud: TestCloudbase, run: () => Promise<unknown>): Promise<Record<string, Record<string, number>>> {
  const stats = cloud.db.url.replace(/\/admin$/, '/__stats')
  await fetch(`${stats}/reset`, { method: 'POST' })
  await run()
  return ((await (await fetch(stats)).json()) as { byCollection: Record<string, Record<string, number>> }).byCollection
}
