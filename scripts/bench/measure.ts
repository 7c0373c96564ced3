// Whole-process timing: wall time, CPU time and peak RSS of one command, with a timeout.
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface Run {
  /** Wall seconds (monotonic clock, spawn to exit). */
  readonly wall: number
  /** User + system CPU seconds, when known. */
  readonly cpu: number | undefined
  /** Peak resident set size of the process in KiB, when known. */
  readonly rssKiB: number | undefined
  readonly code: number | null
  /** Stopped at the timeout: `wall` is then a lower bound. */
  readonly timedOut: boolean
  /** The last lines of stderr (for failures). */
  readonly stderrTail: string
}

// GNU time reports the child's own rusage (exact CPU and max RSS); without it, /proc is polled.
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => {
  try {
    fs.accessSync(p, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
})

// Children run in their own process groups (so a timeout stops all they started); stop them too if the bench is stopped.
const running = new Set<number>()
function stopAll(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // gone already
    }
  }
}
process.on('exit', stopAll)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    stopAll()
    process.exit(130)
  })
}

export const accounting = GNU_TIME ? 'GNU time (rusage of the child)' : process.platform === 'linux' ? '/proc polling' : 'wall only'

/** Peak RSS (VmHWM) and CPU seconds of a live process from /proc, or undefined. */
export function procStats(pid: number): {rssKiB: number; cpu: number} | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const hwm = /^VmHWM:\s+(\d+)/m.exec(status)
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // fields after the ")" of the command name: utime is the 14th field, stime the 15th, then cutime and cstime (the
    // processes it has waited for: a run told to use one thread over many files runs again in a child process)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])
    return {rssKiB: hwm ? Number(hwm[1]) : 0, cpu: ticks / 100}
  } catch {
    return undefined
  }
}

/** Kill a detached child's whole process group after `ms`, calling `onStop` first. */
function stopAfter(pid: number, ms: number, onStop: () => void): NodeJS.Timeout {
  return setTimeout(() => {
    onStop()
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }, ms)
}

/** Run a command with stdout to /dev/null (stdin from `stdinFile`, if given); resolves when it exits or is stopped at `timeoutMs`. */
export function measure(command: string, args: readonly string[], options: {cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv; stdinFile?: string} = {}): Promise<Run> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-bench-run-'))
  const timeFile = path.join(tmp, 'time')
  const errFile = path.join(tmp, 'stderr')
  const out = fs.openSync('/dev/null', 'w')
  const err = fs.openSync(errFile, 'w')
  const input = options.stdinFile === undefined ? 'ignore' : fs.openSync(options.stdinFile, 'r')
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ['-o', timeFile, '-f', '%e %U %S %M', command, ...args]] : [command, [...args]]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    // detached: its own process group, so a timeout stops the command and anything it started, and nothing else
    const child = spawn(cmd, argv, {cwd: options.cwd, env: options.env ?? process.env, stdio: [input, out, err], detached: true})
    if (child.pid) running.add(child.pid)
    let timedOut = false
    let polled: {rssKiB: number; cpu: number} | undefined
    const poll = GNU_TIME ? undefined : setInterval(() => (polled = procStats(child.pid!) ?? polled), 50)
    const timer = options.timeoutMs === undefined ? undefined : stopAfter(child.pid!, options.timeoutMs, () => (timedOut = true))
    child.on('error', (error) => {
      if (timer) clearTimeout(timer)
      if (poll) clearInterval(poll)
      reject(error)
    })
    child.on('exit', (code) => {
      const wall = (performance.now() - started) / 1000
      if (child.pid) running.delete(child.pid)
      if (timer) clearTimeout(timer)
      if (poll) clearInterval(poll)
      fs.closeSync(out)
      fs.closeSync(err)
      if (typeof input === 'number') fs.closeSync(input)
      let cpu = polled?.cpu
      let rssKiB = polled?.rssKiB
      let exit = code
      if (GNU_TIME && !timedOut) {
        // "Command exited with non-zero status 1\n0.52 0.61 0.08 81234"
        const lines = readOr(timeFile).trim().split('\n')
        const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(lines.at(-1) ?? '')
        if (m) {
          cpu = Number(m[2]) + Number(m[3])
          rssKiB = Number(m[4])
        }
        const status = /exited with non-zero status (\d+)/.exec(lines[0] ?? '')
        exit = status ? Number(status[1]) : code
      }
      const stderrTail = readOr(errFile).split('\n').filter(Boolean).slice(-3).join('\n')
      fs.rmSync(tmp, {recursive: true, force: true})
      resolve({wall, cpu, rssKiB, code: exit, timedOut, stderrTail})
    })
  })
}

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

export interface ChildResult {
  readonly stdout: string
  readonly stderr: string
  readonly code: number | null
  readonly wall: number
  readonly timedOut: boolean
  /** Peak RSS seen by polling /proc (Linux), in KiB: known even when the child was stopped. */
  readonly polledRssKiB: number | undefined
}

/** Run a child that reports on stdout (the in-process helpers), polling its peak RSS, stopped at `timeoutMs`. */
export function runChild(command: string, args: readonly string[], options: {cwd?: string; timeoutMs: number; env?: NodeJS.ProcessEnv}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, {cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true})
    if (child.pid) running.add(child.pid)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    let timedOut = false
    let rss: number | undefined
    const poll = setInterval(() => {
      const s = procStats(child.pid!)
      if (s && (rss === undefined || s.rssKiB > rss)) rss = s.rssKiB
    }, 100)
    const timer = stopAfter(child.pid!, options.timeoutMs, () => (timedOut = true))
    child.on('error', (error) => {
      clearTimeout(timer)
      clearInterval(poll)
      reject(error)
    })
    child.on('close', (code) => {
      if (child.pid) running.delete(child.pid)
      clearTimeout(timer)
      clearInterval(poll)
      resolve({stdout, stderr, code, wall: (performance.now() - started) / 1000, timedOut, polledRssKiB: rss})
    })
  })
}
