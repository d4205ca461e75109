/**
 * WeChat lets some APIs run only while a tap is being handled (wx.requestSubscribeMessage: "can only
 * be invoked by user TAP gesture"), i.e. synchronously inside the handler, not after an await of a
 * network call. The harness marks the time a tap is dispatched so the fakes can tell.
 */
let depth = 0

export const inTapGesture = (): boolean => depth > 0

export function duringTap<T>(dispatch: () => T): T {
  depth++
  try {
    return dispatch()
  } finally {
    depth--
  }
}
