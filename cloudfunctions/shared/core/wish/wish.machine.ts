import {
  MAX_LIVE_CLAIMS, WishStatus, type Wish, type WishAction, type WishConfirmation, type WishEvent, type WishMark, type WishRelation,
} from '../../../../types/wish.schema'
import {
  availableIn, invalidPayload, takeStep, type Effect as EffectOf, type EffectContext, type EffectFailure, type Permit as PermitOf,
  type Transition as TransitionOf, type TransitionActor, type TransitionRefusal,
} from '../transition-table'
import { confirmCheckAt, lapseReminderAt } from './wish-times'

type Permit = PermitOf<Wish>
export type Transition = TransitionOf<Wish, WishStatus, WishRelation>

/** Issue 7: "a member of another branch can't claim before the wish widens". */
const widened: Permit = (w) => w.audience === 'community'
const narrow = (w: Wish) => w.audience === 'branch'
const cancelRequested = (w: Wish) => w.cancelRequest !== null
/** Issue 7: a wish is for its needed-by day (wish-times neededByOf: through the end of it, Beijing time). */
const stillNeeded = (w: Wish, now: number) => now < w.neededBy
const neededByPassed = (w: Wish, now: number) => now >= w.neededBy
const noCancelRequest = (w: Wish) => w.cancelRequest === null

const system = { system: true } as const
/** Issue 7 Review: "committee of that community, or the grid worker who visited — 核实". */
const reviewers = { committee: true, gridWorker: true } as const
/** Issue 7: "Nobody reviews their own wish." */
const review = (to: WishStatus): Transition => ({ to, by: reviewers, never: ['wisher'] })

/**
 * The wish lifecycle of issue 7, the only door to a new status. Widening keeps the wish published
 * (types/wish.schema.ts WishStatus), and release, revoke and lapse all put it back on the wall.
 */
export const wishTransitions: Record<WishStatus, Partial<Record<WishAction, Transition>>> = {
  inReview: {
    // Every wish is reviewed: content safety's flag only marks it for the reviewer.
    flag: { to: 'inReview', by: system },
    publish: review('published'),
    return: review('returned'),
    convert: review('converted'),
    withdraw: { to: 'withdrawn', by: { wisher: true } },
    // Not reviewed by the day it was needed: nothing is left waiting that no one can still fulfil.
    expire: { to: 'expired', by: system, when: neededByPassed },
  },
  published: {
    widen: { to: 'published', by: system, when: narrow },
    // Issue 7: "Nobody claims their own wish"; "a resident can't claim" (a resident is 'other').
    claim: { to: 'claimed', by: { branchMember: true, widenedMember: widened }, never: ['wisher'], when: stillNeeded },
    withdraw: { to: 'withdrawn', by: { wisher: true } },
    // Nobody claimed it by the day it was needed: the resident is told rather than left waiting.
    expire: { to: 'expired', by: system, when: neededByPassed },
  },
  claimed: {
    release: { to: 'published', by: { claimer: true } },
    revoke: { to: 'published', by: { committee: true } },
    lapse: { to: 'published', by: system },
    remindLapse: { to: 'claimed', by: system },
    fulfil: { to: 'fulfilled', by: { claimer: true } },
    // Issue 7: "after a claim, a request to cancel that the claimer sees": the claim stands until they agree.
    requestCancel: { to: 'claimed', by: { wisher: true }, when: noCancelRequest },
    agreeCancel: { to: 'withdrawn', by: { claimer: true }, when: cancelRequested },
  },
  fulfilled: {
    confirm: { to: 'realised', by: { wisher: true } },
    // Issue 7: the grid worker confirms after a visit or call, "never by the claimer".
    confirmByVisit: { to: 'realised', by: { gridWorker: true }, never: ['claimer'] },
    askToCheck: { to: 'fulfilled', by: system },
    // When the check finds nothing done, the committee takes the claim back; else the wish would wait here for ever.
    revoke: { to: 'published', by: { committee: true } },
  },
  realised: {},
  returned: {},
  withdrawn: {},
  converted: {},
  expired: {},
}

const statuses = WishStatus.options
const leaves = (s: WishStatus) => Object.values(wishTransitions[s]).some((t) => t.to !== s)
export const openWishStatuses: readonly WishStatus[] = statuses.filter(leaves)
export const closedWishStatuses: readonly WishStatus[] = statuses.filter((s) => !leaves(s))
/** What a member's "at most 3 live claims" counts. */
export const liveClaimStatuses: readonly WishStatus[] = ['claimed']
/** The claimer still holds the wish, from the claim until the resident's confirmation: they keep its contact and follow it. */
export const heldClaimStatuses: readonly WishStatus[] = ['claimed', 'fulfilled']

