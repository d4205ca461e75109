import { failure, type Failure } from '../../../../types'
import { NoteVisibleTo, type RequestEvent, type RequestRelation } from '../../../../types/request.schema'

/**
 * Issue 10 (staff notes): a handler's note is either 仅工作人员可见 or 告诉居民, chosen each time. Those
 * who work on the item see both: its owner and co-handlers, and the staff of its grid, community and
 * street. Anyone else who may read the item (its resident) sees only what was told to them.
 */
export const staffRelations: readonly RequestRelation[] = ['owner', 'coHandler', 'gridStaff', 'committee', 'streetAdmin']

export const seesStaffNotes = (relations: readonly RequestRelation[]): boolean => relations.some((r) => staffRelations.includes(r))

/**
 * Who a note event is for; null for any other event. A note stored before the choice existed carries
 * none: it was shown to the resident then, so it stays theirs (hiding it now would take back what
 * they have read).
 */
export function noteVisibleTo(event: Pick<RequestEvent, 'action' | 'details'>): NoteVisibleTo | null {
  if (event.action !== 'note') return null
  const chosen = NoteVisibleTo.safeParse(event.details?.visibleTo)
  return chosen.success ? chosen.data : 'resident'
}

/** An event only staff may read: an internal note, its text and its photos alike. */
export const isStaffOnly = (event: Pick<RequestEvent, 'action' | 'details'>): boolean => noteVisibleTo(event) === 'staff'

/**
 * Steps whose words one colleague writes to another (请协助, why it goes up to the street) or about the
 * resident after a 回访 call: the resident sees that the step happened, not those words.
 */
const wordsForColleagues: ReadonlySet<RequestEvent['action']> = new Set(['transfer', 'escalate', 'recordCallback'])

/**
 * The events this reader may see: all of them for staff; for anyone else no internal notes, and the
 * steps between colleagues without their words.
 */
export function eventsFor<E extends Pick<RequestEvent, 'action' | 'details' | 'note'>>(events: readonly E[], relations: readonly RequestRelation[]): E[] {
  if (seesStaffNotes(relations)) return [...events]
  return events
    .filter((e) => !isStaffOnly(e))
    .map((e) => {
      if (!wordsForColleagues.has(e.action) || e.note === undefined) return e
      const { note: _colleaguesWords, ...step } = e
      return step as E
    })
}

/** The step a resident's list names as the latest: their last visible one (an internal note is not). */
export function lastStepShownToResident<E extends Pick<RequestEvent, 'action' | 'details' | 'note'>>(events: readonly E[]): E | undefined {
  return eventsFor(events, []).at(-1)
}

/**
 * A request's notes are kept on its document with the rest of its timeline (request-store), and each
 * may carry 500 characters and 9 photos: this many (about 1 MB at the most) keeps the document and its
 * detail's answer far below CloudBase's document and response limits. A request that needs more is
 * one to finish or hand on, not to write on.
 */
export const MOST_NOTES_PER_REQUEST = 200

/** Refused when the request already holds its most notes; a timeline not on its document (stored before) is not counted. */
export function notesFull(timeline: readonly Pick<RequestEvent, 'action'>[] | undefined): Failure | null {
  const notes = timeline?.filter((e) => e.action === 'note').length ?? 0
  if (notes < MOST_NOTES_PER_REQUEST) return null
  return failure('CONFLICT', `这件事已经记了 ${MOST_NOTES_PER_REQUEST} 条进展，不能再记了：请答复办结，或转请同事协助`)
}
