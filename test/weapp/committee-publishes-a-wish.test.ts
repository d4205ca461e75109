import { failure } from '@/types'
import { household, whoami } from '../component/support/fixtures'
import { maskedContact, wishDetail } from '../component/support/wish-fixtures'
import { wishItem } from '../component/support/wish-staff-fixtures'
import { councilQueues, subscription } from './support/fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

const committee = whoami({ userId: 'staff-li', name: '康乐社区居委会', roles: ['resident', 'committee'], household, scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })
const waiting = wishItem()
const WISH = waiting.excerpt
const SUMMARY = '独居老人需要有人帮忙买降压药'
const staffTemplates = [subscription('newWork', 2), subscription('alert', 0), subscription('review', 1)]

/** The wish as its reviewers read it: the words, the masked contact, the household's other recent wishes. */
const inReview = wishDetail({
  _id: waiting._id,
  text: WISH,
  neededBy: waiting.neededBy,
  contact: maskedContact,
  householdRecent: [],
  relations: ['committee'],
  availableActions: ['publish', 'return', 'convert'],
})

async function openTheWish() {
  weapp.answer({
    directory: { whoami: committee, listBindingRequests: [], listPartyRegistrations: failure('FORBIDDEN'), mySubscriptions: staffTemplates, grantSubscriptions: staffTemplates },
    requests: { inboxCounts: { overdue: 0, toAccept: 0, inHand: 0, awaitingRating: 0, review: 0 } },
    wishes: {
      listForReview: (input) => ({ items: input.queue === 'review' ? [waiting] : [], nextCursor: null }),
      branchOverview: failure('FORBIDDEN'),
      settings: { communityId: 'comm-kangle', openPerHousehold: 2 },
      detail: inReview,
    },
    council: councilQueues.committee,
  })
  const mine = await weapp.launch('/pages/mine/index')
  await mine.tap('工作台')
  const workbench = await weapp.page('pages-staff/workbench/index')
  await workbench.find('1 个待核实')
  await workbench.tap('心愿核实')
  const queue = await weapp.page('pages-wish/review/index')
  await queue.find('共 1 个')
  await queue.tap(WISH)
  const detail = await weapp.page('pages-wish/detail/index')
  expect(detail.query.id).toBe(waiting._id)
  await detail.find('助老助残 · 等待居委会核实')
  return detail
}

test('the committee finds a wish in 心愿核实 and publishes it with a public line the members will read', async () => {
  weapp.answer({
    wishes: {
      review: (input) =>
        wishDetail({
          ...inReview,
          status: 'published',
          summary: 'summary' in input ? input.summary : null,
          publishedAt: inReview.createdAt + 3_600_000,
          availableActions: [],
        }),
    },
  })
  const detail = await openTheWish()
  expect(weapp.cloudCalls('wishes', 'listForReview').map((call) => call.input)).toEqual([
    { queue: 'review', limit: 20 }, // the workbench's badge
    { queue: 'review', limit: 20 }, // the queue itself
  ])
  expect(weapp.cloudCalls('wishes', 'detail').map((call) => call.input)).toEqual([{ wishId: waiting._id }])
  // The reviewer reads the masked contact, with the deliberate look offered, and the household's recent wishes.
  await detail.find('138****1111')
  await detail.find('核实时查看完整电话和地址')
  await detail.find('这户最近 90 天的其他心愿')

  await detail.tap('核实通过，发布')
  // Deciding a review asks for the worker's own three, inside the tap, fewest left first.
  expect(weapp.wxCalls('requestSubscribeMessage')).toEqual([{ tmplIds: ['T-alert', 'T-review', 'T-newWork'], entityIds: [] }])
  await detail.find('党员看到的、心愿墙上公示的都是这一句。不要写姓名、门牌号和电话。')
  await detail.tap('发布给党员')
  await detail.find('请写一句公示内容，党员看到的就是这一句。')
  expect(weapp.cloudCalls('wishes', 'review')).toEqual([])

  await detail.type('公示内容', ` ${SUMMARY} `)
  await detail.tap('发布给党员')
  await detail.find('助老助残 · 等待党员认领')
  expect(weapp.cloudCalls('wishes', 'review').map((call) => call.input)).toEqual([{ wishId: waiting._id, decision: 'publish', summary: SUMMARY }])
  await detail.find('已经发给附近党支部的党员，正在等人认领。')
  await detail.find(SUMMARY)
  expect(weapp.toasts()).toEqual(['已发布'])
  expect(detail.has('核实通过，发布')).toBe(false)
  expect(detail.has('发布给党员')).toBe(false)
  expect(weapp.stack()).toEqual(['pages/mine/index', 'pages-staff/workbench/index', 'pages-wish/review/index', 'pages-wish/detail/index'])

  // Back in the queue, it has left 待核实.
  weapp.answer({ wishes: { listForReview: { items: [], nextCursor: null } } })
  await weapp.back()
  const queue = await weapp.page('pages-wish/review/index')
  await queue.find('没有等待核实的心愿。')
  expect(queue.has(WISH)).toBe(false)
  expect(weapp.cloudCalls('wishes', 'listForReview').map((call) => call.input)).toEqual([
    { queue: 'review', limit: 20 },
    { queue: 'review', limit: 20 },
    { queue: 'review', limit: 20 },
  ])
})

test('returning a wish needs a reason, which the resident reads', async () => {
  weapp.answer({ wishes: { review: (input) => wishDetail({ ...inReview, status: 'returned', returnReason: 'reason' in input ? input.reason : null, availableActions: [] }) } })
  const detail = await openTheWish()
  await detail.tap('退回')
  await detail.tap('确认退回')
  await detail.find('请写一下原因。')
  expect(weapp.cloudCalls('wishes', 'review')).toEqual([])
  await detail.type('退回的原因（居民会看到）', '请写清楚要买哪种药')
  await detail.tap('确认退回')
  await detail.find('助老助残 · 没有发布')
  await detail.find('居委会退回的原因')
  expect(weapp.cloudCalls('wishes', 'review').map((call) => call.input)).toEqual([{ wishId: waiting._id, decision: 'return', reason: '请写清楚要买哪种药' }])
  expect(weapp.toasts()).toEqual(['已退回'])
})
