import type { RequestDetail } from '@/types'

/** Every staff action form: the request as it stands, and what to do with the request it answers. */
export type ActionFormProps = { request: RequestDetail; onDone: (request: RequestDetail) => void }
