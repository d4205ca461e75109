import {
  RequestRelation, RequestStatus, type Request, type RequestAction,
} from '../../types/request.schema'

/**
 * The request lifecycle as its sources state it, written without the machine: request-machine.test.ts
 * derives every expected cell from these records and checks the machine against them. Each record names
 * where it is written: DESIGN, the team's design (its request lifecycle and roles, restated in
 * docs/DOMAIN.md under "Lifecycles" and "Who uses it"), Beijing's 接诉即办 practice (北京市接诉即办工作条例
 * and the city's published practice), or a decision in a code comment
 * (the file, then the comment's words). A quote is the source's own wording; a parenthesis is our reading.
 */
export type Source = `DESIGN: ${string}` | `接诉即办: ${string}` | `${string}.ts: ${string}`
export type SourceKind = 'DESIGN' | '接诉即办' | 'code'
export const kindOf = (source: Source): SourceKind =>
  source.startsWith('DESIGN: ') ? 'DESIGN' : source.startsWith('接诉即办: ') ? '接诉即办' : 'code'

/** Per status, what happens: in `from`, each of `actions` leads to `to` ('stays': the status is kept). */
export type Step = { source: Source; actions: readonly RequestAction[]; from: readonly RequestStatus[]; to: RequestStatus | 'stays' }

/** What the rules' conditions read on a request; the names are the schema's (types/request.schema.ts). */
export type Condition = 'unowned' | 'noResidentAccount' | 'atStreet'
export const holds: Record<Condition, (r: Request) => boolean> = {
  // ownerId: "Null only while the item waits in the community's queue for someone to accept it."
  unowned: (r) => r.ownerId === null,
  // residentId null: 代办 for someone without an account, or 主动治理 with no resident behind it.
  noResidentAccount: (r) => r.residentId === null,
  // EscalationLevel: none → community → street; the street is the top.
  atStreet: (r) => r.escalation === 'street',
}

/**
 * Per relation, who may do what: `who` may take `actions` wherever a step allows them (only in `in`
 * when given), and `only` when the request meets that condition (failing it is a missing right). `as`:
 * every right of another relation, with its limits.
 */
export type Right =
  | { source: Source; who: RequestRelation; actions: readonly RequestAction[]; in?: readonly RequestStatus[]; only?: Condition }
  | { source: Source; who: RequestRelation; as: RequestRelation }

/** A condition on the request that stops a step for everyone who holds the right: a conflict. */
export type Bar = { source: Source; actions: readonly RequestAction[]; when: Condition }

const handling = ['accepted', 'inProgress', 'escalated'] as const
/** Nobody owns or handles an item before routing names its owner (types/request.schema.ts: dispatched "routed; the owner (首接负责) is named"). */
const routed = RequestStatus.options.filter((s) => s !== 'submitted' && s !== 'inReview')

