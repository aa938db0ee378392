import { defineConfig } from 'vitest/config'

// One run covers all four packages (STYLE §7); each package has its own config.
export default defineConfig({
  test: {
    projects: ['shared', 'server', 'web', 'test'],
  },
})
