import { ensureTaroBuild } from '../../../local/taro-build'
import { repoRoot } from './dist'

/** The weapp tests run the built mini-program, so they first make sure it is built from today's sources. */
export default async function globalSetup(): Promise<void> {
  await ensureTaroBuild(repoRoot, 'weapp')
}
