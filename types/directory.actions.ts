import { z } from 'zod'
import { Category } from './category.schema'
import { BranchLevel, CommunityType, DecisionStatus, Tenure, WorkPhone } from './directory.schema'
import { GeoPoint, Polygon } from './geo.schema'
import { NoticeKind } from './notice.schema'
import { RouteDecision, RouteTarget } from './route.schema'
import { lazyActions } from './lazy-actions'

const Id = z.string().min(1).max(64)
const Empty = z.object({}).strict()

export const Role = z.enum(['resident', 'verifiedResident', 'partyMember', 'branchSecretary', 'gridWorker', 'committee', 'streetAdmin'])
export type Role = z.infer<typeof Role>

export const HouseholdView = z.object({
  householdId: Id,
  communityId: Id,
  communityName: z.string(),
  estate: z.string(),
  buildingId: Id,
  buildingName: z.string(),
  room: z.string(),
  gridId: Id,
  gridName: z.string(),
})
export type HouseholdView = z.infer<typeof HouseholdView>

/**
 * A household as a reviewer's list shows it: the building and grid, no room and no household id
 * (issue 10, 3: the building's room list, open to every resident, turns either back into the door).
 * The full room is one logged read away (bindingContact).
 */
export const BuildingOfHousehold = HouseholdView.omit({ householdId: true, room: true })
export type BuildingOfHousehold = z.infer<typeof BuildingOfHousehold>

export const BindingRequestView = z.object({
  requestId: Id,
  status: DecisionStatus,
  /** In full to the applicant; to anyone else the building only. */
  household: z.union([HouseholdView, BuildingOfHousehold]),
  applicantName: z.string(),
  /** 业主 or living there without owning it, as the applicant said; the committee checks it (民法典 art. 278 counts owners only). */
  tenure: Tenure,
  /** Masked (138****5678) for everyone but the applicant. */
  applicantPhone: z.string().optional(),
  reason: z.string().optional(),
  createdAt: z.number(),
  decidedAt: z.number().optional(),
})
export type BindingRequestView = z.infer<typeof BindingRequestView>

export const PartyRegistrationView = z.object({
  registrationId: Id,
  status: DecisionStatus,
  branchId: Id,
  branchName: z.string(),
  memberName: z.string(),
  workplace: z.string().optional(),
  reason: z.string().optional(),
  createdAt: z.number(),
  decidedAt: z.number().optional(),
})
export type PartyRegistrationView = z.infer<typeof PartyRegistrationView>

export const WhoAmI = z.object({
  userId: Id,
  name: z.string().nullable(),
  roles: z.array(Role),
  household: HouseholdView.nullable(),
  party: z.object({ branchId: Id, branchName: z.string(), status: z.enum(['pending', 'verified']) }).nullable(),
  pendingBinding: BindingRequestView.nullable(),
  lastRefusedBinding: BindingRequestView.nullable(),
  pendingRegistration: PartyRegistrationView.nullable(),
  scopes: z.object({ gridIds: z.array(Id), communityIds: z.array(Id), streetIds: z.array(Id), branchIds: z.array(Id) }),
})
export type WhoAmI = z.infer<typeof WhoAmI>

/**
 * 首页's people to ring (issue 9): for a resident with a bound household, their grid's worker on duty
 * and the community's hotline, work numbers from the directory only; null where nothing is bound.
 */
export const HomeContacts = z.object({
  community: z.object({ name: z.string(), hotline: WorkPhone.nullable() }).nullable(),
  gridWorker: z.object({ name: z.string(), gridName: z.string(), workPhone: WorkPhone.nullable() }).nullable(),
})
export type HomeContacts = z.infer<typeof HomeContacts>

const Option = z.object({ id: Id, name: z.string() })
const Decision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('refuse'), reason: z.string().trim().min(2).max(200) }),
])
const PersonName = z.string().trim().min(1).max(20)

/** One template the caller may subscribe to, and how many messages their accepted taps still allow. */
export const SubscriptionView = z.object({ kind: NoticeKind, templateId: z.string(), remaining: z.number().int().nonnegative(), always: z.boolean() })
export type SubscriptionView = z.infer<typeof SubscriptionView>
const TemplateId = z.string().min(1).max(128)

