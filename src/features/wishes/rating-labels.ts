/** The confirmation's optional rating (1–5), in words first: a number alone means little to most residents. */
export const ratingLabels: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '一般', 2: '不太满意', 1: '不满意' }

export const ratingLine = (rating: number): string => `${rating} 分 · ${ratingLabels[rating] ?? ''}`
