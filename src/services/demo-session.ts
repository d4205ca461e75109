import Taro from '@tarojs/taro'
import type { Persona } from './demo-personas'

/**
 * The local demo sign-in of the H5 build: the local function host signs a token for one of its demo
 * personas. It stands in for WeChat login, which gives the mini-program its identity without any of this.
 * Every call reads the token here, so this file stays zod-free: 首页's first screen should not wait for
 * zod at 4× CPU (issue 9). Choosing a persona, with its schemas, is demo-personas.ts.
 */
export const DEMO_TOKEN_KEY = 'jucun.demo.token'
export const DEMO_PERSONA_KEY = 'jucun.demo.persona'

export const functionsBaseUrl = () => process.env.TARO_APP_FUNCTIONS_URL ?? ''

export const readDemoToken = (): string => {
  const token: unknown = Taro.getStorageSync(DEMO_TOKEN_KEY)
  return typeof token === 'string' ? token : ''
}

/** Who the stored sign-in says I am, as far as a page shows it: stored by signInAs from a parsed Persona. */
export const readDemoPersona = (): Pick<Persona, 'label'> | null => {
  const stored: unknown = Taro.getStorageSync(DEMO_PERSONA_KEY)
  return typeof stored === 'object' && stored !== null && 'label' in stored && typeof stored.label === 'string' ? { label: stored.label } : null
}

export function signOut(): void {
  Taro.removeStorageSync(DEMO_TOKEN_KEY)
  Taro.removeStorageSync(DEMO_PERSONA_KEY)
}
