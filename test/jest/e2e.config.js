const { resolve } = require('node:path')

/** Browser stories on the H5 build in Chromium (playwright-core, Debian's /usr/bin/chromium). */
module.exports = {
  displayName: 'e2e',
  rootDir: resolve(__dirname, '../..'),
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] },
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/test/jest/slow-tests.js'],
  maxWorkers: 1,
}
