// Value kind priorities: Priority and severity levels: "P1", "Severity 2", "Critical".
import type {ValueKind} from './kind.js'
import {type Match, scan, DASH, parseNumber, span} from './common.js'
import {lazyCaselessRegExp} from './caseless.js'

/** A priority/severity level. `rank` 1 is the most urgent; named levels map Critical/Urgent/Emergency=1, High=2, Medium/Normal/Moderate=3, Low/Minor=4. */
export interface Priority extends Match { kind: 'priority'; scheme: 'P' | 'priority' | 'severity' | 'level' | 'named'; rank: number; label: string }

const RANK = String.raw`[0-5]|zero|one|two|three|four|five`
const LEVEL_SEP = String.raw`[\s:#${DASH}]{0,3}`
const PRIORITY_RE = lazyCaselessRegExp(
  String.raw`\b(?:(?<p>P)(?<pr>[0-5])` +
    String.raw`|(?<sv>sev(?:erity)?)\.?${LEVEL_SEP}(?:level${LEVEL_SEP})?(?<svr>${RANK})` +
    String.raw`|(?<pk>priority)${LEVEL_SEP}(?:level${LEVEL_SEP})?(?<pkr>${RANK})` +
    String.raw`|(?<lv>level)${LEVEL_SEP}(?<lvr>${RANK})` +
    String.raw`|(?<lk>sev(?:erity)?|priority)[\s${DASH}]{1,2}(?<lkr>[A-E])` +
    String.raw`|(?<nm>critical|urgent|emergency|high|medium|normal|moderate|low|minor))(?![a-z\d]|\.\d)`,
  'g',
)
/** Necessary for any priority: the start of one of PRIORITY_RE's words at a word boundary. */
const PRIORITY_HINT = /\b(?:p[0-5]|sev|priority|level|critical|urgent|emergency|high|medium|normal|moderate|low|minor)/i
const NAMED_RANK = new Map<string, number>([
  ['critical', 1], ['urgent', 1], ['emergency', 1], ['high', 2], ['medium', 3], ['normal', 3], ['moderate', 3], ['low', 4], ['minor', 4],
])
const LABEL_CASE_RE = /^(?:[A-Z][a-z]+|[A-Z]+)$/
const QUOTES = `"'“”‘’*_`
// (a capitalised level before the incidents, issues or alerts it sorts is that level: "Critical incidents", "High alerts")
const NAMED_AFTER_RE = lazyCaselessRegExp(String.raw`^[${QUOTES}]{0,2}(?:\s{1,2}(?:priority|severity|issues?|incidents?|alerts?)\b|\s{0,2}[(:${DASH}]\s{0,2}(?:P[0-5]|(?:priority|severity|sev)\s?[0-5])\b)`)
const NAMED_BEFORE_RE = lazyCaselessRegExp(String.raw`(?:\b(?:priority|severity|sev|urgency|impact)\s{0,2}(?:[:=${DASH}]|\bis\b|\bof\b)?|\bP[0-5]\s{0,2}[:(${DASH}]?|\b(?:priority|severity|sev)\s?[0-5]\s{0,2}[:(${DASH}]?)\s{0,2}[${QUOTES}]{0,2}$`)
// Reading: "Level N" followed by a street address or a building's name ("Level 2, 18 Victoria Street", "Level 12/100 Queen
// St", "Level 3, Harbour Tower") is the floor of a building, not a level of urgency
const FLOOR_AFTER = /^\s*[,/]?\s*(?:(?:Unit|Suite)\s+\w+\s*,\s*)?(?:\d{1,5}[A-Za-z]?(?:[-–]\d{1,5})?\s+(?:[A-Z][\w'’-]*\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Place|Pl|Terrace|Tce|Drive|Dr|Boulevard|Blvd|Quay|Parade|Pde|Way|Square|Sq|Highway|Hwy|Crescent|Cres|Close|Court|Ct|Esplanade|Mall|Row|Wharf)\b|(?:[A-Z][\w'’-]*\s+){1,3}(?:Tower|House|Building|Centre|Center|Plaza|Chambers|Arcade)\b)/
const CELL_EDGE_RE = /[\s*_"'“”‘’()[\].:;,]/

/** Start and end of `text` without surrounding whitespace, emphasis marks, quotes and punctuation. */
function coreBounds(text: string): [number, number] {
  let a = 0
  let b = text.length
  while (a < b && CELL_EDGE_RE.test(text.charAt(a))) a++
  while (b > a && CELL_EDGE_RE.test(text.charAt(b - 1))) b--
  return [a, b]
}

/**
 * Find priority levels: "P1".."P5", "Priority 1"/"Priority One", "Severity 1"/"Sev 2"/"Severity Level 3", "Level 2",
 * levels named by a capital letter ("Priority A", "Sev B"), and
 * capitalised named levels ("Critical", "High", "Medium", "Low", ...) only where they are used as a level: followed by
 * priority/severity/issue/incident, next to a P-code or "Priority:", or as the whole text (a table cell).
 */
export function extractPriorities(text: string): Priority[] {
  const out: Priority[] = []
  if (!PRIORITY_HINT.test(text)) return out
  let core: [number, number] | undefined
  scan(PRIORITY_RE(), text, (m, g) => {
    const label = m[0].replace(/\s+/g, ' ')
    const end = m.index + m[0].length
    let scheme: Priority['scheme']
    let rank: number | undefined
    if (g['p'] !== undefined) {
      if (g['p'] !== 'P') return false
      scheme = 'P'
      rank = Number(g['pr'])
    } else if (g['nm'] !== undefined) {
      const w = g['nm']
      if (!LABEL_CASE_RE.test(w)) return false
      const used =
        NAMED_AFTER_RE().test(text.slice(end, end + 30)) ||
        NAMED_BEFORE_RE().test(text.slice(Math.max(0, m.index - 30), m.index)) ||
        ((core ??= coreBounds(text))[0] === m.index && core[1] === end)
      if (!used) return false
      scheme = 'named'
      rank = NAMED_RANK.get(w.toLowerCase())
    } else if (g['lk'] !== undefined) {
      // a level named by a capital letter ("Priority A", "Sev-B"), never an article after the word ("priority a")
      const letter = g['lkr'] ?? ''
      if (!/^[A-E]$/.test(letter)) return false
      scheme = /^sev/i.test(g['lk']) ? 'severity' : 'priority'
      rank = letter.charCodeAt(0) - 64
    } else {
      // a level followed by a street address is the floor of a building ("Level 2, 18 Victoria Street")
      if (g['lv'] !== undefined && FLOOR_AFTER.test(text.slice(end, end + 80))) return false
      scheme = g['sv'] !== undefined ? 'severity' : g['pk'] !== undefined ? 'priority' : 'level'
      rank = parseNumber(g['svr'] ?? g['pkr'] ?? g['lvr'] ?? '')
    }
    if (rank === undefined) return false
    out.push({kind: 'priority', ...span(m), scheme, rank, label})
    return true
  })
  return out
}

/** The `priorities` kind: its extractor and its cheap pre-check. */
export const priorities: ValueKind<Priority> = {extract: extractPriorities, mayHold: (text) => PRIORITY_HINT.test(text)}
