import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

const ROOT = resolve(__dirname, '..', '..', '..')

/** Vite's build, with the renderer section of electron.vite.config.ts (root `renderer`, React plugin). */
const BUILD_SCRIPT = `
import { build } from 'vite'
import react from '@vitejs/plugin-react'
const [root, input, outDir] = process.argv.slice(1)
await build({
  configFile: false,
  logLevel: 'warn',
  root,
  base: './',
  plugins: [react()],
  build: { outDir, emptyOutDir: true, rolldownOptions: { input } },
})
`

/**
 * Builds the renderer into a private temp folder (other test projects build \`out/\` concurrently and would race).
 * In a child process with NODE_ENV=production: under vitest NODE_ENV is "test", and Vite would then bundle React's
 * development build, so the browser would test something else than what ships.
 */
export async function buildRenderer(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'trial-desk-renderer-'))
  await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', BUILD_SCRIPT, join(ROOT, 'renderer'), join(ROOT, 'renderer', 'index.html'), outDir],
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } },
  )
  return outDir
}
