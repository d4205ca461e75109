import { z } from 'zod'

/**
 * One page of a list, as every list action takes and answers it: the cursor is opaque to the client
 * (cloudfunctions/shared/runtime/paging.ts makes it), and a null `nextCursor` means the list ended.
 */
export const PageInput = { limit: z.number().int().min(1).max(50).default(20), cursor: z.string().max(200).optional() }

export const pageOf = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item), nextCursor: z.string().nullable() })
