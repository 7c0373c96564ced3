// Code actions for clauselint diagnostics: add a skeleton for a missing clause; suppress a finding with a comment.
import {CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {buildDocument} from '../document.js'
import {DIRECTIVE_RULES} from '../suppressions.js'
import type {Document} from '../types.js'
import {readData, SOURCE} from './convert.js'
import {planSkeleton, type Insertion} from './skeletons.js'

/** The reason slot of a suppression comment, for the writer to replace. */
export const REASON_SLOT = 'reason: …'

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/
const BLANK_OR_COMMENT = /^\s*(?:<!--[\s\S]*?-->\s*)*$/
const TABLE_ROW = /^\s*\|.*\|\s*$/
const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/

/** Rules whose findings are about suppression comments themselves, or no rule at all: no "disable" for them. */
const NOT_SUPPRESSIBLE = new Set(['fatal', 'config', ...Object.keys(DIRECTIVE_RULES)])

/**
 * A comment that silences `ruleId` on one line (1-based) of `source` (the text without a byte-order mark).
 * Above the line (`disable-next-line`) when the line starts a block; at the end of the line (`disable-line`) when it is
 * inside a paragraph, a list or a table, because a comment line there would end the paragraph or table and change how
 * the agreement reads.
 */
export function planDisableLine(source: string, ruleId: string, line: number): Insertion {
  const eol = source.includes('\r\n') ? '\r\n' : '\n'
  const starts = [0]
  for (const m of source.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length)
  const index = Math.min(Math.max(line, 1), starts.length) - 1
  const start = starts[index]!
  const end = index + 1 < starts.length ? starts[index + 1]! - (source.slice(0, starts[index + 1]).endsWith('\r\n') ? 2 : 1) : source.length
  const text = source.slice(start, end)
  const previous = index > 0 ? source.slice(starts[index - 1]!, start).replace(/\r?\n$|\r$/, '') : ''
  if (index === 0 || BLANK_OR_COMMENT.test(previous) || ATX_HEADING.test(previous)) {
    const indent = /^[ \t]*/.exec(text)![0]
    return {offset: start, text: `${indent}<!-- clauselint-disable-next-line ${ruleId} -- ${REASON_SLOT} -->${eol}`}
  }
  const comment = `<!-- clauselint-disable-line ${ruleId} -- ${REASON_SLOT} -->`
  const trimmed = text.trimEnd()
  // in a table row, inside the last cell, so the row keeps its cells
  if (TABLE_ROW.test(text)) return {offset: start + trimmed.slice(0, -1).trimEnd().length, text: ` ${comment}`}
  return {offset: start + trimmed.length, text: ` ${comment}`}
}

/** A comment that silences `ruleId` in the whole file: at the top, after any front matter. */
export function planDisableFile(source: string, ruleId: string): Insertion {
  const eol = source.includes('\r\n') ? '\r\n' : '\n'
  const fm = FRONT_MATTER.exec(source)
  let offset = fm ? fm[0].length : 0
  let prefix = ''
  // front matter that ends the file without a line break
  if (fm && !/\n$/.test(fm[0])) prefix = eol
  if (offset > source.length) offset = source.length
  return {offset, text: `${prefix}<!-- clauselint-disable-file ${ruleId} -- ${REASON_SLOT} -->${eol}`}
}

export interface ActionContext {
  readonly document: TextDocument
  /** The client takes versioned edits (`documentChanges`). */
  readonly versioned?: boolean
  /** `CodeActionContext.only`, if the client asked for some kinds only. */
  readonly only?: readonly string[]
}

/** "a" or "an" before a title, by its first sound as far as spelling tells ("an Excluded Services", "a Uptime" is rare). */
export function article(title: string): 'a' | 'an' {
  const t = title.trim()
  // words that start with a vowel letter but a consonant sound, and the reverse
  if (/^(?:uni|use|usu|uti|eu|one\b|once\b)/i.test(t)) return 'a'
  if (/^(?:hour|honou?r|heir)/i.test(t) || /^[AEFHILMNORSX](?:[A-Z\d]|$|\s)/.test(t)) return 'an'
  return /^[aeiou]/i.test(t) ? 'an' : 'a'
}

/** The code actions for the clauselint diagnostics among `diagnostics`. */
export function codeActions(diagnostics: readonly Diagnostic[], context: ActionContext): CodeAction[] {
  if (context.only && !context.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) return []
  const {document} = context
  const text = document.getText()
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let parsed: Document | undefined
  const doc = (): Document => (parsed ??= buildDocument(text, document.uri))
  const edit = (insertion: Insertion): WorkspaceEdit => {
    const position = document.positionAt(insertion.offset + bom)
    const edits: TextEdit[] = [{range: {start: position, end: position}, newText: insertion.text}]
    return context.versioned ? {documentChanges: [{textDocument: {uri: document.uri, version: document.version}, edits}]} : {changes: {[document.uri]: edits}}
  }
  const actions: CodeAction[] = []
  const seen = new Set<string>()
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE) continue
    const data = readData(diagnostic.data) ?? (typeof diagnostic.code === 'string' ? {ruleId: diagnostic.code, messageId: ''} : undefined)
    if (!data) continue
    const {ruleId} = data
    const missing = data.outcome === 'missing'
    if (missing) {
      const plan = planSkeleton(doc(), ruleId, diagnostic.range.start.line + 1, diagnostic.range.start.character + 1 - (bom && diagnostic.range.start.line === 0 ? 1 : 0))
      if (plan) {
        actions.push({
          title: plan.mode === 'fill' ? `Fill in the ${plan.title} section` : `Add ${article(plan.title)} ${plan.title} section`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: edit(plan),
        })
      }
    }
    if (NOT_SUPPRESSIBLE.has(ruleId)) continue
    const key = missing ? `file:${ruleId}` : `line:${ruleId}:${diagnostic.range.start.line}`
    if (seen.has(key)) continue
    seen.add(key)
    const source = bom ? text.slice(1) : text
    actions.push({
      title: missing ? `Disable ${ruleId} for this file` : `Disable ${ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: edit(missing ? planDisableFile(source, ruleId) : planDisableLine(source, ruleId, diagnostic.range.start.line + 1)),
    })
  }
  return actions
}
