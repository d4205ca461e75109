import { dbErrors } from './errors'

/** The storage that answers for files: the function host's file store (local/host/file-store.ts). */
export type StorageBackend = {
  downloadUrls(files: readonly { fileId: string; maxAgeSeconds?: number }[]): Promise<{ code: string; fileID: string; tempFileURL: string }[]>
}

/**
 * The SDK's storage actions that reach the same endpoint as the database ones (@cloudbase/node-sdk
 * dist/storage/index.js). getTempFileURL sends `storage.batchGetDownloadUrl` with
 * `file_list: [{ fileid, max_age }]` and reads `data.download_list: [{ code, fileID, tempFileURL }]`;
 * a file that is not there is `code: 'STORAGE_FILE_NONEXIST'` in its entry, not a failed call.
 */
export async function storageAction(action: string, params: Record<string, unknown>, storage: StorageBackend | undefined): Promise<Record<string, unknown> | null> {
  if (action !== 'storage.batchGetDownloadUrl') return null
  if (!storage) throw dbErrors.invalidParam('the local CloudBase was started without file storage')
  const list = params.file_list
  if (!Array.isArray(list) || list.length === 0) throw dbErrors.invalidParam('file_list must be a non-empty array')
  if (list.length > 50) throw dbErrors.invalidParam('file_list takes at most 50 files')
  const files = list.map((entry: unknown) => {
    const { fileid, max_age: maxAge } = (entry ?? {}) as { fileid?: unknown; max_age?: unknown }
    if (typeof fileid !== 'string' || fileid === '') throw dbErrors.invalidParam('file_list[].fileid is required')
    if (maxAge !== undefined && (typeof maxAge !== 'number' || !(maxAge > 0))) throw dbErrors.invalidParam('file_list[].max_age must be a positive number of seconds')
    return { fileId: fileid, ...(maxAge !== undefined && { maxAgeSeconds: maxAge as number }) }
  })
  return { data: { download_list: await storage.downloadUrls(files) } }
}
