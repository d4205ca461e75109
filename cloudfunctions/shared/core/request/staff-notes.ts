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

/** The events this reader may see: all of them for staff, the rest without internal notes. */
export function eventsFor<E extends Pick<RequestEvent, 'action' | 'details'>>(events: readonly E[], relations: readonly RequestRelation[]): E[] {
  return seesStaffNotes(relations) ? [...events] : events.filter((e) => !isStaffOnly(e))
}
