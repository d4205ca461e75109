import path from 'node:path'
import type { IPluginContext, TaroPlatformBase } from '@tarojs/service'

/**
 * Taro 4.2's weapp templates give <view> no aria-label (its component list in
 * @tarojs/plugin-platform-weapp has none), so the dashboard chart's sentences for a screen reader
 * were dropped from the built WXML, though WeChat's 无障碍 reads aria-label on a view
 * (developers.weixin.qq.com/miniprogram/dev/component/aria-component.html). This adds it to the
 * templates when the platform is set up (the hook @tarojs/plugin-inject uses), and to the runtime's
 * alias table (./runtime.js), which must agree with them. Only the mini-program build is touched.
 */
export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: TaroPlatformBase) {
      if (platform.platform !== 'weapp') return
      platform.template.mergeComponents(ctx, { View: { 'aria-label': '' } })
      const runtime = path.join(__dirname, 'runtime.js')
      platform.runtimePath = Array.isArray(platform.runtimePath) ? [...platform.runtimePath, runtime] : [platform.runtimePath, runtime]
    },
  })
}
