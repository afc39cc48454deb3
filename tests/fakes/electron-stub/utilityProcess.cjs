// A stand-in for Electron's `utilityProcess` under plain Node: fork() starts the entry in a child process
// (child_process.fork through utilityChild.cjs, which gives it `process.parentPort` and the stubbed `electron`), with
// structured-clone messages as Electron's. A `.ts` entry (the source, in vitest) runs through tsx.
const { fork } = require('node:child_process')
const { EventEmitter } = require('node:events')
const path = require('node:path')

const children = new Set()
/** Requests the main process sent to its core processes and the replies it got (loadMainBundle waits for quiet). */
const traffic = { forks: [], requests: 0, replies: 0 }

class StubUtilityProcess extends EventEmitter {
  constructor(modulePath, args = [], options = {}) {
    super()
    this.child = fork(path.join(__dirname, 'utilityChild.cjs'), [modulePath, ...args], {
      env: options.env ?? process.env,
      serialization: 'advanced',
      execArgv: modulePath.endsWith('.ts') ? ['--import', 'tsx'] : [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    this.pid = this.child.pid
    traffic.forks.push(path.basename(modulePath))
    children.add(this.child)
    this.child.on('spawn', () => this.emit('spawn'))
    // Electron drops a message sent to a process that is gone; Node reports EPIPE: drop it too.
    this.child.on('error', () => undefined)
    this.child.on('message', (message) => {
      if (message && message.kind === 'reply') traffic.replies++
      this.emit('message', message)
    })
    this.child.on('exit', (code, signal) => {
      children.delete(this.child)
      this.emit('exit', code ?? (signal ? 1 : 0))
    })
  }
  postMessage(message) {
    traffic.requests++
    if (this.child.connected) this.child.send(message)
  }
  kill() {
    return this.child.kill('SIGKILL')
  }
}

// A test process that ends must not leave a core process behind.
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')))

module.exports = {
  traffic,
  utilityProcess: { fork: (modulePath, args, options) => new StubUtilityProcess(modulePath, args, options) },
}
