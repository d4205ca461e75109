export default defineAppConfig({
  pages: ['pages/home/index', 'pages/mine/index'],
  window: { navigationBarTitleText: '居村通', navigationBarBackgroundColor: '#ffffff', navigationBarTextStyle: 'black', backgroundColor: '#f5f5f5' },
  tabBar: {
    color: '#595959',
    selectedColor: '#b8000c',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
})
