// no-vague-terms: commitments with no measurable standard ("promptly", "regular backups", "industry standard").
import type {Reading} from '../src/reading/index.js'
import {allowedHit, compileTerms, configuredTerms, termListOptions, type TermListOptions} from '../src/reading/terms.js'
import {mayHold} from '../src/reading/values/index.js'
import {ruleOptions, type Rule} from '../src/rule.js'
import data from './data/vague-terms.json' with {type: 'json'}

const terms = compileTerms(data.terms)
// "as amended from time to time", "which GitHub may publish from time to time", "regular business hours"
const EXCUSE_BEFORE = /\b(?:amended|modified|updated|revised|supplemented|replaced|published|publish|posted|issued|changed|varied)\s+(?:by\s+[^.;]{1,30}\s+)?$/i
const STANDARD = /\b(?:ISO(?:\/IEC)?\s?\d{4,5}|SOC\s?[12]|NIST|CIS (?:Controls|Benchmarks?)|PCI[- ]DSS|HIPAA|Cyber Essentials|ITIL|COBIT|FIPS\s?\d+|AES[- ]?\d+|TLS\s?1\.\d)\b/

/** Is the sentence measurable in the way this term needs ("promptly" needs a time, "regularly" a frequency)? */
function measured(text: string, needs: string, reading: Reading): boolean {
  // the cut clause is a fresh string that the Reading has rarely seen: the pre-checks rule most out without hashing it
  const valuesOf = (t: string) => reading.values(t)
  switch (needs) {
    case 'duration':
      return (mayHold.durations(text) && valuesOf(text).durations.length > 0) || (mayHold.hours(text) && valuesOf(text).hours.some((h) => h.from !== undefined))
    case 'frequency':
      return mayHold.frequencies(text) && valuesOf(text).frequencies.length > 0
    case 'percentage':
      return mayHold.percentages(text) && valuesOf(text).percentages.length > 0
    case 'standard':
      return STANDARD.test(text)
    default:
      return reading.hasNumber(text) || STANDARD.test(text)
  }
}
/** The cell of a table row ("Header: cell | Header: cell") that holds an offset. */
function cellAround(text: string, at: number): string {
  const from = text.lastIndexOf('|', at - 1) + 1
  const to = text.indexOf('|', at)
  return text.slice(from, to < 0 ? text.length : to)
}

const EXCUSE_AFTER = /^\s*(?:business|working|office) hours|^\s*(?:hourly )?rates?\b|^\s*mail\b/i
// A variable that holds a value ("Target Uptime", "Response Time"), not a party's name
const VALUE_VARIABLE = /\b(?:target|time|uptime|availability|period|limit|amount|fee|percentage|level|days|hours|window|credit|threshold|objective)\b/i
// The next sentence bounds the same action: "If Gamma is unable to do so within …", "fails to do so within …"
const DOES_SO = /\b(?:fails?|is unable|are unable|cannot|can't|does not|do not|doesn't|don't)\s+(?:to\s+)?do so\b/i
const EFFORTS = /efforts?|endeavou?rs?|reasonable/i

export default {
  meta: {
    id: 'no-vague-terms',
    description: 'Flags commitments with no measurable standard, such as "promptly", "regularly", "best efforts" or "industry standard"',
    category: 'language',
    severity: 'warning',
    messages: {vague: 'Vague term "{text}"; {suggestion}'},
    options: ruleOptions<TermListOptions>(termListOptions('vague terms')),
  },
  check(context) {
    const {reading} = context
    const configured = configuredTerms(terms, context.options, 'state a measurable standard (a time, a frequency or a number)')
    for (const hit of reading.termHits(configured.terms)) {
      if (allowedHit(hit, configured.allow)) continue
      const s = hit.sentence.text
      const at = hit.start - hit.sentence.start
      const after = s.slice(at + hit.text.length)
      // measurable in its own clause: "(a) notify … within 72 hours; (d) take prompt steps …" leaves (d) vague
      // (an effort is bounded by any number in its sentence: "… reasonable effort to provide a copy, provided that the request is made within 90 days")
      // in a table, a value belongs to its own cell: "1 working day" in the next cell does not measure "Reasonable endeavours"
      const scope = hit.block.kind === 'table-row' ? cellAround(hit.block.text, hit.start) : hit.term.needs === 'any' ? s : reading.clauseAround(s, at)
      if (measured(scope, hit.term.needs, reading)) continue
      if (/from time to time|periodic/i.test(hit.text) && EXCUSE_BEFORE.test(s.slice(0, at))) continue
      // a right is not a commitment; but a right used "from time to time" leaves its timing open
      // (in a table, within the term's own cell: "Single user or request" in the next cell grants nothing)
      const cellStart = hit.block.kind === 'table-row' ? hit.block.text.lastIndexOf('|', hit.start - 1) + 1 : -1
      const permitted = cellStart >= 0 ? reading.isPermission(scope, hit.start - cellStart) : reading.isPermission(s, at)
      if (!/time to time|periodic|regular/i.test(hit.text) && permitted) continue
      if (/regular/i.test(hit.text) && EXCUSE_AFTER.test(after)) continue
      if (reading.isDefinition(hit.block, hit.sentence) && !/efforts?|endeavou?rs?/i.test(hit.text)) continue
      // an effort bounded by the next sentence ("… reasonable efforts to correct it. If not corrected within 30 days …")
      const next = hit.block.sentences[hit.sentence.index + 1]
      if (EFFORTS.test(hit.text) && next && reading.hasNumber(next.text)) continue
      // any term whose action the next sentence bounds ("… promptly re-perform the Services. If Gamma is unable to do so
      // within a reasonable time (not to exceed thirty (30) days), …")
      if (next && DOES_SO.test(next.text) && reading.hasNumber(next.text)) continue
      // efforts to meet stated targets are as measurable as the targets ("… efforts to meet the above response targets")
      if (EFFORTS.test(hit.text) && /^\s+to (?:meet|achieve|attain|satisfy|comply with)\b/i.test(after)) continue
      // a cadence stated in the next sentence of the same paragraph ("… on a periodic basis. Usage is billed monthly")
      if (hit.term.needs === 'frequency' && next && measured(next.text, 'frequency', reading)) continue
      if (reading.excused(hit)) continue
      // a variable filled in elsewhere ("at least the <Target Uptime>") makes the commitment measurable
      if (hit.block.variables.some((v) => v.start >= hit.sentence.start && v.end <= hit.sentence.end && VALUE_VARIABLE.test(hit.block.text.slice(v.start, v.end)))) continue
      context.report({messageId: 'vague', block: hit.block, start: hit.start, end: hit.end, data: {text: hit.text, suggestion: hit.term.suggestion}})
    }
  },
} satisfies Rule<'vague', TermListOptions>
