import type { RequestStatus } from './request.schema'

/**
 * Where a request ends: nothing more will be said about it. Kept apart from the schemas so that a
 * page can know it without loading zod; request.machine.ts derives the same from its table
 * (closedStatuses), and a unit test holds the two equal.
 */
export const finishedRequestStatuses: readonly RequestStatus[] = ['closed', 'closedUnrated', 'withdrawn', 'referred', 'rejected']
