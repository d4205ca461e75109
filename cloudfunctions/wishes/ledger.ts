import { CreditEntry, User, type Wish, type WishEvent } from '../../types'
import { creditsFor, reversalOf } from '../shared/core/wish/wish-ledger'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { findById, findMany } from '../shared/runtime/documents'
import { insertIgnoringDuplicates } from '../shared/runtime/insert-once'
import { preloadable } from '../shared/runtime/invocation'

const entries = () => database().collection(Collections.creditEntries)

/**
 * The credit a confirmation earns (core/wish/wish-ledger.ts creditsFor), to the member as the
 * directory knows them now: their branch and, for 双报到, their workplace organisation. Ids come from
 * the confirming event, so writing them again — a retried confirm, a lost write made good — credits once.
 */
export async function creditConfirmation(
  events: readonly WishEvent[], wish: Pick<Wish, 'claim' | 'route'>, claimer: Promise<User | null> = claimerOf(wish),
): Promise<number> {
  const confirming = events.filter((event) => event.to === 'realised')
  if (confirming.length === 0 || !wish.claim) return 0
  const member = await claimer
  const branchId = member?.party?.branchId ?? wish.route.branchId
  if (!branchId) throw new Error(`no branch to credit for the claimer of ${confirming[0].wishId}`)
  const workplace = member?.party?.workplace
  const credits = confirming.flatMap((event) =>
    creditsFor(event, { memberId: wish.claim!.memberId, branchId, ...(workplace && { workplace }) }, wish.route.communityId))
  return (await insertIgnoringDuplicates(entries(), credits.map((c) => CreditEntry.parse(c)))).length
}

/** The claimer as the users collection has them now; a confirmation reads them beside its write (after-write.ts). */
export const claimerOf = (wish: Pick<Wish, 'claim'>): Promise<User | null> =>
  wish.claim ? findById(Collections.users, wish.claim.memberId, User) : Promise.resolve(null)

const readEntries = (wishId: string): Promise<CreditEntry[]> => findMany(Collections.creditEntries, { wishId }, CreditEntry, { limit: 20 })
/** A wish's ledger lines, read beside the caller's record (function-entry preloads) for a reversal. */
const byWish = preloadable(`${Collections.creditEntries}/ofWish`, readEntries)
export const preloadEntries = ({ wishId }: { wishId: string }) => byWish.start(wishId)
export const entriesOfWish = byWish.read

/**
 * Issue 7 Ledger: a credit is reversed "only by a compensating entry with a reason": each credit of
 * the wish not reversed yet gets one, whose id follows from the entry's, so asking twice reverses once.
 */
export async function reverseCredits(wishId: string, reason: string, by: string, now: number): Promise<number> {
  const ledger = await entriesOfWish(wishId)
  const reversed = new Set(ledger.flatMap((e) => (e.reversalOf ? [e.reversalOf] : [])))
  const reversals = ledger
    .filter((e) => e.reversalOf === undefined && !reversed.has(e._id))
    .flatMap((e) => {
      const outcome = reversalOf(e, reason, now, by)
      return outcome.ok ? [outcome.entry] : []
    })
  return (await insertIgnoringDuplicates(entries(), reversals)).length
}
