import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { applyElderRoot } from './elder-root'

export { ELDER_SCALE } from './elder-scale'

/**
 * 长辈模式 (issue 9): larger type and a simpler 首页, chosen in 我的 and kept on this device (Taro
 * storage), for whoever holds the phone — it is not a property of the account.
 */
const KEY = 'jucun.elderMode'

const listeners = new Set<(on: boolean) => void>()

export const readElderMode = (): boolean => Taro.getStorageSync(KEY) === true

export function setElderMode(on: boolean): void {
  Taro.setStorageSync(KEY, on)
  applyElderRoot(on)
  for (const listener of listeners) listener(on)
}

/** The current choice; every page that shows it re-renders the moment it changes (the tabs stay mounted). */
export function useElderMode(): boolean {
  const [on, setOn] = useState(readElderMode)
  useEffect(() => {
    listeners.add(setOn)
    setOn(readElderMode())
    return () => void listeners.delete(setOn)
  }, [])
  return on
}
