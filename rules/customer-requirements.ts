// customer-requirements: minimum standards the customer's environment or conduct must meet, and what happens if not.
import {clauseRule, unitsOf} from '../src/clauses.js'
import {subtreeBlocks} from '../src/document.js'
import {indexOf} from '../src/judging.js'
import type {Section} from '../src/types.js'
import data from './data/clauses.json' with {type: 'json'}

const TOPIC = new RegExp(data['customer-requirements'].topic, 'i')
const CUSTOMER_MUST = /\b(?:client|customer|you|licensee|subscriber)(?:'s|’s)?\b[^.;]{0,60}?\b(?:shall|must|will|agrees? to|is responsible for|are responsible for|is required to|are required to|undertakes? to)\b/i
const CONSEQUENCE =
  /\b(?:if|where|should|in the event|unless|until)\b[^.]{0,120}\b(?:fails?|failure|does not|do not|doesn't|don't|is not|are not|not (?:met|maintained|meet)|breach\w*|non-?complian\w*)|\b(?:provider|we|msp|supplier|contractor)\b[^.]{0,40}\b(?:is|are|will be|shall be|will not be|shall not be)\s+(?:not\s+)?(?:responsible|liable|obliged|obligated|required|relieved|excused)|\bnot (?:covered|included|eligible|supported|subject to)\b|\b(?:excluded|exempt) from\b|\boutside (?:the )?(?:scope|service levels?|sla|coverage)|\b(?:may|will|shall|can) (?:suspend|charge|bill|invoice|terminate|refuse|decline|treat|remediate)|\bat (?:the )?(?:client|customer)(?:'s|’s)? (?:own )?(?:cost|expense|risk)|\bbillable\b|\bvoid\w*\b|\b(?:billed|charged) (?:at|separately)|\bsuspen(?:d|sion)\b/i

function sectionHasConsequence(section: Section | undefined): boolean {
  if (!section) return false
  return subtreeBlocks(section).some((b) => unitsOf(b, false).some((u) => CONSEQUENCE.test(u.text)))
}

export default clauseRule({
  id: 'customer-requirements',
  description: "The agreement sets minimum standards for the customer's environment or conduct, and what happens when they are not met",
  data: data['customer-requirements'],
  messages: {
    missing: 'Missing customer requirements; state the minimum standards the client must meet (supported systems, licences, access) and what happens if they are not met',
    vague: 'Customer requirement without a consequence "{text}"; say what happens when it is not met (e.g. "excluded from the service levels", "remediated at standard rates")',
    delegated: 'Customer requirements are set in the {target}; lint it with this agreement or state them here',
  },
  judge(unit, reader) {
    const t = unit.text
    const must = CUSTOMER_MUST.exec(t)
    const topic = indexOf(t, TOPIC)
    if (!must && topic < 0 && !unit.inHome) return undefined
    if (!unit.inHome && !must) return undefined
    if (must && reader.party(unit, must.index + must[0].length - 1) !== 'customer' && !unit.inHome) return undefined
    if (CONSEQUENCE.test(t) || (unit.next && CONSEQUENCE.test(unit.next))) return {outcome: 'present'}
    const section = unit.block.section
    if (sectionHasConsequence(section) || (section.kind !== 'root' && section.parent?.kind !== 'root' && sectionHasConsequence(section.parent))) return {outcome: 'present'}
    const delegated = reader.delegated(unit, /requirement|obligation|standard/i)
    if (delegated) return delegated
    return {outcome: 'vague'}
  },
})
