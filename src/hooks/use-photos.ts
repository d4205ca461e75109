import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { isPrivacyRefusal } from '@/services/privacy-consent'
import { uploadPhoto } from '@/services/upload-photo'

export type Photo = { path: string; fileId: string | null; failed: boolean }

/**
 * Photos for a form, uploaded as soon as they are picked, so submitting only sends fileIDs and a
 * retried submit never uploads twice. A failed upload stays on screen to retry or remove: nothing the
 * resident picked disappears silently. `refused` says the resident answered 不同意 to the privacy
 * explanation, so the form can tell them it goes without photos (not an error: their choice).
 */
export function usePhotos(max = 9) {
  const [photos, setPhotos] = useState<Photo[]>([])
  const [refused, setRefused] = useState(false)

  const update = (path: string, change: Partial<Photo>) => setPhotos((list) => list.map((p) => (p.path === path ? { ...p, ...change } : p)))

  const upload = useCallback(async (path: string) => {
    update(path, { failed: false })
    try {
      update(path, { fileId: await uploadPhoto(path) })
    } catch {
      update(path, { failed: true })
    }
  }, [])

  const add = async () => {
    const room = max - photos.length
    if (room <= 0) return
    let paths: string[]
    try {
      // chooseMedia: WeChat stopped maintaining chooseImage (base library 2.21.0).
      const picked = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      paths = picked.tempFiles.map((file) => file.tempFilePath).slice(0, room)
    } catch (error) {
      // Cancelled: the resident simply stays on the form. Refused: the form says it goes without.
      setRefused(isPrivacyRefusal(error))
      return
    }
    setRefused(false)
    setPhotos((list) => [...list, ...paths.filter((path) => !list.some((p) => p.path === path)).map((path) => ({ path, fileId: null, failed: false }))])
    await Promise.all(paths.map(upload))
  }

  const remove = (path: string) => setPhotos((list) => list.filter((p) => p.path !== path))
  const uploading = photos.some((p) => !p.fileId && !p.failed)
  const failed = photos.some((p) => p.failed)

  return {
    photos,
    add,
    remove,
    retry: upload,
    room: max - photos.length,
    refused,
    fileIds: photos.flatMap((p) => (p.fileId ? [p.fileId] : [])),
    /** Why a form may not be sent yet for its photos, in the resident's words, or null when every photo is up. */
    notReady: uploading ? '照片还在上传，请稍等一下再提交。' : failed ? '有照片没传上，请点“重传”或把它删掉。' : null,
  }
}

export type Photos = ReturnType<typeof usePhotos>
