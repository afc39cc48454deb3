import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

const ROOT = resolve(__dirname, '..', '..', '..')

/**
 * Builds the renderer exactly as electron-vite's renderer section does (root `renderer`, React plugin), but into a
 * private temp folder: other test projects build `out/` concurrently and would race with us.
 */
export async function buildRenderer(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'trial-desk-renderer-'))
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(ROOT, 'renderer'),
    base: './',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: join(ROOT, 'renderer', 'index.html') } },
  })
  return outDir
}
