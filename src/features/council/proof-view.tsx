import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormError } from '@/components/status-views'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { optionLabel } from '@/services/council-labels'
import { optionKeys, type TopicDetail, type TopicResult } from '@/types'

/**
 * Lines fetched a page at a time (council.proof answers up to 1,000; a community's proof runs to
 * thousands) and shown a step at a time: one render of 500 lines is a heavy page on an old phone.
 */
const PAGE = 500
const STEP = 100

type Proof = { hash: string; lines: string[]; total: number; nextCursor: string | null }

/**
 * The proof of issue 8's close: the published SHA-256 and what it means, my unit's own line (the
 * receipt), and on request the lines it is taken over — a unit hash and what it chose, sorted — a
 * page at a time, so anyone can find their line and recompute the hash. My line is looked for in
 * the pages loaded so far; 加载更多 shows more and fetches the next page when the loaded ones are
 * shown. Nothing here names a household.
 */
export function ProofView({ topic, result }: { topic: TopicDetail; result: TopicResult }) {
  const [proof, setProof] = useState<Proof | null>(null)
  const [shown, setShown] = useState(STEP)
  const { busy, problem, send } = useSend()
  const receipt = topic.myBallot.receipt
  const who = topic.unit === 'household' ? '您家' : '您'
  const legend = optionKeys(topic.options).map((key) => `${key} = ${optionLabel(topic.options, key)}`).join('；')
  const found = proof && receipt ? proof.lines.indexOf(receipt) : -1

  const load = (cursor: string | null) =>
    void send(
      () => call('council', 'proof', { topicId: topic._id, limit: PAGE, ...(cursor ? { cursor } : {}) }),
      (page) => setProof((held) => (held && cursor ? { ...page, lines: [...held.lines, ...page.lines] } : page)),
    )
  const more = () => {
    if (!proof) return
    setShown(shown + STEP)
    if (shown + STEP > proof.lines.length && proof.nextCursor) load(proof.nextCursor)
  }
  const visible = proof ? Math.min(shown, proof.lines.length) : 0
  const hasMore = proof !== null && (visible < proof.lines.length || proof.nextCursor !== null)

  return (
    <View className="card council-proof">
      <Text className="card__title">核对结果</Text>
      <Text>这次结果的“指纹”（SHA-256）：</Text>
      <Text className="council-code">{result.ballotsHash}</Text>
      <Text className="section__note">
        每一票只记一个编号（看不出是谁家）和投了什么。把全部投票记录按顺序排好，算一遍 SHA-256，得到的就是上面这串字符；改动任何一票，算出来就不一样了。谁都可以拿全部记录来核对。
      </Text>
      {receipt && (
        <View className="council-proof__receipt">
          <Text>{`${who}这一票的记录：`}</Text>
          <Text className="council-code">{receipt}</Text>
          <Text className="section__note">{`在全部投票记录里找到这一行，就说明${who}的票按投的算进去了。`}</Text>
        </View>
      )}
      {!proof && (
        <ActionButton busy={busy} onClick={() => load(null)}>
          {busy ? '正在读取…' : '查看全部投票记录'}
        </ActionButton>
      )}
      {proof && (
        <View className="council-proof__lines">
          <Text className="council-proof__count">{`全部投票记录，共 ${proof.total} 条`}</Text>
          <Text className="section__note">{`每行：编号 + 投的选项（${legend}）`}</Text>
          {receipt && <Text className="council-proof__found">{foundLine(found, who, proof)}</Text>}
          <View role="list">
            {proof.lines.slice(0, visible).map((line, index) => (
              <View key={index} role="listitem" className={`council-proof__line${index === found ? ' council-proof__line--mine' : ''}`}>
                <Text className="council-code">{index === found ? `${line}（${who}）` : line}</Text>
              </View>
            ))}
          </View>
          <Text className="section__note">{`已显示 ${visible} 条，共 ${proof.total} 条`}</Text>
          {hasMore && (
            <ActionButton busy={busy} onClick={more}>
              {busy ? '正在读取…' : '加载更多'}
            </ActionButton>
          )}
        </View>
      )}
      {problem && <FormError>{problem}</FormError>}
    </View>
  )
}

/** Where my line is, among the lines loaded so far: found, not yet (more to load), or missing from them all. */
function foundLine(found: number, who: string, proof: Proof): string {
  if (found >= 0) return `✓ ${who}这一票在第 ${found + 1} 条`
  if (proof.nextCursor !== null) return `已读取的 ${proof.lines.length} 条里还没有${who}这一行，点“加载更多”接着找。`
  return `全部 ${proof.total} 条里没有找到${who}这一行，请联系居委会核对。`
}
