// Profiles: which rules apply to which kind of agreement.
import {rules} from '../rules/index.js'
import type {AnyRule} from './rule.js'

/** `auto` picks `msa` or `language` per document (see detect.ts). */
export type ProfileName = 'auto' | 'msa' | 'language'

const LANGUAGE = new Set(['no-overpromising', 'no-vague-terms', 'no-placeholders'])

/** The rules a profile runs. */
export function profileRules(profile: ProfileName): AnyRule[] {
  if (profile === 'language') return rules.filter((r) => LANGUAGE.has(r.meta.id))
  return [...rules]
}

export const PROFILES: readonly ProfileName[] = ['auto', 'msa', 'language']
