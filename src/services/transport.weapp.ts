import Taro from '@tarojs/taro'
import type { Send } from './transport'

// CloudBase puts the caller's OPENID into the function's context itself; nothing about who is
// calling goes into `data`.
export const send: Send = async (fn, action, input) => {
  const res = await Taro.cloud.callFunction({ name: fn, data: { action, input } })
  return res.result
}
