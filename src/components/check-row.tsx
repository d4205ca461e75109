import { Text, View } from '@tarojs/components'

/** A yes/no the size of a row, with the state in words as well as the box. */
export function CheckRow({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <View className={`check-row ${checked ? 'check-row--on' : ''}`} role="checkbox" aria-checked={checked} onClick={() => onChange(!checked)}>
      <Text className="check-row__box" aria-hidden>
        {checked ? '✓' : ''}
      </Text>
      <Text className="check-row__label">{label}</Text>
    </View>
  )
}
