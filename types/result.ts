import type { ErrorCode, Failure } from './errors'

// The answer envelope's plain values, apart from its schemas (errors.ts): the weapp main package
// builds and reads envelopes with these and never loads zod (issue 11: main package under 500 KB).

/**
 * The closed set of error codes every function may answer with. The client maps each code to words a
 * resident understands (src/services/error-text.ts); add a code here and the compiler points at the
 * places that must learn it.
 */
export const errorCodes = {
  INVALID_INPUT: 'The input does not match the action’s schema; nothing was changed.',
  UNKNOWN_ACTION: 'The function has no action of that name.',
  UNAUTHENTICATED: 'The call carries no caller identity (no OPENID in the invocation context).',
  FORBIDDEN: 'The caller’s roles do not allow this action on this resource.',
  NOT_FOUND: 'The resource named in the input does not exist (or the caller may not know it does).',
  CONFLICT: 'The resource is not in a state that allows this action (already decided, already bound…).',
  DUPLICATE: 'An equivalent pending item already exists (a second binding request, a second registration).',
  OUT_OF_AREA: 'The place given lies outside every community this deployment serves.',
  CONTENT_BLOCKED: 'A text others would read did not pass content safety (msgSecCheck); nothing was changed.',
  UNAVAILABLE: 'A platform service the action needs (content safety) did not answer; nothing was changed, try again later.',
  RATE_LIMITED: 'The caller did this too often in a short time (core/rate-limits.ts); nothing was changed. `retryAt` says from when it goes through again.',
  INTERNAL: 'An unexpected failure on the server; the operation was not completed.',
} as const

export type Success<T> = { ok: true; data: T }
export type Result<T> = Success<T> | Failure

export const success = <T>(data: T): Success<T> => ({ ok: true, data })
/**
 * An INVALID_INPUT message names its fields by the convention every refusal follows, `path: words`
 * joined by `; ` (zod issues and use cases alike), so the fields are read from it unless given.
 */
export const failure = (code: ErrorCode, message: string = errorCodes[code], fields: string[] = code === 'INVALID_INPUT' ? fieldsNamedIn(message) : []): Failure =>
  fields.length > 0 ? { ok: false, code, message, fields } : { ok: false, code, message }

/** Too often: refused until `retryAt` (an instant), which the answer carries for the client to say in Beijing time. */
export const rateLimited = (retryAt: number, message: string = errorCodes.RATE_LIMITED): Failure => ({
  ok: false,
  code: 'RATE_LIMITED',
  message,
  retryAt: new Date(retryAt).toISOString(),
})

export function fieldsNamedIn(message: string): string[] {
  return message.split('; ').flatMap((part) => {
    const named = /^([A-Za-z][\w.]*)(?:\[\d+\])?: /.exec(part)
    return named ? [named[1]] : []
  })
}
