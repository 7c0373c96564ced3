// Profiles: which rules apply to which kind of agreement. The lists are data, in rules/data/profiles.json, reached
// through the registry; the clause groups a report shows them in (operational checklist, service levels, commercial
// core) are in each clause rule's meta (`group`, from rules/data/clause-groups.json).
import {builtinRules as rules, clauseGroups, profileLists as data} from '../rules/meta.js'
import {OTHER_GROUP, type AnyRule, type ClauseGroup} from './rule.js'
import {editDistance, nearest} from './config-error.js'

/** A profile that names a rule list: msa, sla, agreement, language. */
export type ListedProfile = keyof typeof data

/** Listed profiles combined, in order, joined by "+": `msa+sla` runs the rules of both. */
export type CombinedProfile = `${ListedProfile}+${string}`

/** `auto` picks a listed profile per document (see detect.ts). */
export type ProfileName = 'auto' | ListedProfile | CombinedProfile

/** Each listed profile's rule ids, in the order of the data file (the order of the checklist and of coverage). */
export const PROFILE_RULE_IDS: Readonly<Record<ListedProfile, readonly string[]>> = data

export const LISTED_PROFILES: readonly ListedProfile[] = Object.keys(data) as ListedProfile[]

/** The profiles one may name on their own. A combination of listed ones is also accepted (see parseProfile). */
export const PROFILES: readonly ProfileName[] = ['auto', ...LISTED_PROFILES]

/** The listed profiles a profile name stands for (`auto` before detection: msa). */
export function profileParts(profile: ProfileName): ListedProfile[] {
  if (profile === 'auto') return ['msa']
  return profile.split('+') as ListedProfile[]
}

const byId = new Map(rules.map((r) => [r.meta.id, r]))

/** The rules a profile runs, in the order of its list (of each listed profile in turn, each rule once). */
export function profileRules(profile: ProfileName): AnyRule[] {
  const out = new Set<AnyRule>()
  for (const part of profileParts(profile)) {
    for (const id of PROFILE_RULE_IDS[part] ?? []) {
      const rule = byId.get(id)
      if (rule) out.add(rule)
    }
  }
  return [...out]
}

/**
 * `; did you mean "msa"?` for a mistyped profile name, or nothing. Profile names are short, so a suggestion must differ
 * from what was written in fewer than half its letters: "msaa" suggests msa, but "nda" is not a typo of msa.
 */
export function profileHint(word: string): string {
  const n = nearest(word, PROFILES)
  return n !== undefined && editDistance(word.toLowerCase(), n) * 2 < word.length ? `; did you mean "${n}"?` : ''
}

/**
 * A profile from what a user wrote: one name ("msa"), names joined by "+" or "," ("msa+sla"), or a list of names
 * (`profile: [msa, sla]` in a config file). Returns the profile, or an error sentence naming what is wrong.
 */
export function parseProfile(value: unknown): {profile: ProfileName} | {error: string} {
  const names = typeof value === 'string' ? value.split(/\s*[+,]\s*/) : Array.isArray(value) ? value : undefined
  const use = `use one of ${PROFILES.join(', ')}, or several of ${LISTED_PROFILES.join(', ')} as a list`
  if (!names || names.length === 0 || names.some((n) => typeof n !== 'string')) return {error: `unknown profile ${JSON.stringify(value)}; ${use}`}
  const list = (names as string[]).map((n) => n.trim())
  const unknown = list.find((n) => !(PROFILES as readonly string[]).includes(n))
  if (unknown !== undefined) {
    const hint = profileHint(unknown)
    return {error: `unknown profile "${unknown}"${hint ? `${hint} (profiles: ${PROFILES.join(', ')})` : `; ${use}`}`}
  }
  if (list.length === 1) return {profile: list[0] as ProfileName}
  if (list.includes('auto')) return {error: 'profile auto cannot be combined with others: it chooses one profile per document'}
  const unique = [...new Set(list)]
  return {profile: unique.join('+') as ProfileName}
}

/** The groups clause rules are shown in, in report order: the msa operational checklist first. */
export const CLAUSE_GROUPS: readonly ClauseGroup[] = clauseGroups

/** The group of a built-in clause rule; custom clause rules and any other fall in "Other clauses". */
export function clauseGroup(ruleId: string): ClauseGroup {
  return byId.get(ruleId)?.meta.group ?? OTHER_GROUP
}

export {OTHER_GROUP, type ClauseGroup} from './rule.js'
