import type { PhotoView } from '@/types'

/**
 * What an <Image> shows for a stored photo: the temporary URL the function made for this viewer
 * (storage is private, so a fileID alone shows nothing), in the mini-program and the browser alike;
 * null when this viewer is told of the photo but not shown it.
 */
export const photoSrc = (photo: PhotoView): string | null => photo.url
