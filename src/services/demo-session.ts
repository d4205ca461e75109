import Taro from '@tarojs/taro'
import { z } from 'zod'

/**
 * The local demo sign-in of the H5 build: the local function host signs a token for one of its demo
 * personas. It stands in for WeChat login, which gives the mini-program its identity without any of this.
 */
const TOKEN_KEY = 'jucun.demo.token'
const PERSONA_KEY = 'jucun.demo.persona'

export const Persona = z.object({ openid: z.string(), label: z.string(), description: z.string(), roles: z.array(z.string()) })
export type Persona = z.infer<typeof Persona>

export const functionsBaseUrl = () => process.env.TARO_APP_FUNCTIONS_URL ?? ''

export const readDemoToken = (): string => {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY)
  return typeof token === 'string' ? token : ''
}

export const readDemoPersona = (): Persona | null => {
  const parsed = Persona.safeParse(Taro.getStorageSync(PERSONA_KEY))
  return parsed.success ? parsed.data : null
}

export async function listPersonas(): Promise<Persona[]> {
  const res = await fetch(`${functionsBaseUrl()}/auth/personas`)
  return z.array(Persona).parse(await res.json())
}

export async function signInAs(persona: Persona): Promise<void> {
  const res = await fetch(`${functionsBaseUrl()}/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ openid: persona.openid }),
  })
  const { token } = z.object({ token: z.string().min(1) }).parse(await res.json())
  Taro.setStorageSync(TOKEN_KEY, token)
  Taro.setStorageSync(PERSONA_KEY, persona)
}

export function signOut(): void {
  Taro.removeStorageSync(TOKEN_KEY)
  Taro.removeStorageSync(PERSONA_KEY)
}
