// The built-in rules by their metadata alone (ids, descriptions, severities, messages, options, clause groups), without
// their code: what configuration, profiles, reports and cache keys need. The command line imports this module, not the
// registry (index.ts), so that a run which lints nothing (every result in its cache) does not evaluate the rules' code;
// it loads the registry when it lints a file (loadRuleCode in src/plan.ts). meta.json is written from the
// registry by `npm run docs`, and a test checks that it equals the rules' own meta.
import {builtinHandle, type AnyRule, type ClauseGroup, type RuleMeta} from '../src/rule.js'
import groupsData from './data/clause-groups.json' with {type: 'json'}
import profilesData from './data/profiles.json' with {type: 'json'}
import metaData from './meta.json' with {type: 'json'}

/** Each listed profile's rule ids (data/profiles.json). */
export const profileLists = profilesData

/** The groups reports show clause rules in, in report order: the operational checklist first (data/clause-groups.json). */
export const clauseGroups: readonly ClauseGroup[] = groupsData.map((g, order) => ({...g, order}))

const groupById = new Map(clauseGroups.map((g) => [g.id, g]))

/** The metadata of every built-in rule, sorted by id, as the registry's rules carry it (with their clause group). */
export const ruleMetas: readonly RuleMeta[] = (metaData as unknown as ReadonlyArray<RuleMeta & {group?: string}>).map(({group, ...meta}) => {
  const g = group === undefined ? undefined : groupById.get(group)
  if (group !== undefined && !g) throw new Error(`rules/meta.json: unknown clause group "${group}"; run npm run docs`)
  return (g ? {...meta, group: g} : meta) as RuleMeta
})

/** Every built-in rule, sorted by id, as a handle: its metadata, and a `check` that runs its code once loaded. */
export const builtinRules: readonly AnyRule[] = ruleMetas.map(builtinHandle)

/** The metadata as meta.json keeps it (a clause group by its id), from the registry's rules. */
export function metaJson(rules: readonly AnyRule[]): unknown[] {
  return rules.map(({meta}) => (meta.group ? {...meta, group: meta.group.id} : {...meta}))
}
