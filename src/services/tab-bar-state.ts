import { useEffect, useState } from 'react'

type TabBarState = { selected: number; badges: Readonly<Record<number, string>> }

/**
 * What the mini-program's own tab bar shows. WeChat gives every tab page its own instance of the
 * custom-tab-bar component, and a state kept inside one is not seen by the others (Taro's
 * custom-tab-bar docs, 状态管理): so it lives here, once, and every instance draws it.
 */
let state: TabBarState = { selected: 0, badges: {} }
const listeners = new Set<(next: TabBarState) => void>()

function update(next: TabBarState): void {
  state = next
  for (const listener of listeners) listener(state)
}

/** The tab on screen: set when a tab is tapped, and again by each tab page as it shows. */
export function selectTab(index: number): void {
  if (index >= 0 && index !== state.selected) update({ ...state, selected: index })
}

export function setTabBadge(index: number, text: string | null): void {
  if ((state.badges[index] ?? null) === text) return
  const badges = { ...state.badges }
  if (text) badges[index] = text
  else delete badges[index]
  update({ ...state, badges })
}

export function useTabBarState(): TabBarState {
  const [current, setCurrent] = useState(state)
  useEffect(() => {
    listeners.add(setCurrent)
    setCurrent(state)
    return () => void listeners.delete(setCurrent)
  }, [])
  return current
}
