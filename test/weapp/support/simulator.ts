/**
 * The slice of miniprogram-simulate (and the j-component / exparser under it) the harness uses,
 * typed here rather than through their own .d.ts files, which declare WeChat's globals (wx, Page,
 * getApp) for the whole TypeScript program and would clash with Taro's.
 */
export type ExparserNode = { id: string; dataset: Record<string, unknown> }
export type SimElement = Element & { __wxElement?: ExparserNode }
export type RenderedRoot = { dom: SimElement; instance: Record<string, unknown>; attach(parent: Element): void; detach(): void }

type Simulate = {
  load(path: string, options: { rootPath: string; usingComponents?: Record<string, string> }): string
  load(path: string, tagName: string, options: { rootPath: string }): string
  render(id: string): RenderedRoot
}
type JComponent = { register(definition: Record<string, unknown>): string }
type Exparser = {
  Event: { create(type: string, detail: object, options: object): unknown; dispatchEvent(target: ExparserNode, event: unknown): void }
  Element: { getMethodCaller(node: ExparserNode): { data: Record<string, unknown> } | undefined }
}

let simulate: Simulate | null = null
// j-component and exparser are the copies miniprogram-simulate itself loads (the same paths in
// node_modules), so what is registered or dispatched here is what its components see.
const jComponent = (): JComponent => require('j-component')
const exparser = (): Exparser => require('miniprogram-exparser')

/**
 * Loads the simulator: it defines the global Component() and replaces global.wx with its own API
 * mock, so it must load before the harness installs its fake wx.
 */
export function installSimulator(): Simulate {
  simulate = require('miniprogram-simulate') as Simulate
  registerBuiltInsWithProperties()
  acceptBehaviorsAsWeChatDoes()
  return simulate
}

/**
 * Taro's createComponentConfig (a component such as custom-tab-bar, not a page) passes `behaviors: {}`
 * when the component declares none; WeChat takes that as none, j-component calls .map on it.
 */
function acceptBehaviorsAsWeChatDoes(): void {
  const g = globalThis as unknown as { Component: (definition: Record<string, unknown>) => void }
  const register = g.Component
  g.Component = (definition) => register(Array.isArray(definition.behaviors) || definition.behaviors === undefined ? definition : { ...definition, behaviors: [] })
}

export const sim = (): Simulate => {
  if (!simulate) throw new Error('installSimulator() first')
  return simulate
}

/**
 * The simulator registers WeChat's built-in components (button, input, …) with no properties, so
 * what the template binds to them (open-type, disabled, value, placeholder, maxlength, aria-label) is dropped.
 * Re-registered with the properties WeChat documents, those values can be read back from the
 * rendered tree, and typing can honour maxlength as a phone's keyboard does.
 */
function registerBuiltInsWithProperties(): void {
  const props = (names: Record<string, StringConstructor | NumberConstructor | null>) =>
    Object.fromEntries(Object.entries(names).map(([name, type]) => [name, { type, value: type === Number ? -1 : '' }]))
  const builtIn = (name: string, properties: Record<string, unknown>) =>
    jComponent().register({ id: name, tagName: `wx-${name}`, template: '<slot/>', properties })
  builtIn('button', props({ openType: String, disabled: null, loading: null, formType: String }))
  builtIn('input', props({ value: String, placeholder: String, type: String, disabled: null, maxlength: Number }))
  builtIn('textarea', props({ value: String, placeholder: String, disabled: null, maxlength: Number }))
  builtIn('image', props({ src: String, mode: String }))
  // What WeChat's 无障碍 reads on a view (the app's templates bind it: config/weapp-aria).
  builtIn('view', props({ ariaLabel: String }))
}

/** The properties a built-in component was rendered with (see registerBuiltInsWithProperties). */
export function propertiesOf(element: SimElement): Record<string, unknown> {
  const node = element.__wxElement
  return (node && exparser().Element.getMethodCaller(node)?.data) ?? {}
}

/**
 * Fires a WeChat event on a rendered element as the client does: `tap` bubbles and crosses
 * component boundaries (composed), `input` stays on its element. Taro's page-level handler `eh`
 * picks it up from there, exactly as on a phone.
 */
export function fire(element: SimElement, type: string, detail: object = {}, bubbles = true): void {
  const node = element.__wxElement
  if (!node) throw new Error(`<${element.tagName.toLowerCase()}> is not a rendered mini-program element`)
  const event = exparser().Event.create(type, detail, { bubbles, composed: bubbles, capturePhase: bubbles })
  exparser().Event.dispatchEvent(node, event)
}
