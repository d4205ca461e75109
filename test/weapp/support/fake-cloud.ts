import { specOf, envelopeOf, type Answers, type Envelope } from './answers'
import { reportProblem } from './problems'
import { ApiFail, asyncApi, type WxCall } from './wx-api'

/** One callFunction the app made: the function, its action, and the input as it went over the wire. */
export type CloudCall = { name: string; action: string; input: unknown }

type Handler = (input: unknown) => unknown
const CallFunctionData = (data: unknown): data is { action: string; input?: unknown } =>
  typeof data === 'object' && data !== null && typeof (data as { action?: unknown }).action === 'string'

/** The wire: what leaves the phone and what comes back are JSON, so nothing else survives. */
const overTheWire = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)))

/**
 * wx.cloud: init, callFunction answered from the test's fixtures (each answer and each input checked
 * against the zod contract), uploadFile into a pretend storage. Every call is recorded.
 */
export class FakeCloud {
  readonly calls: CloudCall[] = []
  readonly uploads: { cloudPath: string; filePath: string; fileID: string }[] = []
  private handlers = new Map<string, Handler>()
  private initialised = false

  constructor(private readonly issuedFiles: (path: string) => boolean) {}

  answer(answers: Answers): void {
    for (const [fn, actions] of Object.entries(answers)) {
      for (const [action, answer] of Object.entries(actions ?? {})) {
        const spec = specOf(fn, action)
        if (!spec) throw new Error(`the contract has no ${fn}.${action}`)
        if (typeof answer === 'function') this.handlers.set(`${fn}.${action}`, answer as Handler)
        else {
          const fixed = envelopeOf(spec, answer, `${fn}.${action}`)
          this.handlers.set(`${fn}.${action}`, () => (fixed.ok ? fixed.data : fixed))
        }
      }
    }
  }

  reset(): void {
    this.calls.length = 0
    this.uploads.length = 0
    this.handlers.clear()
  }

  apis(wxCalls: WxCall[]): Record<string, unknown> {
    return {
      init: asyncApi('cloud.init', wxCalls, () => {
        this.initialised = true
      }),
      callFunction: asyncApi('cloud.callFunction', wxCalls, async ({ name, data }) => ({ result: await this.callFunction(String(name), overTheWire(data)) })),
      uploadFile: asyncApi('cloud.uploadFile', wxCalls, ({ cloudPath, filePath }) => this.upload(String(cloudPath), String(filePath))),
    }
  }

  private async callFunction(name: string, data: unknown): Promise<Envelope> {
    // wx.cloud needs wx.cloud.init() first; app-init.weapp.ts does it at launch.
    if (!this.initialised) throw new ApiFail('wx.cloud.init() has not been called')
    if (!CallFunctionData(data)) {
      reportProblem(`callFunction ${name} without { action, input }: ${JSON.stringify(data)}`)
      return { ok: false, code: 'UNKNOWN_ACTION', message: 'no action' }
    }
    const where = `${name}.${data.action}`
    this.calls.push({ name, action: data.action, input: data.input })
    const spec = specOf(name, data.action)
    const handler = this.handlers.get(where)
    if (!spec || !handler) {
      reportProblem(`the page called ${where} ${JSON.stringify(data.input)}, which the test gave no answer for`)
      return { ok: false, code: 'INTERNAL', message: `no answer for ${where}` }
    }
    const input = spec.input.safeParse(data.input)
    if (!input.success) {
      reportProblem(`the page sent ${where} an input outside the contract: ${input.error.message}`)
      return { ok: false, code: 'INVALID_INPUT', message: input.error.message }
    }
    try {
      return overTheWire(envelopeOf(spec, await handler(input.data), where))
    } catch (error) {
      reportProblem(error instanceof Error ? error.message : String(error))
      return { ok: false, code: 'INTERNAL', message: 'the fixture broke' }
    }
  }

  private upload(cloudPath: string, filePath: string) {
    // A real upload reads the file: only paths the photo picker handed out exist on the phone.
    if (!this.issuedFiles(filePath)) throw new ApiFail(`file "${filePath}" does not exist`)
    const fileID = `cloud://jucun-test.6a75-jucun-test-1300000000/${cloudPath}`
    this.uploads.push({ cloudPath, filePath, fileID })
    return { fileID, statusCode: 200 }
  }
}
