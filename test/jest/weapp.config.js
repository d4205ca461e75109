const { resolve } = require('node:path')

/**
 * The built mini-program (dist/weapp) run in Node by miniprogram-simulate: WeChat's own wcc compiles
 * the templates, j-component/exparser render them, and test/weapp/support fakes `wx`. globalSetup
 * rebuilds dist/weapp only when its sources are newer. The built JS is loaded as it is (only the
 * tests' TypeScript is transformed), and jsdom is the DOM the simulator renders into.
 */
module.exports = {
  displayName: 'weapp',
  rootDir: resolve(__dirname, '../..'),
  roots: ['<rootDir>/test/weapp'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'jsdom',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] },
  moduleNameMapper: {
    '^@/types$': '<rootDir>/types/index.ts',
    '^@/types/(.*)$': '<rootDir>/types/$1',
  },
  globalSetup: '<rootDir>/test/weapp/support/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/test/weapp/support/console-guard.ts'],
}
