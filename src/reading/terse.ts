// Terse forms read in full: the abbreviations small agreements are written in ("Svcs", "Hrs & resp.", "Not incl.",
// "tix", "avail.", "M-F 7:30a-5:00p ET", "$1,740/mo") expanded to the words the clause readings know, and the words a
// redline strikes through read as not there, in a view of a block whose offsets still map back to the source.
import {sourceOffset} from '../document.js'
import {lastAtMost, splitSentences} from '../text.js'
import type {Block, Segment, Sentence, TextRange} from '../types.js'

/** One terse form and its full wording; `full` may read the match (a clock time keeps its digits). */
interface Form {
  readonly re: string
  readonly full: string | ((m: string, ...groups: string[]) => string)
}

/** The unit of a figure left to confirm in brackets: a span of time. */
const SLOT_UNIT = String.raw`(?:(?:business|working|calendar) )?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)`

// A slot left to fill (see FORMS)
const SLOT = String.raw`\[(?:[NnX#]|[^\[\]\n/]{1,20}(?:/[^\[\]\n/]{1,20}){1,5}|[^\[\]\n]{1,20}\sor\s[^\[\]\n]{1,20}|\d+(?:[.,]\d+)?\s?${SLOT_UNIT}\??|\d+(?:[.,]\d+)?(?=\]\s?-?\s?${SLOT_UNIT}\b))\]`
const SLOTS = new RegExp(SLOT, 'g')

/** The text with its slots left to fill ("[4 hours]", "[1 hour?]", "[N] minutes", "[4 or 8]") blanked, offsets kept. */
export function withoutSlots(text: string): string {
  return text.includes('[') ? text.replace(SLOTS, (m) => ' '.repeat(m.length)) : text
}

// Reading: words a redline strikes through ("~~daily~~ **nightly**", "~~Fixes within 8 hours.~~") are deleted by it:
// they state nothing, and are read as not there (the marks, and one space after them, with them). A struck run opens
// and closes on the same line, with no space just inside its marks; each character of it is read once (the run ends at
// the first "~~" after it opens).
const STRUCK = String.raw`~~(?![\s~])(?:[^~\n]|~(?!~))*(?<![\s~])~~`
const STRUCK_RUNS = new RegExp(STRUCK, 'g')

/** The text with its struck-through runs blanked (spaces), offsets kept; the text itself when it has none. */
export function withoutStruck(text: string): string {
  return text.includes('~~') ? text.replace(STRUCK_RUNS, (m) => ' '.repeat(m.length)) : text
}

