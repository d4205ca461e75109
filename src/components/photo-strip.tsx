import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { photoSrc } from '@/services/photo-src'
import type { PhotoView } from '@/types'

/**
 * Stored photos as the server lets this person see them; tap one to see it full screen with the
 * others beside it. A photo still in WeChat's media check says 审核中 (its uploader and the handlers
 * see it meanwhile); one that failed it says so — with the photo for the reviewers, without for its
 * uploader.
 */
export function PhotoStrip({ photos, what }: { photos: PhotoView[]; what: string }) {
  if (photos.length === 0) return null
  const urls = photos.flatMap((photo) => photoSrc(photo) ?? [])
  return (
    <View className="photos">
      {photos.map((photo, index) => {
        const src = photoSrc(photo)
        const label = `${what}第 ${index + 1} 张`
        return (
          <View key={photo.fileId} className="photos__item">
            {src ? (
              <Image className="photos__img" src={src} mode="aspectFill" aria-label={label} onClick={() => void Taro.previewImage({ current: src, urls })} />
            ) : (
              <View className="photos__img photos__img--withheld" aria-label={label} />
            )}
            {photo.state === 'pending' && <Text className="photos__state">审核中</Text>}
            {photo.state === 'hidden' && <Text className="photos__state photos__state--bad">图片未通过审核</Text>}
          </View>
        )
      })}
    </View>
  )
}
