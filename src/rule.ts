// The rule API: meta + check, as in ESLint, sized like commitlint.
import type {Reading} from './reading/index.js'
import type {Block, Document, Outcome, Position, Section, Severity} from './types.js'

export type RuleCategory = 'clause' | 'language' | 'integrity'

export interface RuleMeta<MessageIds extends string = string> {
  /** Kebab-case id; equals the file name under `rules/`. Public API. */
  readonly id: string
  readonly description: string
  readonly category: RuleCategory
  /** Default severity. For clause rules this is the severity of a missing clause. */
  readonly severity: Severity
  /** Message templates with `{name}` slots. */
  readonly messages: Readonly<Record<MessageIds, string>>
  /** The options the rule takes: a JSON Schema for the options object and the defaults. Validated once, at config load. */
  readonly options?: RuleOptionsMeta
}

/** A JSON Schema (draft-07) as plain data. */
export type JsonSchema = {readonly [key: string]: unknown}

export interface RuleOptionsMeta {
  /** Schema of the options object (`type: "object"`, one property per option, each with a `description`). */
  readonly schema: JsonSchema
  /** Values used for options the config does not set; config objects are merged over these (arrays replace). */
  readonly defaults: Readonly<Record<string, unknown>>
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
  /** Overrides the configured severity (e.g. vague → warning, delegated → info). */
  readonly severity?: Severity
  readonly evidence?: string
}

export interface CoverWhere {
  readonly section?: Section | undefined
  readonly block?: Block | undefined
  readonly start?: number | undefined
  readonly evidence?: string | undefined
}

export interface RuleContext<MessageIds extends string = string> {
  readonly doc: Document
  /** The document's Reading: typed values, parties, definitions, list context, stated metrics, term hits; built once. */
  readonly reading: Reading
  /** The rule's options: the config's (already validated) merged over `meta.options.defaults`; `{}` for a rule without options. */
  readonly options: Readonly<Record<string, unknown>>
  report(report: Report<MessageIds>): void
  /** Record what a clause rule decided, for coverage reports. */
  cover(outcome: Outcome, where: CoverWhere): void
}

export interface Rule<MessageIds extends string = string> {
  readonly meta: RuleMeta<MessageIds>
  check(context: RuleContext<MessageIds>): void
}

/** Any rule, whatever its message ids. */
export type AnyRule = Rule<string>
