import { TABS } from './services/tabs'

const h5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  // The demo sign-in page exists only in the H5 build: in the mini-program WeChat says who you are.
  pages: [
    'pages/home/index',
    'pages/messages/index',
    'pages/mine/index',
    'pages/requests/index',
    'pages/request/index',
    ...(h5 ? ['pages/sign-in/index'] : []),
  ],
  // Staff-only pages stay out of the main package residents download (DESIGN: main package ≤ 2 MB).
  // 微心愿 is its own subpackage for residents, party members and staff alike: one wish page serves
  // every role (the server says which actions each may take), and none of it weighs on the main package.
  subPackages: [
    // A resident's occasional forms: filing a request (求助), binding a home, registering as a party member.
    // Their forms, map and photo code leave the main package with them (issue 11: main package ≤ 500 KB);
    // preloadRule fetches the subpackage while home is showing, so 有困难找居村 opens without a wait.
    { root: 'pages-resident', pages: ['help/index', 'bind/index', 'party/index'] },
    { root: 'pages-staff', pages: ['workbench/index', 'inbox/index', 'request/index', 'file/index', 'dashboard/index'] },
    { root: 'pages-wish', pages: ['home/index', 'post/index', 'mine/index', 'detail/index', 'member/index', 'wall/index', 'review/index', 'branch/index'] },
    // 邻里议事厅: residents' pages (the hall, a topic, proposing, a proposal) and the committee's (opening a
    // topic, proposals to decide, assisted votes, 每月一题) in one subpackage, like 微心愿.
    { root: 'pages-council', pages: ['home/index', 'topic/index', 'propose/index', 'proposal/index', 'open/index', 'decide/index', 'assisted/index', 'monthly/index'] },
  ],
  preloadRule: { 'pages/home/index': { network: 'all', packages: ['pages-resident'] } },
  window: {
    navigationBarTitleText: '居村通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
  },
  // Tab text: #595959 and #b8000c on white are 7.0:1 and 6.9:1. The mini-program draws its own bar
  // (src/custom-tab-bar): WeChat's native one takes no font size, so its labels could not follow the
  // font setting or 长辈模式 (issue 9). Taro's H5 router draws no bar at all for `custom`, so the
  // browser keeps Taro's own (sized in rem, styles/tabbar.h5.scss).
  tabBar: {
    custom: !h5,
    color: '#595959',
    selectedColor: '#b8000c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: TABS,
  },
  // wx.chooseLocation works only when declared here (WeChat's 地理位置接口新增与相关流程调整, enforced
  // since 2022-07-14); since 2023-09-15 it, like chooseMedia, also waits for the privacy consent
  // (services/privacy-consent). No __usePrivacyCheck__: that was only the 2023 transition switch.
  requiredPrivateInfos: ['chooseLocation'],
})
