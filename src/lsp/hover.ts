// Hover on a finding: the rule's description and the message, in Markdown.
import {MarkupKind, type Hover, type Position, type Range} from 'vscode-languageserver/node'
import {rules as builtinRules} from '../../rules/index.js'
import type {AnyRule} from '../rule.js'
import type {LintMessage} from '../types.js'

/** Descriptions of the checks of suppression comments (they have no rule module). */
const DIRECTIVE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'unused-suppression': 'Flags `clauselint-disable…` comments that silence nothing',
  'unknown-rule': 'Flags `clauselint-disable…` comments that name a rule that does not exist',
  'suppression-reason': 'With `--require-reason`, flags `clauselint-disable…` comments without a reason after ` -- `',
}

/** A finding with its editor range. */
export interface Located {
  readonly message: LintMessage
  readonly range: Range
}

function contains(range: Range, p: Position): boolean {
  const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character)
  const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character)
  return after && before
}

export function describeRule(ruleId: string, extra: readonly AnyRule[] = []): string | undefined {
  return [...builtinRules, ...extra].find((r) => r.meta.id === ruleId)?.meta.description ?? DIRECTIVE_DESCRIPTIONS[ruleId]
}

const escape = (text: string): string => text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1')

/** The hover for the findings under `position`, or null when there are none. */
export function hoverAt(findings: readonly Located[], position: Position, customRules: readonly AnyRule[] = []): Hover | null {
  const hits = findings.filter((f) => contains(f.range, position))
  if (!hits.length) return null
  const parts = hits.map(({message: m}) => {
    const description = describeRule(m.ruleId, customRules)
    const outcome = m.outcome ? ` · ${m.outcome}` : ''
    const lines = [`**clauselint** \`${m.ruleId}\` (${m.severity}${outcome})`, '', escape(m.message)]
    if (description) lines.push('', `*${escape(description)}*`)
    if (m.url) lines.push('', `[Documentation](${m.url})`)
    return lines.join('\n')
  })
  const range = hits.length === 1 ? hits[0]!.range : undefined
  return {contents: {kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n')}, ...(range ? {range} : {})}
}
