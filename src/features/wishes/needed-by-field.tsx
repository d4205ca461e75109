import { Picker, Text, View } from '@tarojs/components'
import { FieldError, fieldBox } from '@/components/form'
import type { FieldState } from '@/hooks/use-form'
import { dayLine, noonOfPickerDate, pickerDate } from '@/types/calendar'
import { latestNeededBy } from './needed-by'

type Props = { value: number; now: number; onChange: (at: number) => void } & Partial<FieldState>

/**
 * The day the help is needed by, on the platform's own date picker (a wheel in WeChat, a calendar
 * in the browser): today at the earliest, a year ahead at the latest, as the server accepts.
 */
export function NeededByField({ value, now, onChange, id, error }: Props) {
  const pick = (picked: string) => {
    const at = noonOfPickerDate(picked)
    if (at !== null) onChange(at)
  }
  return (
    <View {...fieldBox(id, error)}>
      <Text className="field__label">哪天之前需要</Text>
      <FieldError error={error} />
      <Picker mode="date" value={pickerDate(value)} start={pickerDate(now)} end={pickerDate(latestNeededBy(now))} onChange={(e) => pick(String(e.detail.value))}>
        <View className="date-pick" role="button" aria-label={`需要的日期：${dayLine(value)}，点一下改日期`}>
          <Text className="date-pick__day">{dayLine(value)}</Text>
          <Text className="date-pick__change">改日期</Text>
        </View>
      </Picker>
      <Text className="field__hint">过了这一天还没有党员认领，这个心愿就结束了，到时可以再说一次。</Text>
    </View>
  )
}
