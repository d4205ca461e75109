export default definePageConfig({ navigationBarTitleText: '认领微心愿', enablePullDownRefresh: true })
