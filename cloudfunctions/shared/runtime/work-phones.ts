import { z } from 'zod'
import { WorkPhone } from '../../../types/directory.schema'
import { Collections } from './collections'
import { database } from './cloudbase'
import { findMany } from './documents'

/** Only the post's number leaves the database here: a staff member's own `phone` is never read. */
const StaffLine = z.object({ _id: z.string(), name: z.string(), workPhone: WorkPhone.optional() })
export type StaffLine = z.infer<typeof StaffLine>

/** Name and work phone of these staff members, by id; one read. */
export async function staffLines(ids: readonly string[]): Promise<Map<string, StaffLine>> {
  if (ids.length === 0) return new Map()
  const lines = await findMany(Collections.users, { _id: database().command.in([...new Set(ids)]) }, StaffLine, {
    fields: { _id: true, name: true, workPhone: true },
  })
  return new Map(lines.map((line) => [line._id, line]))
}
