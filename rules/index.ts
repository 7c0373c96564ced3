// The registry of built-in rules, sorted by id: one file per rule in this folder, plus the clause rules defined as
// data in data/clauses-extra.json (a test checks the registry against both).
import {dataRules} from '../src/data-rules.js'
import type {AnyRule} from '../src/rule.js'
import afterHoursSupport from './after-hours-support.js'
import backupFrequency from './backup-frequency.js'
import consistentValues from './consistent-values.js'
import customerRequirements from './customer-requirements.js'
import excludedServices from './excluded-services.js'
import failureResponsibility from './failure-responsibility.js'
import noDanglingReferences from './no-dangling-references.js'
import noEmptySections from './no-empty-sections.js'
import noOverpromising from './no-overpromising.js'
import noPlaceholders from './no-placeholders.js'
import noUndefinedTerms from './no-undefined-terms.js'
import noVagueTerms from './no-vague-terms.js'
import performanceTargets from './performance-targets.js'
import priorityLevels from './priority-levels.js'
import resolutionTimes from './resolution-times.js'
import responseTimes from './response-times.js'
import scopeOfServices from './scope-of-services.js'
import serviceHours from './service-hours.js'

/** Every built-in rule. */
export const rules: readonly AnyRule[] = ([
  afterHoursSupport,
  backupFrequency,
  consistentValues,
  customerRequirements,
  excludedServices,
  failureResponsibility,
  noDanglingReferences,
  noEmptySections,
  noOverpromising,
  noPlaceholders,
  noUndefinedTerms,
  noVagueTerms,
  performanceTargets,
  priorityLevels,
  resolutionTimes,
  responseTimes,
  scopeOfServices,
  serviceHours,
  ...dataRules(),
] as AnyRule[]).sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0))
