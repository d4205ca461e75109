import { whoami } from '../component/support/fixtures'
import { signals } from '../component/support/wish-staff-fixtures'
import { dashboard, rates } from './support/fixtures'
import { propertiesOf, type SimElement } from './support/simulator'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

/** The simulator renders the page as the component `main`: each class carries its prefix. */
const cls = (name: string) => `.main--${name}`

/** What WeChat's 无障碍 reads for a view: its aria-label as the built template binds it. */
const spokenLabel = (element: SimElement) => propertiesOf(element).ariaLabel

const worker = whoami({ roles: ['resident', 'gridWorker'], scopes: { gridIds: ['grid-kangle-1', 'grid-kangle-2'], communityIds: [], streetIds: [], branchIds: [] } })
const quiet = rates({ dispatched: 0, responseCounted: 0, respondedOnTime: 0, rated: 0, resolved: 0, partly: 0, satisfied: 0, closedUnrated: 0, proactive: 0, responseRate: null, resolutionRate: null, satisfactionRate: null })
const noWishes = { totals: signals(), byBranch: [], byGrid: [] }

test('a grid worker’s two grids, each named, each with its weekly chart drawn as labelled bars in the built mini-program', async () => {
  weapp.answer({
    directory: { whoami: worker },
    requests: {
      dashboard: (input) =>
        'gridId' in input.scope && input.scope.gridId === 'grid-kangle-2'
          ? dashboard({
            scopeName: '康乐二网格', total: quiet, byCommunity: [], byGrid: [{ communityId: 'comm-kangle', gridId: 'grid-kangle-2', gridName: '康乐二网格', rates: quiet }],
            trend: { ...dashboard().trend, rates: Array(8).fill(quiet), byGrid: [{ communityId: 'comm-kangle', gridId: 'grid-kangle-2', gridName: '康乐二网格', filed: Array(8).fill(0) }] },
          })
          : dashboard({ scopeName: '康乐一网格', byCommunity: [] }),
    },
    wishes: { signals: noWishes },
  })
  const page = await weapp.launch('/pages-staff/dashboard/index')
  await page.find('康乐一网格近 8 周走势')
  await page.find('康乐二网格近 8 周走势')
  await page.find('康乐一网格超时清单（共 0 件）')
  await page.find('康乐二网格超时清单（共 0 件）')

  const chart = (await page.find('康乐一网格近 8 周走势')).closest(cls('trend'))!
  const series = (name: string) => Array.from(chart.querySelectorAll(cls('trend__series'))).find((s) => s.querySelector(cls('trend__name'))?.textContent === name)!
  const texts = (within: Element, name: string) => Array.from(within.querySelectorAll(cls(name))).map((v) => v.textContent)
  const response = series('响应率（%）')
  expect(texts(response, 'trend__value')).toEqual(['—', '10', '20', '30', '40', '50', '60', '70'])
  const heights = (within: Element) => Array.from(within.querySelectorAll(cls('trend__bar'))).map((bar) => bar.getAttribute('style'))
  expect(heights(response)).toEqual(['0%', '10%', '20%', '30%', '40%', '50%', '60%', '70%'].map((h) => `height: ${h};`))

  const volumes = series('康乐一网格')
  expect(texts(volumes, 'trend__value')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7'])
  expect(heights(volumes)[7]).toBe('height: 100%;')
  const axis = chart.querySelector(cls('trend__axis'))!
  expect(texts(axis, 'trend__week')).toEqual(['6', '13', '20', '27', '3', '10', '17', '24'])
  expect(texts(axis, 'trend__month')).toEqual(['1月', '', '', '', '2月', '', '', ''])

  // Each column's whole sentence reaches the built WXML as aria-label, which WeChat's 无障碍 reads.
  const spoken = (within: Element) => Array.from(within.querySelectorAll(cls('trend__col'))).map((col) => spokenLabel(col as SimElement))
  expect(spoken(response)[7]).toBe('本周，响应率70%，按时响应 9 / 10 件')
  expect(spoken(volumes)[1]).toMatch(/^.+那周，康乐一网格新收 1 件$/)

  const quietChart = (await page.find('康乐二网格近 8 周走势')).closest(cls('trend'))!
  expect(texts(quietChart, 'trend__value')).toEqual([...Array(24).fill('—'), ...Array(8).fill('0')])
})
