// WeChat loads custom-tab-bar/index as a component, which its json must say; `comp` is Taro's
// recursive template component, which a page's json names for Taro and a component's must name itself.
export default { component: true, usingComponents: { comp: '../comp' } }
