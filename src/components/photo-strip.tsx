import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { photoSrc } from '@/services/photo-src'

/** Stored photos, tap one to see it full screen with the others beside it. */
export function PhotoStrip({ fileIds, what }: { fileIds: string[]; what: string }) {
  if (fileIds.length === 0) return null
  const urls = fileIds.map(photoSrc)
  return (
    <View className="photos">
      {urls.map((url, index) => (
        <View key={url} className="photos__item">
          <Image
            className="photos__img"
            src={url}
            mode="aspectFill"
            aria-label={`${what}第 ${index + 1} 张`}
            onClick={() => void Taro.previewImage({ current: url, urls })}
          />
        </View>
      ))}
    </View>
  )
}
