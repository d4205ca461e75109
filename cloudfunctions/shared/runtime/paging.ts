/** Cursors are opaque to the client; here they are the offset of the next page. */
export const offsetOf = (cursor: string | undefined): number => {
  const offset = cursor === undefined ? 0 : Number(cursor)
  return Number.isSafeInteger(offset) && offset >= 0 ? offset : 0
}

/** One more than asked tells whether a next page exists without counting. */
export function page<T>(fetched: readonly T[], offset: number, limit: number): { items: T[]; nextCursor: string | null } {
  return { items: fetched.slice(0, limit), nextCursor: fetched.length > limit ? String(offset + limit) : null }
}
