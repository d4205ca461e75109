import type {
  Deadlines, EscalationLevel, NoteVisibleTo, OutOfScope, Rating, Request, RequestAction,
} from '../../../../types/request.schema'
import { ratingDueAt, stageOf } from './deadlines'
import { invalidPayload, type Effect as EffectOf, type EffectContext, type EffectFailure } from '../transition-table'

type RatingInput = Omit<Rating, 'at' | 'by'>

/** What each action carries besides the request, the actor and the time. */
export type TransitionPayloads = {
  dispatch: { deadlines: Deadlines }
  flag: { reason: string }
  release: { note?: string }
  reject: { reason: string }
  withdraw: { note?: string }
  accept: { note?: string }
  note: { note: string; photos?: string[]; visibleTo: NoteVisibleTo }
  transfer: { toUserId: string; note: string }
  escalate: { level: Exclude<EscalationLevel, 'none'>; coHandlerIds: string[]; note: string }
  refer: { scope: OutOfScope; note?: string }
  reply: { text: string; photos: string[] }
  rate: RatingInput
  /** A 不解决 rating, and the new resolve-by the config gives (deadlines.ts resolveDueAt). */
  reopen: RatingInput & { resolveBy: number }
  autoClose: Record<string, never>
  recordCallback: { reached: boolean; note: string }
  follow: Record<string, never>
  remind: Record<string, never>
  supervise: Record<string, never>
}

type Effect = EffectOf<Request>

const levelRank: Record<EscalationLevel, number> = { none: 0, community: 1, street: 2 }
/** 不解决 sends the item one level up: the community first, then the street (吹哨报到). */
const raise = (level: EscalationLevel): EscalationLevel => (level === 'none' ? 'community' : 'street')
const MAX_CO_HANDLERS = 20


