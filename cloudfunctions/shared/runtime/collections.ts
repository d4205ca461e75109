/**
 * Every collection the functions use, and its indexes: declared once here, applied to the local
 * CloudBase at start (local/db) and to a CloudBase environment by `npm run deploy` (scripts/deploy).
 * No `db.collection('…')` with a literal anywhere else.
 */
export const Collections = {
  streets: 'streets',
  communities: 'communities',
  grids: 'grids',
  buildings: 'buildings',
  households: 'households',
  branches: 'branches',
  users: 'users',
  bindingRequests: 'binding_requests',
  partyRegistrations: 'party_registrations',
  auditLog: 'audit_log',
  requests: 'requests',
  // Requests stored before their timeline moved onto them read it here, once, until their next write;
  // nothing is written here any more (requests/request-store.ts).
  requestEvents: 'request_events',
  requestFollows: 'request_follows',
  messages: 'messages',
  subscriptions: 'subscriptions',
  photoChecks: 'photo_checks',
  wishes: 'wishes',
  wishEvents: 'wish_events',
  claimSlots: 'claim_slots',
  openWishSlots: 'open_wish_slots',
  creditEntries: 'credit_entries',
  communitySettings: 'community_settings',
  topics: 'topics',
  topicEvents: 'topic_events',
  ballots: 'ballots',
  topicComments: 'topic_comments',
  proposals: 'proposals',
  proposalEvents: 'proposal_events',
  cosignatures: 'cosignatures',
  assistedBallots: 'assisted_ballots',
  rateCounters: 'rate_counters',
} as const

export type CollectionKey = keyof typeof Collections
export type CollectionName = (typeof Collections)[CollectionKey]

export type IndexSpec = {
  name: string
  /** 1 / -1 ascending / descending; '2dsphere' a geo index over GeoJSON points, which geo queries need (WeChat 云开发, 地理位置). */
  keys: Record<string, 1 | -1 | '2dsphere'>
  unique?: boolean
}

