/**
 * Taro H5's pageScrollTo({ selector }) scrolls to the node's offsetTop, which counts only from its
 * nearest positioned ancestor, not from the page: a field inside any positioned box lands off screen.
 * The browser's own scrollIntoView measures from the scrolling page, whatever lies between.
 */
export function scrollToField(id: string): void {
  document.getElementById(id)?.scrollIntoView({ block: 'start', behavior: 'smooth' })
}
