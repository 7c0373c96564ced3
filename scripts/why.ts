// Explain a clause decision (a debugging aid):
//   node --import tsx scripts/why.ts FILE RULE-ID [--unreached] [--profile NAME] [--no-config]
// It traces the search the rule's check really makes, with the rules and options a lint of the file runs (config files
// beside and above it, its front matter, its profile, the rule's `headings` option): the home sections judged as a
// whole, then each unit that the topic filter lets through (a sentence, a table row, a list item read with the sentence
// that introduced it), in document order, until the first present. With --unreached it also lists the units the real
// path never judges (kept out by the topic filter, or after the first present) that the judge would decide (where a
// clause in other words goes unseen). `explain()` is the same trace as a value (test/why.test.ts checks it against lint).
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {prepare, unitsOf, type ClauseFinder, type ClauseRuleSpec, type Finding, type Unit, type Verdict} from '../src/clauses.js'
import {ConfigError, ConfigLoader} from '../src/config.js'
import {buildDocument} from '../src/document.js'
import {ruleOptions} from '../src/engine.js'
import {FileError, planRules, readSource, type LintOptions} from '../src/lint.js'
import {parseProfile, profileRules} from '../src/profiles.js'
import {read} from '../src/reading/index.js'
import type {AnyRule} from '../src/rule.js'
import type {Outcome} from '../src/types.js'
import {rules as builtinRules} from '../rules/index.js'

/** One judgement on the path: a home section read as a whole, or one unit. */
export interface Step {
  readonly kind: 'section' | 'unit'
  /** The line of the unit's block, or of the section's heading. */
  readonly line: number
  /** For a section: its path. For a unit: its text. */
  readonly text: string
  readonly inHome?: boolean
  /** For a list item: the sentence that introduced its list. */
  readonly intro?: string
  readonly verdict: Verdict | undefined
}

export interface Explanation {
  readonly ruleId: string
  /** The profile a lint of this text runs. */
  readonly profile: string
  /** Whether that lint runs the rule at all; when not, `notRun` says why (and the trace is what it would find). */
  readonly runs: boolean
  readonly notRun?: string
  readonly outcome: Outcome
  readonly finding: Finding
  /** The judgements made, in order. */
  readonly steps: readonly Step[]
  /** With `unreached`: the units never judged that the judge would decide. */
  readonly unreached?: readonly Step[]
}

/** A rule id that names no clause rule; a usage error. */
export class NotAClauseRule extends Error {}

type ClauseRule = AnyRule & ClauseFinder & {readonly spec: ClauseRuleSpec}
const isClauseRule = (rule: AnyRule | undefined): rule is ClauseRule => rule !== undefined && typeof (rule as Partial<ClauseFinder>).find === 'function'

/**
 * Explain how `ruleId` decides on `text`, along the path a `lint(text, options)` takes: the same document, rules,
 * severities and options, and the rule's own search. Throws NotAClauseRule, and ConfigError for bad front matter.
 */
export function explain(text: string, ruleId: string, options: ExplainOptions = {}): Explanation {
  return explainAll(text, [ruleId], options)[0]!
}

export type ExplainOptions = LintOptions & {readonly unreached?: boolean}

/** explain() for several rules of one text: the document is built and read once, as a lint reads it once for all its rules. */
export function explainAll(text: string, ruleIds: readonly string[], options: ExplainOptions = {}): Explanation[] {
  const filePath = options.filePath ?? '<text>'
  const parser = options.parser ?? options.settings?.parser
  const doc = buildDocument(text, filePath, parser ? {parser} : {})
  const plan = planRules(doc, options)
  // one reading of the document, shared by every rule (as the engine shares it)
  const reading = read(doc)
  const line = (offset: number): number => doc.positionAt(offset).line
  const key = (u: Unit): string => `${u.block.position.start.offset}:${u.start}`
  return ruleIds.map((ruleId) => {
    const planned = plan.rules.find((r) => r.meta.id === ruleId)
    const rule = planned ?? builtinRules.find((r) => r.meta.id === ruleId) ?? plan.settings.customRules.find((r) => r.meta.id === ruleId)
    if (!isClauseRule(rule)) throw new NotAClauseRule(rule ? `${ruleId} is not a clause rule` : `${ruleId} is not a rule`)
    // settings leave a rule turned off out of the run; a severity given to lint() turns it off in the engine
    const configured = plan.settings.rules.get(ruleId)
    const off = planned ? (plan.severities[ruleId] ?? planned.meta.severity) === 'off' : configured?.severity === 'off' && profileRules(plan.profile).some((r) => r.meta.id === ruleId)
    const notRun = off ? 'it is turned off' : !planned ? `the ${plan.profile} profile does not run it` : undefined
    // the options the engine gives the rule: those configured, merged over its defaults
    const given = ruleOptions(rule, plan.ruleOptions[ruleId] ?? configured?.options)
    const judged = new Set<string>()
    const steps: Step[] = []
    const finding = rule.find(doc, given, reading, {
      section: (s, verdict) => steps.push({kind: 'section', line: s.headingPosition.start.line, text: s.path.join(' › '), verdict}),
      unit: (u, verdict) => {
        judged.add(key(u))
        steps.push({kind: 'unit', line: line(u.block.position.start.offset), text: u.text, inHome: u.inHome, ...(u.intro ? {intro: u.intro} : {}), verdict})
      },
    })
    let unreached: Step[] | undefined
    if (options.unreached) {
      unreached = []
      const {spec, re} = rule.clauseFor(given)
      const {homeIds, reader} = prepare(doc, spec, given, reading, re)
      for (const block of doc.blocks) {
        if (block.kind === 'heading') continue
        for (const unit of unitsOf(block, homeIds.has(block.section.id))) {
          if (judged.has(key(unit))) continue
          const verdict = spec.judge(unit, reader)
          if (verdict) unreached.push({kind: 'unit', line: line(block.position.start.offset), text: unit.text, inHome: unit.inHome, verdict})
        }
      }
    }
    return {
      ruleId,
      profile: plan.profile,
      runs: notRun === undefined,
      ...(notRun ? {notRun} : {}),
      outcome: finding.outcome,
      finding,
      steps,
      ...(unreached ? {unreached} : {}),
    }
  })
}

