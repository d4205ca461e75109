import { functionsBaseUrl } from './demo-session'

/** `local://requests/a.jpg` is served by the local function host at /storage/requests/a.jpg. */
export const photoSrc = (fileId: string): string =>
  fileId.startsWith('local://') ? `${functionsBaseUrl()}/storage/${fileId.slice('local://'.length)}` : fileId
