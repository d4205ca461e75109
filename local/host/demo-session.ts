import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Local demo sign-in: a token is the persona's OPENID signed with this machine's secret. It stands in
 * for WeChat's login, which puts the OPENID into the invocation context on CloudBase.
 * A token is exactly `<openid>.<signature>`, both base64url as issued, and names one of the personas
 * the host was started with: a signed openid outside them (a persona since removed, or one signed with
 * a leaked secret) is nobody here, and a token with another segment is not one this host issued.
 */
export function createDemoSessions(secret: string, personaIds: ReadonlySet<string>) {
  const sign = (openid: string) => createHmac('sha256', secret).update(openid).digest('base64url')
  const encode = (openid: string) => Buffer.from(openid).toString('base64url')
  return {
    issue(openid: string): string | null {
      return personaIds.has(openid) ? `${encode(openid)}.${sign(openid)}` : null
    },
    verify(token: string): string | null {
      const parts = token.split('.')
      if (parts.length !== 2) return null
      const [encoded, signature] = parts
      const openid = Buffer.from(encoded, 'base64url').toString()
      // Node decodes base64url leniently; only the spelling `issue` gives names the openid.
      if (!personaIds.has(openid) || encode(openid) !== encoded) return null
      const expected = Buffer.from(sign(openid))
      const given = Buffer.from(signature)
      return expected.length === given.length && timingSafeEqual(expected, given) ? openid : null
    },
  }
}
