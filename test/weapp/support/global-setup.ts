import { repoRoot } from './dist'
import { ensureWeappBuild } from './weapp-build'

/** The weapp tests run the built mini-program, so they first make sure it is built from today's sources. */
export default function globalSetup(): void {
  ensureWeappBuild(repoRoot)
}
