// The data-defined clause kind, `require-clause`: a clause found by heading synonyms and topic phrases, present when
// it states one of the required typed values. Built-in data clauses (rules/data/clauses-extra.json, through the
// registry) and YAML `require-clause` rules (src/custom-rules.ts) are both made here; only their messages' wording
// and where their data comes from differ.
import {clauseRule, type ClauseMessages, type ClauseRuleSpec, type Verdict} from './clauses.js'
import {phraseSource, phrasesRegExp} from './reading/phrases.js'
import type {Values} from './reading/values/index.js'
import type {AnyRule} from './rule.js'
import type {Severity} from './types.js'

/** Typed values a clause can require, by their singular name: the value kinds of the reading with a clear "present". */
export const REQUIRABLE = {duration: 'durations', frequency: 'frequencies', percentage: 'percentages', money: 'money', hours: 'hours'} as const satisfies Record<string, keyof Values>
export type Requirable = keyof typeof REQUIRABLE

/** What a required kind is called in a message ("state a duration or clock times"). */
export const REQUIRABLE_WHAT: Readonly<Record<Requirable, string>> = {duration: 'a duration', frequency: 'a frequency', percentage: 'a percentage', money: 'an amount', hours: 'clock times'}

/** One require-clause rule, its data resolved. */
export interface RequireClause {
  readonly id: string
  readonly description: string
  /** Section titles that are the clause's home: phrases (plain words, or /regex/). */
  readonly headings: readonly string[]
  /** Body text that addresses the clause wherever it sits (default: the headings). */
  readonly patterns?: readonly string[] | undefined
  /** Section titles where a missing clause should be added. */
  readonly parents?: readonly string[] | undefined
  /** Any of these value kinds makes the clause present; none required: any statement of it is. */
  readonly requires: readonly Requirable[]
  readonly messages: ClauseMessages
  readonly severity?: Severity
  /** The phrases were written by a user (a YAML rule): every pattern is matched by RE2, in linear time. */
  readonly linear?: boolean
}

/** Build a require-clause rule. With nothing required there is no vague outcome, so no vague message. */
export function requireClause(c: RequireClause): AnyRule {
  const kinds = c.requires
  const topic = phrasesRegExp(c.patterns ?? c.headings, 'i', c.linear)!
  const spec: ClauseRuleSpec = {
    id: c.id,
    description: c.description,
    data: {headings: c.headings.map(phraseSource), topic: topic.source, ...(c.parents ? {parents: c.parents.map(phraseSource)} : {}), ...(c.linear ? {linear: true} : {})},
    messages: c.messages,
    judge(unit, reader): Verdict | undefined {
      if (!unit.inHome && !topic.test(unit.text)) return undefined
      const values = kinds.length ? reader.reading.values(unit.text) : undefined
      if (values && kinds.some((k) => values[REQUIRABLE[k]].length)) return {outcome: 'present'}
      const delegated = reader.delegated(unit, topic)
      if (delegated) return delegated
      if (!kinds.length) return {outcome: 'present'}
      // quote from the clause of the sentence that names the topic ("…, and will notify Client promptly of any breach")
      const m = topic.exec(unit.text)
      const before = m ? unit.text.slice(0, m.index) : ''
      const cut = Math.max(before.lastIndexOf(', '), before.lastIndexOf('; '))
      return cut >= 0 ? {outcome: 'vague', start: cut + 2} : {outcome: 'vague'}
    },
  }
  const rule = clauseRule(spec)
  const meta = c.severity ? {...rule.meta, severity: c.severity} : rule.meta
  if (kinds.length) return {...rule, meta} as AnyRule
  const {vague: _vague, ...reachable} = meta.messages
  return {...rule, meta: {...meta, messages: reachable}} as AnyRule
}

// ---------------------------------------------------------------------------------------------------------------
// Built-in data clauses (rules/data/clauses-extra.json): headings, patterns, parents, name, suggestion, messages,
// and `requires` (one kind, or a list of kinds any of which will do). Adding one is a data edit: an entry, its
// fixtures, its profiles.

export interface DataClause {
  readonly description: string
  readonly name?: string
  readonly headings: readonly string[]
  readonly patterns?: readonly string[]
  readonly parents?: readonly string[]
  readonly requires?: Requirable | readonly Requirable[]
  readonly suggestion?: string
  readonly messages?: {readonly missing?: string; readonly vague?: string; readonly delegated?: string}
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** The messages of a clause named `name` (missing, vague with `vague` as what to state, delegated), unless given. */
export function clauseMessages(name: string, own: Partial<ClauseMessages>, missing: string, vague: string): ClauseMessages {
  const plural = /s$/.test(name)
  return {
    missing: own.missing ?? `Missing ${name}; ${missing}`,
    vague: own.vague ?? `Vague ${name} "{text}"; ${vague}`,
    delegated: own.delegated ?? `${capital(name)} ${plural ? 'are' : 'is'} set in {target}; lint it with this agreement or state ${plural ? 'them' : 'it'} here`,
  }
}

/** Build the clause rule of one data entry (throws on an unknown value kind). */
export function dataRule(id: string, c: DataClause): AnyRule {
  const kinds: readonly Requirable[] = c.requires === undefined ? [] : typeof c.requires === 'string' ? [c.requires] : c.requires
  for (const k of kinds) if (!(k in REQUIRABLE)) throw new Error(`rules/data/clauses-extra.json: ${id}: requires: unknown value kind "${k}"`)
  const name = c.name ?? id.replace(/-/g, ' ')
  return requireClause({
    id,
    description: c.description,
    headings: c.headings,
    patterns: c.patterns,
    parents: c.parents,
    requires: kinds,
    messages: clauseMessages(name, c.messages ?? {}, c.suggestion ?? `add a section on ${name}`, `state ${kinds.map((k) => REQUIRABLE_WHAT[k]).join(' or ')}`),
  })
}

/** Every data-defined clause rule of `clauses` (entries by rule id), sorted by id. */
export function dataRules(clauses: Readonly<Record<string, DataClause>>): AnyRule[] {
  return Object.keys(clauses)
    .sort()
    .map((id) => dataRule(id, clauses[id]!))
}
