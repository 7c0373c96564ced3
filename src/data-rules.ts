// Clause rules defined as data (rules/data/clauses-extra.json), in the shape of a YAML `require-clause` rule:
// headings, patterns, parents, name, suggestion, messages, and `requires` (one typed value kind, or a list of
// kinds any of which will do). Adding such a clause is a data edit: an entry here, its fixtures, its profiles.
import {clauseRule, type ClauseRuleSpec, type Verdict} from './clauses.js'
import type {Values} from './reading/values/index.js'
import type {AnyRule} from './rule.js'
import {phraseSource, phrasesRegExp} from './reading/phrases.js'

/** Typed values a data clause can require: the require-clause kinds, plus clock `hours`. */
const VALUE_KINDS = {duration: 'durations', frequency: 'frequencies', percentage: 'percentages', money: 'money', hours: 'hours'} as const satisfies Record<string, keyof Values>
type ValueKind = keyof typeof VALUE_KINDS

export interface DataClause {
  readonly description: string
  readonly name?: string
  readonly headings: readonly string[]
  readonly patterns?: readonly string[]
  readonly parents?: readonly string[]
  readonly requires?: ValueKind | readonly ValueKind[]
  readonly suggestion?: string
  readonly messages?: {readonly missing?: string; readonly vague?: string; readonly delegated?: string}
}

const WHAT: Record<ValueKind, string> = {duration: 'a duration', frequency: 'a frequency', percentage: 'a percentage', money: 'an amount', hours: 'clock times'}
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** Build the clause rule of one data entry (throws on an unknown value kind). */
export function dataRule(id: string, c: DataClause): AnyRule {
  const kinds: readonly ValueKind[] = c.requires === undefined ? [] : typeof c.requires === 'string' ? [c.requires] : c.requires
  for (const k of kinds) if (!(k in VALUE_KINDS)) throw new Error(`rules/data/clauses-extra.json: ${id}: requires: unknown value kind "${k}"`)
  const name = c.name ?? id.replace(/-/g, ' ')
  const topic = phrasesRegExp(c.patterns ?? c.headings)!
  const plural = /s$/.test(name)
  const own = c.messages ?? {}
  const messages: {missing: string; vague: string; delegated: string} = {
    missing: own.missing ?? `Missing ${name}; ${c.suggestion ?? `add a section on ${name}`}`,
    vague: own.vague ?? `Vague ${name} "{text}"; state ${kinds.map((k) => WHAT[k]).join(' or ')}`,
    delegated: own.delegated ?? `${capital(name)} ${plural ? 'are' : 'is'} set in {target}; lint it with this agreement or state ${plural ? 'them' : 'it'} here`,
  }
  const spec: ClauseRuleSpec = {
    id,
    description: c.description,
    data: {headings: c.headings.map(phraseSource), topic: topic.source, ...(c.parents ? {parents: c.parents.map(phraseSource)} : {})},
    messages,
    judge(unit, reader): Verdict | undefined {
      if (!unit.inHome && !topic.test(unit.text)) return undefined
      const values = kinds.length ? reader.reading.values(unit.text) : undefined
      if (values && kinds.some((k) => values[VALUE_KINDS[k]].length)) return {outcome: 'present'}
      const delegated = reader.delegated(unit, topic)
      if (delegated) return delegated
      if (!kinds.length) return {outcome: 'present'}
      // quote from the clause of the sentence that names the topic
      const m = topic.exec(unit.text)
      const before = m ? unit.text.slice(0, m.index) : ''
      const cut = Math.max(before.lastIndexOf(', '), before.lastIndexOf('; '))
      return cut >= 0 ? {outcome: 'vague', start: cut + 2} : {outcome: 'vague'}
    },
  }
  const rule = clauseRule(spec)
  if (kinds.length) return rule
  // with no required value, a statement of the clause is present wherever it is: there is no vague outcome
  const {vague: _vague, ...reachable} = rule.meta.messages
  return {...rule, meta: {...rule.meta, messages: reachable}} as AnyRule
}

/** Every data-defined clause rule of `clauses` (entries by rule id), sorted by id. */
export function dataRules(clauses: Readonly<Record<string, DataClause>>): AnyRule[] {
  return Object.keys(clauses)
    .sort()
    .map((id) => dataRule(id, clauses[id]!))
}
