// performance-targets: measurable performance expectations, e.g. uptime % with a measurement period.
import {clauseRule} from '../src/clauses.js'
import {performanceTargetsMessages, performanceTargetsOptions, reviewPerformanceTargets} from '../src/rule-options.js'
import data from './data/clauses.json' with {type: 'json'}

const METRIC = /\b(?:availab(?:le|ility)|uptime|up[- ]time|downtime|latency|packet loss|jitter|throughput|page load|mean time between|MTBF|round[- ]trip|error rate)\b/i
const VAGUE = /\b(?:high(?:ly)? availab\w*|optimal performance|maximum (?:uptime|availability)|minimal downtime|minimi[sz]e downtime|best possible performance|high performance|reliable (?:service|performance)|industry[- ]standard (?:uptime|availability|performance))\b/i
const PERIOD = /\b(?:per|each|every|any|in|during|over|across|measured|calculated|for)\s+(?:(?:each|every|any|a|the|one)\s+)?(?:calendar\s+|billing\s+|rolling\s+|full\s+)?(?:day|week|month|quarter|year)\b|\b(?:monthly|quarterly|annually|yearly|weekly)\b|\bper annum\b/i

export default clauseRule({
  id: 'performance-targets',
  description: 'The agreement states measurable performance targets, e.g. an uptime percentage with its measurement period',
  data: data['performance-targets'],
  messages: {
    missing: 'Missing performance targets; state measurable targets (e.g. "99.9% availability per calendar month")',
    vague: 'Vague performance target "{text}"; {detail}',
    delegated: 'Performance targets are set in {target}; lint it with this agreement or state them here',
    ...performanceTargetsMessages,
  },
  options: performanceTargetsOptions,
  review: reviewPerformanceTargets,
  judge(unit, reader) {
    const t = unit.text
    const metric = METRIC.exec(t)
    const inHeaderTable = unit.block.header?.some((h) => METRIC.test(h)) ?? false
    if (!metric && !unit.inHome && !inHeaderTable && !VAGUE.test(t)) return undefined
    const v = reader.reading.values(t)
    const targets = v.percentages.filter((p) => p.value >= 80 && p.value <= 100)
    if (targets.length && (metric || unit.inHome || inHeaderTable)) {
      if (targets.some((p) => p.period) || PERIOD.test(t) || PERIOD.test(unit.next) || PERIOD.test(unit.intro ?? '') || (inHeaderTable && unit.block.header?.some((h) => PERIOD.test(h)))) {
        return {outcome: 'present'}
      }
      return {outcome: 'vague', detail: 'state the measurement period (e.g. "per calendar month")'}
    }
    // latency and similar: a number with a small unit next to a metric word
    if (metric && /latency|packet loss|jitter|round[- ]trip|page load|error rate/i.test(metric[0]) && /\d\s*(?:ms|milliseconds?|seconds?|%)/i.test(t)) return {outcome: 'present'}
    const delegated = reader.delegated(unit, /uptime|availab|performance|service level/i)
    if (delegated && (metric || unit.inHome)) return delegated
    if (VAGUE.test(t)) return {outcome: 'vague', detail: 'state a measurable target with its period (e.g. "99.9% availability per calendar month")'}
    if (unit.inHome && metric) return {outcome: 'vague', detail: 'state a measurable target with its period (e.g. "99.9% availability per calendar month")'}
    return undefined
  },
})
