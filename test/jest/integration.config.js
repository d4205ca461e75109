const { resolve } = require('node:path')

/**
 * Integration tests: the real @cloudbase/node-sdk against the local CloudBase, each test file with
 * its own server and data directory. ts-jest only transpiles (tsconfig sets isolatedModules, which
 * puts ts-jest in transpile-only mode): `tsc --noEmit` type-checks, and skipping it keeps this fast.
 */
module.exports = {
  displayName: 'integration',
  rootDir: resolve(__dirname, '../..'),
  roots: ['<rootDir>/test/integration'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] },
  moduleNameMapper: {
    '^@/types$': '<rootDir>/types/index.ts',
    '^@/types/(.*)$': '<rootDir>/types/$1',
  },
  setupFilesAfterEnv: ['<rootDir>/test/jest/slow-tests.js'],
}
