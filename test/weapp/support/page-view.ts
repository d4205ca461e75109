import { duringTap } from './gesture'
import { settled } from './idle'
import type { PageJson } from './dist'
import { fire, propertiesOf, type RenderedRoot, type SimElement } from './simulator'
import { until } from './wait'

export type Text = string | RegExp
/** What WeChat does itself when a <button open-type=…> is tapped (agree to privacy, share…). */
export type OpenTypeTap = (openType: string, button: SimElement) => void
type Gestures = { pullDown: () => void; onOpenType: OpenTypeTap }
type Which = { index?: number }

const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()
const matches = (text: Text, element: Element) => {
  const content = normalise(element.textContent)
  return typeof text === 'string' ? content === text : text.test(content)
}

/**
 * One open page of the built mini-program, queried the way a person reads it: by the words on it.
 * A string matches an element's whole text, a RegExp any part; the innermost such element is the
 * one found, so a tap lands where a finger would and bubbles up to the handler.
 */
export class PageView {
  constructor(
    readonly route: string,
    readonly query: Readonly<Record<string, string>>,
    readonly json: PageJson,
    private readonly root: RenderedRoot,
    private readonly gestures: Gestures,
  ) {}

  get title(): string | undefined {
    return this.json.navigationBarTitleText
  }

  /** The rendered element tree, for what a test reads beyond words (which item a badge is on, a style). */
  get dom(): SimElement {
    return this.root.dom
  }

  /** Everything the page shows, as one line. */
  text(): string {
    return normalise(this.root.dom.textContent)
  }

  has(text: Text): boolean {
    return this.all(text).length > 0
  }

  /** The innermost elements whose text matches, in document order. */
  all(text: Text): SimElement[] {
    const hits = Array.from(this.root.dom.querySelectorAll<SimElement>('*')).filter((element) => matches(text, element))
    return hits.filter((element) => !hits.some((other) => other !== element && element.contains(other)))
  }

  /** Waits for the text to be shown and answers its element; more than one match needs an index. */
  async find(text: Text, { index }: Which = {}): Promise<SimElement> {
    const hits = await until(`“${text}” on ${this.route}`, () => {
      const found = this.all(text)
      return found.length > (index ?? 0) && found
    }, () => `the page shows: ${this.text()}`)
    if (index === undefined && hits.length > 1) throw new Error(`“${text}” is shown ${hits.length} times on ${this.route}; say which with { index }`)
    return hits[index ?? 0]
  }

  async waitForGone(text: Text): Promise<void> {
    await until(`“${text}” to leave ${this.route}`, () => !this.has(text), () => `the page shows: ${this.text()}`)
  }

  /**
   * A tap on the element showing the text. WeChat still fires tap on a disabled <button> (only its
   * open-type is blocked), so the tap goes through and the app's own guard is what is tested.
   */
  async tap(text: Text, which: Which = {}): Promise<SimElement> {
    const element = await this.find(text, which)
    duringTap(() => fire(element, 'tap', { x: 0, y: 0 }))
    const button = element.closest<SimElement>('wx-button')
    const { openType, disabled } = button ? propertiesOf(button) : {}
    if (button && typeof openType === 'string' && openType && disabled !== true) this.gestures.onOpenType(openType, button)
    await settled()
    return element
  }

  /**
   * Types into the input or textarea of the field labelled `label` (the label text, then the nearest
   * box after it). The keyboard stops at the box's maxlength, as WeChat's does.
   */
  async type(label: Text, value: string): Promise<void> {
    const box = await until(`a text box labelled “${label}” on ${this.route}`, () => this.boxAfter(label), () => `the page shows: ${this.text()}`)
    const { maxlength, disabled } = propertiesOf(box)
    if (disabled === true) throw new Error(`the box labelled “${label}” is disabled`)
    const typed = typeof maxlength === 'number' && maxlength >= 0 ? [...value].slice(0, maxlength).join('') : value
    fire(box, 'input', { value: typed, cursor: typed.length, keyCode: 0 }, false)
    await settled()
  }

  /** The buttons shown, with the properties a person can see or that decide what a tap does. */
  buttons(): { text: string; disabled: boolean; openType: string }[] {
    return Array.from(this.root.dom.querySelectorAll<SimElement>('wx-button')).map((button) => {
      const { disabled, openType } = propertiesOf(button)
      return { text: normalise(button.textContent), disabled: disabled === true, openType: typeof openType === 'string' ? openType : '' }
    })
  }

  /** The value a text box holds now (what Taro last rendered into it). */
  async valueOf(label: Text): Promise<string> {
    const box = await until(`a text box labelled “${label}”`, () => this.boxAfter(label), () => `the page shows: ${this.text()}`)
    return String(propertiesOf(box).value ?? '')
  }

  /** The pull-down gesture; WeChat offers it only where the page's json enables it. */
  async pullDown(): Promise<void> {
    if (!this.json.enablePullDownRefresh) throw new Error(`${this.route} does not enable pull-down refresh in its json`)
    this.gestures.pullDown()
    await settled()
  }

  private boxAfter(label: Text): SimElement | undefined {
    const [labelElement] = this.all(label)
    for (let field = labelElement?.parentElement; field && field !== this.root.dom.parentElement; field = field.parentElement) {
      const box = field.querySelector<SimElement>('wx-input, wx-textarea')
      if (box) return box
    }
    return undefined
  }
}
