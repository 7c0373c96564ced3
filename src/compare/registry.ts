// The clause rules the comparison covers and the clause finder, seen from src/compare/ (with adapter.ts, the only
// files here that import internals).
import {findClause, type ClauseRuleSpec} from '../clauses.js'
import {PROFILE_RULE_IDS} from '../profiles.js'
import {rules} from '../../rules/index.js'
import type {Reading} from './adapter.js'
import {readFacets, type ClauseReading, type Located} from './read.js'

/** A clause rule: its id, name and the spec the clause finder takes. */
export interface ClauseRule {
  readonly id: string
  readonly description: string
  readonly spec: ClauseRuleSpec
  /** The section titles that are the clause's home (compiled from its data). */
  readonly home: RegExp
}

let clauseRulesCache: ClauseRule[] | undefined

/** Every built-in clause rule, in registry order. */
export function clauseRules(): readonly ClauseRule[] {
  clauseRulesCache ??= rules.flatMap((r) => {
    const spec = (r as {spec?: ClauseRuleSpec}).spec
    if (r.meta.category !== 'clause' || !spec) return []
    return [{id: r.meta.id, description: r.meta.description, spec, home: new RegExp(spec.data.headings.map((h) => `(?:${h})`).join('|'), 'i')}]
  })
  return clauseRulesCache
}

/** The ids of the clause rules of a profile, in the profile's order. */
export function profileClauseIds(profile: 'msa' | 'sla' | 'agreement'): string[] {
  const clause = new Set(clauseRules().map((c) => c.id))
  return PROFILE_RULE_IDS[profile].filter((id) => clause.has(id))
}

/** Find a clause in a document (its Reading, shared by every clause read in it) with the rule's default options. */
export function locate(reading: Reading, rule: ClauseRule): Located {
  const f = findClause(reading.doc, rule.spec, {}, reading)
  const base = {outcome: f.outcome, ...(f.verdict?.target ? {target: f.verdict.target} : {})}
  if (f.unit) {
    const start = f.unit.start + (f.verdict?.start ?? 0)
    const end = f.verdict?.end === undefined ? f.unit.start + f.unit.text.trimEnd().length : f.unit.start + f.verdict.end
    return {...base, block: f.unit.block, start, end, text: f.unit.text, ...(f.unit.block.section ? {section: f.unit.block.section} : {})}
  }
  return {...base, ...(f.section ? {section: f.section} : {})}
}

/** Read one clause of a document (its Reading): where the finder found it, and its values. */
export function readClause(reading: Reading, rule: ClauseRule): ClauseReading {
  return readFacets(reading, rule.id, locate(reading, rule), rule.home)
}
