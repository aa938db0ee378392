import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { defineProject } from 'vitest/config'

// Same Vue and on-demand Vant setup as the build, so components mount as they render.
export default defineProject({
  plugins: [vue(), Components({ resolvers: [VantResolver()], dts: false })],
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Vant's ES build imports its CSS; let vite (not node) load it.
    server: { deps: { inline: ['vant'] } },
  },
})