// Each form is a whole word as written, lower-case unless shown; where a short form has another common sense ("mo",
// "wk", "p" after a number), it is read only where the sense is certain: after a number or a slash, or in a range.
const FORMS: readonly Form[] = [
  {re: String.raw`\b[Ss]vcs\b\.?`, full: 'services'},
  {re: String.raw`\b[Ss]vc\b\.?`, full: 'service'},
  {re: String.raw`\b[Hh]rs\b\.?`, full: 'hours'},
  {re: String.raw`(?<=\d\s?|/|\b1\s|\ban\s)hr\b\.?`, full: 'hour'},
  // not "respectively" after an amount ("$400 and $650 resp.")
  {re: String.raw`(?<!\d\s?)\b[Rr]esp\b\.?`, full: 'response'},
  {re: String.raw`\b[Rr]esol\b\.?`, full: 'resolution'},
  // "fix" right after a time is the time to fix, as a one-line service level writes it: "1h resp / 4h fix", "2 days fix"
  {re: String.raw`(?<=\b\d{1,3}(?:\.\d)?[\s-]?(?:(?:business|working|office)\s)?(?:mins?|minutes?|h|hrs?|hours?|d|days?|wks?|weeks?|BDs?)\.?\s)[Ff]ix\b`, full: 'resolution'},
  // "Not incl." (nothing follows: what is or is not included) and "incl. VAT" (including)
  {re: String.raw`\b([Ii]ncl|[Ee]xcl)(?:\.|\b)(?=\s*(?:$|[:;,)\]]))`, full: (_m, w) => (w!.toLowerCase() === 'incl' ? 'included' : 'excluded')},
  {re: String.raw`\b([Ii]ncl|[Ee]xcl)(?:\.|\b)`, full: (_m, w) => (w!.toLowerCase() === 'incl' ? 'including' : 'excluding')},
  {re: String.raw`\b[Aa]vail\b\.?`, full: 'available'},
  {re: String.raw`\b[Tt](?:ix|kts?)\b`, full: (m) => (m.toLowerCase() === 'tkt' ? 'ticket' : 'tickets')},
  {re: String.raw`\b[Mm]gmt\b\.?`, full: 'management'},
  // "Min. standards", "min. spec", "min reqs": minimum before a word (written with its full stop, or before a lower-case
  // word); after a number it is minutes ("30 min. call"), and before a capitalised word without the stop it may be a name
  {re: String.raw`(?<!\d\s?)\b[Mm]in(?:\.(?=\s+[A-Za-z])|\b(?=\s+[a-z]))`, full: 'minimum'},
  {re: String.raw`\b[Mm]aint\b\.?`, full: 'maintenance'},
  {re: String.raw`\b[Rr]eqs\b\.?`, full: 'requirements'},
  {re: String.raw`\b[Rr]eq(?:['’]|ui)?d\b`, full: 'required'},
  {re: String.raw`\b[Aa]dd(?:['’])?l\b\.?`, full: 'additional'},
  {re: String.raw`\b[Bb]k?ups?\b|\b[Bb]kps?\b|\b[Bb]/[Uu]\b`, full: (m) => (/s$/i.test(m) ? 'backups' : 'backup')},
  {re: String.raw`\b[Ss]ev\s?(?=\d)`, full: 'Severity '},
  {re: String.raw`\b[Pp]ri\s?(?=\d)`, full: 'Priority '},
  {re: String.raw`\b[Cc]rit\b\.?`, full: 'critical'},
  {re: String.raw`\b[Hh]/[Ww]\b`, full: 'hardware'},
  {re: String.raw`\b[Ss]/[Ww]\b`, full: 'software'},
  {re: String.raw`\b[Ww]/[Oo]\b`, full: 'without'},
  {re: String.raw`\b[Ww]/(?=\s)`, full: 'with'},
  {re: String.raw`\bT&M\b`, full: 'time and materials'},
  {re: String.raw`\bOOH\b`, full: 'out of hours'},
  // "A/H": after hours, as small firms' notes write it
  {re: String.raw`\b[Aa]/[Hh]\b`, full: 'after hours'},
  {re: String.raw`\b[Ww]kdays?\b`, full: (m) => (/s$/.test(m) ? 'weekdays' : 'weekday')},
  {re: String.raw`\b[Ww]knds?\b`, full: (m) => (/s$/.test(m) ? 'weekends' : 'weekend')},
  {re: String.raw`\b[Mm]thly\b|\b[Mm]nthly\b`, full: 'monthly'},
  {re: String.raw`\b[Ww]kly\b`, full: 'weekly'},
  {re: String.raw`\b[Qq]trly\b`, full: 'quarterly'},
  {re: String.raw`\b[Yy]rly\b`, full: 'yearly'},
  // units read only after a number or a slash: "12 mos", "$1,740/mo", "1x/qtr", "2 wks", "3 yrs"
  {re: String.raw`(?<=\d\s?|/)mos?\b\.?`, full: (m) => (/^mos/.test(m) ? 'months' : 'month')},
  {re: String.raw`(?<=\d\s?|/)wks?\b\.?`, full: (m) => (/^wks/.test(m) ? 'weeks' : 'week')},
  {re: String.raw`(?<=\d\s?|/)yrs?\b\.?`, full: (m) => (/^yrs/.test(m) ? 'years' : 'year')},
  {re: String.raw`(?<=\d\s?|/)qtrs?\b\.?`, full: (m) => (/^qtrs/.test(m) ? 'quarters' : 'quarter')},
  {re: String.raw`(?<=\d\s?)BDs?\b`, full: 'business days'},
  // a slot left to fill holds no value: options to choose from ("[1.5x / 2x]", "[hourly/daily/weekly]", "[4 or 8]") or
  // a bare letter for a number ("[N] minutes"); a filled-in-looking slot ("[Leeds]") and a checkbox ("[x]") are left
  // Reading: so does a figure in brackets where a value is stated, with its unit inside or right after ("within [4
  // hours]", "[1 hour?]", "within [30] days", "[12]-month terms"): a draft's value left to confirm; a note mark ("[1]")
  // has no unit after it
  {re: SLOT, full: '[…]'},
  {re: String.raw`${STRUCK} ?`, full: ''},
  // a span of weekdays by initials: "M-F", "M–F", "M-Sa"
  {re: String.raw`\bM\s?[-–]\s?F\b`, full: 'Monday to Friday'},
  {re: String.raw`\bM\s?[-–]\s?Sa\b`, full: 'Monday to Saturday'},
  // a clock time by a single letter: "7:30a", "5:00p", and "8a"/"6p" in a range or before a time zone
  {re: String.raw`\b((?:1[0-2]|0?[1-9]):[0-5]\d)([ap])\b(?!\.)`, full: (_m, t, ap) => `${t} ${ap}m`},
  {re: String.raw`\b(1[0-2]|0?[1-9])([ap])(?=\s?[-–]\s?\d|\s[A-Z]{2,5}\b)`, full: (_m, t, ap) => `${t} ${ap}m`},
  {re: String.raw`(?<=\d[ap]?\s?[-–]\s?)(1[0-2]|0?[1-9])([ap])\b(?!\.)`, full: (_m, t, ap) => `${t} ${ap}m`},
]

