// no-undefined-terms: capitalised terms used as defined terms ("the Covered Devices") that the agreement never defines,
// and definitions that are never used.
import {needs} from '../src/text.js'
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {DefinitionSite, Reading, Vocabulary} from '../src/reading/index.js'
import type {Rule} from '../src/rule.js'
import type {Block, Document, Section, Sentence} from '../src/types.js'
import data from './data/terms.json' with {type: 'json'}

const lower = (list: readonly string[]): Set<string> => new Set(list.map((w) => w.toLowerCase()))
const HEAD_NOUNS = lower(data.headNouns)
const NOT_TERMS = lower(data.notTerms)
const ROLES = lower(data.roles)
const BRANDS = lower(data.brands)
// a party's entry in a public register: the verb and preposition before the register's name, its number after it
const REGISTERED_WITH = needs(/\b(?:registered|entered|enrolled|inscribed|incorporated|filed|recorded)\s+(?:with|at|in|on|before|by)\s+the\s+$/i)
const REGISTRATION_NUMBER = /^[^.;]{0,80}?\b(?:under|with|as)\s+(?:(?:company|registration|enterprise|entity|the)\s+)?(?:number|no\.?|n[°º]|nr\.?|#)\s*[\w.\/-]*\d/i
const LAW_HEADS = lower(data.lawHeads)
const PLACE_HEADS = lower(data.placeHeads)
// A name ending in a kind of building, site or street names a place ("the Hilltop Annexe", "the Riverside Campus",
// "Mill Road"): a place is found, not defined, where a term ending in "Site" or "Premises" is defined
const SITE_TAILS = lower(data.siteTails)
// A name ending in a kind of region or geographic feature ("the Canary Islands", "the Walloon Region", "the Ebro Valley")
// names a place when the agreement never writes the words before that end in lower case: "the Service Region", whose
// "service" the agreement writes in lower case too, is a term of the agreement (read after the candidates, as it depends
// on the whole text)
const PLACE_TAILS = lower(data.placeTails)
const TITLES = lower(data.titles)
const DOCUMENT_HEADS = lower(data.documentHeads)
// Nouns the project knows as ordinary words, which a term of the agreement is built from ("Devices", "Portal", "Policy")
const COMMON_NOUNS = new Set([...HEAD_NOUNS, ...DOCUMENT_HEADS, ...lower(data.systemHeads), ...TITLES, ...SITE_TAILS, ...ROLES])
const BODY_WORDS = lower(data.bodyWords)
const BODY_ENDING = new RegExp(`\\p{Ll}(?:${data.bodyEndings.join('|')})$`, 'u')
/** Does a word name a public body or an organisation wherever it stands ("Autoriteit", "Datenschutzbehörde")? */
const isBodyWord = (w: string): boolean => {
  const l = w.toLowerCase()
  return BODY_WORDS.has(l) || BODY_ENDING.test(l)
}

// The capitalised words right after a possessive ending, which may go on a name: "’ Society", "'s College of Music"
// (a body named after two kinds of member goes on across "and": "the Arbitrators' and Mediators' Institute")
const AFTER_POSSESSIVE = /^(?:['’]s?)(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w-]*['’]s?)?[ \t]+([A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,2})/
/** Does a body's name go on after a possessive ending ("’ Society", "'s College")? Then the possessive is part of it. */
const isBodyName = (after: string): boolean => {
  const m = AFTER_POSSESSIVE.exec(after)
  if (!m) return false
  const words = m[1]!.split(/[ \t]+/)
  return LAW_HEADS.has(words[words.length - 1]!.toLowerCase()) || words.some(isBodyWord)
}

const DETERMINER = /^(?:the|any|each|all|a|an|such|every)$/i
// A committee, board, panel or forum of a party ("the Customer's Security Board") or one the agreement binds to act ("The
// Technology Committee shall review the reports") is a body the agreement relies on, so a term it must define: a public
// body is named in an agreement, never bound by it
const ORGAN = /^(?:committee|committees|board|boards|panel|panels|forum|forums)$/
const BOUND_AFTER = /^\s+(?:shall|must|will|is\s+to|are\s+to|agrees?\s+to|undertakes?\s+to)\b/
// A name whose head before "of" is a kind of state or territory names a place ("the Free State of Saxony", "the Federal
// Republic of Germany", "the Emirate of Dubai")
const PLACE_OF = /^(?:state|states|republic|kingdom|commonwealth|principality|emirate|duchy|province|territory|canton|county|city|municipality|borough|district|region)$/
// A name whose head before "of" is a unit of an institution names that unit ("the School of Music", "the Faculty of Law",
// "the Division of Finance"): an organisation named, not a term the agreement gives a meaning
const UNIT_OF = /^(?:school|faculty|division|department|centre|center|institute|college|office|directorate|library|museum)$/
// A term named as what a list spells out: "one of the following Priority Levels:" (the list, or the words after the colon)
const FOLLOWING_TERM = /\bthe following ((?:[A-Z][\w’'-]*[ \t]+){0,3}[A-Z][\w’'-]*)/g
// A rule book the agreement binds a party to ("the Acceptable Use Policy", "the Recovery Runbook", "our Fair Use Policy"):
// a term to define, attach or locate, unless it is the customer's or a third party's own ("Customer's IT Handbook")
// (and a matrix of who does what or whom to call: "the Escalation Matrix", "the RACI Matrix"; and a procedure the
// agreement relies on and names as its own: "the Change Control Procedure")
// (so is a working document the agreement keeps or relies on: "the Exit Plan", "the Site Register", "the Technology
// Roadmap", "our Service Catalogue", "the Asset Inventory", "the Approved List")
const POLICY_HEAD = /^(?:policy|policies|runbook|runbooks|playbook|playbooks|handbook|manual|guide|letter|matrix|matrices|procedure|plan|plans|register|registers|roadmap|roadmaps|catalogue|catalogues|catalog|catalogs|inventory|inventories|list|lists)$/
// A rule book or working document named with capitals ("Site Register", "Backup Policy"), to find where one is located
const BOOK_WORDS = String.raw`(?:Polic(?:y|ies)|Runbooks?|Playbooks?|Handbook|Manual|Guide|Letter|Matri(?:x|ces)|Procedure|Plans?|Registers?|Roadmaps?|Catalog(?:ue)?s?|Inventor(?:y|ies)|Lists?)`
const BOOK_NAMED = new RegExp(String.raw`(?<![\w’'-])(?:[A-Z][\w’'-]*[ \t]+){1,3}${BOOK_WORDS}(?![\w’'-])`, 'g')
const BOOK_NAMED_TEST = new RegExp(String.raw`[a-z][ \t]+${BOOK_WORDS}(?![\w’'-])`)
// A plan the customer orders, buys, subscribes to or is on is a product it takes ("the Business Hosting Plan ordered on 2
// March", "customers on the Gold Plan"), not a document the agreement relies on
const PLAN_TAKEN_BEFORE = /\b(?:order(?:s|ed)?|purchas(?:e|es|ed)|buy(?:s)?|bought|subscribe[sd]?\s+to|sign(?:s|ed)?\s+up\s+(?:to|for)|upgrad(?:e|es|ed)\s+to|switch(?:es|ed)?\s+to|mov(?:e|es|ed)\s+to|cho(?:ose|oses|se)|select(?:s|ed)?|on|under)\s+(?:the|our|your|a)\s+$/i
const PLAN_TAKEN_AFTER = /^\s*(?:ordered|purchased|bought|chosen|selected|subscription|tier|customers?|subscribers?|fees?|price)\b/i
// A capitalised run before a word for a listed set names the set the list holds ("the Covered Devices list", "the
// Supported Sites register"): a term the agreement relies on, not a modifier of the list
const SET_NOUN = /^(?:list|lists|register|registers|inventory|inventories|spreadsheet|roster|rota)$/
// (an article before two or three capitalised words right before the set's word)
const SET_NAMED = /(?:^|\s)(?:[Tt]he|[Oo]ur|[Yy]our|[Ee]ach|[Aa]ny|[Ee]very)\s+[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){1,2}$/
// where the document is found: "published at …", "available on our website", "attached as Schedule 3"
const LOCATED = /^\W{0,4}(?:\([^)]{0,40}\)\s*)?(?:,\s*)?(?:as\s+)?(?:(?:is|are|as)\s+)?(?:published|posted|available|found|located|attached|annexed|appended|linked|provided|made available|set out|in force|given|sent|supplied|issued|delivered|handed|shared)\b|^\s*\(?(?:at\s+)?(?:https?:|www\.)|^\s*\((?:see\s+)?(?:Schedule|Annex|Appendix|Exhibit|Attachment|Section|clause)\b|^\s*,\s*(?:a|an|the)\s+(?:separate\s+|written\s+)?document\b/i
// Words that may follow a defined term; any other lower-case word after it makes the capitalised words a modifier ("the Astoria office")
// (a pronoun starts a relative clause after the term, "the Voice Portal we run for you", never a noun it modifies)
const FUNCTION_WORD =
  /^(?:we|you|he|she|us|our|your|my|me|them|of|and|or|nor|to|in|into|for|with|by|on|at|from|under|over|as|than|that|which|who|whose|whom|where|when|if|unless|until|while|because|is|are|was|were|be|been|being|has|have|had|does|do|did|will|shall|must|may|might|can|could|would|should|not|only|also|then|so|but|within|without|during|after|before|upon|through|throughout|against|between|among|about|including|includes|include|excluding|except|via|per|its|their|his|her|it|they|this|these|those|such|each|any|all|no|there|here|hereunder|herein|thereof|hereof|pursuant|according|apply|applies|set|listed|described|provided|means|mean|refers|identified|specified|stated|defined|below|above|remain|remains|become|becomes|every|once|twice|again|still|already|up)$/i
// A participle or an adverb of time that starts a predicate after the capitalised words ends the noun phrase ("Keep the
// Supported Kit plugged into …", "watches the Critical Applications day and night"): they are not a modifier, as "the
// Acme branded laptops" is
const PREDICATE_AFTER = /^\s+(?:[a-z]{2,}ed|[a-z]{3,}ly|day and night|night and day|(?:a)?round the clock)(?=\s*(?:[.,;:!?)]|$)|\s+(?:into|in|on|at|to|by|from|with|under|for|and|or|off|up|out|away|overnight|until|unless|when|while)\b)/
const MEANING_BEFORE = /\b(?:means|mean|refers to|is defined as|stands for)\s+(?:the\s+|a\s+|an\s+|any\s+)?$/i
// The rest of a list of capitalised names and the lower-case noun they share: ", Molo, Njoro and Gilgil branches"
// (each name may carry a short parenthesis: "the Amsterdam (primary) and Frankfurt (secondary) regions")
const SHARED_HEAD = /^(?:\s*\([^()]{1,30}\))?(?:\s*,\s*[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?(?:\s*\([^()]{1,30}\))?){0,8}(?:\s*,?\s+(?:and|or)\s+[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?(?:\s*\([^()]{1,30}\))?)?\s+([a-z][\w’'-]*)/
const CORPORATE = /^,?\s*\(?(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|GmbH|plc|PLC|Pty|LLP|LP|L\.P|AG|S\.A|SA|B\.V|BV|N\.V|NV|Co|Company|Group|Holdings|Partners|P\.C|PC|PLLC|S\.r\.l|SAS|KK|Oy|AB|ASA|A\/S|ApS)\b/
// The agreement takes its definitions from another document: "Capitalized terms not defined here have the meanings given in the
// Agreement", or it is itself a supplement ("as supplemented by this AI Addendum", "as incorporated into the applicable Order Form")
// However the capitalised words are named ("capitalised terms", "any word that begins with a capital letter", "expressions
// defined in the Master Agreement") and however their meaning is carried ("have the meanings given", "means the same as",
// "are used with the same meaning")
const CAPITAL_WORDS = String.raw`\bcapitali[sz]ed\s+(?:terms?|words?|expressions?)\b|\b(?:terms?|words?|expressions?)\b[^.]{0,40}?\b(?:starts?|starting|begins?|beginning|written|spelt|spelled)\s+with\s+(?:a\s+|an\s+(?:initial\s+)?|initial\s+)?capital(?:\s+letters?|s)?\b`
const CARRIED_MEANING = String.raw`\b(?:have|has|shall have|will have|bear|bears|carry|carries|take|takes|keep|keeps)\s+(?:the\s+)?(?:same\s+)?meanings?\b|\bmeans?\s+(?:the\s+same|what\b)|\b(?:with|in)\s+the\s+same\s+meanings?\b`
const DELEGATED_DEFINITIONS = new RegExp(
  String.raw`(?:${CAPITAL_WORDS})[^.]{0,160}?(?:${CARRIED_MEANING})|\b(?:terms?|words?|expressions?)\s+(?:used\s+)?(?:but\s+)?not\s+(?:otherwise\s+)?defined\s+(?:herein|in\s+this\s+\w+|here)\b[^.]{0,80}\bmeanings?\b|\b(?:terms?|words?|expressions?)\s+defined\s+in\s+the\s+(?:[A-Z][\w-]*\s+){0,4}(?:Agreement|Contract|MSA|Terms|Conditions)\b[^.]{0,80}?(?:${CARRIED_MEANING})`,
  'i',
)
const SUPPLEMENT =
  /\bsupplemented\s+by\s+this\b|\bas\s+incorporated\s+(?:into|in)\s+(?:the|an?|each)\s+(?:applicable\s+)?(?:Order Form|Agreement|Statement of Work|SOW)\b|\bconsists?\s+of\b[^.]{0,160}\bStandard Terms\b|\bthis\s+(?:[A-Z][\w-]*\s+){0,3}(?:Addendum|Schedule|Exhibit|Annex|Appendix|Attachment)\s+(?:forms?\s+part\s+of|supplements|is\s+(?:part\s+of|attached\s+to|incorporated\s+(?:into|in)))\b/i
const HOLIDAY_HEAD = /^(?:day|holiday)$/
// the list of days excluded, up to the run: an exclusion word, then list items with no verb or clause break between
const CLOSED_DAYS = /\b(?:excluding|except(?:\s+(?:for|on))?|other than|not including|apart from|save for|closed (?:on|for))\b(?:(?!\b(?:is|are|was|were|will|shall|must|may|can|be|been|being|do|does|did|has|have|had)\b)[^.;:!?]){0,110}$/i
interface Word {
  readonly w: string
  readonly start: number
  readonly end: number
  readonly possessive: boolean
}

interface Candidate {
  readonly term: string
  readonly start: number
  readonly end: number
}

// Words are what /[A-Za-zÀ-ɏ][\wÀ-ɏ’'&.-]*[\wÀ-ɏ’']|[A-Za-zÀ-ɏ]|&/g matches (× and ÷ aside); tokenize() finds the same spans without a regex
// What may stand before a capital that is there only because a sentence, item or quotation starts
const INITIAL_AFTER = /(?:[:;|•—–]\s*|\(\s*|[.!?]\s+|\n\s*|\s\(?[a-z0-9]{1,4}[.)]\s+|["“”‘*]\s*)$/
const INITIAL_SHORT = /(?:^\s*|^\s*\d{1,3}(?:\.\d{1,3})*\.?\s+|^\(?[a-z0-9]{1,4}[.)]\s+)$/
const CONNECTORS = new Set(['of', 'and', 'for', '&', 'the', 'on', 'to', 'in', 'de', 'du', 'la', 'von', 'van'])
const isConnector = (w: string): boolean => CONNECTORS.has(w)
/** A hyphen compound led by a single capital letter: "X-ray", "T-shirt", "U-turn" (not "IT-managed", "Wi-Fi"). */
const LETTER_COMPOUND = (w: string): boolean => /^[A-Z]-[a-z][a-z-]*$/.test(w)

// The lower-case words of four letters or more that a title keeps in lower case ("Support with Limits", "Work outside
// Business Hours"); any other lower-case word of that length is a verb or a noun of a sentence
const TITLE_SMALL = new Set(['with', 'from', 'into', 'onto', 'over', 'upon', 'under', 'than', 'that', 'this', 'their', 'your', 'after', 'before', 'about', 'above', 'below', 'between', 'within', 'without', 'during', 'through', 'throughout', 'outside', 'inside', 'until', 'including', 'excluding', 'where', 'when', 'which', 'what', 'each', 'every', 'other', 'only', 'more', 'less', 'also', 'plus', 'versus', 'against', 'per'])

/** Is the sentence a title, a heading-like line, or shouting (ALL CAPS)? Capitals there say nothing. */
function isTitleLike(text: string): boolean {
  let letters = 0
  let upper = 0
  let words = 0
  let capitalised = 0
  let run = 0
  let runStart = 0
  let runCap = false
  // a sentence ending in a full stop with a lower-case word no title keeps ("Provider monitors the Managed Network.")
  let sentenceWord = false
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32
    const isUpper = c >= 65 && c <= 90
    const isLetter = isUpper || (c >= 97 && c <= 122)
    if (isLetter) {
      letters++
      if (isUpper) upper++
      if (run === 0) {
        runCap = isUpper
        runStart = i
      }
      run++
    } else if (c === 39 || c === 45 || c === 8217 || (c >= 48 && c <= 57) || c === 95) {
      if (run > 0) run++
    } else {
      if (run >= 4) {
        words++
        if (runCap) capitalised++
        else if (!sentenceWord && !TITLE_SMALL.has(text.slice(runStart, i).toLowerCase())) sentenceWord = true
      }
      run = 0
    }
  }
  if (letters >= 12 && upper / letters > 0.6) return true
  if (sentenceWord && /[a-z][.!?]["'’”)]*\s*$/.test(text)) return false
  return words >= 3 && capitalised / words >= 0.7
}

// Reading: a table row is read cell by cell: the column labels its text carries ("Item: … | Charge: …") are not words of
// the row, and a cell that is a label or a name, every word capitalised ("Monthly Service Fee"), is a title; the words
// of a cell of prose are read as a sentence's ("| Leaving early | the Exit Charge applies |")
// the small words a label in capitals keeps in lower case ("Mounting and Cabling", "Out of Hours")
const LABEL_SMALL = /^(?:and|or|of|for|the|a|an|to|in|on|at|by|per|with|vs)$/

/**
 * Is a cell a label or a name, every word of it capitalised ("Monthly Service Fee", "Fleet Care Plus")? (Not a value: "2
 * Business Days" counts in a term.)
 */
function isLabelCell(cell: string): boolean {
  const words = cell.match(/[A-Za-z][\w’'-]*/g)
  return words !== null && !/\d/.test(cell) && words.every((w) => /^[A-Z]/.test(w) || LABEL_SMALL.test(w))
}

/** The row's text with its column labels blanked and each title-like cell blanked (offsets and the "|" between cells kept). */
function cellView(block: Block): string {
  // (by character code, not an array of one-character strings made, mapped and joined twice per row)
  const text = block.text
  const codes = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i) === PIPE ? PIPE : SPACE
  for (const seg of block.segments) for (let i = seg.textStart; i < seg.textStart + seg.length && i < codes.length; i++) codes[i] = text.charCodeAt(i)
  let from = 0
  for (const cell of fromCodes(codes).split('|')) {
    if (isTitleLike(cell) || isLabelCell(cell)) codes.fill(SPACE, from, from + cell.length)
    from += cell.length + 1
  }
  return fromCodes(codes)
}
const PIPE = 124
const SPACE = 32

/** The string of UTF-16 code units (in parts, so that a long row does not pass too many arguments at once). */
function fromCodes(codes: Uint16Array): string {
  let out = ''
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode.apply(null, codes.subarray(i, i + 4096) as unknown as number[])
  return out
}

// Latin letters with accents count as letters ("Autorité", "Behörde"): a name in another language is one word, not
// its first few letters
const isLatin = (c: number): boolean => c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7
const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isLatin(c)
const isWordChar = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57) || c === 95
const isQuote = (c: number): boolean => c === 39 || c === 8217
/** The characters of \s in a regular expression. */
const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff

/**
 * The words of the sentence being read: start, end (without a possessive ending or trailing dots) and whether it is
 * possessive. Typed arrays reused from sentence to sentence (one Words per lint): a word object for each of the hundreds
 * of thousands of words was most of the garbage.
 */
class Words {
  // most sentences have fewer words; tokenize() doubles them when one has more
  start = new Int32Array(128)
  end = new Int32Array(128)
  possessive = new Uint8Array(128)

  /** Find the words of `text`; returns how many. */
  tokenize(text: string): number {
    let n = 0
    const length = text.length
    for (let i = 0; i < length; ) {
      const c = text.charCodeAt(i)
      let rawEnd: number
      if (isLetter(c)) {
        // a letter, then word characters, quotes, &, . and -, backtracking to the last word character or quote; else the letter alone
        let e = i + 1
        let last = -1
        for (; e < length; e++) {
          const d = text.charCodeAt(e)
          if (isWordChar(d) || isQuote(d)) last = e
          else if (d !== 38 && d !== 46 && d !== 45) break
        }
        rawEnd = last > i ? last + 1 : i + 1
      } else if (c === 38) rawEnd = i + 1
      else {
        i++
        continue
      }
      if (n === this.start.length) {
        const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b)
        this.start = grow(this.start, new Int32Array(n * 2))
        this.end = grow(this.end, new Int32Array(n * 2))
        this.possessive = grow(this.possessive, new Uint8Array(n * 2))
      }
      // "Customer’s" and "Workers’" are possessive; the word itself drops the ’s, ’ and any trailing full stops
      const a = text.charCodeAt(rawEnd - 1)
      const b = rawEnd - i >= 2 ? text.charCodeAt(rawEnd - 2) : 0
      this.possessive[n] = (a === 115 && isQuote(b)) || (isQuote(a) && b === 115) ? 1 : 0
      let end = a === 115 && isQuote(b) ? rawEnd - 2 : isQuote(a) ? rawEnd - 1 : rawEnd
      while (end > i && text.charCodeAt(end - 1) === 46) end--
      this.start[n] = i
      this.end[n] = end
      n++
      i = rawEnd
    }
    return n
  }

  // Word k of the sentence being read (after tokenize): is it capitalised, its text, is it next to word k - 1?
  cap(text: string, k: number): boolean {
    return isUpper(text.charCodeAt(this.start[k]!))
  }
  text(text: string, k: number): string {
    return text.slice(this.start[k]!, this.end[k]!)
  }
  followsOn(text: string, k: number): boolean {
    return adjacent(text, this.end[k - 1]!, this.possessive[k - 1] === 1, this.start[k]!)
  }
  at(text: string, i: number): Word {
    const start = this.start[i]!
    const end = this.end[i]!
    return {w: text.slice(start, end), start, end, possessive: this.possessive[i] === 1}
  }
}

// A participle between the article and the term describes the thing the term names ("the hosted Voice Portal", "the
// signed Engagement Letter"): the article still makes the capitalised words a term used as defined
const PARTICIPLE = /^[a-z]{3,}(?:ed|en)$/

/** Is `word`, right before the term at `start`, a participle that follows an article ("the signed …")? */
function participleAfterArticle(text: string, start: number, word: string): boolean {
  if (!PARTICIPLE.test(word)) return false
  const at = text.lastIndexOf(word, start)
  return at > 0 && DETERMINER.test(wordBefore(text, Math.max(0, at - 20), at))
}

/** The word that ends right before the spaces ending text[from, to), as /([A-Za-z’']+)\s+$/ on that slice finds it, or ''. */
function wordBefore(text: string, from: number, to: number): string {
  let j = to
  while (j > from && isSpace(text.charCodeAt(j - 1))) j--
  if (j === to) return ''
  let k = j
  while (k > from && (isLetter(text.charCodeAt(k - 1)) || isQuote(text.charCodeAt(k - 1)))) k--
  return text.slice(k, j)
}

class Reader {
  readonly headings: string[]
  private readonly words = new Words()
  readonly long: string[]
  /** Every heading, lower-cased, one per line: one search finds a key in any of them. */
  readonly headingText: string
  readonly inHeading = new Map<string, boolean>()
  /** ownExcuse and partExcuse by term. */
  readonly ownExcuses = new Map<string, string>()
  readonly partExcuses = new Map<string, string>()
  /**
   * While the candidates of a block are read for an editor's cache: each question they asked of the document besides
   * the block's text, as three entries (its kind, its key, the answer). Those answers and the text decide the
   * candidates, so the kept candidates stand while every answer stays the same (see blockCandidates).
   */
  private asked: unknown[] | undefined
  /** The questions ownExcuse and partExcuse asked, by term, for the blocks that find the excuse already read. */
  private readonly ownAsked = new Map<string, unknown[]>()
  private readonly partAsked = new Map<string, unknown[]>()
  /** The words a multi-word defined term starts or ends with ("implementation", "onboarding fee" for "implementation onboarding fee"). */
  readonly longHeads = new Set<string>()
  readonly longTails = new Set<string>()

  /** Paragraphs that are a clause's title line, read as headings are ("**§ 5 Reaction Time**", "7.2 Hardware Defects"). */
  readonly titleLines = new Set<Block>()

  /** Keys of the terms a list or a colon spells out where they are named: "one of the following Priority Levels:" and a list. */
  readonly listed = new Set<string>()

  /** Keys of the rule books and working documents the agreement locates where it names one ("the Site Register (see Schedule 2)"). */
  readonly located = new Set<string>()

  constructor(readonly vocab: Vocabulary, doc: Document, readonly reading: Reading) {
    doc.blocks.forEach((b, i) => {
      if (b.kind === 'heading' || !b.text.includes('following')) return
      for (const m of b.text.matchAll(FOLLOWING_TERM)) {
        if (/^\s*:/.test(b.text.slice((m.index ?? 0) + m[0].length)) || reading.listContext(i).after) this.listed.add(reading.termKey(m[1]!))
      }
    })
    // (the names of a text depend on the text alone: an editor keeps them per block text)
    for (const names of reading.blockColumn(LOCATED_BOOKS, doc.blocks, (b) => locatedBooks(b.text), notHeading)) if (names) for (const name of names) this.located.add(reading.termKey(name))
    this.headings = doc.sections.filter((s) => s.kind !== 'root').map((s) => s.title.toLowerCase())
    for (const b of doc.blocks) {
      if (b.kind === 'heading') this.headings.push(b.text.toLowerCase())
      else if (isTitleLine(b, doc)) {
        this.titleLines.add(b)
        this.headings.push(b.text.toLowerCase())
      }
    }
    this.headingText = this.headings.join('\n')
    this.long = [...vocab.defined].filter((d) => d.includes(' '))
    for (const d of this.long) {
      for (let at = d.indexOf(' '); at >= 0; at = d.indexOf(' ', at + 1)) {
        this.longHeads.add(d.slice(0, at))
        this.longTails.add(d.slice(at + 1))
      }
    }
  }

  /** The answer the document gives now to a question of one kind (ASKED_*) about a key. */
  answer(kind: number, key: string): unknown {
    switch (kind) {
      case ASKED_DEFINED:
        return this.vocab.defined.has(key)
      case ASKED_NAME:
        return this.vocab.names.has(key)
      case ASKED_LISTED:
        return this.listed.has(key)
      case ASKED_LONG_HEAD:
        return this.longHeads.has(key)
      case ASKED_LONG_TAIL:
        return this.longTails.has(key)
      case ASKED_HEADING:
        return this.headingHas(key)
      case ASKED_LOCATED:
        return this.located.has(key)
      default:
        return this.reading.parties.get(key)
    }
  }

  /** Ask the document a question about a key, noting it and its answer while a block's candidates are read for keeping. */
  private ask(kind: number, key: string): unknown {
    const answer = this.answer(kind, key)
    this.asked?.push(kind, key, answer)
    return answer
  }
  private is(kind: number, key: string): boolean {
    return this.ask(kind, key) as boolean
  }

  /** Does the document give every question noted in `asked` the answer noted beside it? */
  answersHold(asked: readonly unknown[]): boolean {
    for (let i = 0; i < asked.length; i += 3) if (this.answer(asked[i] as number, asked[i + 1] as string) !== asked[i + 2]) return false
    return true
  }

  /** Does a heading contain the key at a word start? (A newline is no letter or digit, so no key spans two headings.) */
  headingHas(key: string): boolean {
    let v = this.inHeading.get(key)
    if (v === undefined) {
      v = key === '' ? this.headings.length > 0 : containsWord(this.headingText, key)
      this.inHeading.set(key, v)
    }
    return v
  }

  /**
   * The capitalised runs of each sentence of a block that read as undefined defined terms, with offsets in the
   * sentence: they depend on the sentence and on what it asks of the vocabulary, the headings, the terms lists spell
   * out and the parties, so an editor keeps them per block text (`inputs` is the token of all of those) with the
   * questions asked and their answers: when the token changes (an edit to a heading or a definition), a block whose
   * questions all get the answers they had keeps its candidates, and only the others are read again.
   */
  blockCandidates(block: Block, inputs: object | undefined): ReadonlyArray<readonly Candidate[]> {
    const read = (): ReadonlyArray<readonly Candidate[]> => {
      let out: Array<readonly Candidate[]> | undefined
      const cells = block.kind === 'table-row' && block.header?.length ? cellView(block) : undefined
      block.sentences.forEach((sentence, k) => {
        const text = cells === undefined ? sentence.text : cells.slice(sentence.start, sentence.end)
        const found = isTitleLike(text) ? NONE : this.undefinedTerms(text)
        if (found.length) (out ??= Array.from({length: block.sentences.length}, () => NONE))[k] = found
      })
      return out ?? NO_SENTENCES
    }
    if (!inputs) return read()
    const readAsking = (): {value: ReadonlyArray<readonly Candidate[]>; asked: unknown[]} => {
      const asked: unknown[] = (this.asked = [])
      try {
        return {value: read(), asked}
      } finally {
        this.asked = undefined
      }
    }
    return this.reading.blockReadingAsked(block, CANDIDATES, inputs, readAsking, (asked) => this.answersHold(asked))
  }

  /** Capitalised runs in a sentence that read as undefined defined terms (offsets in the sentence). */
  undefinedTerms(text: string): Candidate[] {
    const out: Candidate[] = []
    // no capital, no candidate
    if (!/[A-Z]/.test(text)) return out
    const words = this.words
    const n = words.tokenize(text)
    let i = 0
    while (i < n) {
      if (!words.cap(text, i)) {
        i++
        continue
      }
      // the chain: capitalised words, possibly joined by "of", "and", "for the", "&" ("Health Insurance Portability and Accountability Act")
      let j = i + 1
      if (words.possessive[i] === 0) {
        while (j < n && words.followsOn(text, j)) {
          if (words.cap(text, j)) {
            j++
            if (words.possessive[j - 1] === 1) break
            continue
          }
          let k = j
          while (k < n && words.end[k]! - words.start[k]! <= 3 && isConnector(words.text(text, k)) && k - j < 2 && words.followsOn(text, k)) k++
          if (k === j || k >= n || !words.cap(text, k) || !words.followsOn(text, k) || NOT_TERMS.has(words.text(text, k).toLowerCase())) break
          j = k
        }
      }
      const chain: Word[] = []
      for (let k = i; k < j; k++) chain.push(words.at(text, k))
      i = j
      const first = chain[0]!
      // sentence-initial, after a list marker, a colon, a quote or a bracket: the capital may be grammar, not a term
      // only the end of the text before matters; testing a short tail keeps this linear in the sentence
      const initial = (first.start < 24 && INITIAL_SHORT.test(text.slice(0, first.start))) || INITIAL_AFTER.test(text.slice(Math.max(0, first.start - 12), first.start))
      for (const c of this.judge(chain, text, initial)) out.push(c)
    }
    return out
  }

  /** The undefined terms in one chain of capitalised words: the whole chain, or its parts when the whole is not a name. */
  judge(chain: readonly Word[], text: string, initial: boolean): Candidate[] {
    const whole = this.excuse(chain, text, initial)
    const joined = chain.some((w) => isConnector(w.w) && w.w !== 'of')
    if (whole !== undefined && whole !== 'not used as a term' && whole !== 'initial') return []
    if (!joined && !initial) return whole === undefined ? [span(chain, text)] : []
    // split at connectors other than "of" ("the Fees and Charges" is two terms); drop a sentence-initial first word
    const parts: Word[][] = [[]]
    for (const w of chain) {
      if (isConnector(w.w) && w.w !== 'of') parts.push([])
      else parts[parts.length - 1]!.push(w)
    }
    if (initial) parts[0] = parts[0]!.slice(1)
    const out: Candidate[] = []
    for (const p of parts) {
      if (p.length === 0) continue
      if (this.excuse(p, text, false) === undefined) out.push(span(p, text))
    }
    return out
  }

  /** Why a run of capitalised words is not an undefined term, or undefined when it is one. */
  excuse(run: readonly Word[], text: string, initial: boolean): string | undefined {
    const first = run[0]!
    const last = run[run.length - 1]!
    // most capitalised runs are names or sentence capitals with no article: decide those cheaply first
    if (!initial && !run.some((w) => isConnector(w.w))) {
      const prevWord = wordBefore(text, Math.max(0, first.start - 30), first.start)
      const policy = /^our$/i.test(prevWord) && POLICY_HEAD.test(last.w.toLowerCase())
      if (!policy && !DETERMINER.test(prevWord) && !participleAfterArticle(text, first.start, prevWord) && !/[’']s$|s[’']$/.test(prevWord) && !(run.length === 2 && HEAD_NOUNS.has(last.w.toLowerCase()))) return 'not used as a term'
    }
    const term = text.slice(first.start, last.end)
    // what the words themselves say does not depend on where they stand: read it once per term
    let own = this.ownExcuses.get(term)
    if (own === undefined) this.ownExcuses.set(term, (own = this.askingOnce(this.ownAsked, term, () => this.ownExcuse(term, run))))
    else this.askedBefore(this.ownAsked, term)
    if (own === 'title' && run.length >= 2 && ORGAN.test(last.w.toLowerCase()) && this.organOfParty(text, first.start, last.end)) own = ''
    if (own) return own
    if (CORPORATE.test(text.slice(last.end))) return 'company'
    // the possessive of a body's own name: "the Sports Therapists' Society", "St Brendan's College"
    if (last.possessive && isBodyName(text.slice(last.end, last.end + 80))) return 'body'
    let parts = this.partExcuses.get(term)
    if (parts === undefined) this.partExcuses.set(term, (parts = this.askingOnce(this.partAsked, term, () => this.partExcuse(term, run))))
    else this.askedBefore(this.partAsked, term)
    if (parts) return parts
    const lastWord = last.w.toLowerCase()
    const after = text.slice(last.end)
    // a single named day in the list of days a service is closed ("excluding statutory holidays and the Civic Holiday",
    // "except the Summer Bank Holiday") is the name of a public holiday, not a defined term
    if (HOLIDAY_HEAD.test(lastWord) && !/^(?:any|each|all|a|an|such|every)$/i.test(wordBefore(text, Math.max(0, first.start - 30), first.start)) && CLOSED_DAYS.test(text.slice(Math.max(0, first.start - 140), first.start))) return 'holiday'
    // a label with a number or letter: "Priority 1", "Schedule A", "Level 2 support", "Phase II"
    if (/^\s*(?:[A-Z]\b|\d|[IVX]+\b|#)/.test(after)) return 'label'
    // the register a party is entered in under its number ("registered with the Crossroads Bank for Enterprises under
    // number 0456.789.123", "incorporated at the Companies Registry with no. 1234"): a public body's name, not a term
    if (REGISTERED_WITH.test(text.slice(Math.max(0, first.start - 40), first.start)) && REGISTRATION_NUMBER.test(after.slice(0, 120))) return 'register'
    // defined in another document: "the Security Measures identified on the Cover Page", "Fees (as set out in the Order Form)"
    if (/^\W{0,4}(?:\([^)]{0,40}\)\s*)?(?:as\s+)?(?:identified|specified|stated|set\s+(?:out|forth)|described|listed|defined|designated|named|selected|indicated|shown|chosen)\s+(?:on|in|at|under)\b/i.test(after)) return 'delegated'
    // the capitalised words modify a lower-case noun: "the Astoria office", "the Zendesk ticket"
    const next = /^\s+([a-z][\w’'-]*)/.exec(after)?.[1]
    // (not in the words a definition gives as its meaning: '"LIS" means the Laboratory Information System used by …')
    const predicate = next !== undefined && PREDICATE_AFTER.test(after) && !MEANING_BEFORE.test(text.slice(Math.max(0, first.start - 30), first.start))
    const setNamed = next !== undefined && SET_NOUN.test(next) && SET_NAMED.test(text.slice(Math.max(0, last.end - 80), last.end))
    if (next && !FUNCTION_WORD.test(next) && !predicate && !setNamed) return 'modifier'
    // so do the names of a list that share one noun: "the Naivasha, Molo, Njoro and Gilgil branches"
    const shared = SHARED_HEAD.exec(after.slice(0, 200))?.[1]
    if (shared && !FUNCTION_WORD.test(shared) && !(predicate && shared === next) && !(setNamed && shared === next)) return 'modifier'
    if (initial) return 'initial'
    // used as a defined term: after "the"/"any"/"each"/"all"/"a"/"such" or a possessive, or a multi-word term with a defined-term head
    const prev = wordBefore(text, 0, first.start)
    let determined = DETERMINER.test(prev) || participleAfterArticle(text, first.start, prev)
    if (POLICY_HEAD.test(lastWord) && run.length > 1) {
      // a rule book located where it is cited, or the customer's or a third party's own, is another document
      // (located at one of its mentions, it is located at all of them)
      if (LOCATED.test(after) || /https?:\/\/|www\./.test(text) || this.is(ASKED_LOCATED, this.reading.termKey(term))) return 'document'
      if (/[’']s$|s[’']$/.test(prev) && this.ask(ASKED_PARTY, this.reading.termKey(prev)) !== 'provider' && !/^(?:provider|supplier|msp|vendor|contractor)$/i.test(this.reading.termKey(prev))) return 'document'
      if (/^(?:your|its|their)$/i.test(prev)) return 'document'
      // what a clause puts in it ("the minimum standards in the Customer Handbook") is delegated to another document
      if (/\bin\s+(?:the|our)\s+$/i.test(text.slice(Math.max(0, first.start - 12), first.start))) return 'document'
      if (/^plans?$/.test(lastWord) && (PLAN_TAKEN_BEFORE.test(text.slice(Math.max(0, first.start - 40), first.start)) || PLAN_TAKEN_AFTER.test(after))) return 'product'
      if (/^our$/i.test(prev)) determined = true
    }
    if (/[’']s$|s[’']$/.test(prev)) {
      // "Customer's Covered Devices" is a use; "St Aldhelm's Preparatory School" is a name
      const owner = this.reading.termKey(prev)
      // (a party's role is a name of the agreement's, not of a thing in the world: its owner makes the words a use)
      if (/^[A-Z]/.test(prev) && !ROLES.has(owner) && (this.is(ASKED_NAME, owner) || !this.is(ASKED_DEFINED, owner))) return 'name'
      determined = true
    }
    // without an article only the short shape of a defined term counts ("during Business Hours", "earns Service Credits")
    if (!determined && !(run.length === 2 && HEAD_NOUNS.has(lastWord))) return 'not used as a term'
    // a name with "of" and no article: "Bank of America", "University of Oxford"
    if (run.some((w) => w.w === 'of') && !determined) return 'name'
    return undefined
  }

  /** An excuse of a term read once per lint (`read`), with the questions it asked noted by term for later blocks. */
  private askingOnce(byTerm: Map<string, unknown[]>, term: string, read: () => string): string {
    const from = this.asked?.length ?? 0
    const excuse = read()
    if (this.asked) byTerm.set(term, this.asked.slice(from))
    return excuse
  }
  /** A block that finds an excuse already read asks what reading it asked (an editor keeps blocks by their own questions). */
  private askedBefore(byTerm: ReadonlyMap<string, readonly unknown[]>, term: string): void {
    if (!this.asked) return
    // (while a block's candidates are noted, every excuse of this lint was read noting: the Reader notes for all or none)
    for (const a of byTerm.get(term)!) this.asked.push(a)
  }

  /** Is the body named at text[start, end) a party's own ("the Customer's Security Board") or bound to act by the agreement? */
  organOfParty(text: string, start: number, end: number): boolean {
    if (BOUND_AFTER.test(text.slice(end, end + 24))) return true
    const prev = wordBefore(text, Math.max(0, start - 30), start)
    if (!/[’']s$|s[’']$/.test(prev)) return false
    const owner = this.reading.termKey(prev)
    return ROLES.has(owner) || this.ask(ASKED_PARTY, prev.replace(/[’']s?$/, '').toLowerCase()) !== undefined
  }

  /** Why the words of a term are no undefined term whatever surrounds them (defined, a name, common words …), or ''. */
  ownExcuse(term: string, run: readonly Word[]): string {
    const first = run[0]!
    const last = run[run.length - 1]!
    const words = run.map((w) => w.w)
    const key = this.reading.termKey(term)
    if (this.is(ASKED_DEFINED, key)) return 'defined'
    if (this.is(ASKED_NAME, key)) return 'name'
    if (this.is(ASKED_LISTED, key)) return 'listed'
    if (NOT_TERMS.has(term.toLowerCase()) || words.every((w) => NOT_TERMS.has(w.toLowerCase()) || isConnector(w))) return 'common'
    // a word whose first part is one capital letter is capitalised by that letter, not as a term ("X-ray", "T-shirt",
    // "U-turn"): ordinary vocabulary, alone or with common words
    if (words.some(LETTER_COMPOUND) && words.every((w) => LETTER_COMPOUND(w) || NOT_TERMS.has(w.toLowerCase()) || isConnector(w))) return 'common'
    if (ROLES.has(key) || ROLES.has(term.toLowerCase())) return 'role'
    if (words.some((w) => BRANDS.has(w.toLowerCase()))) return 'brand'
    // a public body or an organisation, in English or another language ("the Autoriteit Persoonsgegevens")
    if (words.some(isBodyWord)) return 'body'
    // a rule book of the parties is judged where it is cited (excuse()), whatever its words
    if (POLICY_HEAD.test(last.w.toLowerCase()) && run.length > 1 && !/\d/.test(term)) return ''
    if (/[a-z][A-Z]|\d|\.|^[A-Z]{2,}/.test(term) || words.some((w) => /^[A-Z]{2,}$/.test(w))) return 'proper name'
    const lastWord = last.w.toLowerCase()
    const beforeOf = words.includes('of') ? words[words.indexOf('of') - 1]?.toLowerCase() ?? '' : ''
    if (LAW_HEADS.has(lastWord) || LAW_HEADS.has(beforeOf)) return 'law'
    if (PLACE_OF.test(beforeOf)) return 'place'
    if (UNIT_OF.test(beforeOf)) return 'body'
    if (PLACE_HEADS.has(first.w.toLowerCase()) && run.length > 1) return 'place'
    if (SITE_TAILS.has(lastWord) && run.length > 1) return 'place'
    if (TITLES.has(lastWord)) return 'title'
    if (DOCUMENT_HEADS.has(lastWord) || DOCUMENT_HEADS.has(beforeOf) || lastWord === 'letter') return 'document'
    // (the company form may also follow the term: excuse() looks there)
    if (CORPORATE.test(` ${last.w}`)) return 'company'
    return ''
  }

  /** Why the term is no undefined term given the terms its parts are (a defined term's words, defined parts, a heading), or ''. */
  partExcuse(term: string, run: readonly Word[]): string {
    const words = run.map((w) => w.w)
    const key = this.reading.termKey(term)
    // a defined term's own words: "Implementation Fee" for "Implementation & Onboarding Fee" is still a term of the agreement
    if (run.length > 1 && (this.is(ASKED_LONG_HEAD, key) || this.is(ASKED_LONG_TAIL, key))) return 'part of a defined term'
    const known = (t: string): boolean => this.is(ASKED_DEFINED, t) || this.is(ASKED_NAME, t) || ROLES.has(t)
    for (let k = 1; k < run.length; k++) {
      const head = this.reading.termKey(words.slice(0, k).join(' '))
      const tail = this.reading.termKey(words.slice(k).join(' '))
      if ((known(head) && known(tail)) || (known(tail) && words.slice(0, k).every((w) => NOT_TERMS.has(w.toLowerCase())))) return 'defined parts'
    }
    if (words.every((w) => this.is(ASKED_NAME, this.reading.termKey(w)) || isConnector(w))) return 'name'
    // "the Processing of Customer Personal Data", "Forks of Customer Content": defined terms joined by "of"
    if (words.includes('of')) {
      const parts = term.split(/\s+of\s+(?:the\s+)?/).map((t) => this.reading.termKey(t))
      if (parts.every((t) => known(t))) return 'defined parts'
    }
    // four or more capitalised words are the name of something ("the Registration Data Directory Services")
    if (words.filter((w) => !isConnector(w)).length >= 4) return 'long name'
    // a term that appears in a heading names a topic of the agreement
    if (this.is(ASKED_HEADING, key)) return 'heading'
    return ''
  }
}

// A clause's title line, however the section tree reads it: a short line wholly in bold ("**§ 7 Hardware Defects**",
// "**Reaction Time**"), or a clause number ("§ 5", "Article 3", "7.2") followed only by capitalised words; never a
// sentence (no full stop, colon or semicolon at its end)
const BOLD_LINE = /^[ \t]*(\*\*|__)(?:(?!\1)[^\n])+\1[ \t]*$/
const NUMBERED_TITLE = /^\s*(?:§{1,2}\s*\d+[a-z]?|(?:Article|Clause|Section|Art\.)\s+\d+(?:\.\d+)*|\d+(?:\.\d+)*\.?)\s+(?:[A-Z][\w’'&/-]*|of|and|for|the|to|in|on|&)(?:\s+(?:[A-Z][\w’'&/-]*|of|and|for|the|to|in|on|&)){0,7}\s*$/

/** Is the block a clause's title line rather than a sentence that uses terms? */
function isTitleLine(block: Block, doc: Document): boolean {
  if (block.kind !== 'paragraph' || block.text.length > 90 || /[.;:,]\s*$/.test(block.text) || block.text.includes('\n')) return false
  if (NUMBERED_TITLE.test(block.text)) return true
  if (block.file.path !== doc.filePath) return false
  const start = block.position.start.offset
  const end = block.position.end.offset
  return start !== undefined && end !== undefined && BOLD_LINE.test(doc.source.slice(start, end)) && block.text.split(/\s+/).length <= 10
}

/** The kind of the kept names of the rule books and working documents a block locates (see locatedBooks). */
const notHeading = (b: Block): boolean => b.kind !== 'heading'
const LOCATED_BOOKS = {name: 'no-undefined-terms: documents located'}

/** The rule books and working documents a text names and locates, each with the words before its head dropped one by one ("The Site Register", "Site Register"). */
function locatedBooks(text: string): readonly string[] {
  if (!BOOK_NAMED_TEST.test(text)) return NO_NAMES
  const out: string[] = []
  for (const m of text.matchAll(BOOK_NAMED)) {
    if (!LOCATED.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 120))) continue
    const words = m[0].split(/[ \t]+/)
    for (let k = 0; k < words.length - 1; k++) out.push(words.slice(k).join(' '))
  }
  return out
}
const NO_NAMES: readonly string[] = []

/** The kind of the kept candidates of a block (see Reader.blockCandidates). */
const CANDIDATES = {name: 'no-undefined-terms: candidates'}
// The kinds of question the candidates ask of the document (see Reader.answer)
const ASKED_DEFINED = 0
const ASKED_NAME = 1
const ASKED_LISTED = 2
const ASKED_LONG_HEAD = 3
const ASKED_LONG_TAIL = 4
const ASKED_HEADING = 5
const ASKED_PARTY = 6
const ASKED_LOCATED = 7
const NONE: readonly Candidate[] = []
const NO_SENTENCES: ReadonlyArray<readonly Candidate[]> = []

/** What the candidates depend on besides the sentence: the vocabulary's keys and names, the headings, the terms lists spell out, and the parties. */
function vocabularyDigest(vocab: Vocabulary, headingText: string, listed: ReadonlySet<string>, parties: string, located: ReadonlySet<string>): string {
  return `${[...vocab.defined].join('\u0001')}\u0000${[...vocab.names].join('\u0001')}\u0000${headingText}\u0000${[...listed].join('\u0001')}\u0000${parties}\u0000${[...located].join('\u0001')}`
}

/** Does `text` contain `key` starting at a word boundary? */
function containsWord(text: string, key: string): boolean {
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) if (at === 0 || !/[a-z0-9]/.test(text[at - 1]!)) return true
  return false
}

function span(run: readonly Word[], text: string): Candidate {
  const start = run[0]!.start
  const end = run[run.length - 1]!.end
  return {term: text.slice(start, end), start, end}
}

/** Are two words next to each other: only spaces or tabs between them (after a possessive ending), or a hyphen? */
function adjacent(text: string, aEnd: number, aPossessive: boolean, bStart: number): boolean {
  const from = aEnd + (aPossessive ? 2 : 0)
  if (bStart - from === 1 && text.charCodeAt(from) === 45) return true
  return blanks(text, from, bStart) || (aPossessive && blanks(text, aEnd, bStart))
}

/** Is text[from, to) one or more spaces and tabs? */
function blanks(text: string, from: number, to: number): boolean {
  if (from >= to) return false
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 9) return false
  }
  return true
}

export default {
  meta: {
    id: 'no-undefined-terms',
    description: 'Flags capitalised terms used as defined terms ("the Covered Devices") that the agreement never defines, and definitions never used',
    category: 'integrity',
    severity: 'warning',
    messages: {
      undefinedTerm: 'Undefined term "{term}"; define it (e.g. in Definitions) or write it in lower case',
      unusedDefinition: 'Defined term "{term}" is never used; use it or remove the definition',
    },
  },
  check(context) {
    const {doc, reading} = context
    const vocab = reading.vocabulary
    // only the head of a document set can take its definitions from outside the set: a member's "meanings given in the Agreement" points into the set
    const ownText = doc.blocks.filter((b) => b.file.path === doc.filePath).map((b) => b.text).join('\n')
    const delegated = DELEGATED_DEFINITIONS.test(ownText) || SUPPLEMENT.test(ownText)
    const seen = new Set<string>()
    let lowerWords: ReadonlySet<string> | undefined
    const reader = new Reader(vocab, doc, reading)
    if (!delegated) {
      // an editor keeps each block's candidates while the vocabulary and headings stay as they were
      const inputs = reading.texts.keepsBlocks ? reading.inputsToken(CANDIDATES.name, vocabularyDigest(vocab, reader.headingText, reader.listed, reading.partiesKey, reader.located)) : undefined
      for (const block of doc.blocks) {
        // headings name topics; HTML blocks are forms and layout
        if (block.kind === 'heading' || block.kind === 'html' || reader.titleLines.has(block)) continue
        const candidates = reader.blockCandidates(block, inputs)
        if (candidates === NO_SENTENCES) continue
        // quoted text and cover-page variables are not uses of an undefined term (found when a new term needs them)
        let skip: Array<{start: number; end: number}> | undefined
        block.sentences.forEach((sentence, k) => {
          const found = candidates[k]!
          if (found.length === 0) return
          let local: Array<{start: number; end: number}> | undefined
          for (const c of found) {
            const key = reading.termKey(c.term)
            // each term is reported once: a term already seen needs no more reading
            if (seen.has(key)) continue
            skip ??= [...block.variables, ...[...block.text.matchAll(/["“”][^"“”]{1,80}["”“]/g)].map((m) => ({start: m.index ?? 0, end: (m.index ?? 0) + m[0].length}))]
            local ??= localRanges(sentence, skip, reader.long)
            if (local.some((r) => c.start < r.end && c.end > r.start)) continue
            if (placeName(c.term, () => (lowerWords ??= wordsInLowerCase(doc))) || properName(c.term, () => (lowerWords ??= wordsInLowerCase(doc)))) continue
            seen.add(key)
            context.report({messageId: 'undefinedTerm', block, start: sentence.start + c.start, end: sentence.start + c.end, data: {term: c.term}})
          }
        })
      }
    }
    // definitions never used outside the place that defines them
    let allLower: string | undefined
    const parties = reading.parties
    const usedGroups = new Set<number>()
    const unused: DefinitionSite[] = []
    const reportedKeys = new Set<string>()
    for (const s of vocab.sites) {
      const key = reading.termKey(s.term)
      if (ROLES.has(key) || parties.has(s.term.toLowerCase()) || reportedKeys.has(key)) continue
      // every run of spaces and tabs as one space (a lone space is left alone: most are, and replacing them is slow);
      // block by block, as no run crosses a line break, and kept per block text in an editor
      allLower ??= reading.blockColumn(LOWER_SPACED, doc.blocks, (b) => b.text.toLowerCase().replace(/\t[ \t]*| [ \t]+/g, ' ')).join('\n')
      if (isUsed(s, allLower) || selfStanding(s, reading)) usedGroups.add(s.group)
      else unused.push(s)
      reportedKeys.add(key)
    }
    for (const s of unused) {
      if (usedGroups.has(s.group)) continue
      context.report({messageId: 'unusedDefinition', severity: 'info', block: s.block, start: s.start, end: s.end, data: {term: s.term}})
    }
  },
} satisfies Rule<'undefinedTerm' | 'unusedDefinition'>

/** A block's text in lower case with each run of spaces and tabs as one space (see isUsed). */
const LOWER_SPACED = {name: 'no-undefined-terms: text in lower case, spaces as one'}

/** Is the term a place: a name ending in a region or geographic feature whose other words the agreement writes only with a capital? */
function placeName(term: string, lowerWords: () => ReadonlySet<string>): boolean {
  const words = term.split(/[ \t]+/)
  if (words.length < 2 || !PLACE_TAILS.has(words[words.length - 1]!.toLowerCase())) return false
  const seen = lowerWords()
  // (a participle is a common word wherever it stands: "the Covered Islands", "the Hosting Region")
  return words.slice(0, -1).every((w) => isConnector(w) || (!/(?:ed|ing)$/.test(w) && !w.split('-').some((part) => seen.has(part.toLowerCase()))))
}

/**
 * Is the term a proper name rather than a term of the agreement? A term of the agreement is built from ordinary words
 * capitalised to carry the meaning the agreement gives them ("the Covered Devices", "the Voice Portal"); a word the
 * agreement never writes in lower case and the project knows as no ordinary noun names one thing in the world, a
 * country, a company or a product ("the Netherlands", "the Safaricom", "a Mac"). Only a single word is read so: in a
 * phrase of several such words, each may be an ordinary word the agreement happens not to write in lower case.
 */
const NOUN_SUFFIX = /(?:ists?|ers?|ors?|ions?|ments?|ness|ity|ities|ances?|ences?|ships?|ants?|ents?|ages?|als?|ives?|ures?|ics|ees?|ism)$/
function properName(term: string, lowerWords: () => ReadonlySet<string>): boolean {
  if (/[\s-]/.test(term.trim())) return false
  const w = term.trim().toLowerCase()
  // (a participle, a known noun or its plural, and a word formed with a suffix of English nouns are ordinary words: "the
  // Covered", "the Devices", "the Therapists", "the Management")
  if (COMMON_NOUNS.has(w) || COMMON_NOUNS.has(w.replace(/s$/, '')) || /(?:ed|ing)$/.test(w) || NOUN_SUFFIX.test(w)) return false
  const seen = lowerWords()
  return !seen.has(w) && !seen.has(w.replace(/s$/, '')) && !seen.has(`${w}s`)
}

/** The words the agreement writes in lower case somewhere ("service", "hosting"). */
function wordsInLowerCase(doc: Document): Set<string> {
  const out = new Set<string>()
  // (whole words only: the lower-case start of a word in mixed case, "mac" of "macOS", is no word written in lower case)
  for (const b of doc.blocks) for (const m of b.text.matchAll(/(?<![\w’'-])[a-z][a-z’'-]*(?![\w’'-])/g)) out.add(m[0])
  return out
}

/**
 * Does the definition do its work where it stands? One that prices what it defines ("'Extra Work' means …; it is
 * invoiced at EUR 140 per hour") or a row of a table that gives the defined level its own values ("| Priority 3 | One
 * user cannot work | 4 hours | 2 Working Days |") is a term of the agreement even if the name is not used again.
 */
function selfStanding(site: DefinitionSite, reading: Reading): boolean {
  const {block} = site
  if (block.kind === 'table-row') return (block.cells?.length ?? 0) >= 3 && block.cells!.slice(2).some((c) => reading.hasNumber(c))
  return reading.values(block.text).money.length > 0
}

const OTHER_CARER = /^\s*(?:covered|provided|run|supported|handled|managed|operated|maintained|looked after|serviced)\s+(?:separately\s+)?by\s+(?:the\s+|our\s+|your\s+)?[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|and|for|&)){0,5}\s*$/
/** Ranges of a sentence where a capitalised run is no undefined term: quotations, variables, names in brackets, multi-word defined terms. */
function localRanges(sentence: Sentence, skip: ReadonlyArray<{start: number; end: number}>, long: readonly string[]): Array<{start: number; end: number}> {
  const local = skip.filter((r) => r.end > sentence.start && r.start < sentence.end).map((r) => ({start: r.start - sentence.start, end: r.end - sentence.start}))
  // "(All Groups, Sydney)": a parenthesis of capitalised words is a name or a label
  for (const m of sentence.text.matchAll(/\(([^()]{1,80})\)/g)) {
    const ws = m[1]!.match(/[A-Za-z][\w’'-]*/g) ?? []
    if (ws.length >= 2 && ws.every((w) => /^[A-Z]/.test(w) || isConnector(w))) local.push({start: m.index ?? 0, end: (m.index ?? 0) + m[0].length})
    // an aside naming who else looks after a thing left out ("Research servers are not included (covered by the Research
    // Computing Service)"): the name of another organisation, not a term of the agreement
    else if (OTHER_CARER.test(m[1]!)) local.push({start: m.index ?? 0, end: (m.index ?? 0) + m[0].length})
  }
  // where a defined term of several words is written out, its words are not separate terms ("Workers’ Compensation and Employers’ Liability")
  const lowerText = sentence.text.toLowerCase()
  for (const d of long) {
    for (let at = lowerText.indexOf(d); at >= 0; at = lowerText.indexOf(d, at + 1)) local.push({start: at, end: at + d.length})
  }
  return local
}

/** Is a defined term used anywhere but where it is defined (plural and possessive forms count)? `allLower` is every block's text, lower-cased. */
function isUsed(site: DefinitionSite, allLower: string): boolean {
  const term = site.term.toLowerCase().replace(/\s+/g, ' ')
  // "Responding means …" defines how "respond" is read: any form of the verb is a use; "Party" is used as "Parties";
  // a plural ("the Hosted Services", "Deliveries") is used by its singular ("a Hosted Service", "a Delivery")
  const verb = /^[a-z]{4,}ing$/.test(term)
  const y = term.endsWith('y') || (term.endsWith('ies') && term.length > 4)
  const plural = !y && /[^su]s$/.test(term) && term.length > 3
  const stem = verb ? term.slice(0, -3) : y ? term.slice(0, term.endsWith('ies') ? -3 : -1) : plural ? term.slice(0, -1) : term
  const suffix = verb ? /^[a-z]*(?![\w-])/ : y ? /^(?:ys?|ies)(?:’s|'s|’|')?(?![\w-])/ : /^(?:s|es)?(?:’s|'s|’|')?(?![\w-])/
  let count = 0
  for (let at = allLower.indexOf(stem); at >= 0; at = allLower.indexOf(stem, at + 1)) {
    if (at > 0 && /[\w-]/.test(allLower[at - 1]!)) continue
    if (!suffix.test(allLower.slice(at + stem.length, at + stem.length + 6))) continue
    if (++count > 1) return true
  }
  return false
}
