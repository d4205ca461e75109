/**
 * How much larger than standard the resident wants text. In H5 the browser's font size already
 * reaches every rem, so there is nothing to add here.
 */
export const fontScale = (): number => 1
