export default definePageConfig({ navigationBarTitleText: '有困难找居村' })
