import type { PhotoState, PhotoView } from '../../../types'
import { uploaderOf } from '../core/photo-id'
import type { PhotoSight } from '../core/photo-sight'
import { photoStates, temporaryUrls, VIEW_URL_SECONDS } from './photos'

export type ViewPhotos = (fileIds: readonly string[]) => PhotoView[]

/**
 * The photos of one item as one viewer may see them, for a caller that has already checked the viewer
 * may see the item in full: one read of their states, then one getTempFileURL for exactly the photos
 * this viewer may be shown (`sightOf`, the item's policy). No photos, no reads.
 */
export async function photoViewer(
  fileIds: readonly string[],
  viewerId: string,
  sightOf: (state: PhotoState, isUploader: boolean) => PhotoSight,
  /** Their states, read already (beside a write that keeps the item's photos as they are). */
  statesRead?: Promise<Map<string, PhotoState>>,
): Promise<ViewPhotos> {
  if (fileIds.length === 0) return () => []
  const states = await (statesRead ?? photoStates(fileIds))
  const sight = (fileId: string) => sightOf(states.get(fileId) ?? 'pending', uploaderOf(fileId) === viewerId)
  const urls = await temporaryUrls([...states.keys()].filter((fileId) => sight(fileId) === 'url'), VIEW_URL_SECONDS)
  return (ids) =>
    ids.flatMap((fileId): PhotoView[] => {
      const state = states.get(fileId) ?? 'pending'
      switch (sight(fileId)) {
        case 'url':
          return [{ fileId, url: urls.get(fileId) ?? null, state }]
        case 'marked':
          return [{ fileId, url: null, state }]
        case 'none':
          return []
      }
    })
}
