import Taro from '@tarojs/taro'

/**
 * Brings a form's field into view by its id. In the mini-program the page scrolls to the node
 * (pageScrollTo's `selector`, base library ≥ 2.7.3); Taro picks scroll-to-field.h5.ts in the browser.
 * A missed scroll leaves the page where it was: the error still shows beside its field.
 */
export function scrollToField(id: string): void {
  Taro.pageScrollTo({ selector: `#${id}`, duration: 200 }).catch(() => undefined)
}
