// git, run as a child process: the one place clauselint asks git anything, and what tells that git need not be asked.
import type * as ChildProcess from 'node:child_process'
import {existsSync, realpathSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'

/**
 * Runs git with `args` in `cwd` and resolves to its standard output; rejects when git is not installed, `cwd` is not in
 * a repository or the command fails. The one way clauselint asks git anything: node:child_process is loaded on first
 * use, so a run that asks git nothing does not load it.
 */
export function git(args: readonly string[], cwd: string, options: {readonly maxBuffer?: number} = {}): Promise<string> {
  const {execFile} = createRequire(import.meta.url)('node:child_process') as typeof ChildProcess
  return new Promise((resolve, reject) => {
    execFile('git', [...args], {cwd, encoding: 'utf8', maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024, windowsHide: true}, (error, stdout) => (error ? reject(error) : resolve(stdout)))
  })
}

/** The real path of `p`, or `p` resolved when it has none. */
export function realOrResolved(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return path.resolve(p)
  }
}

/** Is `inner` `outer` or below it (both absolute)? */
export const within = (outer: string, inner: string): boolean => {
  const rel = path.relative(outer, inner)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
}

/**
 * The top folders of the git work tree holding `dir` (the nearest folder at or above it with a `.git` entry), as
 * written and after links; none when there is no such folder. Then git run in `dir` can track nothing, unless the
 * environment points git at a repository (GIT_DIR, GIT_WORK_TREE): `undefined` says so, and git must be asked.
 */
export function workTreeTops(dir: string): string[] | undefined {
  if (process.env['GIT_DIR'] !== undefined || process.env['GIT_WORK_TREE'] !== undefined) return undefined
  const tops = new Set<string>()
  for (const start of [path.resolve(dir), realOrResolved(dir)]) {
    for (let d = start; ; d = path.dirname(d)) {
      if (existsSync(path.join(d, '.git'))) {
        tops.add(d)
        tops.add(realOrResolved(d))
        break
      }
      if (path.dirname(d) === d) break
    }
  }
  return [...tops]
}
