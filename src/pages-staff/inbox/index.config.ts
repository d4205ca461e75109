export default definePageConfig({ navigationBarTitleText: '诉求收件箱', enablePullDownRefresh: true })
