import { ELDER_SCALE } from './elder-scale'

/**
 * The browser build: every size is in rem (config: 32 design px a rem over the browser's own font
 * size), so 长辈模式 scales the root, and text, touch targets and the tab bar's labels grow together.
 * A percentage keeps the resident's own browser font size underneath it.
 */
export function applyElderRoot(on: boolean): void {
  if (typeof document === 'undefined') return
  document.documentElement.style.fontSize = on ? `${Math.round(ELDER_SCALE * 100)}%` : ''
}
