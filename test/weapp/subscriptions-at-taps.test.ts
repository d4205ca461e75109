import { household, whoami } from '../component/support/fixtures'
import { requestDetail, requestSummary } from '../component/support/request-fixtures'
import { wishDetail, wishItem } from '../component/support/wish-fixtures'
import { failure } from '@/types'
import { councilQueues, message, routeDecision, subscription } from './support/fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

/**
 * Subscribe messages as a quota: each template accepted at a tap allows one message, so the app asks
 * at the taps that matter, for at most 3 templates (WeChat's limit), inside the tap (WeChat refuses
 * otherwise: the fake fails it, and nothing would be reported), and reports what was accepted.
 */
const resident = whoami({ household })
const gridWorker = whoami({ userId: 'staff-zhou', name: '网格员周丽', roles: ['resident', 'gridWorker'], household, scopes: { gridIds: ['grid-kangle-1'], communityIds: [], streetIds: [], branchIds: [] } })
const PROBLEM = '3号楼楼道里电线乱拉，晚上冒火花'
const asked = () => weapp.wxCalls('requestSubscribeMessage')
const reported = () => weapp.cloudCalls('directory', 'grantSubscriptions').map((call) => call.input)

async function fileAHazard(answers: Parameters<typeof weapp.answer>[0] = {}) {
  let askedBeforeFiling = -1
  let reportedBeforeFiling = -1
  weapp.answer({
    directory: { whoami: resident, route: routeDecision({ category: 'hazard', classifyRule: 'hazard→gridWorker' }), ...answers.directory },
    requests: {
      checkDuplicates: { items: [] },
      file: (input) => {
        askedBeforeFiling = asked().length
        reportedBeforeFiling = reported().length
        return requestDetail({ _id: 'rq-9', category: input.category, text: input.text })
      },
    },
  })
  const help = await weapp.launch('/pages-resident/help/index')
  await help.tap('安全隐患')
  await help.type('遇到了什么事', PROBLEM)
  await help.tap('提交')
  await help.find('提交成功，我们收到了')
  return { help, askedBeforeFiling: () => askedBeforeFiling, reportedBeforeFiling: () => reportedBeforeFiling }
}

describe('a resident filing', () => {
  test('is asked, in the submit tap, for the templates this deployment configured, fewest left first; the accepted ones are reported', async () => {
    weapp.subscribe.answer({ 'T-progress': 'reject' })
    const grants = [subscription('accepted', 1), subscription('progress', 0), subscription('replied', 3)]
    const { askedBeforeFiling, reportedBeforeFiling } = await fileAHazard({
      directory: {
        mySubscriptions: [subscription('accepted', 0), subscription('progress', 0), subscription('replied', 2)],
        grantSubscriptions: grants,
      },
    })
    expect(asked()).toEqual([{ tmplIds: ['T-accepted', 'T-progress', 'T-replied'], entityIds: [] }])
    // The prompt opened before the filing went out (WeChat opens it only inside the tap), and the
    // filing waited for the report: its 受理 notice is sent at once and needs the grant counted.
    expect(askedBeforeFiling()).toBe(1)
    expect(reportedBeforeFiling()).toBe(1)
    expect(reported()).toEqual([{ answers: { 'T-accepted': 'accept', 'T-replied': 'accept' }, always: false }])
  })

  test('a template not configured is not asked for, and one kept (总是保持以上选择) is reported as always', async () => {
    weapp.subscribe.itemSettings = { 'T-replied': 'accept' }
    await fileAHazard({
      directory: {
        mySubscriptions: [subscription('accepted', 2), subscription('replied', 0)],
        grantSubscriptions: (input) => Object.keys(input.answers).map((id) => subscription(id === 'T-replied' ? 'replied' : 'accepted', 1, { always: input.always })),
      },
    })
    expect(asked()).toEqual([{ tmplIds: ['T-replied', 'T-accepted'], entityIds: [] }])
    await weapp.waitForCall('directory', 'grantSubscriptions', 2)
    expect(reported()).toEqual([
      { answers: { 'T-replied': 'accept' }, always: true },
      { answers: { 'T-accepted': 'accept' }, always: false },
    ])
  })

  test('a refusal reports nothing, and the filing goes on as before', async () => {
    weapp.subscribe.answer('reject')
    const { help } = await fileAHazard({ directory: { mySubscriptions: [subscription('accepted'), subscription('progress'), subscription('replied')] } })
    expect(asked()).toHaveLength(1)
    await help.find('负责人：网格员周丽（康乐社区 康乐一网格）')
    expect(reported()).toEqual([])
    expect(weapp.cloudCalls('requests', 'file')).toHaveLength(1)
  })

  test('with nothing configured nobody is asked; with WeChat’s subscriptions switched off the filing still goes through', async () => {
    await fileAHazard()
    expect(asked()).toEqual([])

    weapp.subscribe.mainSwitch = false
    const { help } = await fileAHazard({ directory: { mySubscriptions: [subscription('accepted')] } })
    expect(asked()).toHaveLength(1)
    await help.find('负责人：网格员周丽（康乐社区 康乐一网格）')
    expect(reported()).toEqual([])
  })

  test('someone with six kinds (a resident who is also staff) is asked for 3 at a time: the resident three when filing', async () => {
    const everything = [subscription('newWork'), subscription('alert'), subscription('review'), subscription('accepted', 4), subscription('progress', 1), subscription('replied', 2)]
    await fileAHazard({ directory: { mySubscriptions: everything, grantSubscriptions: everything } })
    expect(asked()).toEqual([{ tmplIds: ['T-progress', 'T-replied', 'T-accepted'], entityIds: [] }])
  })
})

