// Compare an agreement with a template, clause by clause: the two section trees are aligned by what each clause
// finder found (not by heading text or numbering), then each clause's outcome and typed values are compared.
import {diffWords} from 'diff'
import {excerpt, parseAgreement, positionOf, profileOf, read, targetName, TextCache, type Block, type Document, type Outcome, type Section} from './adapter.js'
import {vagueWording, type ClauseReading, type Facet} from './read.js'
import {clauseRules, profileClauseIds, readClause, type ClauseRule} from './registry.js'
import type {Severity, WordLocation} from '../types.js'
import {describeLanding, landings, type Playbook} from './playbook.js'

/** What changed in a clause, from the template to the agreement. */
export type DifferenceKind = 'missing' | 'weaker' | 'stronger' | 'delegated' | 'vague' | 'changed' | 'reworded' | 'fallback' | 'walkAway' | 'beyondWalkAway'

/** Severity of each kind: a clause missing or weaker is an error (exit 1), new vagueness or delegation a warning. */
export const KIND_SEVERITY: Readonly<Record<DifferenceKind, Severity>> = {
  missing: 'error',
  weaker: 'error',
  delegated: 'warning',
  vague: 'warning',
  changed: 'warning',
  stronger: 'info',
  reworded: 'info',
  fallback: 'warning',
  walkAway: 'warning',
  beyondWalkAway: 'error',
}

/** A part of a word diff: text kept, removed (only in the template) or added (only in the agreement). */
export interface WordChange {
  readonly op: 'same' | 'removed' | 'added'
  readonly text: string
}

/** Where a value or clause sits in one document. */
export interface Place {
  readonly line: number
  readonly column: number
  readonly sectionPath: readonly string[]
}

export interface Difference {
  readonly ruleId: string
  readonly kind: DifferenceKind
  readonly severity: Severity
  readonly message: string
  /** The value compared ("P1", "uptime", "retention"), for value differences. */
  readonly facet?: string
  /** The template's and the agreement's value as they read ("1 hour", "99.9%"). */
  readonly templateValue?: string
  readonly agreementValue?: string
  /** Where in the agreement (for a missing clause: where it belongs). */
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
  readonly sectionPath: readonly string[]
  /** Where in the template. */
  readonly template?: Place
  /** The quoted agreement text the difference is about. */
  readonly evidence?: string
  /** For `reworded`: the word diff from the template's wording to the agreement's (undefined parts: too different to align). */
  readonly diff?: readonly WordChange[]
  /** For a Word agreement: the paragraph (`line` is then its ordinal). */
  readonly docx?: WordLocation
}

export interface ClauseComparison {
  readonly ruleId: string
  readonly template: {readonly outcome: Outcome} & Partial<Place>
  readonly agreement: {readonly outcome: Outcome} & Partial<Place>
  readonly differences: readonly Difference[]
}

export interface Comparison {
  readonly filePath: string
  readonly templatePath: string
  /** The clauses the template states, in the order compared. */
  readonly clauses: readonly ClauseComparison[]
  /** Every difference, in agreement order. */
  readonly differences: readonly Difference[]
  readonly errorCount: number
  readonly warningCount: number
  readonly infoCount: number
}

export interface CompareOptions {
  /** Path of the agreement, in reports (default `<agreement>`). */
  readonly filePath?: string
  /** Path of the template, in reports (default `<template>`). */
  readonly templatePath?: string
  /** House positions per clause rule id (the rules' `playbook` option): the agreement's values are placed in their tiers too. */
  readonly playbooks?: Readonly<Record<string, unknown>>
  /** Answers per text kept across comparisons (see TextCache); by default one per comparison, for both documents. */
  readonly textCache?: TextCache
}

/** A template or agreement that cannot be compared: one line, naming the file. */
export class CompareError extends Error {}

/** Longest word diff (in edits) worked out in full; a clause rewritten beyond it is reported without the detail. */
const MAX_EDITS = 400

const isPriorityKey = (k: string): boolean => /^P\d$/.test(k)

