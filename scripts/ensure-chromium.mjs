// Runs before `npm test`: the end-to-end tests drive a real Chromium (no browser download is possible here).
// Finds one (CHROMIUM_PATH, or the usual system paths); on a Debian machine where we are root, installs Debian's
// package; otherwise explains how to get one and fails, so a missing browser is never a silently skipped test.
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]
const found = candidates.find((p) => p && existsSync(p))
// Without a CJK font the screenshots show Korean as empty boxes (the tests still pass, but nobody can check them).
const hasKoreanFont = ['/usr/share/fonts/truetype/nanum', '/usr/share/fonts/opentype/noto'].some((d) => existsSync(d))
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const canApt = isRoot && existsSync('/usr/bin/apt-get')
if (found && !hasKoreanFont && canApt) {
  console.log('[ensure-chromium] installing a Korean font (fonts-nanum) for readable screenshots…')
  execSync('apt-get update -qq && apt-get install -y -qq --no-install-recommends fonts-nanum', { stdio: 'inherit' })
}
if (found) {
  console.log(`[ensure-chromium] using ${found}`)
  process.exit(0)
}

if (canApt) {
  console.log('[ensure-chromium] installing Debian chromium (and a Korean font) for the end-to-end tests…')
  execSync('apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-nanum', {
    stdio: 'inherit',
  })
  process.exit(existsSync('/usr/bin/chromium') ? 0 : 1)
}

console.error(
  '[ensure-chromium] The end-to-end tests need Chromium. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
    'or set CHROMIUM_PATH to a Chromium/Chrome executable, then run the tests again.',
)
process.exit(1)
