// Profiles: which rules apply to which kind of agreement. The lists are data, in rules/data/profiles.json.
import {profileLists as data, rules} from '../rules/index.js'
import type {AnyRule} from './rule.js'

/** A profile that names a rule list: msa, sla, agreement, language. */
export type ListedProfile = keyof typeof data

/** `auto` picks a listed profile per document (see detect.ts). */
export type ProfileName = 'auto' | ListedProfile

/** Each listed profile's rule ids, in the order of the data file. */
export const PROFILE_RULE_IDS: Readonly<Record<ListedProfile, readonly string[]>> = data

/** The rules a profile runs (`auto` before detection: the msa set), in registry order. */
export function profileRules(profile: ProfileName): AnyRule[] {
  const ids = new Set<string>(PROFILE_RULE_IDS[profile === 'auto' ? 'msa' : profile])
  return rules.filter((r) => ids.has(r.meta.id))
}

export const PROFILES: readonly ProfileName[] = ['auto', ...(Object.keys(data) as ListedProfile[])]
