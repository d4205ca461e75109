import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { uploadPhoto } from '@/services/upload-photo'

export type Photo = { path: string; fileId: string | null; failed: boolean }

/**
 * Photos for a form, uploaded as soon as they are picked, so submitting only sends fileIDs and a
 * retried submit never uploads twice. A failed upload stays on screen to retry or remove: nothing the
 * resident picked disappears silently.
 */
export function usePhotos(max = 9) {
  const [photos, setPhotos] = useState<Photo[]>([])

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
      paths = (await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths.slice(0, room)
    } catch {
      return // cancelled: the resident simply stays on the form
    }
    setPhotos((list) => [...list, ...paths.filter((path) => !list.some((p) => p.path === path)).map((path) => ({ path, fileId: null, failed: false }))])
    await Promise.all(paths.map(upload))
  }

  const remove = (path: string) => setPhotos((list) => list.filter((p) => p.path !== path))

  return {
    photos,
    add,
    remove,
    retry: upload,
    room: max - photos.length,
    fileIds: photos.flatMap((p) => (p.fileId ? [p.fileId] : [])),
    uploading: photos.some((p) => !p.fileId && !p.failed),
    failed: photos.some((p) => p.failed),
  }
}

export type Photos = ReturnType<typeof usePhotos>
