export default definePageConfig({ navigationBarTitleText: '居民提议', enablePullDownRefresh: true, enableShareAppMessage: true, enableShareTimeline: true })
