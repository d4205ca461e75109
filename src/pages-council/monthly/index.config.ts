export default definePageConfig({ navigationBarTitleText: '每月一题', enablePullDownRefresh: true })
