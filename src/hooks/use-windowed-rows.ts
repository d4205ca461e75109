import Taro, { usePageScroll } from '@tarojs/taro'
import { startTransition, useEffect, useRef, useState } from 'react'

/** Rows kept above and below the screen, so a quick flick shows cards, not blank space. */
const OVERSCAN = 8
/** Rendered before the first row is measured: more than a screen at any font scale. */
const FIRST_ROWS = 12

type Geometry = { rowHeight: number; listTop: number; viewport: number }
export type RowWindow = { start: number; end: number; before: number; after: number }

/**
 * Which of `count` equally tall rows (the list's `.windowed-row`s, under the element `listId`) are
 * near the screen, by the page's own scroll: the page keeps scrolling natively (pull to refresh,
 * reach bottom), and the rows away from the screen are replaced by two spacers of their height.
 * One row is measured once, after the first render (a selector query, the same on weapp and H5),
 * so the height follows the font scale the CSS gave it.
 */
export function useWindowedRows(count: number, listId: string): RowWindow {
  const geometry = useRef<Geometry | null>(null)
  const scrollTop = useRef(0)
  const countRef = useRef(count)
  countRef.current = count
  const [range, setRange] = useState({ start: 0, end: Math.min(count, FIRST_ROWS) })

  const update = () => {
    const g = geometry.current
    const total = countRef.current
    const clamp = (n: number) => Math.max(0, Math.min(total, n))
    const next = g
      ? {
          start: clamp(Math.floor((scrollTop.current - g.listTop) / g.rowHeight) - OVERSCAN),
          end: clamp(Math.ceil((scrollTop.current - g.listTop + g.viewport) / g.rowHeight) + OVERSCAN),
        }
      : { start: 0, end: Math.min(total, FIRST_ROWS) }
    // Only a changed window renders again: most scroll events move within the rows already there.
    // A transition lets React render the new rows in slices between frames rather than in one long
    // task (the overscan keeps the screen covered meanwhile).
    startTransition(() => setRange((prev) => (prev.start === next.start && prev.end === next.end ? prev : next)))
  }

  usePageScroll(({ scrollTop: top }) => {
    scrollTop.current = top
    update()
  })

  useEffect(() => {
    update()
    if (geometry.current || count === 0) return
    Taro.createSelectorQuery()
      .select(`#${listId} .windowed-row`)
      .boundingClientRect()
      .selectViewport()
      .scrollOffset()
      .exec((answers: [{ top: number; height: number } | null, { scrollTop: number } | null]) => {
        const [row, viewport] = answers
        if (!row || row.height <= 0) return
        scrollTop.current = viewport?.scrollTop ?? 0
        geometry.current = { rowHeight: row.height, listTop: row.top + scrollTop.current, viewport: Taro.getSystemInfoSync().windowHeight }
        update()
      })
    // `update` reads refs only; the window follows the count of rows.
  }, [count, listId])

  const rowHeight = geometry.current?.rowHeight ?? 0
  const start = Math.min(range.start, count)
  const end = Math.min(range.end, count)
  return { start, end, before: start * rowHeight, after: Math.max(0, count - end) * rowHeight }
}
