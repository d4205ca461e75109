export default definePageConfig({ navigationBarTitleText: '居村通' })