// A letter outside ASCII (Latin with its accents, Greek, Cyrillic, and their combining marks): beside a form it continues
// the form's word, which \b takes for a word's end ("Critério" holds no "Crit", "øhrs" no "hrs")
const OTHER_LETTER = String.raw`[\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0300-\u04FF\u1E00-\u1EFF]`
const WHOLE = (re: string): string => `(?<!${OTHER_LETTER})(?:${re})(?!${OTHER_LETTER})`
const ANY = new RegExp(FORMS.map((f) => `(${WHOLE(f.re.replace(/\((?!\?)/g, '(?:'))})`).join('|'))
const EACH = FORMS.map((f) => new RegExp(`^(?:${f.re})`))

/** A text expanded, with the pieces that map it back to the text as written. */
export interface Expanded {
  readonly text: string
  /** Runs of the expanded text: [viewStart, rawStart, viewLength, rawLength], a replaced form where the lengths differ or `replaced`. */
  readonly pieces: ReadonlyArray<{readonly view: number; readonly raw: number; readonly viewLength: number; readonly rawLength: number; readonly replaced: boolean}>
  /** Where each piece starts in the expanded text, and in the text as written (both ascending). */
  readonly viewStarts: readonly number[]
  readonly rawStarts: readonly number[]
}

function withStarts(text: string, pieces: Expanded['pieces']): Expanded {
  return {text, pieces, viewStarts: pieces.map((p) => p.view), rawStarts: pieces.map((p) => p.raw)}
}

/** Does the text hold a terse form? */
export function hasTerse(text: string): boolean {
  return mayHoldTerse(text) && ANY.test(text)
}

/**
 * Every terse form as written, as the maximal run of ASCII letters it makes: each form is a whole word (bounded by
 * \b, or by a digit, a space or a slash that a look-behind asks for), so a text holding one has the form's letters as
 * a run of its own ("Svcs", "mos", "Sev" before a digit, "M" of "M-F").
 */
