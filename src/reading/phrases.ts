// Phrases written by people who do not write regular expressions: plain words, or /regex/, as used in config and
// YAML rules.
import {LinearRegExp, userPatternProblem} from '../user-regex.js'

const ESCAPE = /[.*+?^${}()|[\]\\]/g

/**
 * A phrase from config or a YAML rule as a regex source: plain text matches as whole words (the last one also in the
 * plural), case-insensitively, with any run of spaces; text between slashes (`/colou?r/`) is a regular expression.
 */
export function phraseSource(phrase: string): string {
  const p = phrase.trim()
  const regex = /^\/(.+)\/$/s.exec(p)
  if (regex) return regex[1]!
  const body = p.replace(ESCAPE, '\\$&').replace(/\s+/g, '\\s+')
  // a word at the end may take a plural ("security incident" also finds "security incidents", "breach" "breaches")
  return `${/^\w/.test(p) ? '\\b' : ''}${body}${/[a-z]$/i.test(p) ? '(?:e?s)?\\b' : /\w$/.test(p) ? '\\b' : ''}`
}

/**
 * Why a phrase from config is unusable, or undefined when it is fine: empty, not a valid regular expression, not
 * matchable in linear time, or matching the empty string (see src/user-regex.ts).
 */
export function phraseProblem(phrase: string): string | undefined {
  if (!phrase.trim()) return 'is empty'
  return userPatternProblem(phraseSource(phrase))
}

/**
 * One case-insensitive regex matching any of the phrases, or undefined for an empty list. `linear`: phrases written by
 * users, matched by RE2 in linear time.
 */
export function phrasesRegExp(phrases: readonly string[], flags = 'i', linear = false): RegExp | undefined {
  if (!phrases.length) return undefined
  const source = phrases.map((p) => `(?:${phraseSource(p)})`).join('|')
  return linear ? new LinearRegExp(source, flags) : new RegExp(source, flags)
}
