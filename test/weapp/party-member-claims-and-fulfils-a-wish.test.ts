import { dateTimeLine } from '@/types/calendar'
import { photoView } from '../component/support/request-fixtures'
import { at, branchMember, claimerContact, DAY, maskedContact, wishClaim, wishDetail, wishItem } from '../component/support/wish-fixtures'
import { memberRecord } from '../component/support/wish-staff-fixtures'
import { subscription } from './support/fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

// 刘建华, a verified party member of 康乐一网格党支部, the wisher's branch.
const member = branchMember
const SUMMARY = '独居老人需要有人帮忙买降压药'
const NOTE = '药已经买好送到家，交给了王阿姨'
const lockUntil = at + 7 * DAY
const memberTemplates = [subscription('newWork', 1), subscription('alert', 0), subscription('progress', 2)]

/** The wish as a member of its branch reads it before anyone claims it: the words, the contact masked. */
const published = wishDetail({
  status: 'published',
  summary: SUMMARY,
  publishedAt: at + 3_600_000,
  contact: maskedContact,
  relations: ['branchMember'],
  availableActions: ['claim'],
  claimLockUntil: lockUntil,
  timeline: [],
})
const claimed = wishDetail({
  ...published,
  status: 'claimed',
  claim: wishClaim({ mine: true, claimerName: '刘建华', lockUntil }),
  contact: claimerContact,
  relations: ['claimer'],
  availableActions: ['fulfil', 'release'],
  claimLockUntil: null,
})

test('a party member claims a wish of the branch, sees the contact in full, rings, and fulfils it with a photo', async () => {
  weapp.answer({
    directory: { whoami: member, mySubscriptions: memberTemplates, grantSubscriptions: memberTemplates },
    wishes: {
      listForMe: { items: [wishItem({ near: 'grid' })], nextCursor: null },
      myRecord: { record: memberRecord({ memberId: 'openid-member', realised: 0, liveClaims: 0 }), lines: [] },
      detail: published,
      claim: claimed,
      fulfil: (input) =>
        wishDetail({
          ...claimed,
          status: 'fulfilled',
          fulfilment: { at: at + 2 * DAY, note: input.note, photos: input.photos.map((id) => photoView(id, { state: 'pending' })) },
          availableActions: [],
        }),
    },
  })
  const mine = await weapp.launch('/pages/mine/index')
  await mine.tap('认领微心愿')
  const list = await weapp.page('pages-wish/member/index')
  await list.find('同一网格')
  expect(weapp.cloudCalls('wishes', 'listForMe').map((call) => call.input)).toEqual([{ limit: 20 }])
  await list.tap(SUMMARY)

  const wish = await weapp.page('pages-wish/detail/index')
  expect(wish.query.id).toBe('w-1')
  await wish.find('助老助残 · 等待党员认领')
  // Before the claim her name and phone are masked, and her address is not there at all.
  await wish.find('王*')
  await wish.find('138****1111')
  await wish.find('认领以后才能看到完整的联系方式。')
  expect(wish.has(claimerContact.address ?? '')).toBe(false)
  expect(wish.has(/拨打/)).toBe(false)

  await wish.tap('我来认领')
  // A claimer hears of the 24-h reminder, the resident's confirmation and the next wish: asked at the tap.
  expect(weapp.wxCalls('requestSubscribeMessage')).toEqual([{ tmplIds: ['T-alert', 'T-newWork', 'T-progress'], entityIds: [] }])
  await wish.find(`认领后请在 ${dateTimeLine(lockUntil)} 前完成（2025年3月10日前需要）。`)
  await wish.find('认领后能看到居民的姓名、电话和地址，请上门帮忙。')
  expect(weapp.cloudCalls('wishes', 'claim')).toEqual([])
  await wish.tap('确认认领')

  await wish.find('助老助残 · 党员已认领')
  expect(weapp.cloudCalls('wishes', 'claim').map((call) => call.input)).toEqual([{ wishId: 'w-1' }])
  expect(weapp.toasts()).toEqual(['认领成功'])
  await wish.find(`您认领了这个心愿，请在 ${dateTimeLine(lockUntil)} 前办好，办好后点“我已完成”。`)
  await wish.find('王秀英')
  // In the 电话 row, and again as the call button's number line.
  await wish.find('13800001111', { index: 1 })
  await wish.find('康乐社区 康乐小区 1号楼 101室')
  await wish.find('只用来帮这个心愿，请不要告诉别人。')
  await wish.tap('拨打 13800001111')
  expect(weapp.wxCalls('makePhoneCall')).toEqual([{ phoneNumber: '13800001111' }])

  await wish.tap('我已完成')
  await wish.tap('告诉居民已经办好')
  await wish.find('请写一下做了什么。')
  expect(weapp.cloudCalls('wishes', 'fulfil')).toEqual([])
  await wish.type('做了什么', NOTE)
  const [picked] = weapp.media.willPickPhotos('handed-over.jpg')
  await wish.tap('添加照片（最多 3 张）')
  await wish.find('再加照片（还能加 2 张）')
  await wish.waitForGone('上传中…')
  await wish.tap('告诉居民已经办好')

  await wish.find('助老助残 · 已完成，等待确认')
  await wish.find('您已经办好了，正在等居民确认。')
  const [{ fileID }] = weapp.uploads()
  // Into the member's own folder (whoami's userId), under today's Beijing date.
  expect(weapp.uploads()).toEqual([{ cloudPath: expect.stringMatching(/^requests\/openid-member\/\d{8}\/\d+-\w+\.jpg$/), filePath: picked, fileID }])
  expect(weapp.cloudCalls('wishes', 'fulfil').map((call) => call.input)).toEqual([{ wishId: 'w-1', note: NOTE, photos: [fileID] }])
  await wish.find(NOTE)
  // Its uploader sees the photo while WeChat's media check runs, marked as such.
  await wish.find('审核中')
  expect(weapp.toasts()).toEqual(['认领成功', '已告诉居民'])
  // The resident's confirmation is the next word the claimer hears: 进度, asked at the tap that sent it.
  expect(weapp.wxCalls('requestSubscribeMessage').slice(1)).toEqual([{ tmplIds: ['T-progress'], entityIds: [] }])
  expect(wish.has('我已完成')).toBe(false)
  expect(weapp.stack()).toEqual(['pages/mine/index', 'pages-wish/member/index', 'pages-wish/detail/index'])
})
