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
import { proposalNotices } from './notify'
import { appendNewProposalEvents, insertProposal, loadProposal, preloadProposalById, StoredProposal, toStoredProposal, writeProposal } from './proposal-store'
import { preloadTopicById } from './topic-store'
import { homeOf, scopeLabel } from './topic-view'
import { openTopicFrom } from './topics.use-cases'

const Cosignature = z.object({ _id: z.string(), proposalId: z.string(), householdId: z.string(), userId: z.string(), at: z.number() })

/** One per proposal × household (issue 8: "co-sign (one per unit, safe under concurrency)"): a second signature of the household collides. */
const cosignIdOf = (proposalId: string, householdId: string) => `cosign-${createHash('sha256').update(`${proposalId}\n${householdId}`).digest('hex').slice(0, 40)}`

const notFound = () => failure('NOT_FOUND', '没有找到这个提议')

/** The household that proposed it: kept on the proposal; an older one reads its proposer's record (as bound now). */
async function proposerHousehold(proposal: Pick<StoredProposal, 'proposerId' | 'proposerHouseholdId'>): Promise<string | null> {
  if (proposal.proposerHouseholdId !== undefined) return proposal.proposerHouseholdId
  return (await findById(Collections.users, proposal.proposerId, User))?.householdId ?? null
}

const signatureCount = async (proposalId: string) =>
  ((await database().collection(Collections.cosignatures).where({ proposalId }).count()) as { total: number }).total

/**
 * A proposal as this caller sees it. Its reads go out together (one round trip), none that the view
 * cannot use: the proposer's household only where the caller could still sign. `known`: what the step
 * just did (its count of signatures, the caller's own signature).
 */
async function viewOf(proposal: StoredProposal, actor: Actor, directory: Directory, now: number, known: { signatures?: number; signedByMe?: boolean } = {}): Promise<ProposalView> {
  const home = await homeOf(actor, directory, proposal.scope)
  const mayStillSign = proposal.status === 'gathering' && now < proposal.expiresAt && home.inScope
  const [signatures, signedByMe, proposerHome] = await Promise.all([
    known.signatures ?? signatureCount(proposal._id),
    known.signedByMe ?? (home.householdId ? findById(Collections.cosignatures, cosignIdOf(proposal._id, home.householdId), Cosignature).then((found) => found !== null) : false),
    mayStillSign ? proposerHousehold(proposal) : null,
  ])
  const relations = proposalRelationsTo(actor, proposal, { cosigned: signedByMe, residentInScope: home.inScope })
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
    signedByMe,
    mine: proposal.proposerId === actor.userId,
    availableActions: availableProposalActions(proposal, relations, now),
    canSign: mayStillSign && !signedByMe && home.householdId !== proposerHome,
    createdAt: proposal.createdAt,
  }
}

const answer = async (proposal: StoredProposal, ctx: UseCaseContext, known?: { signatures?: number; signedByMe?: boolean }): Promise<Result<ProposalView>> =>
  success(await viewOf(proposal, ctx.actor, await loadDirectory(ctx.now), ctx.now, known))

async function sign(proposalId: string, householdId: string, userId: string, now: number): Promise<'signed' | 'already'> {
  try {
    await database().collection(Collections.cosignatures).add({ _id: cosignIdOf(proposalId, householdId), proposalId, householdId, userId, at: now })
    return 'signed'
  } catch (error) {
    if (isDuplicateWrite(error)) return 'already'
    throw error
  }
}

const proposedId = (userId: string, idempotencyKey: string) => idempotentId('proposal', userId, idempotencyKey)
/** The proposal a propose names follows from the caller and their key: read beside the caller's record (a retried propose finds it). */
export const preloadProposed = (input: { idempotencyKey: string }, { openid }: { openid: string }) => preloadProposalById(proposedId(openid, input.idempotencyKey))

/**
 * A verified resident proposes a topic within their own scope (issue 8 Proposals): their community,
 * grid or building, which must hold their home. The threshold is the committee's setting (default
 * 10 households or 5 % of the scope's, whichever is fewer), counted in co-signing households: the
 * proposer's own is the proposal, not a co-signature, so a building of twelve still needs a neighbour.
 * The scope's households and the setting are read beside the allowance's spend; the proposal and its
 * first event go in together (the document keeps the event until its append lands).
 */