export const collectionIndexes: Record<CollectionName, IndexSpec[]> = {
  streets: [],
  communities: [{ name: 'by_street', keys: { streetId: 1 } }],
  grids: [{ name: 'by_community', keys: { communityId: 1 } }],
  buildings: [
    { name: 'by_grid', keys: { gridId: 1 } },
    { name: 'by_community', keys: { communityId: 1, name: 1 } },
  ],
  households: [{ name: 'by_building_room', keys: { buildingId: 1, room: 1 }, unique: true }],
  branches: [{ name: 'by_parent', keys: { parentId: 1 } }],
  users: [
    { name: 'by_household', keys: { householdId: 1 } },
    // A branch's members: who hears of a wish published to it, and the secretary's view of their records.
    { name: 'by_party_branch', keys: { 'party.branchId': 1, 'party.status': 1 } },
  ],
  // `openSlot` is 'open' while pending and the request's own _id once decided, so a user holds at most
  // one pending request without a read-then-write race.
  binding_requests: [
    { name: 'one_open_per_user', keys: { userId: 1, openSlot: 1 }, unique: true },
    { name: 'by_community_status', keys: { communityId: 1, status: 1, createdAt: -1 } },
  ],
  party_registrations: [
    { name: 'one_open_per_user', keys: { userId: 1, openSlot: 1 }, unique: true },
    { name: 'by_branch_status', keys: { branchId: 1, status: 1, createdAt: -1 } },
  ],
  audit_log: [{ name: 'by_actor_time', keys: { actorId: 1, at: -1 } }],
  // Each query the requests function makes has its index: the resident's list, the workbench by
  // owner / co-handler / grid / community / street, the timer's due items, and duplicates by category.
  requests: [
    { name: 'by_resident', keys: { residentId: 1, updatedAt: -1 } },
    { name: 'by_owner_status', keys: { ownerId: 1, status: 1 } },
    { name: 'by_cohandler_status', keys: { coHandlerIds: 1, status: 1 } },
    { name: 'by_grid_status', keys: { 'route.gridId': 1, status: 1, updatedAt: -1 } },
    { name: 'by_community_status', keys: { 'route.communityId': 1, status: 1, updatedAt: -1 } },
    { name: 'by_street_status', keys: { streetId: 1, status: 1, updatedAt: -1 } },
    { name: 'by_timer', keys: { timerDueAt: 1 } },
    { name: 'by_category_time', keys: { category: 1, createdAt: -1 } },
    // The workbench's open work in order of due time (inbox.use-case), one per clause of the desk.
    { name: 'by_owner_due', keys: { ownerId: 1, status: 1, inboxDueAt: 1 } },
    { name: 'by_cohandler_due', keys: { coHandlerIds: 1, status: 1, inboxDueAt: 1 } },
    { name: 'by_grid_due', keys: { 'route.gridId': 1, status: 1, inboxDueAt: 1 } },
    { name: 'by_community_due', keys: { 'route.communityId': 1, status: 1, inboxDueAt: 1 } },
    { name: 'by_street_due', keys: { streetId: 1, status: 1, inboxDueAt: 1 } },
    // The review tab's items whose photo was judged risky (inbox.use-case), by the reviewer's territory.
    { name: 'by_community_photo_review', keys: { 'route.communityId': 1, photoReviewAt: 1 } },
    { name: 'by_street_photo_review', keys: { streetId: 1, photoReviewAt: 1 } },
  ],
  // The event `_id` already makes a replayed write collide; the unique (requestId, seq) says the same
  // of any writer that builds ids some other way.
  request_events: [{ name: 'one_per_seq', keys: { requestId: 1, seq: 1 }, unique: true }],
  request_follows: [
    { name: 'by_user', keys: { userId: 1, at: -1 } },
    // The +1 count is counted here (follow.use-case), not kept by the versioned write.
    { name: 'by_request', keys: { requestId: 1 } },
  ],
  messages: [
    { name: 'by_recipient_time', keys: { recipientId: 1, at: -1 } },
    // The 消息 tab's badge counts the caller's unread ones at every show of the app.
    { name: 'by_recipient_unread', keys: { recipientId: 1, unread: 1 } },
  ],
  // One document per user × template, `_id` `${userId}~${templateId}`: the count is spent by a
  // conditional update on that one document, so no index beyond _id is needed for correctness.
  subscriptions: [{ name: 'by_user', keys: { userId: 1 } }],
  // One document per photo (`_id` from its fileID, runtime/photos.ts): the media check's verdict push
  // names only the trace id, so it is found by that, and a trace id belongs to one photo.
  photo_checks: [
    { name: 'one_per_trace', keys: { traceId: 1 }, unique: true },
    { name: 'by_item', keys: { itemId: 1 } },
  ],
  // Each query the wishes function makes has its index: the wisher's list, a member's live claims
  // (counted at every claim), the branch's and the widened community's published wishes by needed-by
  // date, the reviewers' queue by community and by grid, and the timer's due wishes.
  wishes: [
    { name: 'by_wisher', keys: { wisherId: 1, updatedAt: -1 } },
    { name: 'by_claimer_status', keys: { 'claim.memberId': 1, status: 1 } },
    { name: 'by_branch_status', keys: { 'route.branchId': 1, status: 1, neededBy: 1 } },
    { name: 'by_community_audience', keys: { 'route.communityId': 1, audience: 1, status: 1, neededBy: 1 } },
    { name: 'by_community_status', keys: { 'route.communityId': 1, status: 1, createdAt: -1 } },
    { name: 'by_grid_status', keys: { 'route.gridId': 1, status: 1, createdAt: -1 } },
    { name: 'by_timer', keys: { timerDueAt: 1 } },
    // The 90-day repeat of a category by one household (or one resident posting at a point), and the reviewer's look at its recent wishes.
    { name: 'by_household_time', keys: { 'place.householdId': 1, createdAt: -1 } },
    { name: 'by_wisher_time', keys: { wisherId: 1, createdAt: -1 } },
    // The wish wall: a community's realised wishes, latest first.
    { name: 'by_community_closed', keys: { 'route.communityId': 1, status: 1, closedAt: -1 } },
    // A branch's wishes in a period (signals) and its lapsed ones (the secretary's view).
    { name: 'by_branch_time', keys: { 'route.branchId': 1, createdAt: -1 } },
  ],
  // As request_events: the `_id` `${wishId}#${seq}` collides on a replay, the unique index says it of any writer.
  wish_events: [
    { name: 'one_per_seq', keys: { wishId: 1, seq: 1 }, unique: true },
    // A member's lapses, counted from the timeline for their record (issue 7: "the member's record counts a lapse").
    { name: 'by_member_action', keys: { 'details.memberId': 1, action: 1 } },
  ],
  // `_id` `${holder}#1`..`#N`: taking a free one is an insert, so a cap holds however many writes one
  // holder sends at once (runtime/slots.ts): 3 live claims per member, N open wishes per household.
  claim_slots: [{ name: 'by_holder', keys: { holder: 1 } }],
  open_wish_slots: [{ name: 'by_holder', keys: { holder: 1 } }],
  // The ledger: `_id` from the confirming event and the account, so a retried confirm credits once.
  // Balances and rankings are read per account and per community and period, never stored.
  credit_entries: [
    { name: 'by_account_time', keys: { 'to.kind': 1, 'to.id': 1, at: -1 } },
    { name: 'by_community_time', keys: { communityId: 1, at: -1 } },
    { name: 'by_wish', keys: { wishId: 1 } },
  ],
  // One document per community, `_id` the community's: nothing to index beyond it.
  community_settings: [],
  // 邻里议事厅: a community's topics by status (the hall's lists), the timer's due ones (opening and
  // closing windows), and those answering 每月一题's requests.
  topics: [
    { name: 'by_community_status', keys: { communityIds: 1, status: 1, closesAt: -1 } },
    { name: 'by_street_status', keys: { streetId: 1, status: 1, closesAt: -1 } },
    { name: 'by_timer', keys: { timerDueAt: 1 } },
    { name: 'by_request', keys: { fromRequestIds: 1 } },
  ],
  topic_events: [{ name: 'one_per_seq', keys: { topicId: 1, seq: 1 }, unique: true }],
  // One ballot per topic × unit: `_id` from the topic's salt and the unit, made when voting opens, so
  // the electorate is the set of ballot documents and a vote is one conditional update of its own.
  // The close counts a topic's cast ballots and reads them in proof order.
  ballots: [
    { name: 'by_topic_cast', keys: { topicId: 1, via: 1 } },
    { name: 'by_topic_hash', keys: { topicId: 1, unitHash: 1 } },
  ],
  topic_comments: [{ name: 'by_topic_time', keys: { topicId: 1, at: 1 } }],
  proposals: [
    { name: 'by_community_status', keys: { communityId: 1, status: 1, createdAt: -1 } },
    { name: 'by_proposer', keys: { proposerId: 1, createdAt: -1 } },
    { name: 'by_timer', keys: { timerDueAt: 1 } },
  ],
  proposal_events: [{ name: 'one_per_seq', keys: { proposalId: 1, seq: 1 }, unique: true }],
  // One per proposal × unit: `_id` from both, so a second signature of a household collides.
  cosignatures: [{ name: 'by_proposal', keys: { proposalId: 1 } }, { name: 'by_signer', keys: { userId: 1 } }],
  // Staff-entered ballots waiting for a second member of staff, by the topic's community.
  assisted_ballots: [
    { name: 'by_community_status', keys: { communityId: 1, status: 1, at: -1 } },
    { name: 'by_topic_unit', keys: { topicId: 1, unitHash: 1 } },
  ],
  // One document per person × limited action, `_id` from both, counted by conditional updates on it
  // and reused day after day (runtime/rate-limiter.ts): nothing to index beyond _id, nothing piles up.
  rate_counters: [],
}
