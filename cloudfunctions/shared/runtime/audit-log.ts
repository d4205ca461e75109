import { database } from './cloudbase'
import { Collections, type CollectionName } from './collections'

/**
 * One read of personal data by staff (every such read is logged), or a reviewer's decision that
 * has no place in an item's own timeline; appended, never changed.
 */
export type AuditEntry = {
  actorId: string
  at: number
  action: 'contact.read' | 'contactList.read' | 'photoReview.clear' | 'comment.hide' | 'assisted.enter' | 'assisted.decide' | 'votedUnits.read'
  subject: { collection: CollectionName; id: string }
  fields: string[]
  /** A list read (contactList.read): every item whose contact details it carried, masked or not. */
  ids?: string[]
}

export async function appendAudit(entry: AuditEntry): Promise<void> {
  await database().collection(Collections.auditLog).add(entry)
}

/**
 * One staff read of a list carrying contact details (a name, a masked phone): logged as one entry
 * naming every item it showed (issue 10, 3; docs/DOMAIN.md: every staff read of personal data is
 * logged). `list` names the list read, as `subject.id`. A list that showed no one is not a read.
 */
export async function appendListRead(actorId: string, at: number, collection: CollectionName, list: string, ids: string[], fields: string[]): Promise<void> {
  if (ids.length === 0) return
  await appendAudit({ actorId, at, action: 'contactList.read', subject: { collection, id: list }, fields, ids })
}
