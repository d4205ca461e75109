/**
 * Database requests handled, by kind and collection. CloudBase bills every read and write request,
 * so a use case's cost is the number of requests its handler makes.
 */
export type StatsSnapshot = {
  total: number
  /** e.g. { getDocument: 3, insertDocument: 1 } */
  byKind: Record<string, number>
  /** collection → kind → count; requests without a collection (transactions) under "-" */
  byCollection: Record<string, Record<string, number>>
}

export class Stats {
  private counts = new Map<string, Map<string, number>>()

  record(action: string, collection: unknown): void {
    const kind = action.replace(/^database\./, '')
    const name = typeof collection === 'string' && collection !== '' ? collection : '-'
    let kinds = this.counts.get(name)
    if (!kinds) this.counts.set(name, (kinds = new Map()))
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
  }

  snapshot(): StatsSnapshot {
    const snapshot: StatsSnapshot = { total: 0, byKind: {}, byCollection: {} }
    for (const [collection, kinds] of this.counts) {
      snapshot.byCollection[collection] = Object.fromEntries(kinds)
      for (const [kind, count] of kinds) {
        snapshot.byKind[kind] = (snapshot.byKind[kind] ?? 0) + count
        snapshot.total += count
      }
    }
    return snapshot
  }

  reset(): void {
    this.counts = new Map()
  }
}