export const propose: ActionHandler<'council', 'propose'> = async (input, ctx) => {
  const { actor, now } = ctx
  const directory = await loadDirectory(now)
  const home = await homeOf(actor, directory, input.scope)
  if (!home.householdId) return failure('FORBIDDEN', '绑定您家并经居委会确认后，才能发起提议')
  if (!home.inScope) return failure('FORBIDDEN', '只能就您家所在的小区、网格或楼栋发起提议')
  const communities = communitiesOf(directory, input.scope)
  if (communities.length !== 1) return failure('INVALID_INPUT', 'scope: 提议只能在一个社区里')
  const _id = proposedId(actor.userId, input.idempotencyKey)
  const existing = await loadProposal(_id)
  if (existing) return answer(existing, ctx)
  const [tooOften, { voters }, setting] = await Promise.all([
    spendAllowance(actor.userId, 'proposal', now, { itemKey: _id }),
    electorateOf(directory, input.scope, 'household', 'majority'),
    proposalThresholdSetting(communities[0], now),
  ])
  if (tooOften) return tooOften
  const community = directory.communities.get(communities[0])!
  const born = newProposal(
    {
      _id, proposerId: actor.userId, communityId: community._id, streetId: community.streetId, scope: input.scope, title: input.title, background: input.background,
      threshold: defaultThreshold(voters.length, setting),
    },
    now,
  )
  const stored = toStoredProposal(born.proposal, [born.event], home.householdId)
  const [inserted] = await Promise.all([
    insertProposal(stored),
    appendNewProposalEvents([born.event]).catch((error: unknown) => console.error('[council.propose] first event not appended; the next write appends it', error)),
  ])
  if (inserted === 'exists') return answer((await loadProposal(_id))!, ctx)
  // Just made: nobody has signed it yet.
  return answer(stored, ctx, { signatures: 0, signedByMe: false })
}

/**
 * Once the signatures reach the threshold (counted after each signature), the proposal goes before
 * the committee — once, whoever signed last. Answers the proposal as it now stands.
 */
async function reachIfDue(proposal: StoredProposal, signatures: number, now: number): Promise<StoredProposal> {
  if (proposal.status !== 'gathering' || signatures < proposal.threshold) return proposal
  const outcome = applyProposalTransition(proposal, 'reachThreshold', PROPOSAL_SYSTEM, now, { signatures })
  if (!outcome.ok) return proposal
  const after = toStoredProposal(outcome.proposal, [outcome.event], proposal.proposerHouseholdId)
  const notices = proposalNotices([outcome.event], after, now)
  const written = await writeProposal(proposal, outcome.proposal, [outcome.event])
  if (!written) return proposal
  await Promise.all([written.appended, notices.send()])
  return written.saved
}

export const proposal: ActionHandler<'council', 'proposal'> = async ({ proposalId }, ctx) => {
  const stored = await loadProposal(proposalId)
  return stored ? answer(stored, ctx) : notFound()
}

/**
 * A verified resident of the scope signs for their household; a second signature of it is the same
 * one, answered again. Four round trips, each needing the one before: the proposal (with the caller)
 * → the allowance (a refusal stores nothing) → the signature → the count that must see it (of two
 * signing at once, the later count sees both: the threshold is never missed); then, only when it
 * reaches the threshold, the proposal's conditional write and its notices.
 */
