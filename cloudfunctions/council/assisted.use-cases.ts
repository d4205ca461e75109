import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { failure, FileId, Message, OptionKey, success, User, type AssistedBallotView } from '../../types'
import type { Actor } from '../shared/core/actor'
import { boundBeforeVoting, mayCastFor, unitOf } from '../shared/core/council/council-policy'
import { validBallot } from '../shared/core/council/decision-rules'
import { photoSight } from '../shared/core/photo-sight'
import { appendAudit } from '../shared/runtime/audit-log'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { homeBuildingOf, householdOf, loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { preloadable } from '../shared/runtime/invocation'
import { findById, findMany } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { deliver } from '../shared/runtime/notifications'
import { photoViewer } from '../shared/runtime/photo-viewer'
import { refusePhotos, sendPhotosToCheck } from '../shared/runtime/photos'
import { spendAllowance } from '../shared/runtime/rate-limiter'
import { staffOf } from '../shared/runtime/staff-of'
import { userNames } from '../shared/runtime/user-names'
import { ballotIdOf, castBallot, loadBallot, unitHashOf } from './ballots'
import { buildingsIn } from './electorate'
import { loadTopic, preloadTopic, topicTermsOf, type StoredTopic } from './topic-store'

/** One staff-entered ballot (issue 8 "Assisted and paper votes") and every step it went through. */
const Assisted = z.object({
  _id: z.string(),
  topicId: z.string(),
  communityId: z.string(),
  residentId: z.string(),
  householdId: z.string(),
  unitHash: z.string(),
  options: z.array(OptionKey),
  via: z.enum(['inPerson', 'phone']),
  note: z.string().nullable(),
  photos: z.array(FileId),
  status: z.enum(['pending', 'counted', 'refused', 'conflict']),
  enteredBy: z.string(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.number(),
  decidedAt: z.number().nullable(),
})
type Assisted = z.infer<typeof Assisted>

const assisted = () => database().collection(Collections.assistedBallots)

/** Staff of the topic's communities: its committee, or the grid workers of grids in it. */
function isTopicStaff(actor: Actor, topic: StoredTopic, directory: Directory): boolean {
  if (topic.communityIds.some((id) => actor.communityIds.includes(id))) return true
  return actor.gridIds.some((gridId) => topic.communityIds.includes(directory.grids.get(gridId)?.communityId ?? ''))
}

/**
 * Staff-entered ballots as staff see them, read together: their topics' titles and options (which
 * never change: topic-store topicTermsOf), the names, the ballots' households (directory-cache
 * householdOf) and the photos — one round trip at most, none when this instance knows them all.
 * `known`: the topic the caller has in hand.
 */
async function viewsOf(entries: readonly Assisted[], viewerId: string, now: number, known?: StoredTopic): Promise<AssistedBallotView[]> {
  const topicIds = [...new Set(entries.map((entry) => entry.topicId))].filter((id) => id !== known?._id)
  const householdIds = [...new Set(entries.map((entry) => entry.householdId))]
  const [topics, directory, names, households, view] = await Promise.all([
    Promise.all(topicIds.map((id) => topicTermsOf(id, now))),
    loadDirectory(now),
    userNames(entries.flatMap((entry) => [entry.residentId, entry.enteredBy]), now),
    Promise.all(householdIds.map((id) => householdOf(id, now))),
    photoViewer(entries.flatMap((entry) => entry.photos), viewerId, (state, isUploader) => photoSight(state, { isUploader, handlesItem: true, reviewsContent: true })),
  ])
  const topicOf = new Map([...(known ? [known] : []), ...topics.flatMap((topic) => (topic ? [topic] : []))].map((topic) => [topic._id, topic]))
  const householdOfId = new Map(households.flatMap((household) => (household ? [[household._id, household] as const] : [])))
  return entries.map((entry) => {
    const topic = topicOf.get(entry.topicId)
    const household = householdOfId.get(entry.householdId)
    const building = household && directory.buildings.get(household.buildingId)
    return {
      _id: entry._id,
      topicId: entry.topicId,
      topicTitle: topic?.title ?? '',
      topicOptions: topic?.options ?? { kind: 'yesNo' },
      placeLabel: building ? `${building.estate}${building.name}` : '',
      residentName: names.get(entry.residentId) ?? '居民',
      options: entry.options,
      via: entry.via,
      note: entry.note,
      photos: view(entry.photos),
      status: entry.status,
      enteredBy: names.get(entry.enteredBy) ?? '工作人员',
      mine: entry.enteredBy === viewerId,
      at: entry.at,
    }
  })
}

const residentById = preloadable(Collections.users, (id) => findById(Collections.users, id, User))
const loadResident = residentById.read
/** The topic and the resident named: read beside the caller's record. */
export function preloadAssisted(input: { topicId: string; residentId: string }): void {
  preloadTopic(input)
  residentById.start(input.residentId)
}

const entryById = preloadable(Collections.assistedBallots, (id) => findById(Collections.assistedBallots, id, Assisted))
const loadEntry = entryById.read
export const preloadAssistedEntry = (input: { assistedId: string }) => entryById.start(input.assistedId)

/**
 * Staff enter the ballot of a verified resident who asked in person or by phone, with a photo of the
 * paper slip or a note (issue 8). It counts only once a second member of staff confirms it; entering
 * is logged, and the committee's other staff are told it waits. The entry's insert, its log line and
 * the others' notice go out together: a fresh id, the insert is refused nothing — it can only fail,
 * and the notice opens the list of entries (which then shows none), not the entry.
 */
export const enterAssistedBallot: ActionHandler<'council', 'enterAssistedBallot'> = async (input, { actor, now }) => {
  const [topic, resident] = await Promise.all([loadTopic(input.topicId), loadResident(input.residentId)])
  if (!topic) return failure('NOT_FOUND', '没有找到这个议题')
  const directory = await loadDirectory(now)
  if (!isTopicStaff(actor, topic, directory)) return failure('FORBIDDEN', '只有本社区的工作人员能代录投票')
  if (topic.status !== 'voting' || now >= topic.closesAt) return failure('CONFLICT', '这个议题现在不在投票')
  if (!validBallot(topic.options, input.options)) return failure('INVALID_INPUT', 'options: 这一票的选项不对')
  if (!input.note && input.photos.length === 0) return failure('INVALID_INPUT', 'note: 请拍下纸质选票，或写明电话里居民怎么说的')
  const foreign = refusePhotos(input.photos, actor)
  if (foreign) return foreign
  if (!resident?.householdId) return failure('NOT_FOUND', '没有找到这位认证居民')
  const unitHash = unitHashOf(topic.proofSalt, unitOf(topic.unit, { userId: resident._id, householdId: resident.householdId }))
  // Independent: the resident's home (for the scope), the unit's ballot (the electorate fixed at
  // opening), and who else is told (staffOf, usually this instance's).
  const others = Promise.all(topic.communityIds.map((id) => staffOf('committee', id, now))).then((staff) => staff.flat().filter((id) => id !== actor.userId))
  others.catch(() => undefined)
  const [building, ballot] = await Promise.all([homeBuildingOf(resident.householdId, directory), loadBallot(ballotIdOf(unitHash))])
  const inScope = building !== null && buildingsIn(directory, topic.scope).includes(building._id)
  if (!mayCastFor({ user: resident }, topic, inScope) || !boundBeforeVoting(resident, topic.electorate)) return failure('FORBIDDEN', '这位居民不能在这个议题上投票')
  if (!ballot) return failure('FORBIDDEN', '这位居民家不在投票开始时确定的范围内')
  // Counted once nothing can refuse the entry any more: a refused one keeps no photo.
  const tooOften = await spendAllowance(actor.userId, 'photo', now, { amount: input.photos.length })
  if (tooOften) return tooOften
  const entry: Assisted = {
    _id: `assisted-${randomUUID()}`, topicId: topic._id, communityId: topic.communityIds[0], residentId: resident._id, householdId: resident.householdId, unitHash,
    options: [...input.options].sort(), via: input.via, note: input.note ?? null, photos: input.photos, status: 'pending', enteredBy: actor.userId,
    decidedBy: null, reason: null, at: now, decidedAt: null,
  }
  // The entry is in before anyone is told of it or the log names it; the answer's reads and the
  // photos' check go beside the insert.
  const [, [view]] = await Promise.all([
    assisted().add(entry),
    viewsOf([entry], actor.userId, now, topic),
    entry.photos.length > 0 ? sendPhotosToCheck(entry.photos, 'topic', topic._id, actor.userId, now) : null,
  ])
  await Promise.all([
    appendAudit({ actorId: actor.userId, at: now, action: 'assisted.enter', subject: { collection: Collections.assistedBallots, id: entry._id }, fields: ['options'] }),
    others.then((recipients) => deliver(recipients.map((recipientId) => Message.parse({
      _id: `${entry._id}>${recipientId}`, recipientId, audience: 'staff', topicId: topic._id, page: 'pages-council/assisted/index', action: 'assistedWaiting', kind: 'review',
      title: '有代录的投票等您确认', body: topic.title.slice(0, 60), at: now,
    })))).catch((error: unknown) => console.error('[council.assisted] notice', error)),
  ])
  return success(view)
}

export const listAssistedBallots: ActionHandler<'council', 'listAssistedBallots'> = async ({ status }, { actor, now }) => {
  const directory = await loadDirectory(now)
  const communities = [...new Set([...actor.communityIds, ...actor.gridIds.map((g) => directory.grids.get(g)?.communityId ?? '')])].filter(Boolean)
  if (communities.length === 0) return failure('FORBIDDEN', '只有工作人员能查看代录的投票')
  const _ = database().command
  const found = await findMany(Collections.assistedBallots, { communityId: _.in(communities), ...(status === 'pending' && { status: 'pending' }) }, Assisted, { orderBy: ['at', 'desc'], limit: 200 })
  return success(await viewsOf(found, actor.userId, now))
}

/**
 * Four eyes (issue 8): another member of staff confirms — never the one who entered it — and then it
 * takes the unit's one slot like an app vote; a unit that has voted meanwhile keeps its own vote and
 * the entry is flagged a conflict, never counted twice. The resident gets a receipt. Refusing gives a reason.
 * A confirmation is four round trips, each needing the one before: the entry (with the caller) → the
 * ballot's conditional cast → the entry's conditional decision, whose status is the cast's outcome →
 * its log line and the receipt, once the decision is in. Its topic's communities never change (topicTermsOf).
 */
export const decideAssistedBallot: ActionHandler<'council', 'decideAssistedBallot'> = async (input, { actor, now }) => {
  const entry = await loadEntry(input.assistedId)
  const topic = entry && (await topicTermsOf(entry.topicId, now))
  if (!entry || !topic) return failure('NOT_FOUND', '没有找到这条代录的投票')
  if (!isTopicStaff(actor, topic, await loadDirectory(now))) return failure('FORBIDDEN', '只有本社区的工作人员能确认代录的投票')
  if (entry.enteredBy === actor.userId) return failure('FORBIDDEN', '代录的人不能自己确认，请另一位工作人员确认')
  if (entry.status !== 'pending') return failure('CONFLICT', '这条代录的投票已经处理过了')
  let status: Assisted['status'] = 'refused'
  if (input.decision === 'confirm') {
    const counted = await castBallot(ballotIdOf(entry.unitHash), { options: entry.options, by: entry.residentId, via: 'assisted', at: now }, { onlyIfEmpty: true })
    status = counted ? 'counted' : 'conflict'
  }
  const decided = { status, decidedBy: actor.userId, decidedAt: now, reason: input.decision === 'refuse' ? input.reason : null }
  const updated = (await assisted().where({ _id: entry._id, status: 'pending' }).update(decided)) as { updated?: number }
  if (updated.updated !== 1) return failure('CONFLICT', '这条代录的投票刚刚被处理过了')
  const [, , [view]] = await Promise.all([
    appendAudit({ actorId: actor.userId, at: now, action: 'assisted.decide', subject: { collection: Collections.assistedBallots, id: entry._id }, fields: [status] }),
    status === 'counted'
      ? deliver([Message.parse({
        _id: `${entry._id}>receipt`, recipientId: entry.residentId, audience: 'resident', topicId: topic._id,
        action: 'ballotReceipt', kind: 'progress', title: '工作人员已为您录入投票', body: `议题：${topic.title}`.slice(0, 200), at: now,
      })]).catch((error: unknown) => console.error('[council.assisted] receipt', error))
      : null,
    viewsOf([{ ...entry, ...decided }], actor.userId, now, topic),
  ])
  return success(view)
}