/** The field changes of each action; the machine decides whether it may happen at all. */
export const effects: { [A in RequestAction]: (r: Request, p: TransitionPayloads[A], ctx: EffectContext) => Effect | EffectFailure } = {
  dispatch: (r, p, { now }) => {
    if (p.deadlines.respondBy < now || p.deadlines.resolveBy < p.deadlines.respondBy) return invalidPayload('deadlines lie before dispatch')
    return { changes: { ownerId: r.route.handlerId, deadlines: p.deadlines, dispatchedAt: now }, details: { ownerId: r.route.handlerId } }
  },
  flag: (_r, p) => ({ changes: { moderation: { reason: p.reason } }, note: p.reason }),
  release: (r, p, { actorId }) => ({
    changes: { moderation: { reason: r.moderation?.reason ?? '', decidedBy: actorId, ...(p.note !== undefined && { note: p.note }) } },
    note: p.note,
  }),
  reject: (r, p, { actorId, now }) => ({
    changes: { moderation: { reason: r.moderation?.reason ?? '', decidedBy: actorId, note: p.reason }, closedAt: now },
    note: p.reason,
  }),
  withdraw: (_r, p, { now }) => ({ changes: { closedAt: now }, note: p.note }),
  // Whoever accepts owns it: the on-duty worker, anyone of the grid for a queued item, or the
  // committee taking over an item nobody answered.
  accept: (r, p, { actorId, now }) => ({
    changes: { ownerId: actorId, respondedAt: r.respondedAt ?? now },
    note: p.note,
    details: r.ownerId !== actorId ? { previousOwnerId: r.ownerId } : undefined,
  }),
  // Who it is for travels with the note (staff-notes.ts reads it), so its photos are hidden with it.
  note: (_r, p) => ({ changes: {}, note: p.note, details: { visibleTo: p.visibleTo, ...(p.photos?.length && { photos: p.photos }) } }),
  transfer: (r, p) => {
    if (p.toUserId === r.ownerId || r.coHandlerIds.includes(p.toUserId)) return invalidPayload('already handling this request')
    if (r.coHandlerIds.length >= MAX_CO_HANDLERS) return invalidPayload('too many co-handlers')
    return { changes: { coHandlerIds: [...r.coHandlerIds, p.toUserId] }, note: p.note, details: { toUserId: p.toUserId } }
  },
  escalate: (r, p) => {
    if (levelRank[p.level] <= levelRank[r.escalation]) return invalidPayload(`already escalated to ${r.escalation}`)
    const added = p.coHandlerIds.filter((id, i, all) => id !== r.ownerId && !r.coHandlerIds.includes(id) && all.indexOf(id) === i)
    if (r.coHandlerIds.length + added.length > MAX_CO_HANDLERS) return invalidPayload('too many co-handlers')
    return {
      changes: { escalation: p.level, coHandlerIds: [...r.coHandlerIds, ...added] },
      note: p.note,
      details: { level: p.level, coHandlerIds: added },
    }
  },
  refer: (r, p, { now }) => ({
    changes: { referral: { scope: p.scope, ...(p.note !== undefined && { note: p.note }) }, respondedAt: r.respondedAt ?? now, closedAt: now },
    note: p.note,
    details: { scope: p.scope },
  }),
  reply: (_r, p, { actorId, now }) => ({
    changes: { reply: { text: p.text, photos: p.photos, at: now, by: actorId }, repliedAt: now },
    note: p.text,
    details: { photos: p.photos },
  }),
  rate: (_r, p, { actorId, now }) => {
    if (p.outcome === 'unresolved') return invalidPayload('a 不解决 rating reopens the request: use reopen')
    return { changes: { rating: { ...p, at: now, by: actorId }, closedAt: now }, note: p.comment, details: { outcome: p.outcome, satisfaction: p.satisfaction } }
  },
  reopen: (r, { resolveBy, ...p }, { actorId, now }) => {
    if (p.outcome !== 'unresolved') return invalidPayload('only a 不解决 rating reopens the request')
    if (!r.deadlines || resolveBy <= now) return invalidPayload('a reopened request needs a resolve-by after now')
    return {
      changes: {
        rating: { ...p, at: now, by: actorId },
        reopenCount: r.reopenCount + 1,
        escalation: raise(r.escalation),
        deadlines: { ...r.deadlines, resolveFrom: now, resolveBy },
      },
      note: p.comment,
      details: { outcome: p.outcome, satisfaction: p.satisfaction, level: raise(r.escalation) },
    }
  },
  autoClose: (r, _p, { now }) => {
    if (r.repliedAt === null || now < ratingDueAt(r.repliedAt)) return { fail: 'NOT_DUE', detail: 'the rating window is still open' }
    return { changes: { closedAt: now } }
  },
  recordCallback: (_r, p) => ({ changes: {}, note: p.note, details: { reached: p.reached } }),
  // The machine only says who may +1 and when; the count is kept outside the versioned write
  // (follow.use-case), so a +1 never makes a handler's write a CONFLICT.
  follow: () => ({ changes: {} }),
  remind: (r, _p, ctx) => alert(r, 'remind', ctx),
  supervise: (r, _p, ctx) => alert(r, 'supervise', ctx),
}

function alert(r: Request, kind: 'remind' | 'supervise', { now }: EffectContext): Effect | EffectFailure {
  const stage = stageOf[r.status]
  if (!r.deadlines || (stage !== 'respond' && stage !== 'resolve')) return { fail: 'CONFLICT', detail: 'no deadline is running' }
  const dueAt = stage === 'respond' ? r.deadlines.respondBy : r.deadlines.resolveBy
  if (r.alerts.some((a) => a.kind === kind && a.stage === stage && a.dueAt === dueAt)) {
    return { fail: 'CONFLICT', detail: `${kind} already sent for this deadline` }
  }
  return { changes: { alerts: [...r.alerts, { kind, stage, dueAt, at: now }] }, details: { stage, dueAt } }
}
