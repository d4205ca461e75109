import { createHash } from 'node:crypto'
import { z } from 'zod'
import { failure, success, User, type ProposalView, type Result } from '../../types'
import type { Actor } from '../shared/core/actor'
import { proposalRelationsTo } from '../shared/core/council/council-policy'
import {
  applyProposalTransition, availableProposalActions, defaultThreshold, newProposal, PROPOSAL_SYSTEM, type ProposalPayloads,
} from '../shared/core/council/proposal.machine'
import { transitionErrorCode } from '../shared/core/transition-table'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { proposalThresholdSetting } from '../shared/runtime/community-settings'
import { isDuplicateWrite } from '../shared/runtime/database-errors'
import { homeBuildingOf, loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { findById, findMany } from '../shared/runtime/documents'
import type { ActionHandler, UseCaseContext } from '../shared/runtime/function-entry'
import { offsetOf, page } from '../shared/runtime/paging'
import { idempotentId } from '../shared/runtime/versioned-store'
import { spendAllowance } from '../shared/runtime/rate-limiter'
import { communitiesOf, electorateOf } from './electorate'
import { notifyProposal } from './notify'
import { appendProposalEvents, insertProposal, loadProposal, saveProposal, StoredProposal, toStoredProposal } from './proposal-store'
import { homeOf, scopeLabel } from './topic-view'
import { openTopicFrom } from './topics.use-cases'

const Cosignature = z.object({ _id: z.string(), proposalId: z.string(), householdId: z.string(), userId: z.string(), at: z.number() })

/** One per proposal × household (issue 8: "co-sign (one per unit, safe under concurrency)"): a second signature of the household collides. */
const cosignIdOf = (proposalId: string, householdId: string) => `cosign-${createHash('sha256').update(`${proposalId}\n${householdId}`).digest('hex').slice(0, 40)}`

const notFound = () => failure('NOT_FOUND', '没有找到这个提议')

/** The proposer's household, as bound now: it proposes, it does not co-sign. */
async function proposerHousehold(proposal: Pick<StoredProposal, 'proposerId'>): Promise<string | null> {
  return (await findById(Collections.users, proposal.proposerId, User))?.householdId ?? null
}

const signatureCount = async (proposalId: string) =>
  ((await database().collection(Collections.cosignatures).where({ proposalId }).count()) as { total: number }).total

async function viewOf(proposal: StoredProposal, actor: Actor, directory: Directory, now: number): Promise<ProposalView> {
  const home = await homeOf(actor, directory, proposal.scope)
  const [signatures, mySignature] = await Promise.all([
    signatureCount(proposal._id),
    home.householdId ? findById(Collections.cosignatures, cosignIdOf(proposal._id, home.householdId), Cosignature) : Promise.resolve(null),
  ])
  const relations = proposalRelationsTo(actor, proposal, { cosigned: mySignature !== null, residentInScope: home.inScope })
  return {
    _id: proposal._id,
    title: proposal.title,
    background: proposal.background,
    scope: proposal.scope,
    scopeLabel: scopeLabel(directory, proposal.scope),
    status: proposal.status,
    signatures,
    threshold: proposal.threshold,
    expiresAt: proposal.expiresAt,
    reason: proposal.reason,
    topicId: proposal.topicId,
    signedByMe: mySignature !== null,
    mine: proposal.proposerId === actor.userId,
    availableActions: availableProposalActions(proposal, relations, now),
    canSign: proposal.status === 'gathering' && now < proposal.expiresAt && home.inScope && mySignature === null && home.householdId !== (await proposerHousehold(proposal)),
    createdAt: proposal.createdAt,
  }
}

const answer = async (proposal: StoredProposal, ctx: UseCaseContext): Promise<Result<ProposalView>> =>
  success(await viewOf(proposal, ctx.actor, await loadDirectory(ctx.now), ctx.now))

async function sign(proposalId: string, householdId: string, userId: string, now: number): Promise<'signed' | 'already'> {
  try {
    await database().collection(Collections.cosignatures).add({ _id: cosignIdOf(proposalId, householdId), proposalId, householdId, userId, at: now })
    return 'signed'
  } catch (error) {
    if (isDuplicateWrite(error)) return 'already'
    throw error
  }
}

/**
 * A verified resident proposes a topic within their own scope (issue 8 Proposals): their community,
 * grid or building, which must hold their home. The threshold is the committee's setting (default
 * 10 households or 5 % of the scope's, whichever is fewer), counted in co-signing households: the
 * proposer's own is the proposal, not a co-signature, so a building of twelve still needs a neighbour.
 */
export const propose: ActionHandler<'council', 'propose'> = async (input, ctx) => {
  const { actor, now } = ctx
  const directory = await loadDirectory(now)
  const home = await homeOf(actor, directory, input.scope)
  if (!home.householdId) return failure('FORBIDDEN', '绑定您家并经居委会确认后，才能发起提议')
  if (!home.inScope) return failure('FORBIDDEN', '只能就您家所在的小区、网格或楼栋发起提议')
  const communities = communitiesOf(directory, input.scope)
  if (communities.length !== 1) return failure('INVALID_INPUT', 'scope: 提议只能在一个社区里')
  const _id = idempotentId('proposal', actor.userId, input.idempotencyKey)
  const existing = await loadProposal(_id)
  if (existing) return answer(existing, ctx)
  const tooOften = await spendAllowance(actor.userId, 'proposal', now, { itemKey: _id })
  if (tooOften) return tooOften
  const [{ voters }, setting] = await Promise.all([electorateOf(directory, input.scope, 'household', 'majority'), proposalThresholdSetting(communities[0], now)])
  const community = directory.communities.get(communities[0])!
  const born = newProposal(
    {
      _id, proposerId: actor.userId, communityId: community._id, streetId: community.streetId, scope: input.scope, title: input.title, background: input.background,
      threshold: defaultThreshold(voters.length, setting),
    },
    now,
  )
  const stored = toStoredProposal(born.proposal, [born.event])
  if ((await insertProposal(stored)) === 'exists') return answer((await loadProposal(_id))!, ctx)
  await appendProposalEvents(stored, [born.event])
  return answer(stored, ctx)
}

/** Once the signatures reach the threshold (counted after each signature), the proposal goes before the committee — once, whoever signed last. */
async function reachIfDue(proposal: StoredProposal, now: number): Promise<StoredProposal | null> {
  const signatures = await signatureCount(proposal._id)
  if (proposal.status !== 'gathering' || signatures < proposal.threshold) return null
  const outcome = applyProposalTransition(proposal, 'reachThreshold', PROPOSAL_SYSTEM, now, { signatures })
  if (!outcome.ok) return null
  const saved = await saveProposal(proposal, outcome.proposal, [outcome.event])
  if (saved) await notifyProposal([outcome.event], saved, now)
  return saved
}

export const proposal: ActionHandler<'council', 'proposal'> = async ({ proposalId }, ctx) => {
  const stored = await loadProposal(proposalId)
  return stored ? answer(stored, ctx) : notFound()
}

/** A verified resident of the scope signs for their household; a second signature of it is the same one, answered again. */
export const cosign: ActionHandler<'council', 'cosign'> = async ({ proposalId }, ctx) => {
  const { actor, now } = ctx
  const stored = await loadProposal(proposalId)
  if (!stored) return notFound()
  const directory = await loadDirectory(now)
  // Both reads go out together (one round trip); the refusals keep their order.
  const [home, proposerHome] = await Promise.all([homeOf(actor, directory, stored.scope), proposerHousehold(stored)])
  if (!home.householdId) return failure('FORBIDDEN', '绑定您家并经居委会确认后，才能联署')
  if (!home.inScope) return failure('FORBIDDEN', '只有这个范围里的居民能联署')
  if (proposerHome === home.householdId) return failure('CONFLICT', '发起提议的这一户不用再联署')
  if (stored.status !== 'gathering' || now >= stored.expiresAt) return failure('CONFLICT', '这个提议已经不再征集联署')
  const tooOften = await spendAllowance(actor.userId, 'cosign', now, { itemKey: cosignIdOf(proposalId, home.householdId) })
  if (tooOften) return tooOften
  await sign(proposalId, home.householdId, actor.userId, now)
  return answer((await reachIfDue(stored, now)) ?? stored, ctx)
}

async function step<A extends 'withdraw' | 'accept' | 'decline'>(proposal: StoredProposal, ctx: UseCaseContext, action: A, payload: ProposalPayloads[A]): Promise<Result<StoredProposal>> {
  const directory = await loadDirectory(ctx.now)
  const home = await homeOf(ctx.actor, directory, proposal.scope)
  const signed = home.householdId ? await findById(Collections.cosignatures, cosignIdOf(proposal._id, home.householdId), Cosignature) : null
  const relations = proposalRelationsTo(ctx.actor, proposal, { cosigned: signed !== null, residentInScope: home.inScope })
  const outcome = applyProposalTransition(proposal, action, { id: ctx.actor.userId, relations }, ctx.now, payload)
  if (!outcome.ok) return failure(transitionErrorCode[outcome.reason], outcome.detail)
  const saved = await saveProposal(proposal, outcome.proposal, [outcome.event])
  if (!saved) return failure('CONFLICT', '这个提议刚刚有了变化，请刷新后再试')
  await notifyProposal([outcome.event], saved, ctx.now)
  return success(saved)
}

export const withdrawProposal: ActionHandler<'council', 'withdrawProposal'> = async ({ proposalId }, ctx) => {
  const stored = await loadProposal(proposalId)
  if (!stored) return notFound()
  const stepped = await step(stored, ctx, 'withdraw', {})
  return stepped.ok ? answer(stepped.data, ctx) : stepped
}

/**
 * The committee accepts a proposal as a topic (its scope the proposal's, its terms the committee's)
 * or declines it with a reason everyone reads. The proposal is decided first (one reviewer wins), then
 * the topic opened under an id that follows from the proposal, so a retry opens it once.
 */
export const decideProposal: ActionHandler<'council', 'decideProposal'> = async (input, ctx) => {
  const stored = await loadProposal(input.proposalId)
  if (!stored) return notFound()
  if (input.decision === 'decline') {
    const stepped = await step(stored, ctx, 'decline', { reason: input.reason })
    return stepped.ok ? answer(stepped.data, ctx) : stepped
  }
  const topicId = idempotentId('topic', stored._id, 'accepted')
  const accepted = stored.status === 'accepted' && stored.topicId === topicId ? success(stored) : await step(stored, ctx, 'accept', { topicId })
  if (!accepted.ok) return accepted
  const opened = await openTopicFrom({ ...input.topic, idempotencyKey: 'from-proposal', scope: stored.scope }, ctx, { _id: topicId, fromProposalId: stored._id })
  if (!opened.ok) return opened
  return answer(accepted.data, ctx)
}

const LIST_READ = 200

export const listProposals: ActionHandler<'council', 'listProposals'> = async ({ view, cursor, limit }, ctx) => {
  const { actor, now } = ctx
  const directory = await loadDirectory(now)
  const _ = database().command
  if (view === 'toDecide' && actor.communityIds.length === 0) return failure('FORBIDDEN', '提议由居委会决定')
  // The caller's own communities (home, or served); with none yet, every community's, as anyone may read them.
  const home = (await homeBuildingOf(actor.user?.householdId, directory))?.communityId
  const own = [...new Set([...actor.communityIds, ...(home ? [home] : [])])]
  const inOwn = own.length > 0 ? { communityId: _.in(own) } : {}
  const where = {
    gathering: { status: 'gathering', ...inOwn },
    toDecide: { status: 'awaitingDecision', communityId: _.in(actor.communityIds) },
    mine: { proposerId: actor.userId },
    all: inOwn,
  }[view]
  const found = await findMany(Collections.proposals, where, StoredProposal, { orderBy: ['createdAt', 'desc'], limit: LIST_READ })
  const offset = offsetOf(cursor)
  const { items, nextCursor } = page(found.slice(offset, offset + limit + 1), offset, limit)
  return success({ items: await Promise.all(items.map((p) => viewOf(p, actor, directory, now))), nextCursor })
}
