import { bindingRequest, household, whoami } from '../component/support/fixtures'
import { failure } from '@/types'
import { councilQueues } from './support/fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

const committee = whoami({ userId: 'staff-li', name: '康乐社区居委会', roles: ['resident', 'committee'], household, scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })
const pending = bindingRequest()

async function openWorkbench() {
  weapp.answer({
    directory: {
      whoami: committee,
      listBindingRequests: [pending, bindingRequest({ requestId: 'br-2', applicantName: '陈国华', applicantPhone: '139****2222' })],
      // The committee is not a branch secretary: that queue answers FORBIDDEN and is left out.
      listPartyRegistrations: failure('FORBIDDEN'),
      bindingContact: { room: '101室', phone: '13800001111' },
    },
    requests: { inboxCounts: { overdue: 0, toAccept: 0, inHand: 0, awaitingRating: 0, review: 0 } },
    wishes: { listForReview: { items: [], nextCursor: null }, branchOverview: failure('FORBIDDEN') },
    council: councilQueues.committee,
  })
  const mine = await weapp.launch('/pages/mine/index')
  await mine.tap('工作台')
  const workbench = await weapp.page('pages-staff/workbench/index')
  await workbench.find('王秀英')
  return workbench
}

test('a committee member checks the full contact and approves a household binding', async () => {
  weapp.answer({ directory: { decideBinding: bindingRequest({ status: 'approved', decidedAt: pending.createdAt + 86_400_000 }) } })
  const workbench = await openWorkbench()
  expect(workbench.has('住户绑定申请')).toBe(true)
  expect(workbench.has('党员报到')).toBe(false)
  expect(workbench.has('康乐社区 康乐小区 1号楼 101室')).toBe(true)
  expect(workbench.has('电话 138****1111')).toBe(true)

  await workbench.tap('核对时查看完整房号和电话', { index: 0 })
  await workbench.find('房号 101室，电话 13800001111（本次查看已记录）')
  expect(weapp.cloudCalls('directory', 'bindingContact').map((call) => call.input)).toEqual([{ requestId: 'br-1' }])

  await workbench.tap('同意', { index: 0 })
  await workbench.waitForGone('王秀英')
  expect(workbench.has('陈国华')).toBe(true)
  expect(weapp.cloudCalls('directory', 'decideBinding').map((call) => call.input)).toEqual([{ requestId: 'br-1', decision: 'approve' }])
  expect(weapp.toasts()).toEqual(['已同意绑定'])
})

test('refusing needs a reason of two characters or more, which goes to the resident', async () => {
  weapp.answer({ directory: { decideBinding: (input) => bindingRequest({ status: 'refused', reason: 'reason' in input ? input.reason : undefined }) } })
  const workbench = await openWorkbench()
  await workbench.tap('不同意…', { index: 0 })
  await workbench.type('不同意的原因', '错')
  await workbench.tap('确认不同意')
  await workbench.find('请写明原因（至少两个字），申请人会看到它。')
  expect(weapp.cloudCalls('directory', 'decideBinding')).toEqual([])

  await workbench.type('不同意的原因', '房号与登记信息不符')
  await workbench.tap('确认不同意')
  await workbench.waitForGone('王秀英')
  expect(weapp.cloudCalls('directory', 'decideBinding').map((call) => call.input)).toEqual([{ requestId: 'br-1', decision: 'refuse', reason: '房号与登记信息不符' }])
  expect(weapp.toasts()).toEqual(['已退回'])
})
