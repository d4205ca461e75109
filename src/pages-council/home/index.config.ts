export default definePageConfig({ navigationBarTitleText: '邻里议事厅', enablePullDownRefresh: true })
