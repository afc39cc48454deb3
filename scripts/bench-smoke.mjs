// CI's small-N run of the benchmark (`npm run bench:smoke`, part of `npm test`), so the bench cannot rot.
// Installs the bench's own package first when needed (better-sqlite3 compiles from source, about a minute).
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const run = (cmd, args, env = process.env) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (!existsSync('tests/bench/node_modules/better-sqlite3/package.json')) {
  run(npm, ['--prefix', 'tests/bench', 'ci', '--no-audit', '--no-fund'])
}
run(process.execPath, ['tests/bench/run.mjs'], {
  ...process.env,
  BENCH_SIZES: process.env.BENCH_SIZES ?? '500,2000',
  BENCH_REPEAT: process.env.BENCH_REPEAT ?? '5',
  BENCH_HEAVY_REPEAT: process.env.BENCH_HEAVY_REPEAT ?? '2',
})
