import { database } from './cloudbase'
import { Collections, type CollectionName } from './collections'

/**
 * One read of personal data by staff (every such read is logged), or a reviewer's decision that
 * has no place in an item's own timeline; appended, never changed.
 */
export type AuditEntry = {
  actorId: string
  at: number
  action: 'contact.read' | 'photoReview.clear' | 'comment.hide' | 'assisted.enter' | 'assisted.decide' | 'votedUnits.read'
  subject: { collection: CollectionName; id: string }
  fields: string[]
}

export async function appendAudit(entry: AuditEntry): Promise<void> {
  await database().collection(Collections.auditLog).add(entry)
}
