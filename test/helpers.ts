// Shared test helpers: run one rule on a text, format messages as the fixtures' expected lines.
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
