// Reporter registry: name → pure function from results to a string.
import type {ChalkInstance} from 'chalk'
import type {RuleMeta} from '../rule.js'
import type {LintResult} from '../types.js'
import {checklist} from './checklist.js'
import {github} from './github.js'
import {gitlab} from './gitlab.js'
import {html} from './html.js'
import {json, jsonChunks, jsonWithMetadata} from './json.js'
import {junit} from './junit.js'
import {markdown} from './markdown.js'
import {sarif} from './sarif.js'
import {stylish, stylishChunks} from './stylish.js'

export interface ReporterContext {
  readonly chalk: ChalkInstance
  readonly clauseRuleIds: ReadonlySet<string>
  /** Directory that report paths are relative to (the repository root in CI); default: paths as given. */
  readonly cwd?: string | undefined
  /** clauselint's version, for tool metadata (SARIF). */
  readonly version?: string | undefined
  /** Meta of the rules that ran, i.e. every rule that could report (SARIF rules, JUnit test cases). */
  readonly rules?: readonly RuleMeta[] | undefined
  /** Meta of other rules whose ids may appear in the results (e.g. the built-in rules a detected profile ran). */
  readonly knownRules?: readonly RuleMeta[] | undefined
}

export type Reporter = (results: readonly LintResult[], context: ReporterContext) => string

export const reporters: Readonly<Record<string, Reporter>> = {
  stylish: (results, context) => stylish(results, context),
  json: (results) => json(results),
  'json-with-metadata': (results, context) => jsonWithMetadata(results, context),
  sarif: (results, context) => sarif(results, context),
  github: (results, context) => github(results, context),
  junit: (results, context) => junit(results, context),
  markdown: (results, context) => markdown(results, context),
  gitlab: (results, context) => gitlab(results, context),
  checklist: (results, context) => checklist(results, context),
  html: (results, context) => html(results, context),
}

/** A report piece by piece, for writing as it goes: stylish and json file by file, the others whole. */
export function reportChunks(format: string, results: readonly LintResult[], context: ReporterContext): Iterable<string> {
  if (format === 'stylish') return stylishChunks(results, context)
  if (format === 'json') return jsonChunks(results)
  return [reporters[format]!(results, context)]
}
