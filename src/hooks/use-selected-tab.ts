/** The browser's tab bar (Taro's own) selects the tab of the route on screen by itself. */
export function useSelectedTab(): void {}
