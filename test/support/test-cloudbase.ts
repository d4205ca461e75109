import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionInput, ActionName, ActionOutput, FunctionName, NoticeKind, Result, TimerFunctionName } from '../../types'
import { invocationContext, timerInvocationContext } from '../../local/host/invocation-context'
import { startLocalCloudbase } from '../../local/local-cloudbase'
import { unlimitedRateLimits } from '../../cloudfunctions/shared/core/rate-limits'

/**
 * A fresh local CloudBase per test file: its own data directory, the demo seed, and the real
 * function entries invoked with a caller identity in the context, as CloudBase invokes them. The
 * timer does not run by itself; `runTimer` runs it, and `clock` moves the functions' time forward.
 */
export async function startTestCloudbase(options: { seed?: boolean; rateLimits?: 'real' } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jucun-test-'))
  // The clock port is chosen once, at the first call: this must precede it.
  process.env.JUCUN_CLOCK = 'controlled'
  // The stories act as one persona dozens of times a minute, a flood by core/rate-limits.ts; the
  // limits' own tests ask for the real figures. Set either way: a jest worker keeps env between files.
  process.env.RATE_LIMITS = options.rateLimits === 'real' ? '' : JSON.stringify(unlimitedRateLimits)
  // Media check verdicts wait for deliverPushes(), so a test can look at a photo before its verdict.
  const local = await startLocalCloudbase({ dataDir, seed: options.seed, timerIntervalMs: 0, pushes: 'hold' })
  const { controlledClock } = await import('../../cloudfunctions/shared/runtime/clock')
  return {
    ...local,
    call<F extends FunctionName, A extends ActionName<F>>(
      openid: string | null,
      fn: F,
      action: A,
      input: ActionInput<F, A>,
    ): Promise<Result<ActionOutput<F, A>>> {
      return local.functionMains[fn]({ action, input }, invocationContext(fn, openid)) as Promise<Result<ActionOutput<F, A>>>
    },
    /** For malformed input: the event exactly as given, no typing. */
    callRaw(openid: string | null, fn: FunctionName, event: unknown): Promise<Result<unknown>> {
      return local.functionMains[fn](event, invocationContext(fn, openid)) as Promise<Result<unknown>>
    },
    /** One run of a timer (the deadlines timer unless named), as its trigger would start it (no caller). */
    runTimer(name: TimerFunctionName = 'requests-timer'): Promise<Result<unknown>> {
      return local.timerMains[name]({ Type: 'Timer', TriggerName: name }, timerInvocationContext(name)) as Promise<Result<unknown>>
    },
    /**
     * A tap on 允许 in WeChat's subscribe prompt, `times` over: WeChat records each accepted template
     * (the local WeChat's ledger) and the app reports what was accepted (directory.grantSubscriptions).
     */
    async subscribe(openid: string, kinds: readonly NoticeKind[], times = 1): Promise<void> {
      const answers = Object.fromEntries(kinds.map((kind) => [`local-${kind}`, 'accept' as const]))
      for (let tap = 0; tap < times; tap++) {
        local.wechat.requestSubscribeMessage(openid, answers)
        const reported = await local.functionMains.directory({ action: 'grantSubscriptions', input: { answers } }, invocationContext('directory', openid))
        if (!(reported as Result<unknown>).ok) throw new Error(`grantSubscriptions failed: ${JSON.stringify(reported)}`)
      }
    },
    /** The subscribe messages the local WeChat delivered to one person. */
    sentTo(openid: string) {
      return local.wechat.outbox().filter((sent) => sent.touser === openid)
    },
    /**
     * A photo uploaded as the H5 build uploads it: signed in as `openid`, into their folder of the
     * local storage. Answers its fileID.
     */
    async uploadPhoto(openid: string, bytes: Buffer = JPEG, type = 'image/jpeg'): Promise<string> {
      const signIn = await fetch(`${local.host.url}/auth/sign-in`, { method: 'POST', body: JSON.stringify({ openid }) })
      const { token } = (await signIn.json()) as { token: string }
      const upload = await fetch(`${local.host.url}/storage/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: new Uint8Array(bytes) })
      if (upload.status !== 200) throw new Error(`upload answered ${upload.status}: ${await upload.text()}`)
      return ((await upload.json()) as { fileID: string }).fileID
    },
    /** Every media check verdict the local WeChat has promised, pushed to wechat-events and recorded. */
    deliverPushes(): Promise<void> {
      return local.deliverHeldPushes()
    },
    clock: controlledClock(),
    async close() {
      await local.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export type TestCloudbase = Awaited<ReturnType<typeof startTestCloudbase>>

/** The smallest JPEG the local storage takes as a photo (SOI, an APP0 marker, EOI). */
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9])

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`)
  return result.data
}
