import Taro from '@tarojs/taro'
import type { UploadPhoto } from './upload-photo'

// One folder per day keeps the storage console browsable; the random name keeps two residents'
// photos taken in the same millisecond apart. The fileID (cloud://…) is what the function checks.
export const uploadPhoto: UploadPhoto = async (tempPath) => {
  const now = new Date()
  const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`
  const ext = /\.(\w{1,5})$/.exec(tempPath)?.[1] ?? 'jpg'
  const cloudPath = `requests/${day}/${now.getTime()}-${Math.random().toString(36).slice(2, 10)}.${ext}`
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath: tempPath })
  return res.fileID
}