describe('a resident following a request', () => {
  test('opening one still being handled asks for 进度 and 办结待评价; a finished one asks nothing', async () => {
    weapp.answer({
      directory: { mySubscriptions: [subscription('accepted'), subscription('progress'), subscription('replied')], grantSubscriptions: [subscription('progress', 1)] },
      requests: {
        listMine: { items: [requestSummary(), requestSummary({ _id: 'rq-2', status: 'closed', excerpt: '垃圾桶满了没人收' })], nextCursor: null },
        detail: (input) => requestDetail({ _id: input.requestId }),
      },
    })
    const list = await weapp.launch('/pages/requests/index')
    await list.tap('3号楼电梯停了两天')
    await weapp.page('pages/request/index')
    expect(asked()).toEqual([{ tmplIds: ['T-progress', 'T-replied'], entityIds: [] }])
    await weapp.waitForCall('directory', 'grantSubscriptions')

    await weapp.back()
    await list.tap('垃圾桶满了没人收')
    await weapp.page('pages/request/index')
    expect(asked()).toHaveLength(1)
  })

  test('opening it from 首页 asks the same, in that tap: an answer awaited (进度, 办结待评价), and for a wish of mine still going on', async () => {
    weapp.answer({
      directory: { mySubscriptions: [subscription('accepted'), subscription('progress'), subscription('replied')], grantSubscriptions: [subscription('replied', 1)] },
      requests: {
        listMine: { items: [requestSummary({ status: 'accepted', owner: { id: 'staff-zhou', name: '网格员周丽' } })], nextCursor: null },
        detail: (input) => requestDetail({ _id: input.requestId }),
      },
      wishes: { listMine: { items: [wishItem({ status: 'published' })], nextCursor: null }, detail: wishDetail() },
    })
    weapp.subscribe.answer({ 'T-progress': 'reject', 'T-replied': 'accept' })
    const home = await weapp.launch('/pages/home/index')
    await home.tap('3号楼电梯停了两天')
    await weapp.page('pages/request/index')
    expect(asked()).toEqual([{ tmplIds: ['T-progress', 'T-replied'], entityIds: [] }])
    await weapp.waitForCall('directory', 'grantSubscriptions')
    expect(reported()).toEqual([{ answers: { 'T-replied': 'accept' }, always: false }])

    await weapp.back()
    await home.tap('腿脚不便，想请人帮忙买降压药')
    await weapp.page('pages-wish/detail/index')
    expect(asked()).toHaveLength(2)
  })

  test('rating asks at the 提交评价 tap, once the form is complete', async () => {
    const replied = requestDetail({ status: 'replied', reply: { text: '物业已经修好电梯', photos: [], at: requestDetail().createdAt + 3_600_000, by: 'staff-zhou' }, availableActions: ['rate', 'reopen'] })
    weapp.answer({
      directory: { mySubscriptions: [subscription('progress', 1), subscription('replied', 0)], grantSubscriptions: [subscription('progress', 2), subscription('replied', 1)] },
      requests: { detail: replied, rate: requestDetail({ status: 'closed', reply: replied.reply }) },
    })
    const detail = await weapp.launch('/pages/request/index?id=rq-1')
    await detail.tap('提交评价')
    await detail.find('请选一下事情解决了没有。')
    expect(asked()).toEqual([])
    await detail.tap('解决了')
    await detail.tap('满意')
    await detail.tap('提交评价')
    await detail.find('物业服务 · 已办结')
    expect(asked()).toEqual([{ tmplIds: ['T-replied', 'T-progress'], entityIds: [] }])
    await weapp.waitForCall('directory', 'grantSubscriptions')
    expect(reported()).toEqual([{ answers: { 'T-replied': 'accept', 'T-progress': 'accept' }, always: false }])
  })
})

