// Renders documentation from rule meta: the README rules table, kept in sync by `npm run docs` and a test.
import type {AnyRule} from './rule.js'

export const RULES_START = '<!-- rules:start -->'
export const RULES_END = '<!-- rules:end -->'

/** Make text safe inside a Markdown table cell: one line, `|` and inline syntax (`<tag>`, `_`, `*`, backticks) escaped. */
export function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/[\\|<*_`]/g, (c) => `\\${c}`)
}

/** The README rules table: one row per rule, in the order given. Ends with a newline. */
export function rulesTable(rules: readonly AnyRule[]): string {
  const rows = [
    '| Rule | Category | Default severity | Description |',
    '| --- | --- | --- | --- |',
    ...rules.map((r) => `| \`${r.meta.id}\` | ${r.meta.category} | ${r.meta.severity} | ${cell(r.meta.description)} |`),
  ]
  return `${rows.join('\n')}\n`
}

/**
 * Put the table between the markers of a README. Returns the new text; a README without
 * markers gets them (with the table) appended, and no README gives one with just the table.
 */
export function replaceRulesTable(readme: string | undefined, table: string): string {
  const block = `${RULES_START}\n${table}${RULES_END}`
  if (readme === undefined || !readme.trim()) return `${block}\n`
  const start = readme.indexOf(RULES_START)
  const end = start < 0 ? -1 : readme.indexOf(RULES_END, start + RULES_START.length)
  if (start < 0 || end < 0) return `${readme.replace(/\n*$/, '\n\n')}${block}\n`
  return `${readme.slice(0, start)}${block}${readme.slice(end + RULES_END.length)}`
}

/** The table currently between the markers, or undefined when the markers are missing. */
export function readRulesTable(readme: string): string | undefined {
  const start = readme.indexOf(RULES_START)
  const end = start < 0 ? -1 : readme.indexOf(RULES_END, start + RULES_START.length)
  if (start < 0 || end < 0) return undefined
  return readme.slice(start + RULES_START.length, end).replace(/^\r?\n/, '')
}
