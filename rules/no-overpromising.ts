// no-overpromising: absolute promises (guarantees, 100% uptime, "always", "immediately") that no provider can keep.
import {allowedHit, compileTerms, configuredTerms, termListOptions, type TermListOptions} from '../src/reading/terms.js'
import {ruleOptions, type Rule} from '../src/rule.js'
import data from './data/overpromising.json' with {type: 'json'}

const terms = compileTerms(data.terms)
// A right of a party ("may terminate immediately"), a measurement ("× 100%") or a name ("Unlimited Claims").
const NOT_A_PROMISE = /\b(?:may|can|could|is entitled to|reserves? the right to)\b[^.;]{0,40}$|\b(?:terminat\w*|suspen\w*|ceas\w*|end|expir\w*|effective|preceding|following|payable|due)\b/i

// A guarantee of a party's payments or debts by a guarantor: the payer's obligation, not the provider's service
const SURETY = /\b(?:payments?|fees|debts?|invoices?|obligations|liabilities|amounts? (?:due|owed))\b[^.;]{0,40}\bguarantee[ds]?\s+by\b|\bguarantee[ds]?\s+by (?:its|the|a|their) (?:parent|holding|guarantor|bank|director)\b|\b(?:parent company|bank|personal) guarantee\b/i

// "always" describing how a metric is computed ("Availability is always calculated over the calendar month")
const MEASUREMENT = /^always\s+(?:be\s+)?(?:calculated|measured|determined|computed|rounded|based|assessed|counted|expressed)\b/i

export default {
  meta: {
    id: 'no-overpromising',
    description: 'Flags absolute promises such as guarantees, 100% uptime, "always" or "immediately" that state no measurable, remedied target',
    category: 'language',
    severity: 'warning',
    messages: {overpromise: 'Overpromise "{text}"; {suggestion}'},
    options: ruleOptions<TermListOptions>(termListOptions('absolute promises')),
  },
  check(context) {
    const configured = configuredTerms(terms, context.options, 'state a measurable target and what happens when it is missed')
    const {reading} = context
    for (const hit of reading.termHits(configured.terms)) {
      if (allowedHit(hit, configured.allow)) continue
      if (reading.excused(hit)) continue
      const s = hit.sentence.text
      const at = hit.start - hit.sentence.start
      const before = s.slice(Math.max(0, at - 60), at)
      const around = s.slice(Math.max(0, at - 30), Math.min(s.length, at + hit.text.length + 30))
      if (/immediately/i.test(hit.text) && NOT_A_PROMISE.test(around)) continue
      // a surety, not a service promise: "payments … are guaranteed by its parent company", "a guarantee of the Client's obligations"
      if (/^guarantee/i.test(hit.text) && SURETY.test(s.slice(Math.max(0, at - 80), Math.min(s.length, at + hit.text.length + 40)))) continue
      if (/^always$/i.test(hit.text) && (reading.isDefinition(hit.block, hit.sentence) || NOT_A_PROMISE.test(before) || MEASUREMENT.test(s.slice(at)))) continue
      context.report({messageId: 'overpromise', block: hit.block, start: hit.start, end: hit.end, data: {text: hit.text, suggestion: hit.term.suggestion}})
    }
  },
} satisfies Rule<'overpromise', TermListOptions>
