import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading } from '@/components/status-views'
import { topicPage } from '@/features/council/council-urls'
import { TopicView } from '@/features/council/topic-view'
import { useShareCard } from '@/features/council/use-share-card'
import { useTopic } from '@/features/council/use-topic'
import { usePullToReload } from '@/hooks/use-pull-to-reload'
import { useSubscriptions } from '@/services/subscribe'
import '../../styles/council.scss'

/**
 * One topic's page for every role — a voter, a neighbour who may not vote, the committee: the server
 * answers each with what they may see and do. Shared, it opens the same topic for a neighbour.
 */
export default function CouncilTopicPage() {
  const { id = '' } = useRouter().params
  const { loaded, topic, replace, reload, refresh } = useTopic(id)
  // The templates the vote tap asks for (services/subscribe), known before the tap.
  useSubscriptions()
  usePullToReload(reload)
  useShareCard(topic?.title ?? null, topicPage, id)
  return (
    <PageShell>
      {!id && <Failed code="NOT_FOUND" />}
      {id && !topic && loaded.state === 'loading' && <Loading />}
      {id && !topic && loaded.state === 'failed' && <Failed code={loaded.code} onRetry={reload} />}
      {topic && <TopicView key={topic._id} topic={topic} onChange={replace} onVoted={refresh} />}
    </PageShell>
  )
}
