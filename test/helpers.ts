// Shared test helpers: run one rule on a text, format messages as the fixtures' expected lines, temp folders.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll} from 'vitest'
import {buildDocument} from '../src/document.js'
import {runRules} from '../src/engine.js'
import type {AnyRule} from '../src/rule.js'
import type {LintMessage} from '../src/types.js'

/** Run only the given rule. */
export function runRule(rule: AnyRule, text: string): LintMessage[] {
  return runRules(buildDocument(text, 'fixture.md'), {rules: [rule]}).messages
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
