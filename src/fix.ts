// --fix and --fix-dry-run: insert the skeleton of each missing clause where the editor's quick fix puts it. Never for a
// vague clause (its text needs a person). One clause at a time, relinting after each, so every skeleton is placed and
// numbered against the text as it then is; a clause that is still missing after its skeleton is not tried again.
import {access, constants, readFile, stat} from 'node:fs/promises'
import {buildDocument} from './document.js'
import {planSkeleton, SKELETONS} from './lsp/skeletons.js'
import type {LintResult} from './types.js'

/** What fixing one file changed. */
export interface FileFix {
  readonly file: string
  readonly before: string
  readonly after: string
  /** Titles of the sections added or filled in, in the order they were. */
  readonly added: readonly string[]
}

/**
 * Fix the files of one lint job. `lint` lints the job with the texts given (file → text) and returns its results;
 * `texts` are the files' texts as read. Returns the fixes (files whose text changed) and the final results.
 */
export function fixJob(texts: ReadonlyMap<string, string>, lint: (texts: ReadonlyMap<string, string>) => LintResult[], canFix: (file: string) => boolean = () => true): {fixes: FileFix[]; results: LintResult[]} {
  const current = new Map(texts)
  const added = new Map<string, string[]>()
  const tried = new Set<string>()
  let results = lint(current)
  // at most one skeleton per clause rule and file
  for (let round = 0; round < 200; round++) {
    let next: {file: string; ruleId: string; line: number; column: number} | undefined
    for (const result of results) {
      if (result.fatal) continue
      const m = result.messages.find((x) => x.outcome === 'missing' && SKELETONS[x.ruleId] && current.has(x.filePath ?? result.filePath) && canFix(x.filePath ?? result.filePath) && !tried.has(`${x.filePath ?? result.filePath}\u0000${x.ruleId}`))
      if (m) {
        next = {file: m.filePath ?? result.filePath, ruleId: m.ruleId, line: m.line, column: m.column}
        break
      }
    }
    if (!next) break
    tried.add(`${next.file}\u0000${next.ruleId}`)
    const text = current.get(next.file)
    if (text === undefined) continue
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0
    const plan = planSkeleton(buildDocument(text, next.file), next.ruleId, next.line, next.column)
    if (!plan) continue
    const at = plan.offset + bom
    current.set(next.file, text.slice(0, at) + plan.text + text.slice(at))
    added.set(next.file, [...(added.get(next.file) ?? []), plan.title])
    results = lint(current)
  }
  const fixes: FileFix[] = []
  for (const [file, before] of texts) {
    const after = current.get(file)!
    if (after !== before) fixes.push({file, before, after, added: added.get(file) ?? []})
  }
  return {fixes, results}
}

/**
 * Can a fixed file be written now? Not when it changed on disk since it was read, or is read-only. The text was read
 * without its byte-order mark; `bom` says whether the file on disk starts with one, so that the fix keeps it.
 */
export async function checkWritable(absPath: string, before: string): Promise<{reason: string} | {bom: boolean}> {
  let now: string
  try {
    now = await readFile(absPath, 'utf8')
  } catch {
    return {reason: 'could not be read again before writing; left alone'}
  }
  const bom = now.charCodeAt(0) === 0xfeff
  if ((bom ? now.slice(1) : now) !== before) return {reason: 'changed while clauselint was fixing it; left alone (run --fix again)'}
  // read-only by its mode (which the superuser could still write through) or by the file system
  try {
    if (!((await stat(absPath)).mode & 0o200)) return {reason: 'is read-only; not fixed'}
    await access(absPath, constants.W_OK)
  } catch {
    return {reason: 'is read-only; not fixed'}
  }
  return {bom}
}

/** A unified diff of an insertion-only change (what --fix makes), with three lines of context. */
export function unifiedDiff(file: string, before: string, after: string): string {
  const a = splitLines(before)
  const b = splitLines(after)
  // --fix only inserts, so `a` is a subsequence of `b`: match it leftmost; anything else is shown as a whole replacement
  const ops: Array<{kind: ' ' | '+' | '-'; line: string}> = []
  let i = 0
  for (let j = 0; j < b.length; j++) {
    if (i < a.length && a[i] === b[j]) {
      ops.push({kind: ' ', line: b[j]!})
      i++
    } else ops.push({kind: '+', line: b[j]!})
  }
  if (i < a.length) {
    ops.length = 0
    for (const line of a) ops.push({kind: '-', line})
    for (const line of b) ops.push({kind: '+', line})
  }
  const out = [`--- a/${file}`, `+++ b/${file}`]
  const CONTEXT = 3
  let k = 0
  while (k < ops.length) {
    if (ops[k]!.kind === ' ') {
      k++
      continue
    }
    // a hunk: from CONTEXT lines before this change to CONTEXT lines after the last change within reach
    let start = Math.max(0, k - CONTEXT)
    let end = k
    while (end < ops.length) {
      if (ops[end]!.kind !== ' ') {
        end++
        continue
      }
      let run = end
      while (run < ops.length && ops[run]!.kind === ' ') run++
      if (run < ops.length && run - end <= 2 * CONTEXT) end = run
      else {
        end = Math.min(ops.length, end + CONTEXT)
        break
      }
    }
    const hunk = ops.slice(start, end)
    const oldStart = ops.slice(0, start).filter((o) => o.kind !== '+').length + 1
    const newStart = ops.slice(0, start).filter((o) => o.kind !== '-').length + 1
    const oldCount = hunk.filter((o) => o.kind !== '+').length
    const newCount = hunk.filter((o) => o.kind !== '-').length
    out.push(`@@ -${oldCount ? oldStart : oldStart - 1},${oldCount} +${newCount ? newStart : newStart - 1},${newCount} @@`)
    for (const o of hunk) out.push(`${o.kind}${o.line}`)
    k = end
    start = end
  }
  return `${out.join('\n')}\n`
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}
