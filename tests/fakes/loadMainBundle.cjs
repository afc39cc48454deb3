// Loads a built main bundle under plain Node with `electron` resolved to the stub, waits until it has registered its
// IPC handlers and opened its window, or has exited (a start-up failure), or 30 s pass, and prints what it did as one
// JSON line. Usage: node loadMainBundle.cjs <out/main/index.js> <number of IPC channels>
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
  const up = recorded.channels.length >= Number(process.argv[3]) && recorded.windows.length > 0
  if (up || recorded.exitCode !== null || Date.now() - started > 30_000) {
    clearInterval(timer)
    process.stdout.write(JSON.stringify(recorded) + '\n')
    process.exit(0)
  }
}, 50)
