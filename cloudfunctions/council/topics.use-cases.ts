import { failure, Household, success, type Result, type Topic, type TopicDetail, type TopicEvent, type TopicScope } from '../../types'
import type { Actor } from '../shared/core/actor'
import { mayListVotedUnits, personOfUnit, topicRelationsTo } from '../shared/core/council/council-policy'
import { proofText } from '../shared/core/council/ballot-proof'
import { applyTopicTransition, newTopic, TOPIC_SYSTEM, type NewTopicProblem } from '../shared/core/council/topic.machine'
import { transitionErrorCode } from '../shared/core/transition-table'
import { appendAudit } from '../shared/runtime/audit-log'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { homeBuildingOf, loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { findByIds, findMany } from '../shared/runtime/documents'
import type { ActionHandler, UseCaseContext } from '../shared/runtime/function-entry'
import { offsetOf, page } from '../shared/runtime/paging'
import { refusePhotos, sendPhotosToCheck } from '../shared/runtime/photos'
import { spendAllowance } from '../shared/runtime/rate-limiter'
import { withPhotoAllowance } from '../shared/runtime/photo-allowance'
import { userNames } from '../shared/runtime/user-names'
import { idempotentId } from '../shared/runtime/versioned-store'
import { Ballot, countedBallots, newProofSalt } from './ballots'
import { communitiesOf, electorateOf } from './electorate'
import { appendNewTopicEvents, insertTopic, loadTopic, preloadTopicById, StoredTopic, toStoredTopic, writeTopic } from './topic-store'
import { homeOf, myBallotOn, topicDetailOf, topicListItemOf } from './topic-view'
import { topicNotices } from './notify'
import { closeVoting, openVoting } from './voting'

const DAY_MS = 86_400_000

const windowProblemWords: Record<NewTopicProblem, string> = { endsBeforeOpening: '投票结束时间要在开始之后', endsInPast: '投票结束时间要在现在之后' }
/** A vote is a matter of days or weeks; a window of months would outlive the question. */
const LONGEST_WINDOW_MS = 90 * DAY_MS
/** Long enough for an opening of 10,000 households (seconds), short enough that a failed one opens soon after. */
const OPENING_LEASE_MS = 2 * 60_000

export const notFound = () => failure('NOT_FOUND', '没有找到这个议题')

/** Who may open a topic over a scope: its community's committee, or the street's staff (and only they, over several communities). */
function mayRun(actor: Actor, directory: Directory, communityIds: readonly string[]): boolean {
  const streets = new Set(communityIds.map((id) => directory.communities.get(id)?.streetId))
  const street = streets.size === 1 ? [...streets][0] : undefined
  if (street !== undefined && actor.streetIds.includes(street)) return true
  return communityIds.length === 1 && actor.communityIds.includes(communityIds[0])
}

function scopeCommunities(directory: Directory, scope: TopicScope, actor: Actor): Result<string[]> {
  const communityIds = communitiesOf(directory, scope)
  if (communityIds.length === 0) return failure('INVALID_INPUT', 'scope: 这个范围里没有楼栋')
  if (!mayRun(actor, directory, communityIds)) return failure('FORBIDDEN', '只能在本社区发起议题；跨社区的议题由街道发起')
  return success(communityIds)
}

export const countElectorate: ActionHandler<'council', 'countElectorate'> = async ({ scope, unit, rule }, { actor, now }) => {
  const directory = await loadDirectory(now)
  const communities = scopeCommunities(directory, scope, actor)
  if (!communities.ok) return communities
  const { voters, ownerArea } = await electorateOf(directory, scope, unit, rule)
  return success({ units: voters.length, households: new Set(voters.map((v) => v.householdId)).size, ...(ownerArea !== undefined && { ownerArea }) })
}

/** A step written: the topic after it, its timeline when the write holds it, and what follows the write, still under way. */
export type Stepped = { topic: StoredTopic; timeline: TopicEvent[] | null; settled: Promise<unknown> }
const settledAlready: Promise<unknown> = Promise.resolve()
const unchanged = (topic: StoredTopic): Stepped => ({ topic, timeline: null, settled: settledAlready })

/**
 * The topic in full for the caller, after a step of theirs. The answer's reads go beside what follows
 * the step's write (its events' append, its notices): one round trip, not two.
 */
const answer = async (stepped: Stepped, ctx: UseCaseContext): Promise<Result<TopicDetail>> => {
  const [detail] = await Promise.all([topicDetailOf(stepped.topic, ctx.actor, ctx.now, { timeline: stepped.timeline }), stepped.settled])
  return success(detail)
}

/** The topic an openTopic names follows from the caller and their key: read beside the caller's record (a retried open finds it). */
export const preloadOpenedTopic = (input: { idempotencyKey: string }, { openid }: { openid: string }) => preloadTopicById(openedTopicId(openid, input.idempotencyKey))
const openedTopicId = (userId: string, idempotencyKey: string) => idempotentId('topic', userId, idempotencyKey)

/**
 * The committee (the street, over several communities) opens a topic (issue 8 "Open a topic").
 * Idempotent by key; its words are screened before this runs (index.ts). A window already open
 * fixes the electorate at once: its households are read beside the topic's insert, and its ballots
 * made beside the first event's append and notices.
 */
export async function openTopicFrom(input: Parameters<ActionHandler<'council', 'openTopic'>>[0], ctx: UseCaseContext, origin: { _id: string; fromProposalId: string | null }): Promise<Result<Stepped>> {
  const { actor, now } = ctx
  const directory = await loadDirectory(now)
  const communities = scopeCommunities(directory, input.scope, actor)
  if (!communities.ok) return communities
  const foreign = refusePhotos(input.photos, actor)
  if (foreign) return foreign
  if (input.closesAt - input.opensAt > LONGEST_WINDOW_MS) return failure('INVALID_INPUT', 'closesAt: 投票时间最长 90 天')
  const existing = await loadTopic(origin._id)
  // A retried open: its requests learn of it again (idempotent), in case the first try's link was what failed.
  if (existing) {
    await linkToRequests(existing)
    return success(unchanged(existing))
  }
  const firstStreet = directory.communities.get(communities.data[0])!.streetId
  const born = newTopic(
    {
      _id: origin._id, title: input.title, background: input.background, photos: input.photos, scope: input.scope, communityIds: communities.data,
      streetId: firstStreet, unit: input.unit, options: input.options, rule: input.rule, quorumPercent: input.quorumPercent, opensAt: Math.max(input.opensAt, now),
      closesAt: input.closesAt, openedBy: actor.userId, fromProposalId: origin.fromProposalId, fromRequestIds: input.fromRequestIds ?? [],
    },
    now,
  )
  if (!born.ok) return failure('INVALID_INPUT', `closesAt: ${windowProblemWords[born.problem]}`)
  // Counted once nothing can refuse the topic any more: a refused one keeps no photo.
  const tooOften = await spendAllowance(actor.userId, 'photo', now, { amount: input.photos.length, itemKey: origin._id })
  if (tooOften) return tooOften
  const opensNow = born.topic.opensAt <= now
  // A window open now is opened by this call: the timer is held off its opening for a while (a lease,
  // not the window's start), so no other opening makes ballots meanwhile; should this call fail
  // before the opening is written, the timer opens it once the lease is over.
  const stored = { ...toStoredTopic(born.topic, [born.event], newProofSalt()), ...(opensNow && { timerDueAt: now + OPENING_LEASE_MS }) }
  // Beside the insert: who hears of it, and (a window open now) the electorate; wasted only on a retried open.
  const notices = topicNotices([born.event], stored, now)
  const electorate = opensNow ? electorateOf(directory, stored.scope, stored.unit, stored.rule) : undefined
  electorate?.catch(() => undefined)
  const [inserted] = await Promise.all([insertTopic(stored), linkToRequests(stored)])
  if (inserted === 'exists') return success(unchanged((await loadTopic(origin._id))!))
  // The first event is on the document (recentEvents) until its append lands: the opening's write
  // knows the log holds it, or appends it again when this append failed.
  const logged = appendNewTopicEvents([born.event]).then(() => [born.event], (error: unknown) => {
    console.error('[council.openTopic] first event not appended; the next write appends it', error)
    return []
  })
  const bornSettled = Promise.all([logged, notices.send(), input.photos.length > 0 ? sendPhotosToCheck(input.photos, 'topic', stored._id, actor.userId, now) : null])
  if (!opensNow) return success({ topic: stored, timeline: [born.event], settled: bornSettled })
  const opened = await openVoting(stored, TOPIC_SYSTEM, now, { electorate, logRead: logged, alone: true })
  if (opened.ok) return success({ topic: opened.topic, timeline: opened.timeline, settled: Promise.all([bornSettled, opened.settled]) })
  await bornSettled
  return success(unchanged((await loadTopic(origin._id)) ?? stored))
}

/**
 * The requests a topic answers learn of it: a request's detail reads topics only when it has some
 * (requests/request-store linkedTopicIds). Made beside the topic's insert and again on a retried
 * open, so a failed link fails the open and its retry mends it; a link to a topic whose insert then
 * failed names nothing the detail can find. A request filed before the field existed is left alone:
 * its detail still finds topics by their `fromRequestIds` index.
 */
async function linkToRequests(topic: Pick<StoredTopic, '_id' | 'fromRequestIds'>): Promise<void> {
  if (topic.fromRequestIds.length === 0) return
  const _ = database().command
  await database().collection(Collections.requests)
    .where({ _id: _.in(topic.fromRequestIds), linkedTopicIds: _.exists(true) })
    .update({ linkedTopicIds: _.addToSet(topic._id) })
}

export const openTopic: ActionHandler<'council', 'openTopic'> = async (input, ctx) => {
  const opened = await openTopicFrom(input, ctx, { _id: openedTopicId(ctx.actor.userId, input.idempotencyKey), fromProposalId: null })
  return opened.ok ? answer(opened.data, ctx) : opened
}

export const topic: ActionHandler<'council', 'topic'> = async ({ topicId }, ctx) => {
  const stored = await loadTopic(topicId)
  return stored ? answer(unchanged(stored), ctx) : notFound()
}

const LIST_READ = 200

/**
 * The hall's lists: topics open now (deliberating or voting) or decided, of the caller's own
 * communities — their home's, the ones they serve — or every community when they have none yet
 * (issue 8: anyone may read a public topic). `mine`: the topics the caller opened.
 */
export const listTopics: ActionHandler<'council', 'listTopics'> = async ({ view, cursor, limit }, { actor, now }) => {
  const directory = await loadDirectory(now)
  const _ = database().command
  const homeCommunity = (await homeBuildingOf(actor.user?.householdId, directory))?.communityId
  const mine = new Set([...actor.communityIds, ...(homeCommunity ? [homeCommunity] : []),
    ...[...directory.communities.values()].filter((c) => actor.streetIds.includes(c.streetId)).map((c) => c._id)])
  const communities = mine.size > 0 ? [...mine] : [...directory.communities.keys()]
  const statuses = view === 'decided' ? ['closed', 'following', 'done'] : ['deliberating', 'voting']
  const where = view === 'mine' ? { openedBy: actor.userId } : { communityIds: _.in(communities), status: _.in(statuses) }
  const found = await findMany(Collections.topics, where, StoredTopic, { orderBy: ['closesAt', view === 'decided' ? 'desc' : 'asc'], limit: LIST_READ })
  const offset = offsetOf(cursor)
  const { items, nextCursor } = page(found.slice(offset, offset + limit + 1), offset, limit)
  const ballots = await Promise.all(items.map(async (t) => myBallotOn(t, actor, await homeOf(actor, directory, t.scope))))
  return success({ items: items.map((t, i) => topicListItemOf(t, directory, ballots[i])), nextCursor })
}

/** A step of the topic's runners (cancel, close, a progress update) through the machine, as they stand to it. */
async function runnerStep(topicId: string, ctx: UseCaseContext, run: (topic: StoredTopic, actor: { id: string; relations: ReturnType<typeof topicRelationsTo> }) => Promise<Result<Stepped>>): Promise<Result<TopicDetail>> {
  const stored = await loadTopic(topicId)
  if (!stored) return notFound()
  const relations = topicRelationsTo(ctx.actor, stored, { voter: false, residentInScope: false })
  const stepped = await run(stored, { id: ctx.actor.userId, relations })
  return stepped.ok ? answer(stepped.data, ctx) : stepped
}

async function plainStep<A extends 'cancel' | 'postUpdate' | 'finish' | 'addMinutes'>(
  topic: StoredTopic, actor: { id: string; relations: ReturnType<typeof topicRelationsTo> }, action: A, payload: Parameters<typeof applyTopicTransition<A>>[4], now: number,
): Promise<Result<Stepped>> {
  const outcome = applyTopicTransition(topic, action, actor, now, payload)
  if (!outcome.ok) return failure(transitionErrorCode[outcome.reason], outcome.detail)
  // Its recipients are read beside the write (a read wasted only on a lost race); they are told once it has gone in.
  const notices = topicNotices([outcome.event], topic, now)
  const written = await writeTopic(topic, outcome.topic, [outcome.event])
  if (!written) return failure('CONFLICT', '议题刚刚有了变化，请刷新后再试')
  const photos = 'photos' in payload ? payload.photos : []
  const settled = Promise.all([written.appended, notices.send(), photos.length > 0 ? sendPhotosToCheck(photos, 'topic', written.saved._id, actor.id, now) : null])
  return success({ topic: written.saved, timeline: written.timeline, settled })
}

export const cancelTopic: ActionHandler<'council', 'cancelTopic'> = ({ topicId, reason }, ctx) =>
  runnerStep(topicId, ctx, (topic, actor) => plainStep(topic, actor, 'cancel', { reason }, ctx.now))

/**
 * Issue 8: the timer closes the window; the committee may close it once it is over, should the timer lag.
 * Four round trips, each needing the one before: the topic (with the caller) → the tally → the
 * result's conditional write → its events and notices (only once the write has gone in) beside the answer.
 */
export const closeTopic: ActionHandler<'council', 'closeTopic'> = ({ topicId }, ctx) =>
  runnerStep(topicId, ctx, async (topic, actor) => {
    const closed = await closeVoting(topic, actor, ctx.now)
    if (closed.ok) return success({ topic: closed.topic, timeline: closed.timeline, settled: closed.settled })
    return failure('CONFLICT', closed.reason === 'conflict' ? '议题刚刚有了变化，请刷新后再试' : '投票时间还没到，不能结束')
  })

/** Follow-through (issue 8): planned → in progress → done; the last one, stage 'done', is the machine's finish. */
export const postUpdate: ActionHandler<'council', 'postUpdate'> = async ({ topicId, stage, text, photos }, ctx) =>
  refusePhotos(photos, ctx.actor) ??
  withPhotoAllowance({ userId: ctx.actor.userId, now: ctx.now }, topicId, photos, () =>
    runnerStep(topicId, ctx, (topic, actor) =>
      stage === 'done' ? plainStep(topic, actor, 'finish', { text, photos }, ctx.now) : plainStep(topic, actor, 'postUpdate', { stage, text, photos }, ctx.now)))

/** 议事会 minutes (issue 8 Deliberation) while the topic is deliberated or voted on. */
export const addMinutes: ActionHandler<'council', 'addMinutes'> = async ({ topicId, text, photos }, ctx) =>
  refusePhotos(photos, ctx.actor) ??
  withPhotoAllowance({ userId: ctx.actor.userId, now: ctx.now }, topicId, photos, () =>
    runnerStep(topicId, ctx, (topic, actor) => plainStep(topic, actor, 'addMinutes', { text, photos }, ctx.now)))

const closedYet = (topic: Topic) => topic.result !== null

/**
 * After close, for anyone: the lines the published hash is taken over (issue 8: "so anyone given the
 * ballots can check it"), a page at a time in proof order; the hash is over all of them joined by newlines.
 */
export const proof: ActionHandler<'council', 'proof'> = async ({ topicId, cursor, limit }) => {
  const stored = await loadTopic(topicId)
  if (!stored) return notFound()
  if (!closedYet(stored)) return failure('CONFLICT', '投票结束后才公布投票记录')
  const text = proofText(await countedBallots(topicId))
  const lines = text === '' ? [] : text.split('\n')
  const offset = offsetOf(cursor)
  const { items, nextCursor } = page(lines.slice(offset, offset + limit + 1), offset, limit)
  return success({ hash: stored.result!.ballotsHash, lines: items, total: lines.length, nextCursor })
}

/** Issue 8 Close: "The committee may see which units voted, after close only" — each look logged. */
export const votedUnits: ActionHandler<'council', 'votedUnits'> = async ({ topicId }, { actor, now }) => {
  const stored = await loadTopic(topicId)
  if (!stored) return notFound()
  if (!mayListVotedUnits(stored, topicRelationsTo(actor, stored, { voter: false, residentInScope: false }))) {
    return failure(closedYet(stored) ? 'FORBIDDEN' : 'CONFLICT', closedYet(stored) ? '只有居委会能查看哪些户投了票' : '投票结束后才能查看')
  }
  const _ = database().command
  // The look is logged beside the read (the rights are checked): logged before anything is answered.
  const [cast] = await Promise.all([
    findMany(Collections.ballots, { topicId, via: _.neq(null) }, Ballot),
    appendAudit({ actorId: actor.userId, at: now, action: 'votedUnits.read', subject: { collection: Collections.topics, id: topicId }, fields: ['unitId'] }),
  ])
  const directory = await loadDirectory(now)
  const [names, found] = await Promise.all([
    userNames(cast.flatMap((b) => personOfUnit(b.unitId) ?? []), now),
    findByIds(Collections.households, cast.map((b) => b.householdId), Household),
  ])
  const households = new Map(found.map((h) => [h._id, h]))
  const placeOf = (ballot: Ballot) => {
    const person = personOfUnit(ballot.unitId)
    if (person !== null) return names.get(person) ?? '居民'
    const household = households.get(ballot.householdId)
    const building = household && directory.buildings.get(household.buildingId)
    return building && household ? `${building.estate}${building.name}${household.room}` : '一户居民'
  }
  return success(cast.map((b) => ({ placeLabel: placeOf(b), via: b.via ?? 'app' })).sort((a, b) => a.placeLabel.localeCompare(b.placeLabel, 'zh')))
}
