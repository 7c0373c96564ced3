// The rule API: meta + check, as in ESLint, sized like commitlint.
import type {Reading} from './reading/index.js'
import {parseDurationOption} from './reading/values/index.js'
import type {Block, Document, Outcome, Position, Section, Severity} from './types.js'

export type RuleCategory = 'clause' | 'language' | 'integrity'

/** A rule's options object, as the engine hands it over: the config's, validated, merged over the defaults. */
export type RuleOptions = Readonly<Record<string, unknown>>

export interface RuleMeta<MessageIds extends string = string, Options extends object = RuleOptions> {
  /** Kebab-case id; equals the file name under `rules/`. Public API. */
  readonly id: string
  readonly description: string
  readonly category: RuleCategory
  /** Default severity. For clause rules this is the severity of a missing clause. */
  readonly severity: Severity
  /**
   * Off unless config gives it a severity (a YAML custom rule whose file says `severity: off` or `0`); `severity` is
   * then what a finding has when config turns it on without naming one.
   */
  readonly defaultOff?: true
  /** Message templates with `{name}` slots. */
  readonly messages: Readonly<Record<MessageIds, string>>
  /** The options the rule takes: a JSON Schema for the options object and the defaults. Validated once, at config load. */
  readonly options?: RuleOptionsMeta<Options>
  /** For a built-in clause rule: the group reports show it in (set by the registry from rules/data/clause-groups.json). */
  readonly group?: ClauseGroup
}

/** A group of clause rules as reports show them: the operational checklist, service levels, the commercial core. */
export interface ClauseGroup {
  readonly id: string
  /** "Operational checklist", "Commercial core". */
  readonly title: string
  /** Its rule ids, in checklist order. */
  readonly rules: readonly string[]
  /** Its place in report order (0 first). */
  readonly order: number
}

/** The group of clause rules that belong to no group (custom clause rules), shown last. */
export const OTHER_GROUP: ClauseGroup = {id: 'other', title: 'Other clauses', rules: [], order: Number.MAX_SAFE_INTEGER}

/** The group of a rule id, from the metas given (a reporter's input); OTHER_GROUP when none names one. */
export function groupOf(ruleId: string, metas: Iterable<RuleMeta>): ClauseGroup {
  for (const m of metas) if (m.id === ruleId && m.group) return m.group
  return OTHER_GROUP
}

/** Places in a group's list per group: a rank is the group's place, then the rule's place in the group. */
const GROUP_SPAN = 10_000

/**
 * The clause rules among `metas` in report order (the operational checklist first, then each group in turn): rule id
 * → rank. Only the order of the ranks means anything; rules of no group have none (they sort after).
 */
export function clauseOrder(metas: Iterable<RuleMeta>): Map<string, number> {
  const order = new Map<string, number>()
  for (const m of metas) {
    const at = m.group ? m.group.rules.indexOf(m.id) : -1
    if (at >= 0) order.set(m.id, m.group!.order * GROUP_SPAN + at)
  }
  return order
}

/** A JSON Schema (draft-07) as plain data. */
export type JsonSchema = {readonly [key: string]: unknown}

export interface RuleOptionsMeta<Options extends object = RuleOptions> {
  /** Schema of the options object (`type: "object"`, one property per option, each with a `description`). */
  readonly schema: JsonSchema
  /** Values used for options the config does not set; config objects are merged over these (arrays replace). */
  readonly defaults: Readonly<Record<string, unknown>>
  /** Never set: carries the type of the options object the schema describes, for `context.options`. */
  readonly type?: Options
}

/**
 * A rule's options meta, with the type of its options object: `ruleOptions<{maxInterval: string}>({schema, defaults})`.
 * The schema is the truth (ajv checks the config against it once, at load); the type says what it guarantees.
 */
export function ruleOptions<Options extends object>(meta: {readonly schema: JsonSchema; readonly defaults: Readonly<Record<string, unknown>>}): RuleOptionsMeta<Options> {
  return meta
}

