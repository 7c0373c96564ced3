// The registry of built-in rules, sorted by id: one file per rule in this folder, plus the clause rules defined as
// data in data/clauses-extra.json (a test checks the registry against both). The rest of the program reaches the
// rule data (clause synonyms, profiles, skeletons) through this module only.
import {dataRules, type DataClause} from '../src/data-rules.js'
import {provideBuiltinCode, type AnyRule, type ClauseGroup} from '../src/rule.js'
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
import clausesData from './data/clauses.json' with {type: 'json'}
import extraData from './data/clauses-extra.json' with {type: 'json'}
import skeletonsData from './data/skeletons.json' with {type: 'json'}
import {clauseGroups, profileLists} from './meta.js'

export {clauseGroups, profileLists}

/** Heading synonyms and topic patterns of the built-in clause rules, by rule id (data/clauses.json). */
export const clauseData = clausesData

/** The clause rules defined as data (data/clauses-extra.json), by rule id. */
export const dataClauses: Readonly<Record<string, DataClause>> = extraData as Readonly<Record<string, DataClause>>

/** The ids of the data-defined clause rules, sorted. */
export const DATA_RULE_IDS: readonly string[] = Object.keys(dataClauses).sort()

/** Skeletons of missing clauses for the editor's quick fix (data/skeletons.json). */
export const skeletonData = skeletonsData

const groupOfRule = new Map<string, ClauseGroup>()
for (const g of clauseGroups) for (const id of g.rules) if (!groupOfRule.has(id)) groupOfRule.set(id, g)

/** A rule with its clause group in its meta (the first group that lists it), as reports take it from their input. */
function grouped(rule: AnyRule): AnyRule {
  const group = groupOfRule.get(rule.meta.id)
  return group ? {...rule, meta: {...rule.meta, group}} : rule
}

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
  ...dataRules(dataClauses),
] as AnyRule[])
  .map(grouped)
  .sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0))

// the code of each rule, for the handles of rules/meta.ts that configuration and profiles hand to the engine
provideBuiltinCode(rules)
