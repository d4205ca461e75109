export default definePageConfig({ navigationBarTitleText: '说个心愿' })
