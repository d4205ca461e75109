const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A filing form's key (IdempotencyKey: 8–64 of [A-Za-z0-9_-]): the time keeps keys of one phone
 * apart, the random tail keeps two phones apart. Math.random, because the mini-program has no
 * crypto.getRandomValues; the key only has to be unlikely to collide, not secret.
 */
export function newIdempotencyKey(now: number = Date.now()): string {
  let tail = ''
  for (let i = 0; i < 16; i++) tail += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return `${now.toString(36)}-${tail}`
}
