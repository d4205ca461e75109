import { WishStatus, type Wish, type WishAction, type WishRelation } from '../../types/wish.schema'

/**
 * The wish lifecycle as its sources state it, written without the machine: wish-machine.test.ts derives
 * every expected cell from these records and checks the machine against them. Each record names where
 * it is written: issue 7 (`issues show 7`, its section, then its words) or a decision in a code comment
 * (the file, then the comment's words). A quote is the source's own wording; a parenthesis is our reading.
 */
export type Source = `issue 7 ${string}: ${string}` | `${string}.ts: ${string}`

/** Per status, what happens: in `from`, each of `actions` leads to `to` ('stays': the status is kept). */
export type Step = { source: Source; actions: readonly WishAction[]; from: readonly WishStatus[]; to: WishStatus | 'stays' }

/** What the rules' conditions read on a wish; the names are the schema's (types/wish.schema.ts). */
export type Condition = 'widened' | 'cancelRequested' | 'noCancelRequest' | 'neededByPassed' | 'stillNeeded'
export const holds: Record<Condition, (w: Wish, now: number) => boolean> = {
  // audience: 'branch' → 'community' when the wish widens.
  widened: (w) => w.audience === 'community',
  cancelRequested: (w) => w.cancelRequest !== null,
  noCancelRequest: (w) => w.cancelRequest === null,
  // neededBy: the end of the needed-by day (wish-times neededByOf).
  neededByPassed: (w, now) => now >= w.neededBy,
  stillNeeded: (w, now) => now < w.neededBy,
}

/** Per relation, who may do what (only in `in` when given, `only` when the wish meets that condition). */
export type Right = { source: Source; who: WishRelation; actions: readonly WishAction[]; in?: readonly WishStatus[]; only?: Condition }

/** A condition on the wish that stops a step for everyone who holds the right: a conflict. */
export type Bar = { source: Source; actions: readonly WishAction[]; when: Condition }

/** Whoever holds `never` may not take `actions`, whatever other relation they hold besides. */
export type Exclusion = { source: Source; actions: readonly WishAction[]; never: WishRelation }

export const steps: readonly Step[] = [
  { source: 'cloudfunctions/shared/core/wish/wish.machine.ts: "Every wish is reviewed: content safety\'s flag only marks it for the reviewer"', actions: ['flag'], from: ['inReview'], to: 'stays' },
  { source: 'issue 7 Review: "publish with a public summary"', actions: ['publish'], from: ['inReview'], to: 'published' },
  { source: 'issue 7 Review: "return with a reason the resident sees"', actions: ['return'], from: ['inReview'], to: 'returned' },
  { source: 'issue 7 Review: "or turn it into a 有困难找居村 request when it is really a job for the committee"', actions: ['convert'], from: ['inReview'], to: 'converted' },
  { source: 'issue 7 Withdraw: "by the resident before a claim"', actions: ['withdraw'], from: ['inReview', 'published'], to: 'withdrawn' },
  { source: 'issue 7 Published: "if unclaimed after a configurable time (default 3 days) it widens to the community\'s whole 大党委" (types/wish.schema.ts: "Widening is not a status")', actions: ['widen'], from: ['published'], to: 'stays' },
  { source: 'issue 7 Claim: "one member, atomically"', actions: ['claim'], from: ['published'], to: 'claimed' },
  { source: 'issue 7 Claim: "The claimer may release with a reason; the committee may revoke with a reason" (back on the wall)', actions: ['release', 'revoke'], from: ['claimed'], to: 'published' },
  { source: 'issue 7 Claim: "when it lapses the wish goes back to published"', actions: ['lapse'], from: ['claimed'], to: 'published' },
  { source: 'issue 7 Claim: "the timer reminds the claimer 24 h before"', actions: ['remindLapse'], from: ['claimed'], to: 'stays' },
  { source: 'issue 7 Fulfil: "the claimer marks it done with a note and photos"', actions: ['fulfil'], from: ['claimed'], to: 'fulfilled' },
  { source: 'issue 7 Withdraw: "after a claim, a request to cancel that the claimer sees" (the claim stands)', actions: ['requestCancel'], from: ['claimed'], to: 'stays' },
  { source: 'cloudfunctions/shared/core/wish/wish.machine.ts: "the claim stands until they agree"', actions: ['agreeCancel'], from: ['claimed'], to: 'withdrawn' },
  { source: 'issue 7 Fulfil: "the resident confirms with a thank-you and an optional rating"', actions: ['confirm'], from: ['fulfilled'], to: 'realised' },
  { source: 'issue 7 Fulfil: "can have the grid worker confirm after a visit or call (recorded as such"', actions: ['confirmByVisit'], from: ['fulfilled'], to: 'realised' },
  { source: 'issue 7 Fulfil: "No confirmation within 7 days: the grid worker is asked to check"', actions: ['askToCheck'], from: ['fulfilled'], to: 'stays' },
  { source: 'cloudfunctions/shared/core/wish/wish.machine.ts: "When the check finds nothing done, the committee takes the claim back"', actions: ['revoke'], from: ['fulfilled'], to: 'published' },
  { source: 'types/wish.schema.ts: expired "its needed-by day passed before anyone claimed it" (or reviewed it)', actions: ['expire'], from: ['inReview', 'published'], to: 'expired' },
]

