import type { WishDetail } from '@/types'

/** Every wish action form: the wish as it stands, and what to do with the wish its action answers. */
export type WishFormProps = { wish: WishDetail; onDone: (wish: WishDetail) => void }
