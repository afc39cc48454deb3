/**
 * `npm run trials -- <command>`: the Trial Desk command line, run from a bundle (`out/cli/trials.cjs`) that is built
 * on first use and rebuilt whenever a source file is newer. Compiling the TypeScript on every run (tsx) cost more
 * than a second per command; the bundle starts in ~0.2 s, so `trials list --json` on a 12,500-trial store answers
 * well under the 0.7 s a script calling it in a loop needs. esbuild (already here for vite and tsx) builds it in ~0.3 s.
 */
import { build } from 'esbuild'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bundle = join(root, 'out', 'cli', 'trials.cjs')
const sourceFolders = ['electron/cli', 'electron/core', 'shared'].map((folder) => join(root, folder))

function newestSourceMs() {
  let newest = statSync(join(root, 'package.json')).mtimeMs
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  sourceFolders.forEach(walk)
  return newest
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSourceMs()) {
  await build({
    entryPoints: [join(root, 'electron', 'cli', 'trials.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  })
}
await import(pathToFileURL(bundle).href)
