// Suppression comments in the Markdown (`<!-- clauselint-disable rule -- reason -->`): read them from the tree's HTML
// (the document's marks), silence the findings they cover, and report suppressions that are unused, name unknown rules
// or (when required) give no reason.
import {nearest} from './config-error.js'
import {sortMessages, summarise} from './engine.js'
import type {Document, LintMessage, LintResult, Point, Position, Severity, SeveritySetting, SuppressedMessage} from './types.js'

/** The checks of suppression comments, reported under these rule ids, with their default severities. */
export const DIRECTIVE_RULES: Readonly<Record<string, Severity>> = {
  'unused-suppression': 'warning',
  'unknown-rule': 'error',
  'suppression-reason': 'error',
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file'

/** One suppression comment. */
export interface Directive {
  readonly kind: DirectiveKind
  /** Rule ids named, as written; empty means every rule. */
  readonly rules: readonly string[]
  readonly reason: string | undefined
  /** Where the comment is. */
  readonly position: Position
  /** The lines a line directive covers (`disable-line`: the comment's own, `disable-next-line`: the next line of text). */
  readonly lines?: {readonly from: number; readonly to: number}
}

const DIRECTIVE = /<!--\s*clauselint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|-->)([\s\S]*?)-->/g

/** Every suppression comment in the document, in source order. */
export function parseDirectives(doc: Document): Directive[] {
  // every comment names "clauselint-", which no line prefix of a container splits: most documents have none to walk for
  if (!doc.source.includes('clauselint-')) return []
  const out: Directive[] = []
  const lines = doc.source.split(/\r\n|\r|\n/)
  // the tree's HTML nodes that name it (see TreeMark)
  for (const mark of doc.marks) {
    if (mark.type !== 'html' || mark.offset === undefined) continue
    const base = mark.offset
    for (const m of mark.text.matchAll(DIRECTIVE)) {
      const start = doc.positionAt(base + m.index)
      const end = doc.positionAt(base + m.index + m[0].length)
      out.push(directive(m[1] as DirectiveKind, m[2] ?? '', {start, end}, lines))
    }
  }
  return out.sort((a, b) => a.position.start.offset - b.position.start.offset)
}

function directive(kind: DirectiveKind, body: string, position: Position, lines: readonly string[]): Directive {
  // "rule-a, rule-b -- reason": the reason follows the first "--" set off by spaces (as in ESLint)
  const split = /(?:^|\s)--(?:\s|$)/.exec(body)
  const list = split ? body.slice(0, split.index) : body
  const reason = split ? body.slice(split.index + split[0].length).trim() : undefined
  const rules = list.split(/[\s,]+/).filter(Boolean)
  const base = {kind, rules, reason: reason || undefined, position}
  if (kind === 'disable-line') return {...base, lines: {from: position.start.line, to: position.end.line}}
  if (kind === 'disable-next-line') {
    // the next line with text: blank lines and lines holding only comments are skipped
    let line = position.end.line + 1
    while (line <= lines.length && /^\s*(?:<!--[\s\S]*?-->\s*)*$/.test(lines[line - 1] ?? '')) line++
    return {...base, lines: {from: line, to: line}}
  }
  return base
}

export interface SuppressOptions {
  /** Every rule id that exists (built-in and custom); other ids in comments are reported as unknown. */
  readonly known: ReadonlySet<string>
  /** The rules that ran on this file: a suppression of a rule that did not run is not reported as unused. */
  readonly ran: ReadonlySet<string>
  /** A suppression without a reason is reported and silences nothing. */
  readonly requireReason?: boolean
  /** Severities of the suppression checks (`unused-suppression`, `unknown-rule`, `suppression-reason`). */
  readonly severities?: Readonly<Record<string, SeveritySetting>>
  /** The clause rules' report order (see clauseOrder in rule.ts), to keep the messages sorted as the engine sorted them. */
  readonly clauseOrder?: ReadonlyMap<string, number>
}

const before = (a: Point | {line: number; column: number}, b: Point | {line: number; column: number}): boolean => a.line < b.line || (a.line === b.line && a.column < b.column)

