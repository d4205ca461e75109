import { dateTimeLine } from '@/types/calendar'
import { household, whoami } from '../component/support/fixtures'
import { photoView } from '../component/support/request-fixtures'
import { at, branchMember, claimerContact, DAY, ledgerLine, wallLine, wishClaim, wishDetail, wishItem } from '../component/support/wish-fixtures'
import { memberRecord } from '../component/support/wish-staff-fixtures'
import { subscription } from './support/fixtures'
import type { SimElement } from './support/simulator'
import { propertiesOf } from './support/simulator'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

const resident = whoami({ household })
const SUMMARY = '独居老人需要有人帮忙买降压药'
const NOTE = '药已经买好送到家，交给了王阿姨'
const THANKS = '谢谢小刘，药收到了'
// The helper's photo, passed by WeChat's media check: the resident is shown it through its temporary URL.
const photo = photoView('cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-member/20250305/1741150000000-handed.jpg')
const fulfilledAt = at + 2 * DAY

/** The wish as its wisher reads it once the member says it is done: her own contact, the claimer masked. */
const fulfilled = wishDetail({
  status: 'fulfilled',
  summary: SUMMARY,
  publishedAt: at + 3_600_000,
  claim: wishClaim(),
  contact: claimerContact,
  fulfilment: { at: fulfilledAt, note: NOTE, photos: [photo] },
  availableActions: ['confirm'],
})
const realised = (confirmation: NonNullable<typeof fulfilled.confirmation>) => wishDetail({ ...fulfilled, status: 'realised', claim: null, confirmation, availableActions: [] })

test('a resident opens the fulfilled wish from 我的 → 我的心愿, sees what was done with the photo, and confirms with thanks and 5 分', async () => {
  weapp.answer({
    directory: { whoami: resident, mySubscriptions: [subscription('accepted', 0), subscription('progress', 1), subscription('replied', 0)], grantSubscriptions: [] },
    wishes: {
      listMine: { items: [wishItem({ status: 'fulfilled', claimed: true, claimerName: '刘*', lockUntil: at + 7 * DAY })], nextCursor: null },
      detail: fulfilled,
      confirm: (input) => realised({ at: at + 3 * DAY, via: 'wisher', thanks: input.thanks, rating: input.rating }),
    },
  })
  const mine = await weapp.launch('/pages/mine/index')
  await mine.tap('我的心愿')
  const list = await weapp.page('pages-wish/mine/index')
  await list.find('已完成，等待确认')
  await list.find('认领人：刘*')
  expect(weapp.cloudCalls('wishes', 'listMine').map((call) => call.input)).toEqual([{ limit: 20 }])
  await list.tap(SUMMARY)
  // Opening an unfinished wish of hers is a tap to hear how it goes on: 进度 and 办结待评价.
  expect(weapp.wxCalls('requestSubscribeMessage')).toEqual([{ tmplIds: ['T-replied', 'T-progress'], entityIds: [] }])

  const wish = await weapp.page('pages-wish/detail/index')
  await wish.find('助老助残 · 已完成，等待确认')
  await wish.find('党员说已经办好了。真的办好了，请在下面点“确认心愿已实现”。')
  await wish.find('刘*')
  const done = await wish.find(`党员说已经办好了（${dateTimeLine(fulfilledAt)}）`)
  expect(photosIn(done, NOTE)).toEqual([photo.url])
  expect(wish.has('审核中')).toBe(false)

  await wish.type('想对党员说的话（可不填）', THANKS)
  await wish.tap('5 分 · 非常满意')
  await wish.tap('确认心愿已实现')
  await wish.find('助老助残 · 心愿已实现')
  expect(weapp.cloudCalls('wishes', 'confirm').map((call) => call.input)).toEqual([{ wishId: 'w-1', thanks: THANKS, rating: 5 }])
  await wish.find('心愿已经实现了，谢谢帮忙的党员！')
  await wish.find('居民确认')
  await wish.find(`“${THANKS}”`)
  await wish.find('评分：5 分 · 非常满意')
  expect(wish.has('确认心愿已实现')).toBe(false)
  expect(wish.has('心愿实现了吗？')).toBe(false)

  // Back on her list, it reads again as it now stands.
  weapp.answer({ wishes: { listMine: { items: [wishItem({ status: 'realised', claimed: false })], nextCursor: null } } })
  await weapp.back()
  await list.find('心愿已实现')
  expect(weapp.cloudCalls('wishes', 'listMine')).toHaveLength(2)
  expect(weapp.stack()).toEqual(['pages/mine/index', 'pages-wish/mine/index'])
})

test('the wish wall shows the realised wish: what, which branch helped, and nothing of who or where', async () => {
  weapp.answer({
    directory: { whoami: resident },
    wishes: { wall: { communityId: 'comm-kangle', communityName: '康乐社区', items: [wallLine()], nextCursor: null } },
  })
  const home = await weapp.launch('/pages/home/index')
  await home.tap('微心愿')
  const wishHome = await weapp.page('pages-wish/home/index')
  await wishHome.tap('心愿墙')
  const wall = await weapp.page('pages-wish/wall/index')
  await wall.find('康乐社区的心愿墙')
  await wall.find(SUMMARY)
  await wall.find('康乐一网格党支部帮助实现')
  expect(weapp.cloudCalls('wishes', 'wall').map((call) => call.input)).toEqual([{ limit: 20 }])
  expect(wall.text()).not.toMatch(/王秀英|王\*|13800001111|101室|1号楼|刘建华/)
})

test('the member’s 服务记录 counts it, with its ledger line, which opens the wish', async () => {
  weapp.answer({
    directory: { whoami: branchMember },
    wishes: {
      listForMe: { items: [], nextCursor: null },
      myRecord: { record: memberRecord({ memberId: branchMember.userId, realised: 1, liveClaims: 0 }), lines: [ledgerLine()] },
      detail: realised({ at: at + 3 * DAY, via: 'wisher', thanks: THANKS, rating: 5 }),
    },
  })
  const mine = await weapp.launch('/pages/mine/index')
  await mine.tap('认领微心愿')
  const member = await weapp.page('pages-wish/member/index')
  await member.find('现在没有等待认领的心愿。')
  await member.tap('服务记录')
  await member.find('1 个心愿')
  await member.find('0 个（最多 3 个）')
  await member.find('+1 · 微心愿已确认实现 · 2025年3月6日')
  expect(weapp.cloudCalls('wishes', 'myRecord').map((call) => call.input)).toContainEqual({})

  await member.tap(SUMMARY)
  const wish = await weapp.page('pages-wish/detail/index')
  await wish.find('助老助残 · 心愿已实现')
  await wish.find(`“${THANKS}”`)
  expect(weapp.cloudCalls('wishes', 'detail').map((call) => call.input)).toEqual([{ wishId: 'w-1' }])
  expect(weapp.stack()).toEqual(['pages/mine/index', 'pages-wish/member/index', 'pages-wish/detail/index'])
})

/** The image sources shown in the block that holds both the title and the words under it. */
function photosIn(title: SimElement, words: string): string[] {
  let block = title.parentElement
  while (block && !(block.textContent ?? '').includes(words)) block = block.parentElement
  if (!block) throw new Error(`“${words}” is not shown under “${title.textContent}”`)
  return Array.from(block.querySelectorAll<SimElement>('wx-image')).map((image) => String(propertiesOf(image).src))
}
