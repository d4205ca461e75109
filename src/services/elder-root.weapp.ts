/**
 * The mini-program has no root font size to set: text scales through --jc-fs on each page
 * (PageShell, font-scale.weapp). WeChat's native tab bar takes no font size at all (app.json
 * tabBar: colours, icons and text only), so its labels follow only WeChat's own font setting.
 */
export function applyElderRoot(_on: boolean): void {}
