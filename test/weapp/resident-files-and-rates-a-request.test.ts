import { failure } from '@/types'
import { clockLine } from '@/types/calendar'
import { household, whoami } from '../component/support/fixtures'
import { photoView, requestDetail, requestSummary } from '../component/support/request-fixtures'
import { routeDecision } from './support/fixtures'
import type { SimElement } from './support/simulator'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

const resident = whoami({ household })
const PROBLEM = '3号楼楼道里电线乱拉，晚上冒火花'

test('a resident files a hazard from home: who will own it first, then the filing with a photo', async () => {
  weapp.answer({
    directory: { whoami: resident, route: routeDecision({ category: 'hazard', classifyRule: 'hazard→gridWorker' }) },
    requests: {
      checkDuplicates: { items: [] },
      file: (input) => requestDetail({ _id: 'rq-9', category: input.category, text: input.text, photos: input.photos.map((id) => photoView(id, { state: 'pending' })) }),
    },
  })
  const home = await weapp.launch('/pages/home/index')
  await home.tap('有困难找居村')
  const help = await weapp.page('pages-resident/help/index')
  await help.tap('安全隐患')
  await help.find('这件事会交给康乐社区康乐一网格，由 网格员周丽 办理，会一直跟到办完。')
  expect(weapp.cloudCalls('directory', 'route').map((call) => call.input)).toEqual([{ category: 'hazard', target: { householdId: household.householdId } }])

  await help.type('遇到了什么事', PROBLEM)
  await help.find(`${[...PROBLEM].length}/2000 字`)
  const [photo] = weapp.media.willPickPhotos('wires.jpg')
  await help.tap('添加照片（最多 9 张）')
  await help.find('再加照片（还能加 8 张）')
  await help.waitForGone('上传中…')
  // The number box stops at 11 digits, as the phone's keyboard does.
  await help.type('联系电话（可不填）', '138000011119')
  await help.tap('提交')

  await help.find('提交成功，我们收到了')
  await help.find('负责人：网格员周丽（康乐社区 康乐一网格）')
  const [{ fileID }] = weapp.uploads()
  // Into the resident's own folder (their openid, from whoami), under today's Beijing date.
  expect(weapp.uploads()).toEqual([{ cloudPath: expect.stringMatching(/^requests\/openid-resident\/\d{8}\/\d+-\w+\.jpg$/), filePath: photo, fileID }])
  expect(weapp.cloudCalls('requests', 'file').map((call) => call.input)).toEqual([
    {
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      category: 'hazard',
      text: PROBLEM,
      photos: [fileID],
      place: { householdId: household.householdId },
      contactPhone: '13800001111',
    },
  ])

  weapp.answer({ requests: { detail: requestDetail({ _id: 'rq-9', category: 'hazard', text: PROBLEM, photos: [photoView(fileID, { state: 'pending' })] }) } })
  await help.tap('看办理进度')
  const detail = await weapp.page('pages/request/index')
  await detail.find('安全隐患 · 等待接单')
  // Its uploader sees the photo while WeChat's media check runs, marked as such.
  await detail.find('审核中')
  // redirectTo: the filing page gives way to the request, so 返回 goes home, not back to the form.
  expect(weapp.stack()).toEqual(['pages/home/index', 'pages/request/index'])
  expect(weapp.cloudCalls('requests', 'detail').map((call) => call.input)).toEqual([{ requestId: 'rq-9' }])
})

test('a resident rates a replied request from 我的 → 我提交过的事, and the list shows it again on return', async () => {
  const replied = requestDetail({
    status: 'replied',
    reply: { text: '物业已经修好电梯，明天年检', photos: [], at: requestDetail().createdAt + 3_600_000, by: 'staff-zhou' },
    availableActions: ['rate', 'reopen'],
  })
  const closed = requestDetail({ status: 'closed', reply: replied.reply, rating: { outcome: 'resolved', satisfaction: 'satisfied', comment: '谢谢周丽', at: replied.createdAt + 7_200_000, by: 'openid-resident' } })
  weapp.answer({
    directory: { whoami: resident },
    requests: {
      listMine: { items: [requestSummary({ status: 'replied' })], nextCursor: null },
      detail: replied,
      rate: closed,
    },
  })
  const mine = await weapp.launch('/pages/mine/index')
  await mine.tap('我提交过的事')
  const list = await weapp.page('pages/requests/index')
  await list.find('已答复，等待评价')
  expect(weapp.cloudCalls('requests', 'listMine').map((call) => call.input)).toEqual([{ open: true, limit: 20 }])
  await list.tap('3号楼电梯停了两天')

  const detail = await weapp.page('pages/request/index')
  await detail.find('物业已经修好电梯，明天年检')
  await detail.tap('提交评价')
  await detail.find('请选一下事情解决了没有。')
  expect(weapp.cloudCalls('requests', 'rate')).toEqual([])
  await detail.tap('解决了')
  await detail.tap('满意')
  await detail.type('想说的话（可不填）', '谢谢周丽')
  await detail.tap('提交评价')

  await detail.find('解决了 · 满意')
  await detail.waitForGone('请评价这次办理')
  expect(detail.has('物业服务 · 已办结')).toBe(true)
  expect(weapp.cloudCalls('requests', 'rate').map((call) => call.input)).toEqual([{ requestId: 'rq-1', outcome: 'resolved', satisfaction: 'satisfied', comment: '谢谢周丽' }])

  await weapp.back()
  await weapp.waitForCall('requests', 'listMine', 2)
  expect(weapp.stack()).toEqual(['pages/mine/index', 'pages/requests/index'])
})

test('on the main package’s request page (no contract on the phone), a refusal naming the comment sits beside it, and “too often” says until when', async () => {
  const replied = requestDetail({ status: 'replied', reply: { text: '物业已经修好电梯', photos: [], at: requestDetail().createdAt + 3_600_000, by: 'staff-zhou' }, availableActions: ['rate', 'reopen'] })
  const retryAt = new Date(Date.now() + 10 * 60_000).toISOString()
  weapp.answer({
    directory: { whoami: resident },
    requests: { detail: replied, rate: failure('CONTENT_BLOCKED', '评价里有不宜发布的内容，请修改后再提交', ['comment']) },
  })
  const detail = await weapp.launch('/pages/request/index?id=rq-1')
  await detail.find('物业已经修好电梯')
  await detail.tap('解决了')
  await detail.tap('满意')
  await detail.type('想说的话（可不填）', '代开发票')
  await detail.tap('提交评价')

  // Beside the box it refused, and only there; changing the words takes it away.
  const beside = await detail.find(BLOCKED)
  expect(detail.all(BLOCKED)).toHaveLength(1)
  expect(fieldAround(beside)?.textContent).toContain('想说的话（可不填）')
  await detail.type('想说的话（可不填）', '谢谢')
  await detail.waitForGone(BLOCKED)

  weapp.answer({ requests: { rate: { ...failure('RATE_LIMITED'), retryAt } } })
  await detail.tap('提交评价')
  // In Beijing time, with the date only when it is not today.
  await detail.find(new RegExp(`^提交太频繁了，请 (\\S+ )?${clockLine(Date.parse(retryAt))} 以后再试。$`))
})

/** error-text.ts's words for CONTENT_BLOCKED. */
const BLOCKED = '填写的文字里有不宜发布的内容，请修改后再提交。'

/** The form field (its label, box and error) an element sits in. */
function fieldAround(element: SimElement): SimElement | null {
  let around: SimElement | null = element
  while (around && !/(^|\s|--)field(\s|$)/.test(around.getAttribute('class') ?? '')) around = around.parentElement
  return around
}
