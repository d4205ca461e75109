import { z } from 'zod'
import { GeoPoint, Polygon } from './geo.schema'

const Id = z.string().min(1).max(64)
const Name = z.string().trim().min(1).max(60)
const Timestamp = z.number().int().nonnegative()

/**
 * A number the public may ring at work: a post's mobile (1xxxxxxxxxx) or a landline with its area
 * code (021-64010001). Never a staff member's own phone (`User.phone`).
 */
export const WorkPhone = z.string().regex(/^(1\d{10}|0\d{2,3}-\d{7,8})$/)
export type WorkPhone = z.infer<typeof WorkPhone>

/** The seven community types of Shanghai's 一特征三清单 practice. */
export const CommunityType = z.enum(['老公房', '商品房', '混合型', '涉外', '农村宅基', '农民集中安置', '大型居住社区'])
export type CommunityType = z.infer<typeof CommunityType>

export const Street = z.object({ _id: Id, name: Name })
export type Street = z.infer<typeof Street>

export const Community = z.object({
  _id: Id,
  streetId: Id,
  name: Name,
  type: CommunityType,
  /** 一特征三清单: needs, resources and services lists, kept by the committee. */
  needs: z.array(z.string().max(200)),
  resources: z.array(z.string().max(200)),
  services: z.array(z.string().max(200)),
  /** Staff posts the category matrix routes to (e.g. the elderly-services worker). */
  posts: z.object({ elderlyServices: Id.optional(), general: Id.optional() }),
  /**
   * 三方议事 (issue 8 Deliberation): who speaks for the 业委会 and who are 居民代表, so a comment of theirs
   * is labelled with the role; the committee's staff and each estate's property contact are known already.
   */
  councilRoles: z.object({ ownersCommittee: z.array(Id).max(30), residentReps: z.array(Id).max(50) }).optional(),
  /** The committee's public line (居委会值班电话), on every resident's 首页. */
  hotline: WorkPhone.optional(),
})
export type Community = z.infer<typeof Community>

export const Grid = z.object({
  _id: Id,
  communityId: Id,
  name: Name,
  boundary: Polygon,
  /** Grid workers in rota order; the first is on duty unless `onDuty` names another. */
  workerIds: z.array(Id),
  onDuty: Id.optional(),
  branchId: Id,
})
export type Grid = z.infer<typeof Grid>

export const Building = z.object({
  _id: Id,
  gridId: Id,
  communityId: Id,
  /** 小区 or 自然村: the estate a property company serves. */
  estate: Name,
  name: Name,
  location: GeoPoint,
  partyGroupId: Id.optional(),
  propertyContactId: Id.optional(),
})
export type Building = z.infer<typeof Building>

export const Household = z.object({
  _id: Id,
  buildingId: Id,
  room: z.string().trim().min(1).max(20),
  /** 专有部分面积 (m²): what 民法典 art. 278 weighs an owner's vote by. */
  area: z.number().positive().max(10_000).optional(),
})
export type Household = z.infer<typeof Household>

/** 街道大工委 → 社区大党委 → 网格党支部 → 楼栋党小组 → 党员中心户. */
export const BranchLevel = z.enum(['street', 'community', 'grid', 'building', 'household'])
export type BranchLevel = z.infer<typeof BranchLevel>

export const Branch = z.object({
  _id: Id,
  level: BranchLevel,
  parentId: Id.nullable(),
  name: Name,
  /** The territory unit the branch stands for: a street, community, grid, building or household _id. */
  unitId: Id,
  secretaryId: Id.optional(),
})
export type Branch = z.infer<typeof Branch>

export const StaffRoles = z.object({
  gridWorker: z.object({ gridIds: z.array(Id).min(1) }).optional(),
  committee: z.object({ communityIds: z.array(Id).min(1) }).optional(),
  streetAdmin: z.object({ streetIds: z.array(Id).min(1) }).optional(),
})
export type StaffRoles = z.infer<typeof StaffRoles>

export const PartyMembership = z.object({
  branchId: Id,
  status: z.enum(['pending', 'verified']),
  /** 在职党员双报到: the member's own organisation, when they report to the community as a serving member. */
  workplace: z.string().trim().max(80).optional(),
  verifiedBy: Id.optional(),
  verifiedAt: Timestamp.optional(),
})
export type PartyMembership = z.infer<typeof PartyMembership>

/**
 * How a resident holds their home: 业主 (the owner) or living there without owning it (a tenant, a
 * family member). Only owners count under 民法典 art. 278 (业主共同决定).
 */
export const Tenure = z.enum(['owner', 'occupant'])
export type Tenure = z.infer<typeof Tenure>

/** A user's _id is their OPENID: CloudBase puts it in the invocation context, never the client. */
export const User = z.object({
  _id: Id,
  name: Name,
  /** Personal: the person's own, shown only where they are the requester or applicant. */
  phone: z.string().regex(/^1\d{10}$/).optional(),
  /** Staff only: the post's phone that residents may call (the owner of their request, their grid worker). */
  workPhone: WorkPhone.optional(),
  staff: StaffRoles,
  householdId: Id.optional(),
  /** As the committee approved it with the binding. */
  tenure: Tenure.optional(),
  /** When the committee approved the binding: a vote's electorate is the households bound before it opened. */
  boundAt: Timestamp.optional(),
  party: PartyMembership.optional(),
  createdAt: Timestamp,
})
export type User = z.infer<typeof User>

export const DecisionStatus = z.enum(['pending', 'approved', 'refused'])
export type DecisionStatus = z.infer<typeof DecisionStatus>

/** What a user asks for and someone with the right decides once (core/decision.machine.ts). */
const PendingDecision = z.object({
  _id: Id,
  userId: Id,
  status: DecisionStatus,
  reason: z.string().max(200).optional(),
  createdAt: Timestamp,
  decidedBy: Id.optional(),
  decidedAt: Timestamp.optional(),
})

export const BindingRequest = PendingDecision.extend({ householdId: Id, communityId: Id, tenure: Tenure.optional() })
export type BindingRequest = z.infer<typeof BindingRequest>

export const PartyRegistration = PendingDecision.extend({ branchId: Id, workplace: z.string().trim().max(80).optional() })
export type PartyRegistration = z.infer<typeof PartyRegistration>