/** Every action of the `directory` function: its input and output schemas, each built on its first use. */
export const directoryActions = lazyActions({
  whoami: () => ({ input: Empty, output: WhoAmI }),
  homeContacts: () => ({ input: Empty, output: HomeContacts }),
  /** The templates that matter to the caller's roles, each with the messages left: what to ask for at a tap. */
  mySubscriptions: () => ({ input: Empty, output: z.array(SubscriptionView) }),
  /**
   * What wx.requestSubscribeMessage answered (≤ 3 templates a call), reported right after: each
   * `accept` allows one more message of that template. `always`: the person ticked 总是保持以上选择.
   */
  grantSubscriptions: () => ({
    input: z
      .object({
        answers: z.record(TemplateId, z.enum(['accept', 'reject', 'ban', 'filter'])).refine((answers) => Object.keys(answers).length <= 3, {
          message: 'WeChat asks for at most 3 templates at once',
        }),
        always: z.boolean().default(false),
      })
      .strict(),
    output: z.array(SubscriptionView),
  }),
  route: () => ({
    input: z.object({ category: Category, target: RouteTarget }).strict(),
    output: RouteDecision.extend({
      communityName: z.string(),
      gridName: z.string().nullable(),
      branchName: z.string().nullable(),
      handlerName: z.string().nullable(),
      /** 限时办理: when the owner must answer and resolve, were it filed now (the category's limits). */
      respondBy: z.number(),
      resolveBy: z.number(),
    }),
  }),
  listCommunities: () => ({
    input: Empty,
    output: z.array(Option.extend({ type: CommunityType })),
  }),
  listBuildings: () => ({
    input: z.object({ communityId: Id }).strict(),
    output: z.array(Option.extend({ estate: z.string(), gridId: Id })),
  }),
  listHouseholds: () => ({
    input: z.object({ buildingId: Id }).strict(),
    output: z.array(z.object({ id: Id, room: z.string() })),
  }),
  /** A community's grids by name (a topic over some of them, a dashboard's rows). */
  listGrids: () => ({
    input: z.object({ communityId: Id }).strict(),
    output: z.array(Option),
  }),
  /**
   * For staff of the household's community or grid: the verified residents bound to it — who may ask
   * staff to enter a vote for them — with whether each owns it. Each look is audit-logged.
   */
  householdResidents: () => ({
    input: z.object({ householdId: Id }).strict(),
    output: z.array(z.object({ residentId: Id, name: z.string(), tenure: Tenure })),
  }),
  /** Locating on the map: the buildings nearest a point, nearest first, with their distance in metres. */
  nearbyBuildings: () => ({
    input: z.object({ point: GeoPoint }).strict(),
    output: z.array(Option.extend({ estate: z.string(), communityId: Id, communityName: z.string(), distanceM: z.number() })),
  }),
  /**
   * The offline map of one community, drawn from the directory's own geometry: its grids' boundaries
   * and its buildings as labelled points (all public), the caller's own building, and the street's
   * communities to switch to. Which community: the one asked for, else the one `near` lies in (or
   * nearest to), else the caller's home, else the first the caller serves, else the first by name.
   */
  communityMap: () => ({
    input: z.object({ communityId: Id.optional(), near: GeoPoint.optional() }).strict(),
    output: z.object({
      communityId: Id,
      communityName: z.string(),
      communities: z.array(Option),
      grids: z.array(Option.extend({ boundary: Polygon })),
      buildings: z.array(Option.extend({ estate: z.string(), gridId: Id, location: GeoPoint })),
      homeBuildingId: Id.nullable(),
    }),
  }),
  requestBinding: () => ({
    input: z
      .object({
        householdId: Id,
        name: PersonName,
        phone: z.string().regex(/^1\d{10}$/).optional(),
        /** 业主 or not, for the committee to check: unsaid, the resident is not counted as an owner. */
        tenure: Tenure.optional(),
      })
      .strict(),
    output: BindingRequestView,
  }),
  listBindingRequests: () => ({
    input: z.object({ status: DecisionStatus.optional() }).strict(),
    output: z.array(BindingRequestView),
  }),
  /** The full room and phone of one applicant, for the reviewer; each read is audit-logged. */
  bindingContact: () => ({
    input: z.object({ requestId: Id }).strict(),
    output: z.object({ room: z.string(), phone: z.string().optional() }),
  }),
  decideBinding: () => ({
    input: z.intersection(z.object({ requestId: Id }), Decision),
    output: BindingRequestView,
  }),
  /** Staff a handler may ask to help (协办, 吹哨): the community's people first, then the street's. */
  listColleagues: () => ({
    input: z.object({ communityId: Id }).strict(),
    output: z.array(Option.extend({ post: z.enum(['gridWorker', 'committee', 'streetAdmin', 'propertyContact', 'elderlyServices']), sameCommunity: z.boolean() })),
  }),
  listBranches: () => ({
    input: z.object({ communityId: Id.optional() }).strict(),
    output: z.array(Option.extend({ level: BranchLevel, parentId: Id.nullable() })),
  }),
  registerParty: () => ({
    input: z.object({ branchId: Id, name: PersonName, workplace: z.string().trim().min(1).max(80).optional() }).strict(),
    output: PartyRegistrationView,
  }),
  listPartyRegistrations: () => ({
    input: z.object({ status: DecisionStatus.optional() }).strict(),
    output: z.array(PartyRegistrationView),
  }),
  verifyParty: () => ({
    input: z.intersection(z.object({ registrationId: Id }), Decision),
    output: PartyRegistrationView,
  }),
})
