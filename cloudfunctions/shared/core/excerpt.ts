/** A list line's words: at most 60 UTF-16 units (the schemas' max), cut on a character, never inside an emoji. */
export function excerpt(text: string): string {
  let out = ''
  for (const ch of text) {
    if (out.length + ch.length > 59) return `${out}…`
    out += ch
  }
  return out
}