export const cosign: ActionHandler<'council', 'cosign'> = async ({ proposalId }, ctx) => {
  const { actor, now } = ctx
  const stored = await loadProposal(proposalId)
  if (!stored) return notFound()
  const directory = await loadDirectory(now)
  // Both go out together (one round trip, none when the proposal keeps its household); the refusals keep their order.
  const [home, proposerHome] = await Promise.all([homeOf(actor, directory, stored.scope), proposerHousehold(stored)])
  if (!home.householdId) return failure('FORBIDDEN', '绑定您家并经居委会确认后，才能联署')
  if (!home.inScope) return failure('FORBIDDEN', '只有这个范围里的居民能联署')
  if (proposerHome === home.householdId) return failure('CONFLICT', '发起提议的这一户不用再联署')
  if (stored.status !== 'gathering' || now >= stored.expiresAt) return failure('CONFLICT', '这个提议已经不再征集联署')
  const tooOften = await spendAllowance(actor.userId, 'cosign', now, { itemKey: cosignIdOf(proposalId, home.householdId) })
  if (tooOften) return tooOften
  await sign(proposalId, home.householdId, actor.userId, now)
  const signatures = await signatureCount(proposalId)
  return answer(await reachIfDue(stored, signatures, now), ctx, { signatures, signedByMe: true })
}

/**
 * A step of the proposer's or the committee's. Withdraw, accept and decline are theirs alone
 * (proposal.machine.ts), so whether the caller co-signed never enters: no read of it. The
 * recipients of its notices and the answer's reads go beside its write; its events and notices follow it.
 */
async function step<A extends 'withdraw' | 'accept' | 'decline'>(proposal: StoredProposal, ctx: UseCaseContext, action: A, payload: ProposalPayloads[A]): Promise<Result<ProposalView>> {
  const directory = await loadDirectory(ctx.now)
  const home = await homeOf(ctx.actor, directory, proposal.scope)
  const relations = proposalRelationsTo(ctx.actor, proposal, { cosigned: false, residentInScope: home.inScope })
  const outcome = applyProposalTransition(proposal, action, { id: ctx.actor.userId, relations }, ctx.now, payload)
  if (!outcome.ok) return failure(transitionErrorCode[outcome.reason], outcome.detail)
  const after = toStoredProposal(outcome.proposal, [outcome.event], proposal.proposerHouseholdId)
  const notices = proposalNotices([outcome.event], after, ctx.now)
  const view = viewOf(after, ctx.actor, directory, ctx.now)
  view.catch(() => undefined)
  const written = await writeProposal(proposal, outcome.proposal, [outcome.event])
  if (!written) return failure('CONFLICT', '这个提议刚刚有了变化，请刷新后再试')
  const [answered] = await Promise.all([view, written.appended, notices.send()])
  return success(answered)
}

export const withdrawProposal: ActionHandler<'council', 'withdrawProposal'> = async ({ proposalId }, ctx) => {
  const stored = await loadProposal(proposalId)
  if (!stored) return notFound()
  return step(stored, ctx, 'withdraw', {})
}

const acceptedTopicId = (proposalId: string) => idempotentId('topic', proposalId, 'accepted')
/** The proposal, and the topic an acceptance opens (its id follows from the proposal's): read beside the caller's record. */
export function preloadDecided(input: { proposalId: string; decision: 'accept' | 'decline' }): void {
  preloadProposalById(input.proposalId)
  if (input.decision === 'accept') preloadTopicById(acceptedTopicId(input.proposalId))
}

/**
 * The committee accepts a proposal as a topic (its scope the proposal's, its terms the committee's)
 * or declines it with a reason everyone reads. The proposal is decided first (one reviewer wins), then
 * the topic opened under an id that follows from the proposal, so a retry opens it once.
 */
export const decideProposal: ActionHandler<'council', 'decideProposal'> = async (input, ctx) => {
  const stored = await loadProposal(input.proposalId)
  if (!stored) return notFound()
  if (input.decision === 'decline') return step(stored, ctx, 'decline', { reason: input.reason })
  const topicId = acceptedTopicId(stored._id)
  const alreadyAccepted = stored.status === 'accepted' && stored.topicId === topicId
  const accepted = alreadyAccepted ? await answer(stored, ctx) : await step(stored, ctx, 'accept', { topicId })
  if (!accepted.ok) return accepted
  const opened = await openTopicFrom({ ...input.topic, idempotencyKey: 'from-proposal', scope: stored.scope }, ctx, { _id: topicId, fromProposalId: stored._id })
  if (!opened.ok) return opened
  await opened.data.settled
  return accepted
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
