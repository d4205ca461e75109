import { inTapGesture } from './gesture'
import { reportProblem } from './problems'

/** One call the app made to `wx`, with what it passed (callbacks left out). */
export type WxCall = { api: string; args: unknown[] }

/** Thrown by a fake to answer `<api>:fail <reason>`, as WeChat words its failures. */
export class ApiFail extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
}

type Callbacks = { success?: (res: object) => void; fail?: (res: object) => void; complete?: (res: object) => void }
type Options = Record<string, unknown> & Callbacks
/** What a fake learns at the moment of the call: WeChat checks the tap gesture then, not later. */
export type CallContext = { inTap: boolean }
type AsyncRun = (options: Record<string, unknown>, context: CallContext) => object | void | Promise<object | void>

const withoutCallbacks = ({ success: _s, fail: _f, complete: _c, ...rest }: Options) => rest

/**
 * An asynchronous wx API: callbacks when given, a Promise when not (WeChat's promisified form, which
 * wx.cloud.* calls rely on). Answers always arrive after the call returns, never during it.
 */
export function asyncApi(api: string, calls: WxCall[], run: AsyncRun) {
  return (options: Options = {}) => {
    const args = withoutCallbacks(options)
    calls.push({ api, args: [args] })
    const context = { inTap: inTapGesture() }
    const settled = Promise.resolve()
      .then(() => run(args, context))
      .then(
        (res) => ({ ok: true as const, res: { errMsg: `${api}:ok`, ...(res ?? {}) } }),
        (error: unknown) => {
          if (!(error instanceof ApiFail)) reportProblem(`the fake wx.${api} broke: ${error instanceof Error ? error.stack : String(error)}`)
          return { ok: false as const, res: { errMsg: `${api}:fail ${error instanceof ApiFail ? error.reason : 'harness error'}` } }
        },
      )
    if (!options.success && !options.fail && !options.complete) {
      return settled.then(({ ok, res }) => (ok ? res : Promise.reject(res)))
    }
    void settled.then(({ ok, res }) => {
      ;(ok ? options.success : options.fail)?.(res)
      options.complete?.(res)
    })
    return undefined
  }
}

/** A synchronous wx API (…Sync, getters, on… listeners), recorded like the others. */
export function syncApi<A extends unknown[], R>(api: string, calls: WxCall[], run: (...args: A) => R) {
  return (...args: A): R => {
    calls.push({ api, args })
    return run(...args)
  }
}