/** Does the directive cover this message for this rule? */
function covers(d: Directive, m: LintMessage, all: readonly Directive[]): boolean {
  const named = d.rules.includes(m.ruleId)
  if (!named && d.rules.length) return false
  // a missing clause has no place of its own: naming its rule in any suppression anywhere silences it
  if (m.outcome === 'missing' && named) return true
  const at = {line: m.line, column: m.column}
  switch (d.kind) {
    case 'disable-file':
      return true
    case 'disable-line':
    case 'disable-next-line':
      return m.line >= d.lines!.from && m.line <= d.lines!.to
    case 'disable': {
      if (before(at, d.position.end)) return false
      // silenced until an enable (of every rule, or of this one) between the comment and the finding
      return !all.some((e) => e.kind === 'enable' && !before(e.position.start, d.position.end) && before(e.position.start, at) && (!e.rules.length || e.rules.includes(m.ruleId)))
    }
    default:
      return false
  }
}

/** Silence the findings covered by suppression comments and report the comments' own problems. */
export function applySuppressions(doc: Document, result: LintResult, options: SuppressOptions): LintResult {
  const directives = parseDirectives(doc)
  if (!directives.length) return result
  const severityOf = (id: string): Severity | undefined => {
    const s = options.severities?.[id] ?? DIRECTIVE_RULES[id]
    return s === 'off' ? undefined : s
  }
  const own: LintMessage[] = []
  const report = (id: string, d: Directive, message: string): void => {
    const severity = severityOf(id)
    if (!severity) return
    own.push({
      ruleId: id,
      severity,
      message,
      messageId: id,
      line: d.position.start.line,
      column: d.position.start.column,
      endLine: d.position.end.line,
      endColumn: d.position.end.column,
      sectionPath: sectionPathAt(doc, d.position.start.offset),
    })
  }

  // Which directives take effect, and for which of their rule ids
  const active: Directive[] = []
  for (const d of directives) {
    const unknown = d.rules.filter((id) => !options.known.has(id))
    for (const id of unknown) {
      const hint = nearest(id, options.known)
      report('unknown-rule', d, `Unknown rule "${id}" in suppression${hint ? `; did you mean "${hint}"?` : '; use a rule id from the README'}`)
    }
    if (d.kind !== 'enable' && options.requireReason && !d.reason) {
      report('suppression-reason', d, `Missing reason for suppression "clauselint-${d.kind}"; write it after " -- " in the comment`)
      continue
    }
    // a comment that names only unknown rules silences nothing (it must not become "every rule")
    if (d.rules.length && unknown.length === d.rules.length) continue
    active.push(unknown.length ? {...d, rules: d.rules.filter((id) => options.known.has(id))} : d)
  }

  const used = new Map<Directive, Set<string>>()
  const kept: LintMessage[] = []
  const suppressed: SuppressedMessage[] = []
  for (const m of result.messages) {
    // a finding in another member of a document set is not under this file's comments
    const by = m.filePath === undefined ? active.filter((d) => d.kind !== 'enable' && covers(d, m, active)) : []
    if (!by.length) {
      kept.push(m)
      continue
    }
    for (const d of by) {
      let ids = used.get(d)
      if (!ids) used.set(d, (ids = new Set()))
      ids.add(m.ruleId)
    }
    const first = by[0]!
    suppressed.push({
      ...m,
      suppression: {kind: 'directive', ...(first.reason ? {justification: first.reason} : {}), line: first.position.start.line, column: first.position.start.column},
    })
  }

  for (const d of active) {
    if (d.kind === 'enable') continue
    const hit = used.get(d)
    if (!d.rules.length) {
      if (!hit) report('unused-suppression', d, `Unused suppression "clauselint-${d.kind}"; nothing it covers is reported, so remove it`)
      continue
    }
    for (const id of d.rules) {
      if (!options.ran.has(id) || hit?.has(id)) continue
      report('unused-suppression', d, `Unused suppression of "${id}"; ${id} reports nothing here, so remove it from the comment`)
    }
  }

  const messages = [...kept, ...own]
  sortMessages(messages, options.clauseOrder)
  const out = summarise(result.filePath, messages, result.coverage)
  return {
    ...result,
    ...out,
    ...(suppressed.length || result.suppressed?.length ? {suppressed: [...(result.suppressed ?? []), ...suppressed]} : {}),
  }
}

/** The path of the section a source offset falls in: the last section (in source order) that starts before it. */
function sectionPathAt(doc: Document, offset: number): readonly string[] {
  let best: (typeof doc.sections)[number] | undefined
  for (const s of doc.sections) {
    if (s.kind === 'root' || s.file.path !== doc.filePath || s.position.start.offset > offset) continue
    if (!best || s.position.start.offset >= best.position.start.offset) best = s
  }
  return best?.path ?? []
}
