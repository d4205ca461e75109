import { dayLine, startOfNextShanghaiDay, startOfShanghaiDay } from '@/types/calendar'
import { household, whoami } from '../component/support/fixtures'
import { wishDetail } from '../component/support/wish-fixtures'
import { subscription } from './support/fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

const resident = whoami({ household })
const WISH = '腿脚不便，想请人帮忙去药店买一周的降压药'
const HOUR = 3_600_000
// The delivery choices' hints, as the page words them.
const HOME_NOTE = '上门：党员认领后会看到您的地址和电话，上门帮您。'
const STATION_NOTE = '送到居委会/党群服务站：东西送到居委会或党群服务站，您去取；党员不需要知道您家地址。'
const asked = () => weapp.wxCalls('requestSubscribeMessage')
const reported = () => weapp.cloudCalls('directory', 'grantSubscriptions').map((call) => call.input)

/** The form's first day, as it sends it: noon in Beijing, a week from the Beijing day of `now`. */
const defaultDay = (now: number) => startOfShanghaiDay(now) + 12 * HOUR + 7 * 24 * HOUR

// Issue 7's story starts here: a bound resident says a wish, and is told what happens next.
test('a resident posts a wish from 首页 → 微心愿: a kind of help, the words, 上门, for the bound household', async () => {
  weapp.subscribe.answer({ 'T-replied': 'reject' })
  let askedBeforePosting = -1
  weapp.answer({
    directory: {
      whoami: resident,
      mySubscriptions: [subscription('accepted', 1), subscription('progress', 0), subscription('replied', 2), subscription('newWork', 0)],
      grantSubscriptions: [subscription('accepted', 2), subscription('progress', 1), subscription('replied', 2), subscription('newWork', 0)],
    },
    wishes: {
      // As the server keeps it: needed by the end of the Beijing day the form sent.
      post: (input) => {
        askedBeforePosting = asked().length
        return wishDetail({ _id: 'w-9', category: input.category, text: input.text, delivery: input.delivery, place: input.place, neededBy: startOfNextShanghaiDay(input.neededBy) })
      },
    },
  })
  const before = Date.now()
  const home = await weapp.launch('/pages/home/index')
  await home.tap('微心愿')
  const wishHome = await weapp.page('pages-wish/home/index')
  await wishHome.tap('说个心愿')
  const post = await weapp.page('pages-wish/post/index')
  await post.tap('助老助残')
  await post.find('“助老助残”的心愿')
  await post.find('我家：康乐社区 康乐小区 1号楼 101室')
  // The day offered first: a week ahead (the clock is the real one, so it is read on both sides of the launch).
  const offered = [defaultDay(before), defaultDay(Date.now())]
  expect(offered.map(dayLine)).toContain(await textOf(post, /^\d{4}年\d{1,2}月\d{1,2}日$/))

  await post.tap('提交心愿')
  await post.find('请写一下您的心愿：需要什么帮助。')
  await post.type('您的心愿', WISH)
  await post.tap('提交心愿')
  await post.find('请选一下怎么帮您：上门，还是送到居委会。')
  expect(weapp.cloudCalls('wishes', 'post')).toEqual([])
  expect(asked()).toEqual([])

  await post.tap('上门')
  await post.find(HOME_NOTE)
  expect(post.has(STATION_NOTE)).toBe(false)
  await post.tap('提交心愿')

  await post.find('心愿提交好了')
  await post.find('现在：等待居委会核实')
  await post.find('党员只看到心愿的内容。认领的那一位党员才能看到您的姓名、电话和地址。')
  const [sent] = weapp.cloudCalls('wishes', 'post').map((call) => call.input as { neededBy: number })
  expect(weapp.cloudCalls('wishes', 'post').map((call) => call.input)).toEqual([
    {
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      category: 'elderlyDisabled',
      text: WISH,
      photos: [],
      neededBy: sent.neededBy,
      delivery: 'home',
      place: { householdId: household.householdId },
    },
  ])
  expect(offered).toContain(sent.neededBy)
  await post.find(`${dayLine(sent.neededBy)}前需要 · 上门`)

  // Asked inside the submit tap, before the post went out: the resident's three, fewest left first.
  expect(askedBeforePosting).toBe(1)
  expect(asked()).toEqual([{ tmplIds: ['T-progress', 'T-accepted', 'T-replied'], entityIds: [] }])
  await weapp.waitForCall('directory', 'grantSubscriptions')
  expect(reported()).toEqual([{ answers: { 'T-progress': 'accept', 'T-accepted': 'accept' }, always: false }])

  weapp.answer({ wishes: { detail: (input) => wishDetail({ _id: input.wishId, text: WISH }) } })
  await post.tap('看这个心愿')
  const detail = await weapp.page('pages-wish/detail/index')
  await detail.find('助老助残 · 等待居委会核实')
  await detail.find(WISH)
  expect(weapp.cloudCalls('wishes', 'detail').map((call) => call.input)).toEqual([{ wishId: 'w-9' }])
  // redirectTo: the form gives way to the wish, so 返回 leads to 微心愿, not back to a posted form.
  expect(weapp.stack()).toEqual(['pages/home/index', 'pages-wish/home/index', 'pages-wish/detail/index'])
})

/** The whole text of the one element matching `pattern`. */
async function textOf(page: Awaited<ReturnType<typeof weapp.page>>, pattern: RegExp): Promise<string> {
  return ((await page.find(pattern)).textContent ?? '').trim()
}
