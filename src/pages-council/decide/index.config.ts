export default definePageConfig({ navigationBarTitleText: '待决定的提议', enablePullDownRefresh: true })
