/**
 * Asks the resident, at the tap that files, whether WeChat may tell them of progress (subscribe
 * messages need a tap). The browser build has no subscribe messages: the 消息 page is all there is.
 */
export function askForUpdates(): void {}
