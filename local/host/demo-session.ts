import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Local demo sign-in: a token is the persona's OPENID signed with this machine's secret. It stands in
 * for WeChat's login, which puts the OPENID into the invocation context on CloudBase.
 */
export function createDemoSessions(secret: string, personaIds: ReadonlySet<string>) {
  const sign = (openid: string) => createHmac('sha256', secret).update(openid).digest('base64url')
  return {
    issue(openid: string): string | null {
      return personaIds.has(openid) ? `${Buffer.from(openid).toString('base64url')}.${sign(openid)}` : null
    },
    verify(token: string): string | null {
      const [encoded, signature] = token.split('.')
      if (!encoded || !signature) return null
      const openid = Buffer.from(encoded, 'base64url').toString()
      const expected = Buffer.from(sign(openid))
      const given = Buffer.from(signature)
      return expected.length === given.length && timingSafeEqual(expected, given) ? openid : null
    },
  }
}
