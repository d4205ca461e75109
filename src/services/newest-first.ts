/**
 * A timeline the server keeps oldest first, shown newest first: two entries of one instant keep the
 * server's order between them, the later step on top. Each comes with its place in the server's
 * list, a key that stays put when the list grows.
 */
export const newestFirst = <T extends { at: number }>(entries: readonly T[]): { entry: T; index: number }[] =>
  entries.map((entry, index) => ({ entry, index })).sort((a, b) => b.entry.at - a.entry.at || b.index - a.index)
