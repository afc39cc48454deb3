// Runs an Electron utility-process entry under plain Node (see utilityProcess.cjs): `electron` resolves to the stub,
// and `process.parentPort` speaks over the child_process IPC channel as Electron's does ({ data } events).
// Usage: node utilityChild.cjs <entry> [args...]
const Module = require('node:module')
const path = require('node:path')
const { EventEmitter } = require('node:events')

const stubPath = path.join(__dirname, 'index.cjs')
const resolve = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? stubPath : resolve.call(this, request, ...rest)
}

const parentPort = new EventEmitter()
parentPort.postMessage = (message) => process.send(message)
process.on('message', (data) => parentPort.emit('message', { data }))
process.parentPort = parentPort
process.on('disconnect', () => process.exit(0))

const entry = path.resolve(process.argv[2])
process.argv.splice(2, 1)
require(entry)
