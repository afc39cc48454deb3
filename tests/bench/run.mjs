// `npm run bench`: loads the TypeScript bench through tsx (a root devDependency), so no build step is needed.
// The SQLite baseline needs the bench's own package: `npm --prefix tests/bench ci` (builds better-sqlite3, ~1 min).
import { existsSync } from 'node:fs'
import { register as registerCjs } from 'tsx/cjs/api'
import { register } from 'tsx/esm/api'

if (!existsSync(new URL('./node_modules/better-sqlite3/package.json', import.meta.url))) {
  console.error(
    'The SQLite baseline is not installed. Run `npm --prefix tests/bench ci` first (about a minute: it compiles SQLite).',
  )
  process.exit(1)
}
// The core is CommonJS TypeScript (the root package), the bench is ESM: both loaders are needed.
registerCjs()
register()
await import('./src/main.ts')
