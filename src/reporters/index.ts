// Reporter registry: name → pure function from results to a string.
import type {ChalkInstance} from 'chalk'
import type {LintResult} from '../types.js'
import {json} from './json.js'
import {stylish} from './stylish.js'

export interface ReporterContext {
  readonly chalk: ChalkInstance
  readonly clauseRuleIds: ReadonlySet<string>
}

export type Reporter = (results: readonly LintResult[], context: ReporterContext) => string

export const reporters: Readonly<Record<string, Reporter>> = {
  stylish: (results, context) => stylish(results, context),
  json: (results) => json(results),
}
