import type { CreditAccount, CreditEntry, WishEvent } from '../../../../types/wish.schema'

/** Who the confirmed fulfilment is credited to, as the directory knows the claimer at confirmation. */
export type CreditedMember = {
  memberId: string
  branchId: string
  /** 在职党员双报到: the member's own organisation (types/directory.schema.ts PartyMembership.workplace). */
  workplace?: string
}

export const accountKey = (to: CreditAccount): string => (to.kind === 'workplace' ? `workplace:${to.name}` : `${to.kind}:${to.id}`)

const confirmingActions: readonly WishEvent['action'][] = ['confirm', 'confirmByVisit']
export const CONFIRMED_REASON = '微心愿已确认实现'

/**
 * The credit a confirmation earns: one fulfilment to the member, their branch and, for 双报到 members,
 * their workplace organisation. Issue 7: "idempotent by id (a retried confirm credits once)" — each id
 * is the confirming event's id and the account, so every retry derives the same entries; and "nothing
 * is credited unconfirmed": any other event earns nothing.
 */
export function creditsFor(event: WishEvent, member: CreditedMember, communityId: string): CreditEntry[] {
  if (!confirmingActions.includes(event.action) || event.to !== 'realised') return []
  const accounts: CreditAccount[] = [
    { kind: 'member', id: member.memberId },
    { kind: 'branch', id: member.branchId },
    ...(member.workplace ? [{ kind: 'workplace' as const, name: member.workplace }] : []),
  ]
  return accounts.map((to) => ({
    _id: `${event._id}>${accountKey(to)}`, wishId: event.wishId, communityId, eventId: event._id, to, amount: 1, reason: CONFIRMED_REASON, at: event.at,
  }))
}

export type ReversalOutcome = { ok: true; entry: CreditEntry } | { ok: false; detail: string }

/**
 * Issue 7: "a credit can be reversed only by a compensating entry with a reason". The reversal's id
 * follows from the entry's, so an entry is reversed at most once however often it is asked; it is
 * dated when it is written, so a period already closed keeps its figures.
 */
export function reversalOf(entry: CreditEntry, reason: string, at: number, by?: string): ReversalOutcome {
  if (entry.reversalOf !== undefined) return { ok: false, detail: 'a reversal is not reversed: credit again by a new confirmation' }
  if (reason.trim() === '') return { ok: false, detail: 'a reversal needs a reason' }
  return {
    ok: true,
    entry: {
      _id: `${entry._id}~reversal`, wishId: entry.wishId, communityId: entry.communityId, eventId: entry.eventId, to: entry.to,
      amount: -entry.amount, reason: reason.trim(), at, reversalOf: entry._id, ...(by !== undefined && { by }),
    },
  }
}

/** The store's create-by-_id, as plain data: an entry whose id is already there is not written again. */
export function appendEntries(ledger: readonly CreditEntry[], entries: readonly CreditEntry[]): CreditEntry[] {
  const ids = new Set(ledger.map((e) => e._id))
  return [...ledger, ...entries.filter((e) => !ids.has(e._id) && ids.add(e._id))]
}

/** Distinct by id: balances are derived from what the ledger holds, a duplicate read counts once. */
const distinct = (entries: readonly CreditEntry[]): CreditEntry[] => appendEntries([], entries)

/** Issue 7: "Balances are derived from entries, never edited". */
export function balances(entries: readonly CreditEntry[]): Map<string, number> {
  const totals = new Map<string, number>()
  for (const e of distinct(entries)) totals.set(accountKey(e.to), (totals.get(accountKey(e.to)) ?? 0) + e.amount)
  return totals
}

/** [from, to): a month, a quarter; to is the open end. */
export type Period = { from: number; to: number }
export type RankingLine = { account: string; fulfilments: number }

/**
 * Issue 7: "Rankings are by confirmed fulfilment in a period; closed periods don't change". Each entry
 * counts in the period it was written in, a reversal too: a period's figures are fixed once it has
 * ended. Accounts with nothing to their credit in the period are not ranked.
 */
export function ranking(entries: readonly CreditEntry[], period: Period, kind: CreditAccount['kind']): RankingLine[] {
  const inPeriod = distinct(entries).filter((e) => e.to.kind === kind && e.at >= period.from && e.at < period.to)
  return [...balances(inPeriod)]
    .filter(([, fulfilments]) => fulfilments > 0)
    .map(([account, fulfilments]) => ({ account, fulfilments }))
    .sort((a, b) => b.fulfilments - a.fulfilments || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0))
}
