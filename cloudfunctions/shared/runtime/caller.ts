import tcb from '@cloudbase/node-sdk'

/**
 * The caller's OPENID, from the invocation context only: CloudBase (or the local function host) puts
 * it there; a request body never names the caller. Timers and malformed contexts carry none.
 */
export function callerOpenId(context: unknown): string | undefined {
  if (typeof context !== 'object' || context === null) return undefined
  try {
    const openid = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]).WX_OPENID
    return typeof openid === 'string' && openid.length > 0 ? openid : undefined
  } catch {
    return undefined
  }
}
