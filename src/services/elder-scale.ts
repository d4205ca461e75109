/** How much larger text gets in 长辈模式, on top of the phone's own setting (font-scale caps the product). */
export const ELDER_SCALE = 1.3
