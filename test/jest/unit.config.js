const { resolve } = require('node:path')

/**
 * Unit tests of the pure core and the demo seed. ts-jest transpiles file by file (tsconfig sets
 * isolatedModules, which puts ts-jest in transpile-only mode): type errors are `tsc --noEmit`'s job,
 * and skipping the type-check keeps the suite fast.
 */
module.exports = {
  displayName: 'unit',
  rootDir: resolve(__dirname, '../..'),
  roots: ['<rootDir>/test/unit'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] },
}