export const steps: readonly Step[] = [
  { source: 'DESIGN: "submitted → dispatched (routed; owner = the grid worker on duty, 首接负责)"', actions: ['dispatch'], from: ['submitted'], to: 'dispatched' },
  { source: 'types/request.schema.ts: inReview "flagged by content safety: waits for the committee, never silently dropped"', actions: ['flag'], from: ['submitted'], to: 'inReview' },
  { source: 'cloudfunctions/requests/review.use-case.ts: "released, it is dispatched at once" (by routing, from submitted)', actions: ['release'], from: ['inReview'], to: 'submitted' },
  { source: 'types/request.schema.ts: rejected "refused after content review, with a reason"', actions: ['reject'], from: ['inReview'], to: 'rejected' },
  { source: 'types/request.schema.ts: inReview "never silently dropped" (an out-of-scope item in review is referred)', actions: ['refer'], from: ['inReview'], to: 'referred' },
  { source: 'cloudfunctions/requests/withdraw.use-case.ts: "Before anyone accepts it, the resident may take it back"', actions: ['withdraw'], from: ['submitted', 'inReview', 'dispatched'], to: 'withdrawn' },
  { source: 'DESIGN: "→ accepted (即时答复: the resident is told who owns it and by when)"', actions: ['accept'], from: ['dispatched'], to: 'accepted' },
  { source: 'DESIGN: "Out-of-scope items (emergencies, court cases) are referred with guidance, never silently dropped" (from dispatch until the reply)', actions: ['refer'], from: ['dispatched', ...handling], to: 'referred' },
  { source: 'cloudfunctions/requests/note.use-case.ts: "A handler\'s progress note ...; the first one starts the work (办理中)"', actions: ['note'], from: ['accepted'], to: 'inProgress' },
  { source: 'cloudfunctions/shared/core/request/request.machine.ts: "Every handling step after acceptance: the first one starts the work (办理中)"', actions: ['transfer'], from: ['accepted'], to: 'inProgress' },
  { source: 'DESIGN: "in progress → (escalated: ...) → replied" (working on, the item stays where it is)', actions: ['note', 'transfer'], from: ['inProgress', 'escalated'], to: 'stays' },
  { source: 'DESIGN: "in progress → (escalated: 吹哨 to the community or street with co-handlers; the owner stays)"', actions: ['escalate'], from: ['inProgress'], to: 'escalated' },
  { source: 'cloudfunctions/shared/core/request/request.machine.ts: "Every handling step after acceptance" (吹哨 straight away)', actions: ['escalate'], from: ['accepted'], to: 'escalated' },
  { source: 'cloudfunctions/shared/core/request/request-effects.ts: "the community first, then the street (吹哨报到)"', actions: ['escalate'], from: ['escalated'], to: 'escalated' },
  { source: 'cloudfunctions/shared/core/request/request.machine.ts: "Every handling step after acceptance" (replied at once)', actions: ['reply'], from: ['accepted'], to: 'replied' },
  { source: 'DESIGN: "in progress → (escalated ...) → replied (result, photos)"', actions: ['reply'], from: ['inProgress', 'escalated'], to: 'replied' },
  { source: 'DESIGN: "closed after the resident\'s rating (回访考评: resolved / partly / not resolved, and satisfaction)"', actions: ['rate'], from: ['replied'], to: 'closed' },
  { source: 'cloudfunctions/shared/core/request/request.machine.ts: "不解决 reopens and escalates (接诉即办: 重办, one level up)"', actions: ['reopen'], from: ['replied'], to: 'escalated' },
  { source: 'cloudfunctions/shared/core/request/deadlines.ts: "no rating within 7 days of the reply closes the item as not rated"', actions: ['autoClose'], from: ['replied'], to: 'closedUnrated' },
  { source: '接诉即办: 回访考评 (the 回访 call that takes the rating is recorded; it changes nothing by itself)', actions: ['recordCallback'], from: ['replied'], to: 'stays' },
  { source: 'cloudfunctions/shared/core/request/request.machine.ts: "A 回访 after closing records a call, it reopens nothing"', actions: ['recordCallback'], from: ['closed', 'closedUnrated'], to: 'stays' },
  { source: 'DESIGN: "overdue items are reminded (催办) then supervised (督办) by a timer-triggered function" (the clocks run from dispatch to the reply)', actions: ['remind', 'supervise'], from: ['dispatched', ...handling], to: 'stays' },
  // A stored item is never `submitted` (filing.ts stores it dispatched or held for review) nor unchecked by content safety.
  { source: 'cloudfunctions/shared/core/request/duplicates.ts: "the open requests a resident could +1 instead (follow): ... an item still in content review is never shown to anyone else"', actions: ['follow'], from: ['dispatched', ...handling, 'replied'], to: 'stays' },
]

export const rights: readonly Right[] = [
  { source: 'cloudfunctions/requests/withdraw.use-case.ts: "Before anyone accepts it, the resident may take it back"', who: 'requester', actions: ['withdraw'] },
  { source: 'DESIGN: "closed after the resident\'s rating ...; \"not resolved\" reopens it"', who: 'requester', actions: ['rate', 'reopen'] },
  { source: 'DESIGN: "owner = the grid worker on duty, 首接负责 → accepted (即时答复 ...)"', who: 'owner', actions: ['accept'] },
  { source: '接诉即办: 首接负责 (the first responder owns the item to the end: works it, brings others in, 吹哨, refers, answers, calls back)', who: 'owner', actions: ['note', 'transfer', 'escalate', 'refer', 'reply', 'recordCallback'], in: routed },
  { source: '接诉即办: 吹哨报到 (those called in work the item beside the owner, who stays and answers)', who: 'coHandler', actions: ['note', 'recordCallback'], in: routed },
  { source: 'cloudfunctions/shared/core/request/request-effects.ts: "Whoever accepts owns it: the on-duty worker, anyone of the grid for a queued item"', who: 'gridStaff', actions: ['accept'], only: 'unowned' },
  { source: 'cloudfunctions/shared/core/request/request-policy.ts: "Content review is the committee\'s and the street\'s"', who: 'committee', actions: ['release', 'reject', 'refer'], in: ['inReview'] },
  { source: 'cloudfunctions/shared/core/request/request.machine.ts: "the committee may take over an item nobody answered"', who: 'committee', actions: ['accept'] },
  { source: 'DESIGN: committee "reassign and escalate"', who: 'committee', actions: ['transfer', 'escalate'] },
  { source: 'DESIGN: "let the committee, grid workers and party members answer"', who: 'committee', actions: ['note', 'refer', 'reply'], in: routed },
  { source: 'cloudfunctions/shared/core/request/request.machine.ts: "代办 for someone without the app, or 主动治理: the committee rates on the 回访 call, as 12345 does"', who: 'committee', actions: ['rate', 'reopen'], only: 'noResidentAccount' },
  { source: 'cloudfunctions/shared/core/request/request.machine.ts: "the committee rates on the 回访 call" (the 回访 call is the committee\'s)', who: 'committee', actions: ['recordCallback'] },
  { source: 'DESIGN: streetAdmin "everything for their street; receive escalations (吹哨报到)"', who: 'streetAdmin', as: 'committee' },
  { source: 'types/request.schema.ts: system "the timer, content safety, routing"', who: 'system', actions: ['dispatch', 'flag'] },
  { source: 'DESIGN: "reminded (催办) then supervised (督办) by a timer-triggered function"', who: 'system', actions: ['remind', 'supervise'] },
  { source: 'cloudfunctions/shared/core/request/deadlines.ts: "What the timer does to one item now: ... close an unrated reply after its window"', who: 'system', actions: ['autoClose'] },
  { source: 'cloudfunctions/requests/follow.use-case.ts: "+1 on a neighbour\'s open request instead of filing it again"', who: 'other', actions: ['follow'] },
]

