/**
 * Puts one photo the resident picked (a temp path from Taro.chooseMedia) into file storage and answers
 * its fileID, which is what a request keeps (FileId in types/request.schema.ts). Taro picks
 * upload-photo.weapp.ts or upload-photo.h5.ts at build time; this file is what TypeScript sees.
 */
export type UploadPhoto = (tempPath: string) => Promise<string>

export const uploadPhoto: UploadPhoto = async () => {
  throw new Error(`居村通 cannot upload photos on platform ${process.env.TARO_ENV}`)
}
