const path = require('node:path')

// Component tests render Taro's H5 components (Stencil custom elements) in jsdom. Taro's own test
// helper does not install on Taro 4, so the pieces it would wire up are wired here.
module.exports = {
  displayName: 'component',
  rootDir: path.resolve(__dirname, '../..'),
  roots: ['<rootDir>/test/component'],
  testEnvironment: 'jsdom',
  testMatch: ['**/*.test.ts?(x)'],
  transform: {
    '^.+\\.(m?js|jsx|tsx?)$': ['babel-jest', { configFile: false, babelrc: false, presets: [
      ['@babel/preset-env', { targets: { node: 'current' } }],
      ['@babel/preset-react', { runtime: 'automatic' }],
      '@babel/preset-typescript',
    ] }],
  },
  // The H5 components and their Stencil core ship as ES modules.
  transformIgnorePatterns: ['^(?!.*/node_modules/(@tarojs|@stencil|@nutui|swiper|ssr-window|dom7)/).*/node_modules/'],
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/component/support/taro.mock.ts',
    '\\.(css|scss)$': '<rootDir>/test/component/support/style.mock.ts',
    '^@/types$': '<rootDir>/types/index.ts',
    '^@/types/(.*)$': '<rootDir>/types/$1',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  // Taro's webpack build defines these; the H5 components read them at import time.
  globals: {
    DEPRECATED_ADAPTER_COMPONENT: false,
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: false,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: false,
    SUPPORT_TARO_POLYFILL: 'disabled',
  },
  // Each test states what the fakes answer; calls recorded by an earlier test must not leak into it.
  clearMocks: true,
  setupFilesAfterEnv: ['<rootDir>/test/component/support/setup.ts'],
}
