export default definePageConfig({ navigationBarTitleText: '我提交过的事', enablePullDownRefresh: true })
