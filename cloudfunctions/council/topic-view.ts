import { ownersOnly, type MyBallot, type TopicDetail, type TopicEvent, type TopicListItem, type TopicRelation, type TopicScope } from '../../types'
import type { Actor } from '../shared/core/actor'
import { boundBeforeVoting, mayCastFor, topicRelationsTo, unitOf } from '../shared/core/council/council-policy'
import { availableTopicActions } from '../shared/core/council/topic.machine'
import { photoSight } from '../shared/core/photo-sight'
import { homeBuildingOf, loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { photoViewer } from '../shared/runtime/photo-viewer'
import { ballotIdOf, loadBallot, unitHashOf, votedCount } from './ballots'
import { buildingsIn } from './electorate'
import { topicTimeline, type StoredTopic } from './topic-store'

/** 康乐社区 / 康乐一网格、康乐二网格 / 康乐小区3号楼: what a scope covers, in the directory's names. */
export function scopeLabel(directory: Directory, scope: TopicScope): string {
  switch (scope.kind) {
    case 'community':
      return scope.communityIds.map((id) => directory.communities.get(id)?.name ?? id).join('、')
    case 'grids':
      return scope.gridIds.map((id) => directory.grids.get(id)?.name ?? id).join('、')
    case 'buildings':
      return scope.buildingIds.map((id) => {
        const building = directory.buildings.get(id)
        return building ? `${building.estate}${building.name}` : id
      }).join('、')
    default: {
      const unreachable: never = scope
      return unreachable
    }
  }
}

/** Where the caller lives, and whether it lies in the topic's scope. */
export async function homeOf(actor: Actor, directory: Directory, scope: TopicScope): Promise<{ householdId: string | null; inScope: boolean }> {
  const building = await homeBuildingOf(actor.user?.householdId, directory)
  if (!building || !actor.user?.householdId) return { householdId: null, inScope: false }
  return { householdId: actor.user.householdId, inScope: buildingsIn(directory, scope).includes(building._id) }
}

const notYet = (reason: string): MyBallot => ({ eligible: false, reason, options: null, castAt: null, receipt: null })

/**
 * The caller's own unit on this topic: whether it may vote and why not, and its ballot as cast —
 * never anyone else's (issue 8: "Choices are never shown per person"). Before voting opens the
 * electorate is not fixed yet: a resident in scope is told they may vote once it opens.
 */
export async function myBallotOn(topic: StoredTopic, actor: Actor, home: { householdId: string | null; inScope: boolean }): Promise<MyBallot> {
  if (!home.householdId) return notYet('绑定您家并经居委会确认后，才能参加投票')
  if (!home.inScope) return notYet('您家不在这个议题的范围内')
  if (!mayCastFor(actor, topic, home.inScope)) return notYet(ownersOnly(topic.rule) ? '这是业主共同决定的事，只有业主能投票' : '您现在不能投票')
  if (topic.status === 'deliberating') return { eligible: true, reason: '投票还没开始', options: null, castAt: null, receipt: null }
  if (topic.status === 'cancelled') return notYet('这个议题已取消')
  if (!boundBeforeVoting(actor.user, topic.electorate)) return notYet('投票开始后才绑定的，这一次不能投票')
  const unitHash = unitHashOf(topic.proofSalt, unitOf(topic.unit, { userId: actor.userId, householdId: home.householdId }))
  const ballot = await loadBallot(ballotIdOf(unitHash))
  if (!ballot) return notYet('投票开始时您家还没有绑定，这一次不能投票')
  return {
    eligible: true,
    options: ballot.options,
    castAt: ballot.castAt,
    receipt: ballot.options ? `${ballot.unitHash} ${[...ballot.options].sort().join(',')}` : null,
  }
}

const updatesOf = (timeline: readonly TopicEvent[]) =>
  timeline.filter((e) => (e.action === 'postUpdate' || e.action === 'finish') && e.note !== undefined)
const minutesOf = (timeline: readonly TopicEvent[]) => timeline.filter((e) => e.action === 'addMinutes' && e.note !== undefined)
const photosOf = (event: TopicEvent): string[] => (Array.isArray(event.details?.photos) ? (event.details.photos as string[]) : [])

/**
 * The topic as this caller sees it. Sealed (issue 8): counts per option exist only in the stored
 * result, which the close writes; while voting only the turnout is counted. Photos follow the media
 * check (core/photo-sight.ts): before WeChat's verdict only their uploader and the topic's runners see them.
 */
export async function topicDetailOf(topic: StoredTopic, actor: Actor, now: number, known: { timeline?: TopicEvent[] | null } = {}): Promise<TopicDetail> {
  const directory = await loadDirectory(now)
  const home = await homeOf(actor, directory, topic.scope)
  // `known.timeline`: the timeline a step's write already holds (topic-store writeTopic): no log read after it.
  const [myBallot, timeline, voted] = await Promise.all([
    myBallotOn(topic, actor, home),
    known.timeline ?? topicTimeline(topic),
    topic.status === 'voting' ? votedCount(topic._id) : Promise.resolve(null),
  ])
  const relations: TopicRelation[] = topicRelationsTo(actor, topic, { voter: myBallot.eligible && topic.electorate !== null, residentInScope: home.inScope })
  const runs = relations.includes('committee') || relations.includes('streetAdmin')
  const updates = updatesOf(timeline)
  const minutes = minutesOf(timeline)
  const view = await photoViewer([...topic.photos, ...[...updates, ...minutes].flatMap(photosOf)], actor.userId, (state, isUploader) => photoSight(state, { isUploader, handlesItem: runs, reviewsContent: runs }))
  return {
    _id: topic._id,
    title: topic.title,
    background: topic.background,
    photos: view(topic.photos),
    scope: topic.scope,
    scopeLabel: scopeLabel(directory, topic.scope),
    unit: topic.unit,
    options: topic.options,
    rule: topic.rule,
    quorumPercent: topic.quorumPercent,
    opensAt: topic.opensAt,
    closesAt: topic.closesAt,
    status: topic.status,
    electorate: topic.electorate,
    turnout: voted !== null && topic.electorate ? { voted, eligible: topic.electorate.units } : topic.result ? { voted: topic.result.votedUnits, eligible: topic.result.eligibleUnits } : null,
    result: topic.result,
    followStage: topic.followStage,
    cancelReason: timeline.find((e) => e.action === 'cancel')?.note ?? null,
    minutes: minutes.map((e) => ({ at: e.at, text: e.note ?? '', photos: view(photosOf(e)) })),
    updates: updates.map((e) => ({
      at: e.at,
      stage: (e.details?.stage as 'planned' | 'inProgress' | 'done') ?? 'inProgress',
      text: e.note ?? '',
      photos: view(photosOf(e)),
    })),
    myBallot,
    fromProposalId: topic.fromProposalId,
    fromRequestIds: runs ? topic.fromRequestIds : [],
    relations,
    availableActions: availableTopicActions(topic, relations, now),
    createdAt: topic.createdAt,
  }
}

/** A line of the hall's lists: no counts before the close, the verdict after. */
export function topicListItemOf(topic: StoredTopic, directory: Directory, mine: Pick<MyBallot, 'eligible' | 'options'>): TopicListItem {
  return {
    _id: topic._id,
    title: topic.title,
    status: topic.status,
    scopeLabel: scopeLabel(directory, topic.scope),
    opensAt: topic.opensAt,
    closesAt: topic.closesAt,
    voted: mine.options !== null,
    eligible: mine.eligible,
    verdict: topic.result?.verdict ?? null,
    followStage: topic.followStage,
  }
}