/** What each action carries besides the wish, the actor and the time. */
export type WishPayloads = {
  flag: { mark: WishMark }
  /** widenAt: wish-times.ts widenAtOf, from the deployment's config. */
  publish: { summary: string; widenAt: number }
  return: { reason: string }
  convert: { requestId: string }
  widen: Record<string, never>
  /** lockUntil: wish-times.ts lockUntilOf; liveClaims: the claimer's wishes in liveClaimStatuses, counted by the use case. */
  claim: { lockUntil: number; liveClaims: number }
  release: { reason: string }
  revoke: { reason: string }
  lapse: Record<string, never>
  remindLapse: Record<string, never>
  fulfil: { note: string; photos: string[] }
  confirm: { thanks?: string; rating?: number }
  confirmByVisit: { via: 'visit' | 'call'; note: string }
  askToCheck: Record<string, never>
  withdraw: { reason?: string }
  requestCancel: { reason: string }
  agreeCancel: { note?: string }
  expire: Record<string, never>
}

type Effect = EffectOf<Wish>
type Ctx = EffectContext

const conflict = (detail: string): EffectFailure => ({ fail: 'CONFLICT', detail })
const notDue = (detail: string): EffectFailure => ({ fail: 'NOT_DUE', detail })
const blank = (text: string | undefined) => text === undefined || text.trim() === ''

/** The claim ends and the contact is masked again for that member (issue 7 Contact); the cancel request was theirs to answer. */
const endClaim = (w: Wish) => ({ changes: { claim: null, cancelRequest: null }, details: { memberId: w.claim?.memberId ?? null } })

const effects: { [A in WishAction]: (w: Wish, p: WishPayloads[A], ctx: Ctx) => Effect | EffectFailure } = {
  flag: (w, p) => {
    if (w.marks.length >= 10) return conflict('too many marks')
    return { changes: { marks: [...w.marks, p.mark] }, note: p.mark.detail, details: { kind: p.mark.kind } }
  },
  publish: (_w, p, { actorId, now }) => {
    if (blank(p.summary)) return invalidPayload('a published wish needs a public summary')
    if (p.widenAt <= now) return invalidPayload('widening lies before publishing')
    return { changes: { summary: p.summary, reviewedBy: actorId, publishedAt: now, widenAt: p.widenAt, audience: 'branch' }, note: p.summary }
  },
  return: (_w, p, { actorId }) => {
    if (blank(p.reason)) return invalidPayload('a returned wish needs a reason the resident sees')
    return { changes: { returnReason: p.reason, reviewedBy: actorId }, note: p.reason }
  },
  convert: (_w, p, { actorId }) => {
    if (blank(p.requestId)) return invalidPayload('a converted wish names its request')
    return { changes: { convertedTo: p.requestId, reviewedBy: actorId }, details: { requestId: p.requestId } }
  },
  widen: (w, _p, { now }) => {
    if (w.widenAt === null || now < w.widenAt) return notDue('the branch still has the wish to itself')
    return { changes: { audience: 'community', widenedAt: now } }
  },
  claim: (w, p, { actorId, now }) => {
    if (p.liveClaims >= MAX_LIVE_CLAIMS) return conflict(`a member holds at most ${MAX_LIVE_CLAIMS} live claims`)
    if (p.lockUntil <= now || p.lockUntil > w.neededBy) return invalidPayload('the lock must end after now and not past the needed-by date')
    const claim = { memberId: actorId, at: now, lockUntil: p.lockUntil, remindedAt: null }
    return { changes: { claim, firstClaimedAt: w.firstClaimedAt ?? now }, details: { lockUntil: p.lockUntil } }
  },
  release: (w, p) => (blank(p.reason) ? invalidPayload('a release needs a reason') : { ...endClaim(w), note: p.reason }),
  revoke: (w, p) => (blank(p.reason) ? invalidPayload('a revoke needs a reason the claimer is told')
    : { changes: { ...endClaim(w).changes, fulfilment: null }, details: endClaim(w).details, note: p.reason }),
  // Issue 7: lapse "only when lockUntil ≤ now".
  lapse: (w, _p, { now }) => {
    if (!w.claim || now < w.claim.lockUntil) return notDue('the lock is still running')
    const ended = endClaim(w)
    return { changes: { ...ended.changes, lapses: w.lapses + 1 }, details: ended.details }
  },
  remindLapse: (w, _p, { now }) => {
    const remindAt = w.claim ? lapseReminderAt(w.claim) : null
    if (!w.claim || remindAt === null || now < remindAt) return notDue('not yet 24 h before the lock runs out')
    if (w.claim.remindedAt !== null) return conflict('the claimer was already reminded')
    return { changes: { claim: { ...w.claim, remindedAt: now } }, details: { lockUntil: w.claim.lockUntil } }
  },
  fulfil: (_w, p, { actorId, now }) => {
    if (blank(p.note)) return invalidPayload('a fulfilment needs a note')
    if (p.photos.length > 3) return invalidPayload('at most 3 photos')
    return { changes: { fulfilment: { memberId: actorId, note: p.note, photos: p.photos, at: now } }, note: p.note, details: { photos: p.photos } }
  },
  confirm: (_w, p, { actorId, now }) => {
    if (p.rating !== undefined && !(Number.isInteger(p.rating) && p.rating >= 1 && p.rating <= 5)) return invalidPayload('a rating is 1 to 5')
    const confirmation: WishConfirmation = {
      via: 'wisher', by: actorId, at: now,
      ...(p.thanks !== undefined && { thanks: p.thanks }), ...(p.rating !== undefined && { rating: p.rating }),
    }
    return { changes: { confirmation }, note: p.thanks, details: { via: 'wisher', rating: p.rating } }
  },
  confirmByVisit: (_w, p, { actorId, now }) => {
    if (blank(p.note)) return invalidPayload('a confirmation by visit says what the visit found')
    return { changes: { confirmation: { via: p.via, by: actorId, at: now } }, note: p.note, details: { via: p.via } }
  },
  askToCheck: (w, _p, { now }) => {
    if (!w.fulfilment || now < confirmCheckAt(w.fulfilment)) return notDue('the resident has 7 days to confirm')
    if (w.checkAskedAt !== null) return conflict('the grid worker was already asked')
    return { changes: { checkAskedAt: now } }
  },
  withdraw: (_w, p) => ({ changes: {}, note: p.reason }),
  requestCancel: (_w, p, { now }) => (blank(p.reason) ? invalidPayload('a cancel request says why')
    : { changes: { cancelRequest: { at: now, reason: p.reason } }, note: p.reason }),
  agreeCancel: (w, p) => ({ ...endClaim(w), note: p.note }),
  expire: () => ({ changes: {} }),
}

