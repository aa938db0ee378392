import { defineProject } from 'vitest/config'

// Cross-package and browser flows: real processes, real chromium, so generous timeouts,
// and files run one at a time so two browsers never fight over the two cores.
export default defineProject({
  test: {
    name: 'test',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'bench/**'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
