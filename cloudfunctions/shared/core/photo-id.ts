/**
 * Photo file IDs. CloudBase names a stored file `cloud://<envId>.<bucket>/<path>`: the env id runs to
 * the first '.', the path starts after the first '/'. The client uploads a request's photo to
 * `requests/<uploader's openid>/<YYYYMMDD>/<random>.<ext>` (src/services/upload-photo*.ts; the local
 * storage does the same), so the path itself says who uploaded it.
 */
export const PHOTO_FOLDER = 'requests'

export type FileIdParts = { envId: string; bucket: string; path: string }

export function parseFileId(fileId: string): FileIdParts | null {
  const match = /^cloud:\/\/([^./\s]+)\.([^/\s]+)\/(\S+)$/.exec(fileId)
  return match ? { envId: match[1], bucket: match[2], path: match[3] } : null
}

// One path segment: an openid, a day, a file name. No '.' or '..' segments, no '%' (an encoded '/').
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/

/** The openid whose upload folder the photo is in, or null when it is not in one. */
export function uploaderOf(fileId: string): string | null {
  const parts = parseFileId(fileId)
  if (!parts) return null
  const segments = parts.path.split('/')
  if (segments.length < 3 || segments[0] !== PHOTO_FOLDER) return null
  if (!segments.every((segment) => SEGMENT.test(segment) && !/^\.+$/.test(segment))) return null
  return segments[1]
}

/**
 * Whether a photo may be kept with something the caller writes: it names this environment and lies
 * in the caller's own upload folder. Anything else — another environment's file, another person's
 * upload, a path that climbs out of the folder — is not theirs to attach, whatever its shape.
 */
export function isOwnUpload(fileId: string, expected: { envId: string; uploaderId: string }): boolean {
  const parts = parseFileId(fileId)
  return parts !== null && expected.envId !== '' && parts.envId === expected.envId && uploaderOf(fileId) === expected.uploaderId
}
