import { whoami } from '../component/support/fixtures'
import { photoView, requestDetail } from '../component/support/request-fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

const committee = whoami({ userId: 'staff-huang', name: '康乐社区黄主任', roles: ['resident', 'committee'], scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })

test('a reviewer sees why an item is on the review tab, looks at the hidden photo and takes it off the tab', async () => {
  const hidden = { ...photoView('cloud://jucun-local.bucket/requests/u/20261203/a.jpg'), state: 'hidden' as const }
  const marked = requestDetail({ status: 'accepted', photos: [hidden], photoReview: true, availableActions: [] })
  weapp.answer({
    directory: { whoami: committee, listBindingRequests: [], listPartyRegistrations: [] },
    requests: { detail: marked, clearPhotoReview: requestDetail({ status: 'accepted', photos: [hidden], availableActions: [] }) },
  })
  const request = await weapp.launch(`/pages-staff/request/index?id=${marked._id}`)
  await request.find('有照片没有通过微信的内容检查')
  await request.tap('已看过，移出审核列表')
  expect(weapp.cloudCalls('requests', 'clearPhotoReview').map((call) => call.input)).toEqual([{ requestId: marked._id }])
  await request.find('这件事现在没有需要您办的。')
  expect(request.has('有照片没有通过微信的内容检查')).toBe(false)
})

test('nobody else is shown the notice', async () => {
  weapp.answer({
    directory: { whoami: committee, listBindingRequests: [], listPartyRegistrations: [] },
    requests: { detail: requestDetail({ status: 'accepted', availableActions: [] }) },
  })
  const request = await weapp.launch('/pages-staff/request/index?id=rq-1')
  await request.find('这件事现在没有需要您办的。')
  expect(request.has('有照片没有通过微信的内容检查')).toBe(false)
})
