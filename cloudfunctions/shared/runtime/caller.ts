import tcb from '@cloudbase/node-sdk'

type CloudbaseContext = Record<string, unknown>

function cloudbaseContext(context: unknown): CloudbaseContext | undefined {
  if (typeof context !== 'object' || context === null) return undefined
  try {
    return tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) as unknown as CloudbaseContext
  } catch {
    return undefined
  }
}

/**
 * The caller's OPENID, from the invocation context only: CloudBase (or the local function host) puts
 * it there; a request body never names the caller. Timers and malformed contexts carry none.
 */
export function callerOpenId(context: unknown): string | undefined {
  const openid = cloudbaseContext(context)?.WX_OPENID
  return typeof openid === 'string' && openid.length > 0 ? openid : undefined
}

/**
 * Whether CloudBase started this invocation from a timer trigger. The platform says so in
 * TRIGGER_SRC=timer, the very test @cloudbase/node-sdk makes to choose the timer's WeChat token
 * (dist/utils/wxCloudToken.js getWxCloudToken). Nobody calling from outside can set it: it lives in
 * the runtime's environment and the invocation context, never in the event.
 */
export function startedByTimer(context: unknown): boolean {
  return cloudbaseContext(context)?.TRIGGER_SRC === 'timer'
}
