import { z } from 'zod'
import { errorCodes } from './result'

export { errorCodes, fieldsNamedIn, failure, rateLimited, success, type Result, type Success } from './result'

export const ErrorCode = z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...(keyof typeof errorCodes)[]])
export type ErrorCode = z.infer<typeof ErrorCode>

/**
 * `fields`: the input paths the failure is about (`text`, `resident.name`, `photos`), so a form can
 * show it beside the box to fix; absent when the failure concerns no one field.
 */
export const Failure = z.object({
  ok: z.literal(false),
  code: ErrorCode,
  message: z.string(),
  fields: z.array(z.string()).optional(),
  /** RATE_LIMITED only: the instant (ISO 8601) from which the same action goes through again. */
  retryAt: z.string().datetime().optional(),
})
export type Failure = z.infer<typeof Failure>
