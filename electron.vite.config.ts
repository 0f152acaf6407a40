import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import { classicChunks } from './renderer/build/classicChunks'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // backend: the backend process's entry, forked by main with utilityProcess (electron/main/backend.ts);
      // page-check-worker: a worker thread of the backend's first pull from a hub (db/hub/page-checker.ts).
      lib: {
        entry: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          backend: resolve(__dirname, 'electron/backend-host/child.ts'),
          'page-check-worker': resolve(__dirname, 'db/hub/page-check-worker.ts'),
        },
        formats: ['cjs'],
      },
      rollupOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require anything: one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      lib: { entry: { index: resolve(__dirname, 'electron/preload/index.ts') }, formats: ['cjs'] },
      rollupOptions: { external: ['electron'], output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react(), classicChunks()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default: twice the script to read and parse
      // before the first page shows (bench case 11 measures it).
      minify: true,
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})
