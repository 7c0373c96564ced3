// priority-levels: at least two named priority or severity levels, with criteria saying what falls into each.
import {clauseRule} from '../src/clauses.js'
import {valuesOf} from '../src/judging.js'
import type {Block, Document} from '../src/types.js'
import {mayHold} from '../src/values.js'
import data from './data/clauses.json' with {type: 'json'}

const CRITERIA = /\b(?:outage|down|unavailable|unable|affect\w*|impact\w*|degrad\w*|users?|business|critical|workaround|function\w*|single|multiple|whole|entire|all|cannot|can't|stopp\w*|failure|loss|request|question|minor|cosmetic|inconvenien\w*|security|breach|productiv\w*|operations?|services?|systems?)\b/i

const blockRanks = new WeakMap<Block, number | null>()

/** Does a block define a priority level (label plus criteria), and which rank? Once per block: the judge asks again. */
function definedRank(block: Block): number | undefined {
  let r = blockRanks.get(block)
  if (r === undefined) blockRanks.set(block, (r = readRank(block) ?? null))
  return r ?? undefined
}

function readRank(block: Block): number | undefined {
  // most blocks and titles name no priority: the pre-check spares the values lookup
  const p = mayHold.priorities(block.text) ? valuesOf(block.text).priorities[0] : undefined
  // "**Priority 1:** a branch cannot serve members…" — the label is the clause's title, the criteria its text
  if (!p) {
    const title = block.section.title
    const titled = mayHold.priorities(title) ? valuesOf(title).priorities[0] : undefined
    if (!titled) return undefined
    const words = block.text.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w))
    return words.length >= 3 && CRITERIA.test(block.text) ? titled.rank : undefined
  }
  if (block.kind === 'table-row' && block.cells) {
    const described = block.cells.some((c) => {
      const cv = valuesOf(c)
      return !cv.priorities.length && !cv.durations.length && c.split(/\s+/).length >= 3 && CRITERIA.test(c)
    })
    return described ? p.rank : undefined
  }
  // "P1 (Critical): the whole office cannot work" — words beyond the label and any times
  const rest = block.text.slice(p.end).replace(/\b\d[\d.,]*\s*\w*/g, ' ')
  const words = rest.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w))
  return words.length >= 4 && CRITERIA.test(rest) ? p.rank : undefined
}

const defined = new WeakMap<Document, Set<number>>()
function definedRanks(doc: Document): Set<number> {
  let ranks = defined.get(doc)
  if (!ranks) {
    ranks = new Set()
    for (const b of doc.blocks) {
      const r = definedRank(b)
      if (r !== undefined) ranks.add(r)
    }
    defined.set(doc, ranks)
  }
  return ranks
}

export default clauseRule({
  id: 'priority-levels',
  description: 'The agreement names at least two priority or severity levels, with criteria for what falls into each',
  data: data['priority-levels'],
  messages: {
    missing: 'Missing priority levels; define at least two levels and what falls into each (e.g. "P1: the whole site cannot work")',
    vague: 'Vague priority levels "{text}"; define each level with the criteria that put an issue in it',
    delegated: 'Priority levels are defined in {target}; lint it with this agreement or define them here',
  },
  judge(unit, reader) {
    if ((mayHold.priorities(unit.text) && valuesOf(unit.text).priorities.length) || definedRank(unit.block) !== undefined) {
      if (definedRanks(reader.doc).size >= 2 && definedRank(unit.block) !== undefined) return {outcome: 'present'}
      const delegated = reader.delegated(unit, /priorit|severit/i)
      if (delegated) return delegated
      return {outcome: 'vague'}
    }
    if (/\bprioriti[sz]|\bpriority\b|\bseverity\b/i.test(unit.text) || unit.inHome) {
      const delegated = reader.delegated(unit, /priorit|severit/i)
      if (delegated) return delegated
      if (/\bprioriti[sz]\w*\b|\bpriority (?:levels?|basis|order)\b|\bseverity levels?\b/i.test(unit.text) || unit.inHome) return {outcome: 'vague'}
    }
    return undefined
  },
})
