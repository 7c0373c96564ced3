// Shared test helpers: run one rule on a text, format messages as the fixtures' expected lines, temp folders, CLI runs.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Readable} from 'node:stream'
import {afterAll, expect} from 'vitest'
import {run} from '../src/cli.js'
import {buildDocument} from '../src/document.js'
import {runRules} from '../src/engine.js'
import type {AnyRule} from '../src/rule.js'
import {validateRuleOptions} from '../src/validate.js'
import type {LintMessage} from '../src/types.js'

/**
 * Run only the given rule. A fixture may set the rule's options in its front matter (`clauselint: rules: {id: [error,
 * {options}]}`), checked against the rule's schema as a config's are.
 */
export function runRule(rule: AnyRule, text: string): LintMessage[] {
  const doc = buildDocument(text, 'fixture.md')
  const entry = ((doc.frontmatter['clauselint'] as {rules?: Record<string, unknown>} | undefined)?.rules ?? {})[rule.meta.id]
  const options = Array.isArray(entry) ? entry[1] : entry && typeof entry === 'object' ? entry : undefined
  if (options !== undefined) validateRuleOptions(rule, options, 'fixture front matter', rule.meta.id)
  return runRules(doc, {rules: [rule], ...(options !== undefined ? {options: {[rule.meta.id]: options as Record<string, unknown>}} : {})}).messages
}

/** `L:C-L:C  severity  message` — the line format of `fails.expected.txt`. */
export function formatMessage(m: LintMessage): string {
  return `${m.line}:${m.column}-${m.endLine}:${m.endColumn}  ${m.severity}  ${m.message}`
}

/**
 * A maker of fresh temp folders holding the given files (path → text or bytes), for one test file: call it at the top
 * level, and every folder it made is removed after that file's tests (permissions restored first).
 */
export function tempDirs(prefix: string): (files?: Record<string, string | Buffer>) => string {
  const made: string[] = []
  afterAll(() => {
    for (const dir of made) {
      try {
        fs.chmodSync(dir, 0o755)
      } catch {
        // already gone
      }
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })
  return (files = {}) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `clauselint-${prefix}-`))
    made.push(dir)
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), {recursive: true})
      fs.writeFileSync(path.join(dir, rel), content)
    }
    return dir
  }
}

/** What one in-process CLI run printed. */
export interface Ran {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  /** Non-empty stderr lines. */
  readonly errLines: string[]
}

export interface RunOptions {
  /** Working folder (default: the repository). */
  readonly cwd?: string
  /** Environment (default: empty, so the caller's NO_COLOR/FORCE_COLOR do not leak in). */
  readonly env?: Record<string, string>
  readonly isTTY?: boolean
  /** Standard input, for --stdin. */
  readonly stdin?: string | Buffer
  /** Also check stdout for a stack trace. */
  readonly checkStdout?: boolean
}

const STACK = /^\s+at /m
const REPO = path.join(import.meta.dirname, '..')

/** Run the CLI in-process; every run is checked for a stack trace on stderr. */
export async function runCli(argv: readonly string[], options: RunOptions = {}): Promise<Ran> {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: options.cwd ?? REPO,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    ...(options.stdin !== undefined ? {stdin: Readable.from([Buffer.from(options.stdin)])} : {}),
  })
  expect(stderr, 'no stack trace on stderr').not.toMatch(STACK)
  if (options.checkStdout) expect(stdout, 'no stack trace on stdout').not.toMatch(STACK)
  return {code, stdout, stderr, errLines: stderr.split('\n').filter(Boolean)}
}

/** Does chmod 000 stop this process from reading a file? Not as root (tests often run as root in containers). */
export const permissionsApply = ((): boolean => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-perm-'))
  const file = path.join(dir, 'probe.md')
  try {
    fs.writeFileSync(file, 'x')
    fs.chmodSync(file, 0o000)
    fs.readFileSync(file)
    return false
  } catch {
    return true
  } finally {
    fs.rmSync(dir, {recursive: true, force: true})
  }
})()

const NOBODY = 65534
const BIN = path.join(REPO, 'bin', 'clauselint.js')
/**
 * As root, chmod 000 stops nothing: permission tests then run the command as the unprivileged user "nobody" in a child
 * process (the built command, bin/clauselint.js), when that user can run it here.
 */
let nobodyRuns: boolean | undefined
const asNobody = (): boolean => (nobodyRuns ??= !permissionsApply && process.getuid?.() === 0 && spawnSync(process.execPath, [BIN, '--version'], {uid: NOBODY, gid: NOBODY, cwd: os.tmpdir(), encoding: 'utf8'}).status === 0)
/** Can a test lock a file or folder away from the command (in process, or as "nobody" when root)? Asked once, when first needed. */
export const permissionTests = (): boolean => permissionsApply || asNobody()

/** Run the command in `dir` where the files a test locked (chmod) stay locked to it: in process, or as "nobody" when root. */
export async function runLocked(dir: string, argv: readonly string[]): Promise<Ran> {
  if (!asNobody()) return runCli(argv, {cwd: dir, checkStdout: true})
  // a temporary folder is made private (0700): let the user in; what the test locked stays locked
  fs.chmodSync(dir, 0o755)
  const r = spawnSync(process.execPath, [BIN, ...argv], {uid: NOBODY, gid: NOBODY, cwd: dir, encoding: 'utf8', env: {PATH: process.env['PATH'] ?? '', NO_COLOR: '1'}})
  expect(r.stderr, 'no stack trace on stderr').not.toMatch(STACK)
  return {code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, errLines: r.stderr.split('\n').filter(Boolean)}
}
