/**
 * The wire below `call`: hands `{ action, input }` to a function and returns its raw answer, unparsed.
 * Taro picks transport.weapp.ts or transport.h5.ts at build time (multi-end files); this file is what
 * TypeScript and other platforms see, and no other platform is supported.
 */
export type Send = (fn: string, action: string, input: unknown) => Promise<unknown>

export const send: Send = async () => {
  throw new Error(`居村通 has no transport for platform ${process.env.TARO_ENV}`)
}
