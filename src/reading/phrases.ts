// Phrases written by people who do not write regular expressions: plain words, or /regex/, as used in config and
// YAML rules.

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

/** Why a phrase is unusable (a bad regular expression), or undefined when it is fine. */
export function phraseProblem(phrase: string): string | undefined {
  if (!phrase.trim()) return 'is empty'
  try {
    new RegExp(phraseSource(phrase), 'i')
  } catch (error) {
    return `is not a valid regular expression (${(error instanceof Error ? error.message : String(error)).replace(/^Invalid regular expression: /, '')})`
  }
  return undefined
}

/** One case-insensitive regex matching any of the phrases, or undefined for an empty list. */
export function phrasesRegExp(phrases: readonly string[], flags = 'i'): RegExp | undefined {
  if (!phrases.length) return undefined
  return new RegExp(phrases.map((p) => `(?:${phraseSource(p)})`).join('|'), flags)
}
