export default definePageConfig({ navigationBarTitleText: '支部心愿', enablePullDownRefresh: true })