function clauseName(rule: ClauseRule): string {
  return rule.id.replace(/-/g, ' ').replace(/^after hours/, 'after-hours')
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** Read every clause the comparison covers in a document. */
function readAll(doc: Document, rules: readonly ClauseRule[], texts: TextCache): Map<string, ClauseReading> {
  // one Reading of the document for every clause
  const reading = read(doc, texts)
  return new Map(rules.map((r) => [r.id, readClause(reading, r)]))
}

/** Fail with one line when a document does not read as an agreement. */
function checkAgreement(doc: Document, readings: ReadonlyMap<string, ClauseReading>, role: string): void {
  const found = [...readings.values()].filter((r) => r.located.outcome !== 'missing').length
  if (found < 2 || (profileOf(doc) === undefined && found < 4)) {
    throw new CompareError(`${doc.filePath}: the ${role} is not an agreement (${found === 0 ? 'no clause' : found === 1 ? 'one clause' : `only ${found} clauses`} of a services agreement, SLA or commercial agreement found)`)
  }
}

/** Compare an agreement's text with a template's. Throws CompareError when either does not read as an agreement. */
export function compare(agreementText: string, templateText: string, options: CompareOptions = {}): Comparison {
  const agreement = parseAgreement(agreementText, options.filePath ?? '<agreement>')
  const template = parseAgreement(templateText, options.templatePath ?? '<template>')
  return compareDocuments(agreement, template, options.playbooks, options.textCache)
}

/** The clause rules compared: every clause rule of the msa, sla and agreement profiles, once. */
function comparedRules(): ClauseRule[] {
  const ids = new Set([...profileClauseIds('msa'), ...profileClauseIds('sla'), ...profileClauseIds('agreement')])
  return clauseRules().filter((r) => ids.has(r.id))
}

/** Compare two parsed documents. */
export function compareDocuments(agreement: Document, template: Document, playbooks: Readonly<Record<string, unknown>> = {}, texts: TextCache = new TextCache()): Comparison {
  const rules = comparedRules()
  const t = readAll(template, rules, texts)
  checkAgreement(template, t, 'template')
  const a = readAll(agreement, rules, texts)
  checkAgreement(agreement, a, 'agreement')
  const compared = rules.filter((r) => t.get(r.id)!.located.outcome !== 'missing')
  // first the outcomes and values of every clause, then the wording (which must know what was reported already)
  const found = new Map(compared.map((rule) => [rule.id, compareClause(rule, t.get(rule.id)!, a.get(rule.id)!, template, agreement)]))
  const seenWording = new Set<string>()
  for (const rule of compared) {
    const tr = t.get(rule.id)!
    const ar = a.get(rule.id)!
    const differences = found.get(rule.id)!
    // one clause's wording may be another's too (response and resolution times in one table): diff it once
    if (ar.located.outcome === 'missing' || !tr.wording || !ar.wording || tr.wording === ar.wording) continue
    const key = `${tr.wording}\u0000${ar.wording}`
    if (seenWording.has(key)) continue
    seenWording.add(key)
    const r = reworded(rule, tr, ar, template, agreement)
    if (!differences.some((d) => d.kind === 'vague' || d.kind === 'delegated')) {
      // vague words already reported for another clause sharing this wording (a row of one table) are not repeated
      const reported = new Set([...found.values()].flat().filter((d) => d.kind === 'vague').map((d) => `${d.line}:${d.column}`))
      differences.push(...addedVagueness(rule, r, tr, ar, template, agreement).filter((d) => !reported.has(`${d.line}:${d.column}`)))
    }
    differences.push(r)
  }
  // the agreement against the house positions: values at fallback or walk-away, or beyond it
  for (const rule of compared) {
    const playbook = playbooks[rule.id]
    if (!playbook || typeof playbook !== 'object') continue
    const ar = a.get(rule.id)!
    const ctx: Ctx = {rule, tr: t.get(rule.id)!, ar, template, agreement}
    for (const l of landings(playbook as Playbook, ar.facets)) {
      if (l.landing === 'preferred') continue
      const what = l.key === 'included' ? 'after-hours charge' : (l.facet?.label ?? l.key)
      const kind: DifferenceKind = l.landing === 'beyond' ? 'beyondWalkAway' : l.landing
      const message = describeLanding(capital(what), l)
      found.get(rule.id)!.push(make(ctx, kind, message, facetWhere(ctx, l.facet), {facet: l.key, agreementValue: l.shown, evidence: l.shown}))
    }
  }
  const clauses: ClauseComparison[] = compared.map((rule) => {
    const tr = t.get(rule.id)!
    const ar = a.get(rule.id)!
    return {ruleId: rule.id, template: {outcome: tr.located.outcome, ...placeOf(template, tr)}, agreement: {outcome: ar.located.outcome, ...placeOf(agreement, ar)}, differences: found.get(rule.id)!}
  })
  const all = clauses.flatMap((c) => c.differences)
  all.sort((x, y) => x.line - y.line || x.column - y.column)
  const count = (s: Severity): number => all.filter((d) => d.severity === s).length
  return {filePath: agreement.filePath, templatePath: template.filePath, clauses, differences: all, errorCount: count('error'), warningCount: count('warning'), infoCount: count('info')}
}

// ---------------------------------------------------------------------------------------------------------------
// Places

function placeOf(doc: Document, r: ClauseReading): Place | Record<string, never> {
  const l = r.located
  if (l.block && l.start !== undefined) {
    const p = positionOf(doc, l.block, l.start, l.start)
    return {line: p.start.line, column: p.start.column, sectionPath: l.block.section.path}
  }
  if (l.section) return {line: l.section.headingPosition.start.line, column: l.section.headingPosition.start.column, sectionPath: l.section.path}
  return {}
}

interface Where {
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
  readonly sectionPath: readonly string[]
}

function blockWhere(doc: Document, block: Block, start: number, end: number): Where {
  const p = positionOf(doc, block, start, end)
  return {line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column, sectionPath: block.section.path}
}

function sectionWhere(section: Section): Where {
  const p = section.headingPosition
  return {line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column, sectionPath: section.path}
}

const LINE_ONE: Where = {line: 1, column: 1, endLine: 1, endColumn: 1, sectionPath: []}

/** Where a clause of the agreement is (its statement, else its section), else where it belongs. */
function clauseWhere(agreement: Document, ar: ClauseReading, tr: ClauseReading, template: Document): Where {
  const l = ar.located
  if (l.block && l.start !== undefined) return blockWhere(agreement, l.block, l.start, l.end ?? l.start)
  if (l.section) return sectionWhere(l.section)
  return belongs(agreement, tr, template)
}

const bare = (title: string): string => title.toLowerCase().replace(/^[\divx.()\s]+/, '').replace(/\s+/g, ' ').trim()

/** Where a clause missing from the agreement belongs: the agreement's section titled like the template clause's parent, or the title. */
function belongs(agreement: Document, tr: ClauseReading, template: Document): Where {
  const l = tr.located
  const homeSection = l.block?.section ?? l.section
  for (let s = homeSection?.parent; s && s.kind !== 'root'; s = s.parent) {
    if (s === template.title) break
    const match = agreement.sections.find((x) => x.kind !== 'root' && x !== agreement.title && bare(x.title) === bare(s.title))
    if (match) return sectionWhere(match)
  }
  return agreement.title ? sectionWhere(agreement.title) : LINE_ONE
}

function templatePlace(template: Document, f: Facet | undefined, tr: ClauseReading): Place | undefined {
  if (f?.block && f.start !== undefined) {
    const p = positionOf(template, f.block, f.start, f.start)
    return {line: p.start.line, column: p.start.column, sectionPath: f.block.section.path}
  }
  const p = placeOf(template, tr)
  return 'line' in p ? (p as Place) : undefined
}

// ---------------------------------------------------------------------------------------------------------------
// Differences

interface Ctx {
  readonly rule: ClauseRule
  readonly tr: ClauseReading
  readonly ar: ClauseReading
  readonly template: Document
  readonly agreement: Document
}

function make(ctx: Ctx, kind: DifferenceKind, message: string, where: Where, extra: Partial<Difference> = {}, tf?: Facet): Difference {
  const tp = templatePlace(ctx.template, tf, ctx.tr)
  return {ruleId: ctx.rule.id, kind, severity: KIND_SEVERITY[kind], message, ...where, ...(tp ? {template: tp} : {}), ...extra}
}

function facetWhere(ctx: Ctx, f: Facet | undefined): Where {
  if (f?.block && f.start !== undefined) return blockWhere(ctx.agreement, f.block, f.start, f.end ?? f.start)
  return clauseWhere(ctx.agreement, ctx.ar, ctx.tr, ctx.template)
}

function quote(doc: Document, r: ClauseReading): string {
  const l = r.located
  if (l.block && l.start !== undefined) return excerpt(l.block.text.slice(l.start, l.end ?? l.block.text.length))
  if (l.section) return excerpt(l.section.title)
  return ''
}

/** The template's values of a clause, as a short list ("P1 1 hour, P2 4 hours"). */
function valuesList(facets: readonly Facet[]): string {
  const brief = (f: Facet): string => {
    if (isPriorityKey(f.key)) return `${f.key} ${f.shown}`
    if (f.key === 'uptime') return `uptime ${f.shown}`
    if (f.key === 'interval') return `backups ${f.shown}`
    if (f.key === 'retention') return `kept ${f.shown}`
    if (f.key === 'span') return f.shown.replace(/ \(.*\)$/, '')
    return f.shown
  }
  return facets.map(brief).join(', ')
}

function compareClause(rule: ClauseRule, tr: ClauseReading, ar: ClauseReading, template: Document, agreement: Document): Difference[] {
  const ctx: Ctx = {rule, tr, ar, template, agreement}
  const to = tr.located.outcome
  const ao = ar.located.outcome
  const name = clauseName(rule)
  if (ao === 'missing') {
    const stated = tr.facets.length ? `: ${valuesList(tr.facets)}` : ''
    const home = tr.located.block?.section ?? tr.located.section
    const under = home && home !== template.title ? ` under "${home.path.join(' › ')}"` : ''
    return [make(ctx, 'missing', `Missing ${name}; the template ${to === 'delegated' ? 'says where they are set' : 'states them'}${under}${stated}`, belongs(agreement, tr, template))]
  }
  const where = clauseWhere(agreement, ar, tr, template)
  const q = quote(agreement, ar)
  if (ao === 'delegated' && to !== 'delegated') {
    const target = ar.located.target ? targetName(ar.located.target) : 'another document'
    const stated = tr.facets.length ? ` (${valuesList(tr.facets)})` : ''
    return [make(ctx, 'delegated', `New delegation of ${name} to ${target} "${q}"; the template states them${stated}`, where, {evidence: q})]
  }
  // a clause judged vague for what it lacks ("no time zone") but stating values: compare the values
  if (ao === 'vague' && to === 'present' && ar.facets.length) return compareFacets(ctx)
  if (ao === 'vague' && to === 'present') {
    const tq = quote(template, tr)
    return [make(ctx, 'vague', `Vague ${name} "${q}"; the template was measurable ("${tq}")`, where, {evidence: q})]
  }
  if (ao === 'present' && to !== 'present') {
    return [make(ctx, 'stronger', `Stronger ${name} "${q}": measurable where the template was ${to}`, where, {evidence: q})]
  }
  if (ao !== 'present' || to !== 'present') return []
  return compareFacets(ctx)
}

/** The agreement's facet standing in for a template facet: the same key, or the general value for a priority. */
function counterpart(key: string, facets: ReadonlyMap<string, Facet>): Facet | undefined {
  return facets.get(key) ?? (isPriorityKey(key) ? facets.get('any') : undefined)
}

function compareFacets(ctx: Ctx): Difference[] {
  const out: Difference[] = []
  const tf = new Map(ctx.tr.facets.map((f) => [f.key, f]))
  const af = new Map(ctx.ar.facets.map((f) => [f.key, f]))
  const tHasPriorities = [...tf.keys()].some(isPriorityKey)
  const aHasPriorities = [...af.keys()].some(isPriorityKey)
  // after-hours: "included" against a rate or multiplier
  if (ctx.rule.id === 'after-hours-support') {
    const tInc = tf.has('included')
    const aInc = af.has('included')
    const aCharge = af.get('rate') ?? af.get('multiplier')
    const tCharge = tf.get('rate') ?? tf.get('multiplier')
    if (tInc && !aInc && aCharge) {
      out.push(make(ctx, 'weaker', `Weaker after-hours terms "${aCharge.shown}": charged where the template includes the work ("${tf.get('included')!.shown}")`, facetWhere(ctx, aCharge), {facet: 'included', templateValue: tf.get('included')!.shown, agreementValue: aCharge.shown}, tf.get('included')))
      return out
    }
    // a rate where the template has a multiplier, or the other way round: not comparable, but changed
    const tOnly = tf.has('rate') !== tf.has('multiplier')
    const aOnly = af.has('rate') !== af.has('multiplier')
    if (!tInc && !aInc && tCharge && aCharge && tOnly && aOnly && tCharge.key !== aCharge.key) {
      out.push(make(ctx, 'changed', `Changed after-hours charge "${aCharge.shown}"; the template has ${tCharge.shown}`, facetWhere(ctx, aCharge), {facet: tCharge.key, templateValue: tCharge.shown, agreementValue: aCharge.shown}, tCharge))
      return out
    }
    if (aInc && !tInc && tCharge) {
      const inc = af.get('included')!
      out.push(make(ctx, 'stronger', `Stronger after-hours terms "${inc.shown}": included where the template charges ${tCharge.shown}`, facetWhere(ctx, inc), {facet: 'included', templateValue: tCharge.shown, agreementValue: inc.shown}, tCharge))
      return out
    }
  }
  for (const t of tf.values()) {
    let a = counterpart(t.key, af)
    // a general template value against per-priority values: the slowest priority is what the agreement holds to
    if (!a && t.key === 'any' && aHasPriorities) {
      a = [...af.values()].filter((f) => isPriorityKey(f.key)).sort((x, y) => (y.value as number) - (x.value as number))[0]
    }
    if (!a) {
      out.push(noValue(ctx, t))
      continue
    }
    const d = judge(ctx, t, a)
    if (d) out.push(d)
  }
  for (const a of af.values()) {
    if (tf.has(a.key)) continue
    if (isPriorityKey(a.key) && tf.has('any')) continue
    if (a.key === 'any' && tHasPriorities) continue
    if (ctx.rule.id === 'after-hours-support' && (tf.has('included') || af.has('included'))) continue
    out.push(make(ctx, 'stronger', `Stronger ${clauseName(ctx.rule)}: adds ${a.label} "${a.shown}", which the template does not state`, facetWhere(ctx, a), {facet: a.key, agreementValue: a.shown}))
  }
  return out
}

/** The agreement states nothing for a value the template states: vague if it speaks of it without a value, else weaker. */
function noValue(ctx: Ctx, t: Facet): Difference {
  const rank = isPriorityKey(t.key) ? Number(t.key.slice(1)) : undefined
  for (const block of ctx.ar.region) {
    for (const s of block.sentences.length ? block.sentences : [{start: 0, text: block.text}]) {
      if (rank !== undefined && !mentionsRank(s.text, rank)) continue
      const v = vagueWording(s.text)
      if (!v) continue
      const where = blockWhere(ctx.agreement, block, s.start + v.start, s.start + v.end)
      return make(ctx, 'vague', `Vague ${t.label} "${v.text}"; the template has ${t.shown}`, where, {facet: t.key, templateValue: t.shown, agreementValue: v.text, evidence: excerpt(s.text)}, t)
    }
  }
  const what = t.key === 'timeZone' ? 'no time zone' : t.key === 'period' ? 'no measurement period' : `no ${t.label}`
  return make(ctx, 'weaker', `Weaker ${clauseName(ctx.rule)}: ${what}; the template has ${t.label === 'uptime measurement period' ? t.shown : `"${t.shown}"`}`, clauseWhere(ctx.agreement, ctx.ar, ctx.tr, ctx.template), {facet: t.key, templateValue: t.shown}, t)
}

const RANK_WORDS: Readonly<Record<number, RegExp>> = {
  1: /\b(?:P1|priority\s*(?:1|one)|sev(?:erity)?\s*(?:1|one)|critical|urgent)\b/i,
  2: /\b(?:P2|priority\s*(?:2|two)|sev(?:erity)?\s*(?:2|two)|high)\b/i,
  3: /\b(?:P3|priority\s*(?:3|three)|sev(?:erity)?\s*(?:3|three)|medium|normal)\b/i,
  4: /\b(?:P4|priority\s*(?:4|four)|sev(?:erity)?\s*(?:4|four)|low)\b/i,
  5: /\b(?:P5|priority\s*(?:5|five)|sev(?:erity)?\s*(?:5|five))\b/i,
}

function mentionsRank(text: string, rank: number): boolean {
  return RANK_WORDS[rank]?.test(text) ?? false
}

function judge(ctx: Ctx, t: Facet, a: Facet): Difference | undefined {
  const label = isPriorityKey(a.key) || a.key === 'any' ? a.label : t.label
  const where = facetWhere(ctx, a)
  const extra = {facet: t.key, templateValue: t.shown, agreementValue: a.shown, evidence: a.shown}
  if (t.better === 'same' || typeof t.value !== 'number' || typeof a.value !== 'number' || (t.unit !== undefined && t.unit !== a.unit)) {
    if (String(t.value) === String(a.value) && t.unit === a.unit) return undefined
    return make(ctx, 'changed', `Changed ${label} "${a.shown}"; the template has ${t.shown}`, where, extra, t)
  }
  if (t.value === a.value) return undefined
  const weaker = t.better === 'lower' ? a.value > t.value : a.value < t.value
  return make(ctx, weaker ? 'weaker' : 'stronger', `${weaker ? 'Weaker' : 'Stronger'} ${label} "${a.shown}"; the template has ${t.shown}`, where, extra, t)
}

// ---------------------------------------------------------------------------------------------------------------
// Wording

/** The word diff of two wordings, or undefined when they are too different to align. */
export function wordDiff(from: string, to: string): WordChange[] | undefined {
  const parts = diffWords(from, to, {maxEditLength: MAX_EDITS})
  if (!parts) return undefined
  return parts.map((p) => ({op: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value}))
}

/** A short inline rendering of a word diff: changes as [-removed-]{+added+}, with a few words of context. */
export function inlineDiff(changes: readonly WordChange[], context = 4, max = 160): string {
  const out: string[] = []
  changes.forEach((c, i) => {
    const text = c.text.replace(/\s+/g, ' ')
    const mark = (open: string, close: string): string => `${/^\s/.test(text) ? ' ' : ''}${open}${text.trim()}${close}${/\s$/.test(text) ? ' ' : ''}`
    if (c.op === 'removed') out.push(mark('[-', '-]'))
    else if (c.op === 'added') out.push(mark('{+', '+}'))
    else {
      const words = text.split(' ')
      const first = i === 0
      const last = i === changes.length - 1
      if (words.length <= context * 2 + 1 || (first && words.length <= context) || (last && words.length <= context)) out.push(text)
      else out.push(`${first ? '' : words.slice(0, context + 1).join(' ')} … ${last ? '' : words.slice(-context - 1).join(' ')}`)
    }
  })
  const s = out.join('').replace(/\s+/g, ' ').replace(/\]\{/g, '] {').replace(/\}\[/g, '} [').trim()
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s
}

function reworded(rule: ClauseRule, tr: ClauseReading, ar: ClauseReading, template: Document, agreement: Document): Difference {
  const ctx: Ctx = {rule, tr, ar, template, agreement}
  const changes = wordDiff(tr.wording, ar.wording)
  const where = clauseWhere(agreement, ar, tr, template)
  const name = capital(clauseName(rule))
  if (!changes) return make(ctx, 'reworded', `${name} rewritten; the wording differs from the template's throughout`, where)
  return make(ctx, 'reworded', `${name} reworded: ${inlineDiff(changes)}`, where, {diff: changes})
}

/** Vague time words the agreement adds to a clause whose template wording had none of them ("… and will respond promptly"). */
function addedVagueness(rule: ClauseRule, r: Difference, tr: ClauseReading, ar: ClauseReading, template: Document, agreement: Document): Difference[] {
  if (!r.diff) return []
  const ctx: Ctx = {rule, tr, ar, template, agreement}
  const out: Difference[] = []
  const had = tr.wording.toLowerCase()
  for (const c of r.diff) {
    if (c.op !== 'added') continue
    const v = vagueWording(c.text)
    if (!v || had.includes(v.text.toLowerCase())) continue
    const block = ar.region.find((b) => b.text.includes(v.text))
    const at = block ? block.text.indexOf(v.text) : -1
    const where = block && at >= 0 ? blockWhere(agreement, block, at, at + v.text.length) : clauseWhere(agreement, ar, tr, template)
    out.push(make(ctx, 'vague', `Vague wording "${v.text}" added to ${clauseName(rule)}; the template has no such words there`, where, {evidence: excerpt(c.text)}))
  }
  return out
}
