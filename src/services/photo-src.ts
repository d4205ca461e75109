/**
 * What an <Image> can show for a stored photo's fileID. The mini-program's <Image> loads `cloud://`
 * ids itself, so this is the identity there; photo-src.h5.ts maps the local store's ids to its URLs.
 */
export const photoSrc = (fileId: string): string => fileId
