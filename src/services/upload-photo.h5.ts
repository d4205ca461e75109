import { z } from 'zod'
import { FileId } from '@/types'
import type { UploadPhoto } from './upload-photo'
import { functionsBaseUrl, readDemoToken } from './demo-session'

const Stored = z.object({ fileID: FileId })

/**
 * The browser build stores photos in the local CloudBase's storage: the picked file (a blob: URL from
 * Taro.chooseMedia) goes up as raw bytes, signed in like a function call, into the caller's own
 * folder, and comes back as a `cloud://` fileID exactly like Taro.cloud.uploadFile's.
 */
export const uploadPhoto: UploadPhoto = async (tempPath) => {
  const photo = await (await fetch(tempPath)).blob()
  const token = readDemoToken()
  const res = await fetch(`${functionsBaseUrl()}/storage/upload`, {
    method: 'POST',
    headers: { 'Content-Type': photo.type || 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: photo,
  })
  if (!res.ok) throw new Error(`upload answered ${res.status}`)
  return Stored.parse(await res.json()).fileID
}
