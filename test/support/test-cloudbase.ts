import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionInput, ActionName, ActionOutput, FunctionName, Result } from '../../types'
import { invocationContext } from '../../local/host/invocation-context'
import { startLocalCloudbase } from '../../local/local-cloudbase'

/**
 * A fresh local CloudBase per test file: its own data directory, the demo seed, and the real
 * function entries invoked with a caller identity in the context, as CloudBase invokes them.
 */
export async function startTestCloudbase(options: { seed?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jucun-test-'))
  const local = await startLocalCloudbase({ dataDir, seed: options.seed })
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
    async close() {
      await local.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export type TestCloudbase = Awaited<ReturnType<typeof startTestCloudbase>>

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`)
  return result.data
}
