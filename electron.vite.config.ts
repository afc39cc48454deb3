import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// electron-vite externalizes `dependencies`; lowdb (and p-limit) are ESM-only, so they are bundled into the CJS main.
// Two main-side bundles: the main process (out/main/index.js) and the core's utility process (out/main/coreProcess.js,
// forked by the main process from beside its own file).
export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['lowdb', 'steno', 'p-limit', 'yocto-queue', 'p-throttle'] },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          coreProcess: resolve(__dirname, 'electron/utility/coreProcess.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      // electron-vite leaves bundles unminified; the renderer is the one users wait for at start-up.
      minify: true,
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})
