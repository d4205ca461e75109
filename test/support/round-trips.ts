import diagnostics_channel from 'node:diagnostics_channel'
import type { ClientRequest } from 'node:http'
import type { TestCloudbase } from './test-cloudbase'

/**
 * Sequential round trips to the local CloudBase while `run` runs (issue 11), counted as
 * scripts/bench-actions.ts counts them: a trip starts whenever a request starts with none in flight,
 * so requests sent together are one trip and each await on the database one more. The functions run
 * in this process (test-cloudbase), so their SDK's requests are seen here.
 */
let watching: { host: string; trips: number; inFlight: Set<ClientRequest> } | null = null
let subscribed = false

function subscribe(): void {
  if (subscribed) return
  subscribed = true
  diagnostics_channel.subscribe('http.client.request.start', (message) => {
    const { request } = message as { request: ClientRequest }
    if (!watching || request.getHeader('host') !== watching.host) return
    const watch = watching
    if (watch.inFlight.size === 0) watch.trips++
    watch.inFlight.add(request)
    request.once('close', () => watch.inFlight.delete(request))
  })
  diagnostics_channel.subscribe('http.client.response.finish', (message) => {
    watching?.inFlight.delete((message as { request: ClientRequest }).request)
  })
}

export async function roundTripsDuring(cloud: TestCloudbase, run: () => Promise<unknown>): Promise<number> {
  subscribe()
  watching = { host: new URL(cloud.db.url).host, trips: 0, inFlight: new Set() }
  try {
    await run()
    return watching.trips
  } finally {
    watching = null
  }
}
