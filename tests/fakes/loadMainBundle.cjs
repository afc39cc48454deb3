// Loads a built main bundle under plain Node with `electron` resolved to the stub, waits until it has registered its
// IPC handlers, opened its window and its core process (out/main/coreProcess.js, a child process here) has answered
// everything asked so far, or it has exited (a start-up failure), or 30 s pass, and prints what it did as one JSON
// line. Usage: node loadMainBundle.cjs <out/main/index.js> <number of IPC channels>
const Module = require('node:module')
const path = require('node:path')

const stubPath = path.join(__dirname, 'electron-stub', 'index.cjs')
const resolve = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? stubPath : resolve.call(this, request, ...rest)
}

require(path.resolve(process.argv[2]))
const started = Date.now()
let quietPolls = 0
const timer = setInterval(() => {
  const recorded = globalThis.__electronStub
  const { requests, replies } = recorded.core
  const quiet = requests > 0 && replies === requests ? ++quietPolls : (quietPolls = 0)
  // Two quiet polls in a row: what the main process does with the last reply (a dialog, an event) has happened.
  const up = recorded.channels.length >= Number(process.argv[3]) && recorded.windows.length > 0 && quiet >= 2
  if (up || recorded.exitCode !== null || Date.now() - started > 30_000) {
    clearInterval(timer)
    process.stdout.write(JSON.stringify(recorded) + '\n')
    process.exit(0)
  }
}, 50)
