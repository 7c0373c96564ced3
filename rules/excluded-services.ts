// excluded-services: what is not covered is listed, with how out-of-scope work is handled or billed.
import {clauseRule} from '../src/clauses.js'
import type {Reading} from '../src/reading/index.js'
import {INCLUDED_CHARGE, RATE_WORDS} from '../src/reading/wording.js'
import type {Block} from '../src/types.js'
import data from './data/clauses.json' with {type: 'json'}

const TOPIC = new RegExp(data['excluded-services'].topic, 'i')
// SLA downtime exclusions (force majeure, maintenance) are about uptime, not services.
const DOWNTIME = /\b(?:downtime|uptime|availability|service credits?|excluded minutes|unavailab\w*|scheduled maintenance|force majeure|sla calculation|confidential information|liabilit\w*|indemnif\w*|warrant\w*|damages)\b/i
const HANDLING =
  /\b(?:quot(?:e|ed|ation)|estimate|change (?:order|request)|statement of work|sow|separate (?:agreement|proposal|engagement|order)|time and materials|project basis|billed|charged|invoiced|chargeable|billable)\b/i

function handled(text: string, reading: Reading): boolean {
  const v = reading.values(text)
  return v.money.length > 0 || v.multipliers.length > 0 || RATE_WORDS.test(text) || (HANDLING.test(text) && !/\bmay be (?:billable|chargeable|charged|billed)\b|\badditional charges may apply\b/i.test(text)) || INCLUDED_CHARGE.test(text)
}

function listed(blocks: readonly Block[]): boolean {
  return blocks.filter((b) => b.kind === 'list-item' || b.kind === 'table-row').length >= 1 || blocks.some((b) => (b.text.match(/[,;]/g)?.length ?? 0) >= 2)
}

export default clauseRule({
  id: 'excluded-services',
  description: 'The agreement lists what is not covered and how out-of-scope work is handled or billed',
  data: data['excluded-services'],
  messages: {
    missing: 'Missing excluded services; list what the agreement does not cover and how such work is billed',
    vague: 'Vague exclusions "{text}"; list what is not covered and how out-of-scope work is billed',
    delegated: 'Exclusions are listed in {target}; lint it with this agreement or list them here',
  },
  judgeSection(section, blocks, reader) {
    const text = blocks.map((b) => b.text).join(' ')
    if (!text.trim() || DOWNTIME.test(section.title)) return undefined
    if (listed(blocks) && handled(text, reader.reading)) return {outcome: 'present'}
    return undefined
  },
  judge(unit, reader) {
    const t = unit.text
    const m = TOPIC.exec(t)
    if (!m && !unit.inHome) return undefined
    if (DOWNTIME.test(t)) return undefined
    // a definition saying what a term does not include is not a list of services
    if (/\b(?:means|shall mean|is defined as)\b/i.test(t)) return undefined
    if (m && reader.party(unit, m.index) === 'customer') return undefined
    const list = (t.match(/[,;]/g)?.length ?? 0) >= 2 || /:\s*$/.test(t) || /following/i.test(t)
    const scope = unit.block.section
    const sectionText = scope.blocks.map((b) => b.text).join(' ')
    if (list && (handled(t, reader.reading) || handled(unit.next, reader.reading) || handled(sectionText, reader.reading))) return {outcome: 'present'}
    const delegated = reader.delegated(unit, /exclu|scope/i)
    if (delegated) return delegated
    return {outcome: 'vague'}
  },
})
