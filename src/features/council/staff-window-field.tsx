import { Picker, Text, View } from '@tarojs/components'
import { FieldError, fieldBox } from '@/components/form'
import type { FieldState } from '@/hooks/use-form'
import { dayLine, noonOfPickerDate, pickerDate } from '@/types/calendar'
import type { TermsDraft } from './staff-terms-draft'

const DAY_MS = 24 * 3_600_000

type Props = { draft: TermsDraft; now: number; onChange: (draft: TermsDraft) => void } & Partial<FieldState>

/**
 * The voting window as two Beijing days on the platform's date pickers: voting opens when the first
 * day starts (at once, if it is today) and closes when the last one ends. Until it opens, residents
 * can read and discuss the topic.
 */
export function WindowField({ draft, now, onChange, id, error }: Props) {
  const pick = (which: 'opensDay' | 'closesDay') => (value: string) => {
    const day = noonOfPickerDate(value)
    if (day === null) return
    const next = { ...draft, [which]: day }
    // Moving the start past the end carries the end along, so the window never runs backwards.
    if (which === 'opensDay' && next.closesDay < day) next.closesDay = day
    onChange(next)
  }
  const latest = pickerDate(now + 365 * DAY_MS)
  return (
    <View {...fieldBox(id, error)}>
      <Text className="field__label">投票时间（北京时间）</Text>
      <FieldError error={error} />
      <DayPick label="开始" day={draft.opensDay} start={pickerDate(now)} end={latest} onPick={pick('opensDay')} />
      <DayPick label="结束" day={draft.closesDay} start={pickerDate(draft.opensDay)} end={latest} onPick={pick('closesDay')} />
      <Text className="field__hint">{`从 ${dayLine(draft.opensDay)} 开始，到 ${dayLine(draft.closesDay)} 24 点结束。开始前居民可以先看、先讨论。`}</Text>
    </View>
  )
}

function DayPick({ label, day, start, end, onPick }: { label: string; day: number; start: string; end: string; onPick: (value: string) => void }) {
  return (
    <Picker mode="date" value={pickerDate(day)} start={start} end={end} onChange={(e) => onPick(String(e.detail.value))}>
      <View className="date-pick" role="button" aria-label={`${label}投票的日期：${dayLine(day)}，点一下改日期`}>
        {/* What the day is for on a line of its own: at large type "开始：2026年12月7日" broke inside the date. */}
        <View className="council-date">
          <Text className="council-date__what">{`${label}投票`}</Text>
          <Text className="date-pick__day">{dayLine(day)}</Text>
        </View>
        <Text className="date-pick__change">改日期</Text>
      </View>
    </Picker>
  )
}
