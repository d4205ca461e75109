export default definePageConfig({ navigationBarTitleText: '心愿核实', enablePullDownRefresh: true })
