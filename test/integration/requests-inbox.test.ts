import type { StoredRequest } from '../../cloudfunctions/requests/request-store'
import { dueTimes } from '../../cloudfunctions/shared/core/request/deadlines'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { DAY, documents, fileAs, HOUR, insertCopies, P } from '../support/requests'

/**
 * A grid worker with more than a thousand open items (a storm, a backlog): the most overdue still
 * come first, and paging reaches every one of them. The items go in through the SDK, not one filing
 * at a time.
 */
let cloud: TestCloudbase
let oldest: string[]
let all: string[]
beforeAll(async () => {
  cloud = await startTestCloudbase()
  const now = cloud.clock.now()
  const filed = await fileAs(cloud, P.residentA, { category: 'property', text: '楼道灯坏了' })
  const [template] = await documents<StoredRequest>(Collections.requests, { _id: filed._id })
  const accepted = (dispatchedAt: number, updatedAt: number) => ({
    status: 'accepted' as const, ownerId: P.workerKangleA, dispatchedAt, respondedAt: dispatchedAt, deadlines: dueTimes('property', dispatchedAt), updatedAt,
  })
  // Ten items dispatched two months ago and untouched since: the longest overdue, the least recently changed.
  oldest = await insertCopies(template, Array.from({ length: 10 }, (_, i) => accepted(now - 60 * DAY + i * HOUR, now - 60 * DAY + i * HOUR)))
  // 1,100 more, each touched in the last hour: some a little overdue, most still running.
  const recent = await insertCopies({ ...template, _id: `${template._id}-recent` }, Array.from({ length: 1100 }, (_, i) => accepted(now - (i % 10) * DAY, now - i * 1000)))
  all = [filed._id, ...oldest, ...recent]
})
afterAll(() => cloud.close())

test('the longest overdue are on the first page, longest first', async () => {
  const page = expectOk(await cloud.call(P.workerKangleA, 'requests', 'inbox', { limit: 20 }))
  expect(page.items.slice(0, 10).map((i) => i._id)).toEqual(oldest)
  expect(page.items.every((i) => i.due?.urgency === 'overdue')).toBe(true)
  expect(page.nextCursor).not.toBeNull()
  const overdue = expectOk(await cloud.call(P.workerKangleA, 'requests', 'inbox', { urgency: 'overdue', limit: 10 }))
  expect(overdue.items.map((i) => i._id)).toEqual(oldest)
})

test('paging reaches every open item once, in order of due time: nothing is cut', async () => {
  const seen: { id: string; dueAt: number }[] = []
  for (let cursor: string | undefined, pages = 0; pages < 100; pages++) {
    const page = expectOk(await cloud.call(P.workerKangleA, 'requests', 'inbox', { limit: 50, ...(cursor && { cursor }) }))
    seen.push(...page.items.map((i) => ({ id: i._id, dueAt: i.due!.dueAt })))
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  expect(seen.map((s) => s.id).sort()).toEqual([...all].sort())
  for (let i = 1; i < seen.length; i++) expect(seen[i].dueAt).toBeGreaterThanOrEqual(seen[i - 1].dueAt)
})

test('the urgency filters split the open work exactly as each item’s due says', async () => {
  const counts: Record<string, number> = {}
  for (const urgency of ['overdue', 'dueSoon', 'onTime'] as const) {
    let total = 0
    for (let cursor: string | undefined, pages = 0; pages < 100; pages++) {
      const page = expectOk(await cloud.call(P.workerKangleA, 'requests', 'inbox', { urgency, limit: 50, ...(cursor && { cursor }) }))
      expect(page.items.every((i) => i.due?.urgency === urgency)).toBe(true)
      total += page.items.length
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    counts[urgency] = total
  }
  expect(counts.overdue + counts.dueSoon + counts.onTime).toBe(all.length)
  expect(counts.overdue).toBeGreaterThan(10)
  expect(counts.dueSoon).toBeGreaterThan(0)
  expect(counts.onTime).toBeGreaterThan(0)
})
