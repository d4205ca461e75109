/**
 * How much larger than standard the resident wants text. In H5 the browser's font size already
 * reaches every rem, and 长辈模式 scales the root (elder-root), so there is nothing to add here.
 */
export const fontScale = (_elderMode: boolean): number => 1
