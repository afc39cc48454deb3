// Loads a built main bundle under plain Node with `electron` resolved to the stub, waits until it has registered its
// IPC handlers (or 10 s pass), and prints what it did as one JSON line. Usage: node loadMainBundle.cjs <out/main/index.js>
const Module = require('node:module')
const path = require('node:path')

const stubPath = path.join(__dirname, 'electron-stub', 'index.cjs')
const resolve = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? stubPath : resolve.call(this, request, ...rest)
}

require(path.resolve(process.argv[2]))
const started = Date.now()
const timer = setInterval(() => {
  const recorded = globalThis.__electronStub
  if ((recorded.channels.length >= 15 && recorded.windows.length > 0) || Date.now() - started > 10_000) {
    clearInterval(timer)
    process.stdout.write(JSON.stringify(recorded) + '\n')
    process.exit(0)
  }
}, 50)
