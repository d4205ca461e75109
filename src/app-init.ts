/** Platform set-up at launch. The H5 build talks HTTP to the local function host and needs none. */
export function initPlatform(): void {}
