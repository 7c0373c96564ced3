// no-vague-terms: commitments with no measurable standard ("promptly", "regular backups", "industry standard").
import {hasNumber} from '../src/judging.js'
import {excused, compileTerms, isDefinition, scanTerms} from '../src/language.js'
import type {Rule} from '../src/rule.js'
import data from './data/vague-terms.json' with {type: 'json'}

const terms = compileTerms(data.terms)
// "as amended from time to time", "regular business hours", "as required by law"
const EXCUSE_BEFORE = /\b(?:amend\w*|modif\w*|updat\w*|revis\w*|publish\w*|chang\w*|supplement\w*|replac\w*|issued?|post\w*|designat\w*|notif\w*|specif\w*|may|might|can)\b[^.;]{0,40}$/i
const EXCUSE_AFTER = /^\s*(?:business|working|office) hours|^\s*(?:hourly )?rates?\b|^\s*mail\b/i
const EFFORTS = /efforts?|endeavou?rs?|reasonable/i

export default {
  meta: {
    id: 'no-vague-terms',
    description: 'Flags commitments with no measurable standard, such as "promptly", "regularly", "best efforts" or "industry standard"',
    category: 'language',
    severity: 'warning',
    messages: {vague: 'Vague term "{text}"; {suggestion}'},
  },
  check(context) {
    const {doc} = context
    for (const hit of scanTerms(doc, terms)) {
      const s = hit.sentence.text
      const at = hit.start - hit.sentence.start
      const after = s.slice(at + hit.text.length)
      if (hasNumber(s)) continue
      if (/from time to time|periodic/i.test(hit.text) && EXCUSE_BEFORE.test(s.slice(0, at))) continue
      if (/regular/i.test(hit.text) && EXCUSE_AFTER.test(after)) continue
      if (isDefinition(hit.block, hit.sentence) && !/efforts?|endeavou?rs?/i.test(hit.text)) continue
      // an effort bounded by the next sentence ("… reasonable efforts to correct it. If not corrected within 30 days …")
      const next = hit.block.sentences[hit.sentence.index + 1]
      if (EFFORTS.test(hit.text) && next && hasNumber(next.text)) continue
      if (excused(doc, hit)) continue
      // a variable filled in elsewhere ("at least the <Target Uptime>") makes the commitment measurable
      if (hit.block.variables.some((v) => v.start >= hit.sentence.start && v.end <= hit.sentence.end)) continue
      context.report({messageId: 'vague', block: hit.block, start: hit.start, end: hit.end, data: {text: hit.text, suggestion: hit.term.suggestion}})
    }
  },
} satisfies Rule<'vague'>
