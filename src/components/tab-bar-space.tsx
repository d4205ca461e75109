/** The browser's tab bar (Taro's) takes its own place below the page: nothing to leave free. */
export function TabBarSpace() {
  return null
}
