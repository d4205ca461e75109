import { Image, Text, View } from '@tarojs/components'
import type { Photos } from '@/hooks/use-photos'
import { ActionButton } from './action-button'
import { FieldError, fieldBox } from './form'
import { Notice } from './status-views'

/**
 * Picked photos with their upload state in words, each removable; the add button says how many fit.
 * After a 不同意 to the privacy explanation it says the form goes without photos, and how to add one.
 */
export function PhotoField({ label, photos, id, error }: { label: string; photos: Photos; id?: string; error?: string | null }) {
  return (
    <View {...fieldBox(id, error)}>
      <Text className="field__label">{label}</Text>
      <FieldError error={error} />
      {photos.photos.length > 0 && (
        <View className="photos">
          {photos.photos.map((photo, index) => (
            <View key={photo.path} className="photos__item">
              <Image className="photos__img" src={photo.path} mode="aspectFill" aria-label={`第 ${index + 1} 张照片`} />
              {!photo.fileId && <Text className={`photos__state${photo.failed ? ' photos__state--bad' : ''}`}>{photo.failed ? '没传上' : '上传中…'}</Text>}
              {photo.failed && (
                <ActionButton small onClick={() => void photos.retry(photo.path)}>
                  重传
                </ActionButton>
              )}
              <ActionButton small onClick={() => photos.remove(photo.path)}>
                删掉
              </ActionButton>
            </View>
          ))}
        </View>
      )}
      {photos.room > 0 && (
        <ActionButton onClick={() => void photos.add()}>
          {photos.photos.length === 0 ? `添加照片（最多 ${photos.room} 张）` : `再加照片（还能加 ${photos.room} 张）`}
        </ActionButton>
      )}
      {photos.refused && (
        <Notice tone="info" title="不加照片也能提交">
          <Text>{`您没有同意用照片，所以现在加不了。想加的话，再点一下“${photos.photos.length === 0 ? '添加照片' : '再加照片'}”，然后点“同意”。`}</Text>
        </Notice>
      )}
    </View>
  )
}