describe('a worker', () => {
  const staffViews = [subscription('accepted', 0), subscription('progress', 0), subscription('replied', 0), subscription('newWork', 0), subscription('alert', 2), subscription('review', 1)]

  async function openWorkbench() {
    weapp.answer({
      directory: { whoami: gridWorker, mySubscriptions: staffViews, listBindingRequests: failure('FORBIDDEN'), listPartyRegistrations: failure('FORBIDDEN') },
      requests: { inboxCounts: { overdue: 0, toAccept: 0, inHand: 0, awaitingRating: 0, review: null } },
      wishes: { listForReview: { items: [], nextCursor: null }, branchOverview: failure('FORBIDDEN') },
      council: councilQueues.gridWorker,
    })
    const workbench = await weapp.launch('/pages-staff/workbench/index')
    await workbench.find('微信提醒')
    return workbench
  }

  test('sees on the workbench how many alerts are left, is told plainly when one kind is used up, and 补充提醒 asks and shows the new count', async () => {
    weapp.answer({
      directory: {
        grantSubscriptions: (input) => staffViews.map((view) => (view.templateId in input.answers ? { ...view, remaining: view.remaining + 1 } : view)),
      },
    })
    const workbench = await openWorkbench()
    expect(rows(workbench)).toEqual(['新派单 0 条', '催办督办 2 条', '待审核 1 条'])
    await workbench.find('新派单提醒已用完，点这里补充，否则只能在“消息”里看到。')
    // Only a worker's own kinds: a resident's templates are asked for at a resident's taps.
    expect(workbench.has(/受理|办结/)).toBe(false)

    await workbench.tap('补充提醒')
    expect(asked()).toEqual([{ tmplIds: ['T-newWork', 'T-review', 'T-alert'], entityIds: [] }])
    await workbench.waitForGone(/提醒已用完/)
    expect(rows(workbench)).toEqual(['新派单 1 条', '催办督办 3 条', '待审核 2 条'])
    expect(reported()).toEqual([{ answers: { 'T-newWork': 'accept', 'T-review': 'accept', 'T-alert': 'accept' }, always: false }])
  })

  test('who keeps them all (总是保持以上选择) is told so, and the warning itself is a tap that asks', async () => {
    weapp.subscribe.itemSettings = { 'T-newWork': 'accept', 'T-alert': 'accept', 'T-review': 'accept' }
    weapp.answer({ directory: { grantSubscriptions: staffViews.map((view) => ({ ...view, remaining: view.remaining + 1, always: view.kind === 'newWork' || view.kind === 'alert' || view.kind === 'review' })) } })
    const workbench = await openWorkbench()
    await workbench.tap('新派单提醒已用完，点这里补充，否则只能在“消息”里看到。')
    await workbench.find('已设置总是接收：您每次办事时会自动补充。')
    expect(reported()).toEqual([{ answers: { 'T-newWork': 'accept', 'T-review': 'accept', 'T-alert': 'accept' }, always: true }])
  })

  test('taking up an action on a request (接单) asks for the worker’s three, not the resident’s', async () => {
    weapp.answer({
      directory: { mySubscriptions: staffViews, grantSubscriptions: staffViews },
      requests: {
        detail: requestDetail({ availableActions: ['accept', 'transfer', 'escalate', 'refer'] }),
        accept: requestDetail({ status: 'accepted', availableActions: ['note', 'reply'] }),
      },
    })
    const request = await weapp.launch('/pages-staff/request/index?id=rq-1')
    await request.tap('接单')
    expect(asked()).toEqual([{ tmplIds: ['T-newWork', 'T-review', 'T-alert'], entityIds: [] }])
    // Closing the form again is not a new action.
    await request.tap('接单（收起）')
    expect(asked()).toHaveLength(1)
    await request.tap('接单')
    await request.tap('确认接单')
    await request.find('物业服务 · 已接单')
    expect(asked()).toHaveLength(2)
  })
})

test('消息 says which notices were also pushed to WeChat; the rest are only here', async () => {
  weapp.answer({
    requests: {
      myMessages: {
        items: [message({ delivery: 'sent' }), message({ _id: 'msg-2', title: '您反映的事已答复，请评价', kind: 'replied', delivery: 'noQuota' })],
        nextCursor: null,
      },
    },
  })
  const messages = await weapp.launch('/pages/messages/index')
  await messages.find('您反映的事已答复，请评价')
  expect(messages.all('已推送到微信')).toHaveLength(1)
})

/** The 微信提醒 card's rows, as a worker reads them. */
function rows(page: Awaited<ReturnType<typeof weapp.page>>): string[] {
  return page.all(/^(新派单|催办督办|待审核) \d+ 条$/).map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())
}