export const rights: readonly Right[] = [
  { source: 'types/wish.schema.ts: system "the timer, content safety"', who: 'system', actions: ['flag', 'widen', 'lapse', 'remindLapse', 'askToCheck', 'expire'] },
  { source: 'issue 7 Review: "committee of that community, or the grid worker who visited — 核实"', who: 'committee', actions: ['publish', 'return', 'convert'] },
  { source: 'issue 7 Review: "committee of that community, or the grid worker who visited — 核实"', who: 'gridWorker', actions: ['publish', 'return', 'convert'] },
  { source: 'issue 7 Withdraw: "by the resident before a claim; after a claim, a request to cancel"', who: 'wisher', actions: ['withdraw', 'requestCancel'] },
  { source: 'issue 7 Published: "seen first by the verified party members of the matching branch"', who: 'branchMember', actions: ['claim'] },
  { source: 'issue 7 Rights: "a member of another branch can\'t claim before the wish widens"', who: 'widenedMember', actions: ['claim'], only: 'widened' },
  { source: 'issue 7 Claim: "The claimer may release with a reason"', who: 'claimer', actions: ['release'] },
  { source: 'issue 7 Claim: "the committee may revoke with a reason (the claimer is told)"', who: 'committee', actions: ['revoke'] },
  { source: 'issue 7 Fulfil: "the claimer marks it done"', who: 'claimer', actions: ['fulfil'] },
  { source: 'issue 7 Withdraw: "a request to cancel that the claimer sees" (theirs to agree to)', who: 'claimer', actions: ['agreeCancel'] },
  { source: 'issue 7 Fulfil: "the resident confirms"', who: 'wisher', actions: ['confirm'] },
  { source: 'issue 7 Fulfil: "the grid worker confirm after a visit or call"', who: 'gridWorker', actions: ['confirmByVisit'] },
]

export const bars: readonly Bar[] = [
  { source: 'issue 7 Published: "it widens" (once: a widened wish is already the whole 大党委\'s)', actions: ['widen'], when: 'widened' },
  { source: 'issue 7 Withdraw: "a request to cancel" (one: the claimer has it already)', actions: ['requestCancel'], when: 'cancelRequested' },
  { source: 'cloudfunctions/shared/core/wish/wish.machine.ts: "the claim stands until they agree" (nothing to agree to)', actions: ['agreeCancel'], when: 'noCancelRequest' },
  { source: 'issue 7 Claim: "(a lock) never past the needed-by date" (no claim once the day has passed)', actions: ['claim'], when: 'neededByPassed' },
  { source: 'types/wish.schema.ts: expired "its needed-by day passed" (not before)', actions: ['expire'], when: 'stillNeeded' },
]

export const exclusions: readonly Exclusion[] = [
  { source: 'issue 7 Review: "Nobody reviews their own wish."', actions: ['publish', 'return', 'convert'], never: 'wisher' },
  { source: 'issue 7 Claim: "Nobody claims their own wish."', actions: ['claim'], never: 'wisher' },
  { source: 'issue 7 Fulfil: "(recorded as such, never by the claimer)"; Rights: "a claimer can\'t confirm their own fulfilment"', actions: ['confirmByVisit'], never: 'claimer' },
]

/**
 * The order of refusals, as wish.machine.ts has it from request.machine.ts: no step here (WRONG_STATUS),
 * else no right (FORBIDDEN), else a bar on the wish (CONFLICT).
 */
export type Verdict = 'ok' | 'WRONG_STATUS' | 'FORBIDDEN' | 'CONFLICT'
export type Expected = { verdict: Verdict; to: WishStatus | null; why: Source[] }

export const stepsAt = (status: WishStatus, action: WishAction) => steps.filter((s) => s.from.includes(status) && s.actions.includes(action))
export const grantsOf = (relation: WishRelation) => rights.filter((r) => r.who === relation)
export const excluded = (relations: readonly WishRelation[], action: WishAction) =>
  exclusions.find((e) => e.actions.includes(action) && relations.includes(e.never))

/** Every cell's expectation, from the records above alone. */
export function expectedCell(wish: Wish, action: WishAction, relation: WishRelation, now: number): Expected {
  const [step] = stepsAt(wish.status, action)
  if (!step) return { verdict: 'WRONG_STATUS', to: null, why: [] }
  const to = step.to === 'stays' ? wish.status : step.to
  const exclusion = excluded([relation], action)
  if (exclusion) return { verdict: 'FORBIDDEN', to, why: [step.source, exclusion.source] }
  const grant = grantsOf(relation).find((g) =>
    g.actions.includes(action) && (g.in ?? WishStatus.options).includes(wish.status) && (g.only === undefined || holds[g.only](wish, now)))
  if (!grant) return { verdict: 'FORBIDDEN', to, why: [step.source] }
  const bar = bars.find((b) => b.actions.includes(action) && holds[b.when](wish, now))
  if (bar) return { verdict: 'CONFLICT', to, why: [step.source, grant.source, bar.source] }
  return { verdict: 'ok', to, why: [step.source, grant.source] }
}

/** Open: some step still leads to another status. */
export const openByRules = WishStatus.options.filter((s) => steps.some((step) => step.from.includes(s) && step.to !== 'stays' && step.to !== s))