/** The ids of the built-in clause rules (those why.ts can explain), sorted. */
export const CLAUSE_RULE_IDS: readonly string[] = builtinRules.filter(isClauseRule).map((r) => r.meta.id)

const show = (v: Verdict | undefined): string => (v ? `${v.outcome}${v.target ? ` (${v.target})` : ''}${v.detail ? ` — ${v.detail}` : ''}` : 'no verdict')

/** The explanation as the command prints it. */
export function formatExplanation(e: Explanation): string {
  const out: string[] = []
  if (!e.runs) out.push(`note: a lint of this file does not run ${e.ruleId} (${e.notRun}); this is what it would find`)
  const f = e.finding
  const at = f.unit ? ` at line ${f.unit.block.position.start.line}: "${f.unit.text.slice(0, 160)}"` : ''
  out.push(`outcome: ${f.outcome} ${f.section?.path.join(' › ') ?? ''}${at}`.replace(/ {2,}/g, ' ').trimEnd())
  out.push(e.steps.length ? 'judged, in order:' : 'nothing reached the judge')
  for (const s of e.steps) {
    if (s.kind === 'section') out.push(`  section "${s.text}" as a whole: ${show(s.verdict)}`)
    else out.push(`  ${s.line}${s.inHome ? ' (in its home)' : ''}: ${show(s.verdict)}  "${s.text.slice(0, 120)}"${s.intro ? `\n      introduced by "${s.intro.slice(0, 100)}"` : ''}`)
  }
  if (e.unreached) {
    out.push('not judged on the real path (kept out by the topic filter, or after the first present), though the judge would decide:')
    for (const s of e.unreached) out.push(`  ${s.line}: ${show(s.verdict)}  "${s.text.slice(0, 120)}"`)
  }
  return out.join('\n')
}

const USAGE = 'usage: why.ts FILE RULE-ID [--unreached] [--profile NAME] [--no-config]'

async function main(argv: readonly string[]): Promise<number> {
  const flags = new Set<string>()
  const positional: string[] = []
  let profile: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--profile') profile = argv[++i]
    else if (a.startsWith('--profile=')) profile = a.slice('--profile='.length)
    else if (a.startsWith('--')) flags.add(a)
    else positional.push(a)
  }
  const unknown = [...flags].filter((f) => f !== '--unreached' && f !== '--no-config')
  const [file, id] = positional
  if (!file || !id || positional.length > 2 || unknown.length) {
    console.error(unknown.length ? `why.ts: unknown option ${unknown[0]} (${USAGE})` : USAGE)
    return 2
  }
  const chosen = profile === undefined ? undefined : parseProfile(profile)
  if (chosen && 'error' in chosen) {
    console.error(`why.ts: --profile: ${chosen.error}`)
    return 2
  }
  const named = chosen?.profile
  try {
    const {text} = await readSource(file)
    // config files beside and above the file apply, as on the command line (--no-config: none)
    const config = await new ConfigLoader({cwd: process.cwd(), noConfig: flags.has('--no-config'), ...(named ? {profile: named} : {})}).forFile(file)
    const e = explain(text, id, {filePath: file, settings: config.settings, ...(named ? {profile: named} : {}), unreached: flags.has('--unreached')})
    console.log(formatExplanation(e))
    return 0
  } catch (error) {
    if (error instanceof FileError) console.error(`why.ts: ${error.filePath}: ${error.message}`)
    else if (error instanceof ConfigError || error instanceof NotAClauseRule) console.error(`why.ts: ${error.message}`)
    else throw error
    return 2
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = await main(process.argv.slice(2))
