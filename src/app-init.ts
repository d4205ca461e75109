import './styles/tabbar.h5.scss'
import { readElderMode } from './services/elder-mode'
import { applyElderRoot } from './services/elder-root'

/**
 * Platform set-up at launch. The H5 build talks HTTP to the local function host and needs no SDK;
 * it sets the root size 长辈模式 asks for before the first page paints.
 */
export function initPlatform(): void {
  applyElderRoot(readElderMode())
}
