import Taro from '@tarojs/taro'
import { z } from 'zod'
import { DEMO_PERSONA_KEY, DEMO_TOKEN_KEY, functionsBaseUrl } from './demo-session'

/**
 * Choosing a demo persona, for the H5 sign-in page alone: its schemas keep zod out of what every
 * page loads through the transport (demo-session.ts).
 */
export const Persona = z.object({ openid: z.string(), label: z.string(), description: z.string(), roles: z.array(z.string()) })
export type Persona = z.infer<typeof Persona>

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
  Taro.setStorageSync(DEMO_TOKEN_KEY, token)
  Taro.setStorageSync(DEMO_PERSONA_KEY, persona)
}
