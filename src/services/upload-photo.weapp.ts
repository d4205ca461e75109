import Taro from '@tarojs/taro'
import { dayStamp } from '@/types/calendar'
import { myUserId } from './my-user-id'
import type { UploadPhoto } from './upload-photo'

/**
 * Into the person's own folder, `requests/<openid>/<Beijing day>/<random>.<ext>`: the functions keep
 * a photo only from the caller's folder of this environment (cloudfunctions/shared/core/photo-id.ts).
 * One folder per day keeps the storage console browsable; the random name keeps two photos taken in
 * the same millisecond apart. The fileID (cloud://…) is what the request keeps.
 */
export const uploadPhoto: UploadPhoto = async (tempPath) => {
  const openid = await myUserId()
  const now = Date.now()
  const ext = /\.(\w{1,5})$/.exec(tempPath)?.[1] ?? 'jpg'
  const cloudPath = `requests/${openid}/${dayStamp(now)}/${now}-${Math.random().toString(36).slice(2, 10)}.${ext}`
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath: tempPath })
  return res.fileID
}
