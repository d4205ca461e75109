export default definePageConfig({ navigationBarTitleText: '代录投票与确认', enablePullDownRefresh: true })