const TERSE_WORDS = new Set(
  [
    'svcs', 'svc', 'hrs', 'resp', 'resol', 'incl', 'excl', 'avail', 'tix', 'tkt', 'tkts', 'mgmt', 'maint', 'min', 'reqs', 'reqd', 'requid', 'addl',
    'bup', 'bups', 'bkup', 'bkups', 'bkp', 'bkps', 'sev', 'pri', 'crit', 'fix', 'wkday', 'wkdays', 'wknd', 'wknds', 'mthly', 'mnthly', 'wkly', 'qtrly', 'yrly',
  ].flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]).concat(['hr', 'mo', 'mos', 'wk', 'wks', 'yr', 'yrs', 'qtr', 'qtrs', 'BD', 'BDs', 'OOH', 'M']),
)
/** The longest of TERSE_WORDS. */
const TERSE_LONGEST = 6

/**
 * A quick test that no terse form can be in the text (false), read in one pass without the forms' expression: true
 * when the text has a run of letters that is a form's word (TERSE_WORDS), "req" or "add" before a quote ("req'd",
 * "add'l"), one of the letters b, h, s, w alone before a slash ("h/w", "w/o", "b/u"), "T" before an ampersand ("T&M"), a
 * bracket (a slot) or a digit before "a" or "p" (a clock time, "7:30a"). The forms read after a slash ("/mo", "/hr")
 * are runs of their own. Every text the forms match passes it (test/terse.test.ts checks this on generated texts).
 */
export function mayHoldTerse(text: string): boolean {
  const n = text.length
  let run = -1
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (run < 0) run = i
      continue
    }
    if (run >= 0) {
      const length = i - run
      if (length <= TERSE_LONGEST) {
        const word = text.slice(run, i)
        if (TERSE_WORDS.has(word)) return true
        if ((c === 39 || c === 0x2019) && length === 3 && /^(?:[Rr]eq|[Aa]dd)$/.test(word)) return true
        // "a/h", "b/u", "h/w", "s/w", "w/o", "w/": one letter before the slash
        if (c === 47 && length === 1 && /^[AaBbHhSsWw]$/.test(word)) return true
        // "T&M"
        if (c === 38 && word === 'T') return true
      }
      run = -1
    }
    if (c === 91 /* [ */) return true
    // a struck run ("~~daily~~")
    if (c === 126 && i + 1 < n && text.charCodeAt(i + 1) === 126) return true
    if (c >= 48 && c <= 57) {
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 0
      if (d === 97 || d === 112) return true
    }
  }
  return false
}

/** The text with its terse forms in full (the same text when it holds none). */
export function expandTerse(text: string): Expanded {
  if (!ANY.test(text)) return withStarts(text, [{view: 0, raw: 0, viewLength: text.length, rawLength: text.length, replaced: false}])
  const pieces: Array<Expanded['pieces'][number]> = []
  let out = ''
  let from = 0
  const g = new RegExp(ANY.source, 'g')
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (m[0].length === 0) {
      g.lastIndex++
      continue
    }
    const which = m.slice(1).findIndex((x) => x !== undefined)
    const form = FORMS[which]!
    const own = EACH[which]!.exec(text.slice(m.index))
    const full = typeof form.full === 'string' ? form.full : form.full(m[0], ...(own ? own.slice(1) : []))
    if (m.index > from) pieces.push({view: out.length, raw: from, viewLength: m.index - from, rawLength: m.index - from, replaced: false})
    out += text.slice(from, m.index)
    // a capital stays a capital: "Svcs" → "Services"
    const cased = /^[A-Z][a-z]/.test(m[0]) && /^[a-z]/.test(full) ? full[0]!.toUpperCase() + full.slice(1) : full
    pieces.push({view: out.length, raw: m.index, viewLength: cased.length, rawLength: m[0].length, replaced: true})
    out += cased
    from = m.index + m[0].length
  }
  if (from < text.length) pieces.push({view: out.length, raw: from, viewLength: text.length - from, rawLength: text.length - from, replaced: false})
  out += text.slice(from)
  return withStarts(out, pieces)
}

