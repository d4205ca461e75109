export default definePageConfig({ navigationBarTitleText: '网格看板', enablePullDownRefresh: true })
