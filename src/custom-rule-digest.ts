// The digest of the file each custom rule was loaded from, apart from the loader (custom-rules.ts) so that the result
// cache can read it without loading the loader, which brings the rule kit with it.
import type {AnyRule} from './rule.js'

const digests = new WeakMap<AnyRule, string>()

/**
 * The sha-256 of the file a custom rule was loaded from (undefined for a rule not loaded from a file). A YAML rule's
 * phrases and settings live in its closure, so result caches key on this rather than on the rule's code.
 */
export function customRuleDigest(rule: AnyRule): string | undefined {
  return digests.get(rule)
}

/** Record the digest of the file the rules were loaded from. */
export function recordRuleDigest(rules: readonly AnyRule[], digest: string): void {
  for (const rule of rules) digests.set(rule, digest)
}