/** The server answers each wish with these, so the client shows buttons without knowing the rules. */
export function availableWishActions(wish: Wish, relations: readonly WishRelation[], now: number): WishAction[] {
  return availableIn(wishTransitions, wish.status, wish, relations, now)
}

/** wish-policy.ts wishActor builds it for a person; the timer and content safety are WISH_SYSTEM. */
export type WishActor = TransitionActor<WishRelation>
export const WISH_SYSTEM: WishActor = { id: 'system', relations: ['system'] }

export type WishTransitionOutcome = { ok: true; wish: Wish; event: WishEvent } | TransitionRefusal

export function applyWishTransition<A extends WishAction>(
  wish: Wish, action: A, actor: WishActor, now: number, payload: WishPayloads[A],
): WishTransitionOutcome {
  const step = takeStep(wishTransitions, effects[action], wish, action, actor, now, payload)
  if (!step.ok) return step
  const closes = openWishStatuses.includes(wish.status) && closedWishStatuses.includes(step.entity.status)
  return { ok: true, wish: { ...step.entity, closedAt: closes ? now : wish.closedAt }, event: { ...step.event, wishId: wish._id } }
}

/** What posting knows: the resident's words and place, where routing sends it, and what the reviewer should see. */
export type WishDraft = Pick<
  Wish,
  '_id' | 'idempotencyKey' | 'wisherId' | 'place' | 'streetId' | 'route' | 'category' | 'text' | 'photos' | 'neededBy' | 'delivery' | 'marks'
>

/** A wish is born in review with the timeline's first event; the reviewer publishes, returns or converts it. */
export function newWish(draft: WishDraft, now: number): { wish: Wish; event: WishEvent } {
  const wish: Wish = {
    ...draft,
    status: 'inReview',
    summary: null,
    reviewedBy: null,
    returnReason: null,
    convertedTo: null,
    audience: 'branch',
    publishedAt: null,
    widenAt: null,
    widenedAt: null,
    claim: null,
    firstClaimedAt: null,
    cancelRequest: null,
    fulfilment: null,
    confirmation: null,
    checkAskedAt: null,
    lapses: 0,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
    version: 0,
  }
  const event: WishEvent = {
    _id: `${draft._id}#0`, wishId: draft._id, seq: 0, at: now, actorId: draft.wisherId, relation: 'wisher',
    action: 'post', from: null, to: 'inReview',
    ...(draft.marks.length > 0 && { details: { marks: draft.marks.map((m) => m.kind) } }),
  }
  return { wish, event }
}
