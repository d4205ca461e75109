import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { FieldError, fieldBox } from '@/components/form'
import { PickOne } from '@/components/pick-one'
import { Notice } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import type { FieldState } from '@/hooks/use-form'
import { ruleWords, unitLabels } from '@/services/council-labels'
import { ownersOnly, type DecisionRule, type VotingUnit } from '@/types'
import { MAX_CHOICES, MIN_CHOICES, withRule, type TermsDraft } from './staff-terms-draft'

type Props = { draft: TermsDraft; onChange: (draft: TermsDraft) => void; fields?: { options: FieldState; quorumPercent: FieldState } }

const rules: { id: DecisionRule; title: string }[] = [
  { id: 'majority', title: '过半数：赞成多于反对' },
  { id: 'twoThirds', title: '三分之二' },
  { id: 'art278', title: '业主共同决定（民法典第278条）' },
  { id: 'art278Special', title: '业主共同决定的重大事项（维修资金、改建重建等）' },
]
const units: { id: VotingUnit; title: string }[] = [
  { id: 'household', title: unitLabels.household },
  { id: 'person', title: unitLabels.person },
]
const optionKinds: { id: TermsDraft['optionsKind']; title: string }[] = [
  { id: 'yesNo', title: '赞成 / 反对 / 弃权' },
  { id: 'choices', title: '几个方案里选（2 到 8 个）' },
]

/** How the topic is decided: the rule first, because art. 278 decides the unit and the options for the committee. */
export function VoteFields({ draft, onChange, fields }: Props) {
  const set = (change: Partial<TermsDraft>) => onChange({ ...draft, ...change })
  const forced = ownersOnly(draft.rule)
  return (
    <View className="council-fields">
      <PickOne label="怎么算通过" options={rules} value={draft.rule} onChange={(rule) => onChange(withRule(draft, rule))} />
      <Text className="council-rule-words">{ruleWords[draft.rule]}</Text>
      {forced ? (
        <Notice tone="info" title="业主共同决定：每户一票，赞成或反对">
          <Text>只有业主能投票。参加的人数和面积按民法典第278条算，不用另填最低参与比例。</Text>
        </Notice>
      ) : (
        <>
          <PickOne label="谁来投票" options={units} value={draft.unit} onChange={(unit) => set({ unit })} />
          <PickOne label="怎么投" options={optionKinds} value={draft.optionsKind} onChange={(optionsKind) => set({ optionsKind })} />
          {draft.optionsKind === 'choices' && <ChoicesField draft={draft} onChange={onChange} fields={fields} />}
          <TextField
            label="最低参与比例（%）"
            type="number"
            value={draft.quorumPercent}
            onChange={(quorumPercent) => set({ quorumPercent })}
            placeholder="0 到 100"
            maxlength={3}
            hint="投票的户（人）数达不到这个比例，结果不算数。填 0 表示不设。"
            {...fields?.quorumPercent}
          />
        </>
      )}
    </View>
  )
}

function ChoicesField({ draft, onChange, fields }: Props) {
  const setChoice = (index: number, text: string) => onChange({ ...draft, choices: draft.choices.map((choice, i) => (i === index ? text : choice)) })
  const remove = (index: number) => {
    const choices = draft.choices.filter((_, i) => i !== index)
    onChange({ ...draft, choices, maxPicks: Math.min(draft.maxPicks, choices.length) })
  }
  const picks = draft.choices.map((_, i) => ({ id: String(i + 1), title: i === 0 ? '只能选 1 个' : `最多选 ${i + 1} 个` }))
  return (
    <View {...fieldBox(fields?.options.id, null, 'council-choices')}>
      <FieldError error={fields?.options.error} />
      {draft.choices.map((choice, index) => (
        <View key={index} className="council-choices__row">
          <TextField label={`方案 ${index + 1}`} value={choice} onChange={(text) => setChoice(index, text)} placeholder={`写第 ${index + 1} 个方案`} maxlength={40} />
          {draft.choices.length > MIN_CHOICES && (
            <ActionButton small onClick={() => remove(index)}>
              {`删掉方案 ${index + 1}`}
            </ActionButton>
          )}
        </View>
      ))}
      {draft.choices.length < MAX_CHOICES && (
        <ActionButton onClick={() => onChange({ ...draft, choices: [...draft.choices, ''] })}>{`再加一个方案（最多 ${MAX_CHOICES} 个）`}</ActionButton>
      )}
      <PickOne label="每张票能选几个" options={picks} value={String(draft.maxPicks)} onChange={(n) => onChange({ ...draft, maxPicks: Number(n) })} />
    </View>
  )
}
