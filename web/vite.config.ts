import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import pxToViewport from 'postcss-px-to-viewport-8-plugin'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vite'

// The server (demo mode) listens on 8787; the dev server forwards API and login calls to it.
const backend = process.env.API_TARGET ?? 'http://localhost:8787'

export default defineConfig({
  plugins: [
    vue(),
    // Vant on demand only (STYLE §30): each <van-*> pulls in its own code and CSS.
    Components({ resolvers: [VantResolver()], dts: 'src/components.d.ts' }),
  ],
  css: {
    postcss: {
      // Vant is designed at 375 px; px become vw so the page scales to the sidebar's width.
      // In landscape (a desktop browser on the admin pages) Vant's sizes are relative to
      // 1100 px instead, so text is not blown up threefold on a wide screen; the admin
      // pages' own styles stay in px (they are laid out for desktop and phone alike).
      plugins: [pxToViewport({
        viewportWidth: 375,
        unitPrecision: 4,
        minPixelValue: 1,
        landscape: true,
        landscapeUnit: 'vw',
        landscapeWidth: 1100,
        exclude: [/[\\/]admin[\\/]/, /[\\/]Admin\w*\.vue/],
      })],
    },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/auth': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
})
