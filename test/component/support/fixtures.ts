import type { BindingRequestView, HouseholdView, PartyRegistrationView, WhoAmI } from '@/types'

export const household: HouseholdView = {
  householdId: 'hh-kl-1-101',
  communityId: 'comm-kangle',
  communityName: '康乐社区',
  estate: '康乐小区',
  buildingId: 'bldg-kl-1',
  buildingName: '1号楼',
  room: '101室',
  gridId: 'grid-kangle-1',
  gridName: '康乐一网格',
}

export const bindingRequest = (over: Partial<BindingRequestView> = {}): BindingRequestView => ({
  requestId: 'br-1',
  status: 'pending',
  household,
  applicantName: '王秀英',
  tenure: 'owner',
  applicantPhone: '138****1111',
  createdAt: Date.UTC(2025, 2, 3),
  ...over,
})

export const registration = (over: Partial<PartyRegistrationView> = {}): PartyRegistrationView => ({
  registrationId: 'pr-1',
  status: 'pending',
  branchId: 'branch-grid-kangle-1',
  branchName: '康乐一网格党支部',
  memberName: '李建国',
  createdAt: Date.UTC(2025, 2, 4),
  ...over,
})

export const whoami = (over: Partial<WhoAmI> = {}): WhoAmI => ({
  userId: 'openid-resident',
  name: '王秀英',
  roles: ['resident'],
  household: null,
  party: null,
  pendingBinding: null,
  lastRefusedBinding: null,
  pendingRegistration: null,
  scopes: { gridIds: [], communityIds: [], streetIds: [], branchIds: [] },
  ...over,
})
