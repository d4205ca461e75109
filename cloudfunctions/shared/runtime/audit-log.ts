import { database } from './cloudbase'
import { Collections, type CollectionName } from './collections'

/** One read of personal data by staff (DESIGN.md: every such read is logged), appended, never changed. */
export type AuditEntry = {
  actorId: string
  at: number
  action: 'contact.read'
  subject: { collection: CollectionName; id: string }
  fields: string[]
}

export async function appendAudit(entry: AuditEntry): Promise<void> {
  await database().collection(Collections.auditLog).add(entry)
}
