// The comparison's one view of clauselint's internals: parse a document, pick its clause rules, find each clause,
// and the shared readings it needs. Everything else in src/compare/ reads documents only through this file.
import {findClause, type ClauseRuleSpec} from '../clauses.js'
import {detectProfile} from '../detect.js'
import {buildDocument, rangePosition} from '../document.js'
import {lazyValues, type Values} from '../reading/values/index.js'
import {INCLUDED_CHARGE, VAGUE_TIME} from '../reading/wording.js'
import {PROFILE_RULE_IDS} from '../profiles.js'
import {targetName} from '../reading/delegation.js'
import {excerpt} from '../text.js'
import {rules} from '../../rules/index.js'
import type {Block, Document, Outcome, Position, Section} from '../types.js'

export type {Block, Document, Outcome, Position, Section, Values}
export {excerpt, targetName, VAGUE_TIME, INCLUDED_CHARGE}

/** The typed values of a text (the reading stage's extractors, without a Reading's per-document cache). */
export const valuesOf = (text: string): Values => lazyValues(text)

/** Parse an agreement into its section tree. */
export function parseAgreement(text: string, filePath: string): Document {
  return buildDocument(text, filePath)
}

/** The clause-set profile a document reads as (msa, sla, agreement), or undefined when it reads as none. */
export function profileOf(doc: Document): 'msa' | 'sla' | 'agreement' | undefined {
  const p = detectProfile(doc).profile
  return p === 'language' ? undefined : p
}

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

/** Where and how a document states a clause, as the clause finder decided. */
export interface Located {
  readonly outcome: Outcome
  /** The statement that decided it (a sentence or table row), when there is one. */
  readonly block?: Block
  readonly start?: number
  readonly end?: number
  /** The text of that statement. */
  readonly text?: string
  /** The section judged as a whole, when the finder decided on a section rather than a statement. */
  readonly section?: Section
  /** Where a delegated value lives ("Order Form"). */
  readonly target?: string
}

/** Find a clause in a document with the rule's default options. */
export function locate(doc: Document, rule: ClauseRule): Located {
  const f = findClause(doc, rule.spec, {})
  const base = {outcome: f.outcome, ...(f.verdict?.target ? {target: f.verdict.target} : {})}
  if (f.unit) {
    const start = f.unit.start + (f.verdict?.start ?? 0)
    const end = f.verdict?.end === undefined ? f.unit.start + f.unit.text.trimEnd().length : f.unit.start + f.verdict.end
    return {...base, block: f.unit.block, start, end, text: f.unit.text, ...(f.unit.block.section ? {section: f.unit.block.section} : {})}
  }
  return {...base, ...(f.section ? {section: f.section} : {})}
}

/** The source position of a range of a block's text. */
export function positionOf(doc: Document, block: Block, start: number, end: number): Position {
  return rangePosition(doc, block, start, end)
}

/** Every block in a section and its subsections, in document order, headings left out. */
export function blocksUnder(section: Section): Block[] {
  const out: Block[] = section.blocks.filter((b) => b.kind !== 'heading')
  for (const c of section.children) out.push(...blocksUnder(c))
  return out
}