/** The JSON Schema `format` of a duration option ("1h", "30m", "4 hours", "next business day"); checked with parseDurationOption. */
export const DURATION_FORMAT = 'clauselint-duration'

/** Is `text` a duration an option may hold (a positive time)? */
export function isDurationOption(text: string): boolean {
  const minutes = parseDurationOption(text)
  return minutes !== undefined && minutes > 0
}

/** The schema of a duration option. */
export function durationSchema(description: string): JsonSchema {
  return {type: 'string', format: DURATION_FORMAT, description, examples: ['1h', '30m', '4 business hours']}
}

export interface Report<MessageIds extends string = string> {
  readonly messageId: MessageIds
  readonly data?: Readonly<Record<string, string | number>>
  /** Where: a range of a block's text, a whole block, a section heading or an explicit position. */
  readonly block?: Block
  readonly start?: number
  readonly end?: number
  readonly section?: Section
  readonly position?: Position
  readonly outcome?: Outcome
  /** A house-standard check on a clause that is present (see LintMessage.policy). */
  readonly policy?: boolean
  /** Overrides the configured severity (e.g. vague → warning, delegated → info). */
  readonly severity?: Severity
  readonly evidence?: string
}

export interface CoverWhere {
  readonly section?: Section | undefined
  readonly block?: Block | undefined
  readonly start?: number | undefined
  readonly evidence?: string | undefined
  /** With a playbook: the worst tier the clause's values land in, and each value's tier, quoted. */
  readonly tier?: string | undefined
  readonly tiers?: readonly string[] | undefined
}

export interface RuleContext<MessageIds extends string = string, Options extends object = RuleOptions> {
  readonly doc: Document
  /** The document's Reading: typed values, parties, definitions, list context, stated metrics, term hits; built once. */
  readonly reading: Reading
  /** The rule's options: the config's (already validated) merged over `meta.options.defaults`; `{}` for a rule without options. */
  readonly options: Readonly<Options>
  report(report: Report<MessageIds>): void
  /** Record what a clause rule decided, for coverage reports. */
  cover(outcome: Outcome, where: CoverWhere): void
}

export interface Rule<MessageIds extends string = string, Options extends object = RuleOptions> {
  readonly meta: RuleMeta<MessageIds, Options>
  check(context: RuleContext<MessageIds, Options>): void
}

/** Any rule, whatever its message ids. */
export type AnyRule = Rule<string>

// ---------------------------------------------------------------------------------------------------------------
// Built-in rules known by their metadata before their code is loaded

/**
 * The code of the built-in rules, by id: provided by the registry (rules/index.ts) when it is loaded. The command line
 * knows the built-in rules by their metadata alone (rules/meta.ts: ids, messages, options, groups), enough for its
 * configuration, its reports and its cache keys; it loads the rules' code only when it lints a file, so that a run that
 * finds every result in its cache never evaluates it. The package entry, the worker threads and the language server
 * load the registry at start.
 */
const builtinCode = new Map<string, AnyRule>()
const handles = new WeakSet<AnyRule>()

/** Record the code of the built-in rules (called by the registry, rules/index.ts, as it loads). */
export function provideBuiltinCode(rules: readonly AnyRule[]): void {
  for (const rule of rules) builtinCode.set(rule.meta.id, rule)
}

/** A built-in rule known by its metadata: its `check` runs the rule's code, which must have been loaded by then. */
export function builtinHandle(meta: RuleMeta): AnyRule {
  const handle: AnyRule = {
    meta,
    check(context) {
      ruleCode(handle).check(context)
    },
  }
  handles.add(handle)
  return handle
}

/** The rule whose code runs: for a handle of a built-in rule its code (from the registry), any other rule itself. */
export function ruleCode(rule: AnyRule): AnyRule {
  if (!handles.has(rule)) return rule
  const code = builtinCode.get(rule.meta.id)
  if (!code) throw new Error(`the code of the built-in rule ${rule.meta.id} is not loaded: import the rule registry (rules/index.js) before linting`)
  return code
}
