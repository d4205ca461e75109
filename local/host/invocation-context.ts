import { randomUUID } from 'node:crypto'

/**
 * The context CloudBase hands a function: `environment` is a JSON string of the caller's WeChat
 * identity (the SDK's getCloudbaseContext parses it; see @cloudbase/node-sdk src/utils/tcbcontext.ts).
 * The local host builds the same shape, so handlers find the caller exactly as they do in production.
 */
export function invocationContext(functionName: string, openid: string | null) {
  const environment: Record<string, string> = { WX_APPID: 'local-demo', TCB_CONTEXT_KEYS: '' }
  if (openid) environment.WX_OPENID = openid
  return contextWith(functionName, environment)
}

/** A timer trigger's invocation: no caller, and the platform's TRIGGER_SRC=timer (see runtime/caller.ts). */
export function timerInvocationContext(functionName: string) {
  return contextWith(functionName, { WX_APPID: 'local-demo', TCB_CONTEXT_KEYS: '', TRIGGER_SRC: 'timer' })
}

/**
 * A message push's invocation (云开发 消息推送 to a cloud function): WeChat's platform starts it, no
 * user calls it, so there is no WX_OPENID.
 */
export function pushInvocationContext(functionName: string) {
  return contextWith(functionName, { WX_APPID: 'local-demo', TCB_CONTEXT_KEYS: '' })
}

function contextWith(functionName: string, environment: Record<string, string>) {
  return {
    request_id: randomUUID(),
    function_name: functionName,
    function_version: '$LATEST',
    namespace: 'local',
    memory_limit_in_mb: 256,
    time_limit_in_ms: 10_000,
    environment: JSON.stringify(environment),
  }
}
