import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { BigEntry } from '@/components/big-entry'
import { Form } from '@/components/form'
import { Notice } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { call } from '@/services/call'
import { categoryLabels, type MonthlyCluster } from '@/types'
import { openTopicUrl } from './staff-open-link'

/** Against the month before, in words and with the number: a rise is what makes a question of the month. */
export function trendLine(cluster: Pick<MonthlyCluster, 'count' | 'lastMonth'>): string {
  const change = cluster.count - cluster.lastMonth
  if (change > 0) return `比前一个月多 ${change} 件（前一个月 ${cluster.lastMonth} 件）`
  if (change < 0) return `比前一个月少 ${-change} 件（前一个月 ${cluster.lastMonth} 件）`
  return `和前一个月一样（${cluster.lastMonth} 件）`
}

export const clusterTitle = (cluster: Pick<MonthlyCluster, 'category' | 'placeLabel'>): string => `${cluster.placeLabel} · ${categoryLabels[cluster.category]}`

type Props = { cluster: MonthlyCluster; communityId: string }

/**
 * One recurring cluster of the month's requests and the two ways to answer it (issue 8 每月一题): a
 * 议事厅 topic where residents' say is needed, or 主动治理 work the community takes on itself.
 */
export function MonthlyClusterCard({ cluster, communityId }: Props) {
  const [adopting, setAdopting] = useState(false)
  const [adopted, setAdopted] = useState<string | null>(null)
  const openTopic = () =>
    void Taro.navigateTo({
      url: openTopicUrl({ requestIds: cluster.requestIds, category: cluster.category, title: `${cluster.placeLabel}的${categoryLabels[cluster.category]}问题怎么解决` }),
    })
  return (
    <View className="card council-cluster">
      <View className="council-cluster__head">
        <Text className="card__title">{clusterTitle(cluster)}</Text>
        <Text className="council-cluster__count">{`${cluster.count} 件`}</Text>
      </View>
      <Text className={`council-cluster__trend${cluster.count > cluster.lastMonth ? ' council-cluster__trend--up' : ''}`}>{trendLine(cluster)}</Text>
      {cluster.examples.map((example) => (
        <Text key={example.requestId} className="council-cluster__example">{`“${example.excerpt}”`}</Text>
      ))}
      {adopted ? (
        <>
          <Notice tone="ok" title="已转为主动治理">
            <Text>{`登记了一件主动治理的事，关联这 ${cluster.requestIds.length} 件诉求，反映的居民会收到通知。`}</Text>
          </Notice>
          <BigEntry title="看这件主动治理" note="谁在办、办到哪一步了" onClick={() => void Taro.navigateTo({ url: `/pages-staff/request/index?id=${encodeURIComponent(adopted)}` })} />
        </>
      ) : (
        <>
          <ActionButton tone="primary" onClick={openTopic}>
            发起议题，请居民一起议
          </ActionButton>
          <ActionButton tone={adopting ? 'primary' : 'plain'} onClick={() => setAdopting(!adopting)}>
            {adopting ? '转为主动治理（收起）' : '转为主动治理'}
          </ActionButton>
          {adopting && <AdoptForm cluster={cluster} communityId={communityId} onAdopted={setAdopted} />}
        </>
      )}
    </View>
  )
}

function AdoptForm({ cluster, communityId, onAdopted }: Props & { onAdopted: (requestId: string) => void }) {
  const [text, setText] = useState('')
  const said = text.trim()
  const form = useForm({ values: { text }, check: () => ({ text: said ? null : '请写一下社区打算怎么办。' }) })
  const submit = () =>
    form.submit(
      () => call('council', 'adoptMonthlyQuestion', { communityId, requestIds: cluster.requestIds, category: cluster.category, text: said }),
      (answer) => onAdopted(answer.requestId),
    )
  return (
    <Form form={form} className="form council-subform" intro="不用居民投票、社区自己就能办的，登记为一件主动治理，按诉求的流程办理和回访。" button="确认转为主动治理" onSubmit={submit}>
      <TextField label="打算怎么办" value={text} onChange={setText} placeholder="例如：本月内在康乐小区加装两盏路灯，网格员每周巡查" multiline maxlength={500} counter {...form.field('text')} />
    </Form>
  )
}
