import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { answerConsent, consentShown, questionFor, watchConsent } from '@/services/privacy-consent'

/** The agree button's id: WeChat checks that resolve's buttonId is a button the person tapped. */
const AGREE_ID = 'agree-privacy'

const asking: Record<string, string> = {
  chooseMedia: '您要加照片。',
  chooseImage: '您要加照片。',
  chooseLocation: '您要在地图上选位置。',
  getLocation: '您要用您现在的位置。',
  getFuzzyLocation: '您要用您现在的位置。',
  getPhoneNumber: '您要留手机号。',
}

/**
 * The app's own explanation before WeChat lets a privacy API run (see services/privacy-consent):
 * what is used, why, who sees it, in plain words; 同意 is WeChat's agreePrivacyAuthorization button,
 * 不同意 lets the form go on without the photo or the map. It shows only on its own page (the one
 * that asked) and, if that page closes unanswered, answers 不同意 so the waiting API returns.
 */
export function PrivacySheet() {
  const page = useRouter().$taroPath ?? null
  const [question, setQuestion] = useState(() => questionFor(page))

  useEffect(() => {
    const stop = watchConsent(() => setQuestion(questionFor(page)))
    setQuestion(questionFor(page))
    return () => {
      stop()
      answerConsent(page, { event: 'disagree' })
    }
  }, [page])

  useEffect(() => {
    if (question) consentShown(page)
  }, [question, page])

  if (!question) return null

  const openGuide = () => {
    if (typeof Taro.openPrivacyContract !== 'function') return
    Taro.openPrivacyContract({ fail: () => void Taro.showToast({ title: '现在打不开，请稍后再试', icon: 'none' }) })
  }

  // No catchMove on the backdrop: it would also stop the words scrolling on a small phone at 1.5×.
  return (
    <View className="privacy-sheet">
      <View className="privacy-sheet__panel" role="dialog" aria-modal aria-labelledby="privacy-sheet-title">
        <View className="privacy-sheet__body">
          <Text className="privacy-sheet__title" id="privacy-sheet-title">
            先说清楚：会用到您的哪些信息
          </Text>
          <Text>{`${asking[question.referrer] ?? '您要用的功能会用到您的信息。'}第一次用之前，需要您同意。`}</Text>
          <View className="privacy-sheet__list">
            <Text>
              <Text className="privacy-sheet__what">位置</Text>：选您家或出事的地方，好知道该谁来办。
            </Text>
            <Text>
              <Text className="privacy-sheet__what">照片</Text>：拍下问题，工作人员一看就明白。
            </Text>
            <Text>
              <Text className="privacy-sheet__what">手机号</Text>：您愿意留的话，方便工作人员联系您。
            </Text>
          </View>
          <Text>这些只用来办您提的事，只有办这件事的工作人员能看到。</Text>
          <Text className="privacy-sheet__note">不同意也能提交，只是不能加照片、不能在地图上选位置。</Text>
          <View className="privacy-sheet__link" role="link" onClick={openGuide}>
            <Text>查看完整的《隐私保护指引》</Text>
          </View>
        </View>
        <View className="privacy-sheet__actions">
          <Button
            className="btn btn--primary"
            id={AGREE_ID}
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answerConsent(page, { event: 'agree', buttonId: AGREE_ID })}
          >
            同意
          </Button>
          <Button className="btn btn--plain" onClick={() => answerConsent(page, { event: 'disagree' })}>
            不同意
          </Button>
        </View>
      </View>
    </View>
  )
}
