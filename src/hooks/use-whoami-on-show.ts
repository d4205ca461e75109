import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { call } from '@/services/call'
import { useResult } from './use-result'

/**
 * Who I am and where I live, read each time a filing page shows while it is at its first step, so
 * a household bound meanwhile counts. The page shows again after the photo picker and the map close
 * (weapp): reloading then would unmount a half-filled form, so later steps keep what they read.
 */
export function useWhoamiOnShow(atFirstStep: boolean) {
  const me = useResult(() => call('directory', 'whoami', {}), null)
  const first = useRef(atFirstStep)
  first.current = atFirstStep
  useDidShow(() => {
    if (first.current) me.reload()
  })
  return me
}
