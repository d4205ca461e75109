import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initPlatform } from './app-init'
import './app.scss'

export default function App({ children }: PropsWithChildren) {
  useLaunch(() => initPlatform())
  return children
}
