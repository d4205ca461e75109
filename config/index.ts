import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')

// Each platform builds into its own folder so dist/weapp (the mini-program root named in
// project.config.json) and dist/h5 (served by the local function host) never overwrite each other.
const platform = process.env.TARO_ENV ?? 'weapp'

// Taro compiles only sourceRoot by default; the contract in types/ is TypeScript the client imports.
const compile = { include: [path.join(root, 'types')] }

// webpack's persistent cache, per checkout (a node_modules shared by two checkouts must not mix
// their packs) and per platform and mode (Taro names it); a change to the build's own inputs or to
// the TARO_APP_* values invalidates it. Taro hands every key on to webpack's `cache`, though its type
// names only enable, name and buildDependencies.
//
// H5 only. In the weapp build, Taro's sub-package splitting (optimizeMainPackage: the sub-common/
// chunks) does not survive the cache: after a module moved between the main package and the
// sub-packages (issue 11 moved zod and the contract out of the main package), a cached build emitted a
// sub-package chunk requiring a module no chunk held, and every page of that sub-package failed to
// load ("Cannot read properties of undefined (reading 'call')"); a cold build of the same sources was
// whole. A weapp build takes ~25 s cold; a broken package is not worth the seconds.
const persistentCache = {
  enable: platform === 'h5',
  cacheDirectory: path.join(root, '.cache/webpack'),
  version: JSON.stringify([process.env.TARO_APP_FUNCTIONS_URL ?? '', process.env.TARO_APP_CLOUD_ENV ?? '']),
  buildDependencies: {
    config: ['config/index.ts', 'config/prod.ts', 'config/dev.ts', 'babel.config.js', 'tsconfig.json'].map((file) => path.join(root, file)),
    files: [path.join(root, 'src/app.config.ts')],
  },
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jucun',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    // <view aria-label> in the mini-program's templates (weapp-aria/index.ts).
    plugins: [path.join(root, 'config/weapp-aria/index.ts')],
    defineConstants: {},
    // The only TARO_APP_* values the client reads (typed in types/global.d.ts). Taro substitutes only
    // the variables that are set, and an unset one left as `process.env.X` throws in the browser and
    // the mini-program, so each is always defined, as '' when unset.
    env: {
      TARO_APP_FUNCTIONS_URL: JSON.stringify(process.env.TARO_APP_FUNCTIONS_URL ?? ''),
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    // `@/types` must come first: webpack matches aliases in order and `@` would swallow it.
    alias: {
      '@/types': path.join(root, 'types'),
      '@': path.join(root, 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: persistentCache,
    mini: {
      compile,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile,
      // Relative paths let the function host serve dist/h5 from any mount point.
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // src/index.html places the styles and starts the scripts itself, after the first paint.
      htmlPluginOption: { inject: false },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[chunkhash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // Design px → rem at 32 design px per rem (750-wide design, 375 CSS px phone), so 34px text is
        // 17px at the browser's default 16px and grows with the resident's own font size. Taro's usual
        // width-based root font-size script is left out of src/index.html for the same reason.
        pxtransform: { enable: true, config: { baseFontSize: 16 } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        // Pages load as async chunks, and Taro splits only `initial` ones: every page carried its own
        // copy of zod and the contract (~100 KB each). Splitting `all` chunks lets them share one.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
        // webpack's generic 244 KiB hint printed a WARNING on every build; what a resident waits for
        // is measured instead (npm run bench:h5: first paint, cold, on a throttled CPU).
        chain.performance.hints(false)
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
