// no-placeholders: unfilled template text such as "[Client Name]", "TBD", "XX", "___", "<insert date>", "{{ var }}".
import type {Rule} from '../src/rule.js'

// Bracketed slots: "[Client Name]", "[DATE]", "[●]", "[insert amount]" — not "[!NOTE]", "[ ]", "[x]" or "[End of …]"
const SLOT_WORDS = /\b(?:name|names|date|address|amount|number|no\.|company|client|customer|provider|party|fee|fees|price|rate|percentage|insert|enter|add|signature|title|email|phone|city|state|county|country|jurisdiction|term|days|hours|months|years|value|sum|details?|description|tbd|x+)\b/i
// `has`: strings one of which every match contains; a block holding none of them is not searched (most blocks hold none)
const PATTERNS: ReadonlyArray<{re: RegExp; has: readonly string[]; accept?: (m: string) => boolean}> = [
  {
    re: /\[([^\[\]\n]{1,60})\]/g,
    has: ['['],
    accept: (m) => {
      const inner = m.slice(1, -1).trim()
      if (!inner || /^[!xX ]$|^!/.test(inner) || /^\d+$/.test(inner) || /^end of\b/i.test(inner)) return false
      if (/^[●•…. _-]+$/.test(inner)) return true
      if (/^[A-Z][A-Z0-9 _/&'-]{1,}$/.test(inner) && /[A-Z]{2}/.test(inner)) return true
      return SLOT_WORDS.test(inner) && inner.split(/\s+/).length <= 6
    },
  },
  {re: /\b(?:TBD|TBC|TBA|TODO|FIXME)\b/g, has: ['TB', 'TODO', 'FIXME']},
  {re: /(?<![\w$])\$?X{2,}(?:[,.]X+)*\b|\bX{2,}(?= (?:hours|days|minutes|months|years|%|percent))/g, has: ['XX']},
  {re: /_{3,}/g, has: ['___']},
  {re: /<\s*(?:insert|enter|add|specify|client|customer|provider|company|name|date|amount)\b[^<>\n]{0,60}>/gi, has: ['<']},
  {re: /\{\{[^{}\n]{0,80}\}\}/g, has: ['{{']},
]

export default {
  meta: {
    id: 'no-placeholders',
    description: 'Flags unfilled template text such as "[Client Name]", "TBD", "XX", "___", "<insert date>" or "{{ var }}"',
    category: 'language',
    severity: 'warning',
    messages: {placeholder: 'Unfilled placeholder "{text}"; replace it with the agreed value'},
  },
  check(context) {
    for (const block of context.doc.blocks) {
      const found: Array<{start: number; end: number; text: string}> = []
      for (const {re, has, accept} of PATTERNS) {
        if (!has.some((h) => block.text.includes(h))) continue
        re.lastIndex = 0
        for (const m of block.text.matchAll(re)) {
          if (accept && !accept(m[0])) continue
          const start = m.index ?? 0
          found.push({start, end: start + m[0].length, text: m[0]})
        }
      }
      found.sort((a, b) => a.start - b.start)
      let last = -1
      for (const f of found) {
        if (f.start < last) continue
        last = f.end
        context.report({messageId: 'placeholder', block, start: f.start, end: f.end, data: {text: f.text}})
      }
    }
  },
} satisfies Rule<'placeholder'>