export const bars: readonly Bar[] = [
  { source: 'cloudfunctions/shared/core/request/request-effects.ts: "the community first, then the street (吹哨报到)" (nothing above the street)', actions: ['escalate'], when: 'atStreet' },
]

/**
 * The order of refusals. request.machine.ts: a relation may take a step "outright (true) or only when
 * the request meets a condition", and a condition on the request for anyone: "failing it is a conflict,
 * not a missing right". So: no step here (WRONG_STATUS), else no right (FORBIDDEN), else a bar (CONFLICT).
 */
export type Verdict = 'ok' | 'WRONG_STATUS' | 'FORBIDDEN' | 'CONFLICT'
export type Expected = { verdict: Verdict; to: RequestStatus | null; why: Source[] }

type Grant = { source: Source[]; actions: readonly RequestAction[]; in?: readonly RequestStatus[]; only?: Condition }
/** The rights a relation holds, `as` rules spelled out (with both sources). */
export function grantsOf(relation: RequestRelation): Grant[] {
  return rights.flatMap((r): Grant[] => {
    if (r.who !== relation) return []
    if ('as' in r) return grantsOf(r.as).map((g) => ({ ...g, source: [r.source, ...g.source] }))
    return [{ source: [r.source], actions: r.actions, in: r.in, only: r.only }]
  })
}

export const stepsAt = (status: RequestStatus, action: RequestAction) => steps.filter((s) => s.from.includes(status) && s.actions.includes(action))

/** Every cell's expectation, from the records above alone. */
export function expectedCell(request: Request, action: RequestAction, relation: RequestRelation): Expected {
  const [step] = stepsAt(request.status, action)
  if (!step) return { verdict: 'WRONG_STATUS', to: null, why: [] }
  const to = step.to === 'stays' ? request.status : step.to
  const grant = grantsOf(relation).find((g) =>
    g.actions.includes(action) && (g.in ?? RequestStatus.options).includes(request.status) && (g.only === undefined || holds[g.only](request)))
  if (!grant) return { verdict: 'FORBIDDEN', to, why: [step.source] }
  const bar = bars.find((b) => b.actions.includes(action) && holds[b.when](request))
  if (bar) return { verdict: 'CONFLICT', to, why: [step.source, ...grant.source, bar.source] }
  return { verdict: 'ok', to, why: [step.source, ...grant.source] }
}

/** Open: some step still leads to another status (request.machine.ts: "A 回访 after closing records a call, it reopens nothing"). */
export const openByRules = RequestStatus.options.filter((s) => steps.some((step) => step.from.includes(s) && step.to !== 'stays' && step.to !== s))

/**
 * Where the machine and the rules as written part, kept out of the cell checks until the team decides;
 * request-machine.test.ts checks that each one still is a disagreement. `step`: the rules put a step
 * where the machine has none (every relation's cell differs). Without `variants`, in every variant.
 */
export type Dispute = {
  statuses: readonly RequestStatus[]; actions: readonly RequestAction[]; relations: readonly RequestRelation[]
  variants?: readonly string[]; step?: true; rule: Source; machine: string
}
export const disputes: readonly Dispute[] = [
  {
    statuses: handling, actions: ['escalate', 'reply'], relations: ['streetAdmin'],
    rule: 'DESIGN: streetAdmin "everything for their street; receive escalations (吹哨报到)"',
    machine: 'FORBIDDEN: escalate and reply are { owner, committee } only, while transfer, refer and note include streetAdmin',
  },
  {
    statuses: ['replied'], actions: ['rate', 'reopen'], relations: ['streetAdmin'], variants: ['onBehalf'],
    rule: 'DESIGN: streetAdmin "everything for their street" (the committee rates on the 回访 call when there is no account)',
    machine: 'FORBIDDEN: rater is { requester, committee: noResidentAccount }, though streetAdmin may record the 回访 call',
  },
  {
    statuses: ['replied'], actions: ['follow'], relations: RequestRelation.options, step: true,
    rule: 'cloudfunctions/shared/core/request/duplicates.ts: "the open requests a resident could +1" (follow.use-case.ts: "on an open item"); replied is open',
    machine: 'WRONG_STATUS: follow is in dispatched, accepted, inProgress and escalated only, so a replied item is neither +1-able nor shown as a duplicate',
  },
]
export const disputed = (variant: string, status: RequestStatus, action: RequestAction, relation: RequestRelation) =>
  disputes.find((d) => d.statuses.includes(status) && d.actions.includes(action) && d.relations.includes(relation) &&
    (d.variants === undefined || d.variants.includes(variant)))