/**
 * An offset on one side of an expanded text mapped to the other: the piece that holds it is the last one starting at
 * or before it (by binary search over the pieces' starts); inside a replaced form an offset maps to the form's start,
 * or to its end for any offset after the start.
 */
function mapOffset(e: Expanded, offset: number, from: 'view' | 'raw'): number {
  const starts = from === 'view' ? e.viewStarts : e.rawStarts
  if (starts.length === 0 || offset < starts[0]!) return 0
  const p = e.pieces[lastAtMost(starts, offset)]!
  const [at, to, toLength] = from === 'view' ? [p.view, p.raw, p.rawLength] : [p.raw, p.view, p.viewLength]
  if (!p.replaced) return to + Math.min(offset - at, toLength)
  return offset === at ? to : to + toLength
}

/** The offset as written of an offset of the expanded text (inside an expanded form: its start, or its end for an end). */
export function toRaw(e: Expanded, offset: number): number {
  return mapOffset(e, offset, 'view')
}

/** The offset of the expanded text of an offset as written. */
export function fromRaw(e: Expanded, offset: number): number {
  return mapOffset(e, offset, 'raw')
}

/** A block read in full: its text expanded, sentences split anew, offsets mapping to the source as the block's do. */
export interface TerseView {
  readonly block: Block
  readonly raw: Block
  readonly expanded: Expanded
}

/** The view of a block with its terse forms in full, or undefined when it has none. */
export function terseView(raw: Block): TerseView | undefined {
  if (!ANY.test(raw.text)) return undefined
  const expanded = expandTerse(raw.text)
  const segments: Segment[] = []
  for (const p of expanded.pieces) {
    if (p.replaced) {
      // the whole form maps to where it is written
      const src = sourceOffset(raw, p.raw)
      segments.push({textStart: p.view, sourceStart: src, length: Math.min(p.viewLength, sourceOffset(raw, p.raw + p.rawLength) - src)})
      continue
    }
    for (const s of raw.segments) {
      const a = Math.max(s.textStart, p.raw)
      const b = Math.min(s.textStart + s.length, p.raw + p.rawLength)
      if (b < a || (b === a && s.length > 0)) continue
      segments.push({textStart: p.view + (a - p.raw), sourceStart: s.sourceStart + (a - s.textStart), length: b - a})
    }
  }
  segments.sort((x, y) => x.textStart - y.textStart)
  if (!segments.length) segments.push({textStart: 0, sourceStart: raw.position.start.offset, length: 0})
  const sentences: Sentence[] = []
  const variables: TextRange[] = raw.variables.map((v) => ({...v, start: fromRaw(expanded, v.start), end: fromRaw(expanded, v.end)}))
  const block: Block = {
    ...raw,
    text: expanded.text,
    segments,
    sentences,
    variables,
    ...(raw.cells ? {cells: raw.cells.map((c) => expandTerse(c).text)} : {}),
    ...(raw.header ? {header: raw.header.map((c) => expandTerse(c).text)} : {}),
  }
  splitSentences(expanded.text).forEach((r, index) => {
    const s = expanded.text.slice(r.start, r.end)
    if (s.trim()) sentences.push({block, index, start: r.start, end: r.end, text: s})
  })
  return {block, raw, expanded}
}

/** A title with its terse forms in full ("Hrs & resp." → "Hours & response"). */
export function expandTitle(title: string): string {
  // most titles, labels and lead-ins hold no terse form: the one-pass letter test answers for them before the forms'
  // expression, which tries its fifty alternatives at every position of a text
  return hasTerse(title) ? expandTerse(title).text : title
}
