import { z } from 'zod'
import type { UploadPhoto } from './upload-photo'
import { functionsBaseUrl, readDemoToken } from './demo-session'

const Stored = z.object({ fileID: z.string().regex(/^local:\/\/\S+$/) })

/**
 * The browser build stores photos in the local CloudBase's file store: the picked file (a blob: URL
 * from Taro.chooseMedia) goes up as raw bytes, signed in like a function call, and comes back as a
 * `local://` fileID, the local twin of Taro.cloud.uploadFile's `cloud://` one.
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
