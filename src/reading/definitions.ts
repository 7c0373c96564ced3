// The one definition finder: the terms an agreement defines (with their text), whether a sentence defines one, and
// the wider vocabulary of defined and named terms that no-undefined-terms checks uses against.
import {needs} from '../text.js'
import type {Block, BlockKind, Definition, Document, Section, Sentence, TreeMark} from '../types.js'

// "Business Hours" means …   **Response Time** means …   “Incident”: …   (the “Services”)
// a definition may carry its clause number: 1.3 "Service Period" means …   (b) “Incident” means …
const DEFINES_TERM = /^\s*(?:(?:\d{1,3}(?:\.\d{1,3})*\.?|\(?[a-z]{1,3}\)|\(?\d{1,3}\))\s+)?["“]?([A-Z][\w’'&/-]*(?:\s+[A-Za-z][\w’'&/-]*){0,6}?)["”]?\s*(?:means|shall mean|refers to|is defined as|has the meaning|:|–|—)\s*/
const INLINE_DEF = /\((?:the\s+|each\s+a\s+|each\s+an\s+|individually\s+|collectively\s+)?["“]([A-Z][^"”]{0,60})["”]/g

// The key of a service table's row: a capitalised name of up to four words ("Disaster Restore", "Priority 1")
const TABLE_LEVEL = /^[A-Z][\w'’-]*(?:\s[A-Z0-9][\w'’-]*){0,3}$/

/** Is a section titled as definitions, or under a title that names them? (It reads the section's title and path alone.) */
function definitionsTitled(section: Section): boolean {
  return /definition|interpretation|glossary/i.test(section.title) || section.path.some((p) => /definition/i.test(p))
}
const UNDER_DEFINITIONS = {name: 'definitions: a section is titled as definitions or under such a title'}

/**
 * A test of sections that reads their outline alone (kind, title, path, nesting), answered per section and kept while the
 * outline stays the same (see Reading.outlineTest): `owner` names the test.
 */
export type OutlineTest = (owner: object, test: (section: Section) => boolean) => (section: Section) => boolean

/**
 * The terms a document defines, by lower-case term: "X means …", definitions tables and lists, (the "Services").
 * `kept` keeps each block's reading across lints (an editor's cache).
 */
export function collectDefinitions(blocks: readonly Block[], kept?: KeptBlockReading, outline?: OutlineTest): Map<string, Definition> {
  const defs = new Map<string, Definition>()
  // whether a section is under Definitions: once per section, not once per block (in an editor, kept with the outline)
  const sectionFlags = new Map<Section, boolean>()
  const underDefinitions = outline ? outline(UNDER_DEFINITIONS, definitionsTitled) : definitionsTitled
  for (const block of blocks) {
    if (block.kind === 'heading') continue
    const section = block.section
    let inDefs = sectionFlags.get(section)
    if (inDefs === undefined) sectionFlags.set(section, (inDefs = underDefinitions(section)))
    const itemTitle = block.kind === 'list-item' && section.kind === 'list-item' && inDefs && section.title ? section.title : undefined
    const runIn = itemTitle === undefined ? runInTitle(block) : undefined
    const termTitle = itemTitle === undefined && inDefs ? definedByTitle(block) : undefined
    const read = (): readonly string[] => blockDefinitions(block, inDefs, itemTitle, runIn, termTitle)
    const found = kept ? kept(block, definitionsKind(block, inDefs, itemTitle, runIn, termTitle), read) : read()
    for (let i = 0; i < found.length; i += 2) add(defs, found[i]!, found[i + 1]!, block)
  }
  return defs
}

/**
 * The terms one block defines, with their text, two by two; besides the text, what it depends on is passed in: whether
 * it is under Definitions, the title of the definitions-list item it opens, and the run-in title of the clause it opens
 * (see runInTitle).
 */
function blockDefinitions(block: Block, inDefs: boolean, itemTitle: string | undefined, runIn: string | undefined, termTitle?: string): readonly string[] {
  const text = block.text
  const out: string[] = []
  if (block.kind === 'table-row' && inDefs && block.cells && block.cells.length >= 2) {
    out.push(block.cells[0]!, block.cells.slice(1).join(' '))
    return out
  }
  const m = DEFINES_TERM.exec(text)
  if (m && (inDefs || /means|shall mean|refers to|is defined as/.test(m[0]))) {
    const explicit = /means|shall mean|refers to|is defined as|has the meaning/.test(m[0]) || /["“]/.test(m[0])
    if (explicit || inDefs) out.push(m[1]!, text.slice(m[0].length))
  }
  if (itemTitle !== undefined) out.push(itemTitle, text)
  // Reading: a clause's bold run-in title that a defining verb follows ("**1.3 Business Hours** means 8:00-17:00 …",
  // "**2.1 "Customer Data"** means …", "3. **Holidays** has the meaning in …") is the term the clause defines, as a quoted
  // term before "means" is: the title keeps titling the clause, and the text after the verb is the term's definition
  const verb = runIn !== undefined ? OPENS_DEFINING.exec(text) : null
  if (verb) out.push(runIn!.replace(/^["“]+|["”]+$/g, ''), text.slice(verb[0].length))
  // Reading: under a Definitions title, a clause whose bold run-in title is a term and whose text follows with no
  // defining verb ("**1.1 Working Day.** Sunday to Thursday, excluding public holidays.") defines that term by its text,
  // as an item of a definitions list titled by its term does
  else if (termTitle !== undefined && !DEFINES_TERM.test(text)) out.push(termTitle, text)
  for (const d of text.matchAll(INLINE_DEF)) out.push(d[1]!, text)
  return out.length ? out : NO_TERMS
}

const NO_TERMS: readonly string[] = []

const OPENS_DEFINING = /^\s*(?:means|shall mean|will mean|refers to|is defined as|has the meaning(?: given)?)\b\s*/i
/** The first letters of the verbs OPENS_DEFINING reads: a clause's text opens with a capital far more often. */
const DEFINING_INITIALS = new Set(['m', 's', 'w', 'r', 'i', 'h'])

/**
 * The run-in title of the clause a block opens, when the block may open with a defining verb: its section is titled by a
 * bold run-in title or a list item's title, and its text opens with a verb's first letter. Asked of every block at every
 * lint, so read by character: the verb itself is read with the block's text (blockDefinitions), kept in an editor.
 */
function runInTitle(block: Block): string | undefined {
  const section = block.section
  if ((section.kind !== 'bold' && section.kind !== 'list-item') || !section.title || section.blocks[0] !== block) return undefined
  const text = block.text
  let at = 0
  while (at < text.length && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++
  return DEFINING_INITIALS.has(text.charAt(at)) ? section.title : undefined
}

// A term as a clause's title: one to six words, the first capitalised ("Working Day", "Covered Systems", "SLA")
const TERM_TITLE = /^["“]?[A-Z][\w’'&/-]*(?:\s+[A-Za-z&][\w’'&/-]*){0,5}["”]?$/

/**
 * The term a clause under Definitions is titled by, when the block opens that clause: its section is titled by a bold
 * run-in title that reads as a term (not another Definitions title).
 */
function definedByTitle(block: Block): string | undefined {
  const section = block.section
  if (section.kind !== 'bold' || block.kind !== 'paragraph' || section.blocks[0] !== block || !section.title) return undefined
  const title = section.title.trim()
  return TERM_TITLE.test(title) && !DEFINITION_SECTION.test(title) ? title.replace(/^["“]+|["”]+$/g, '') : undefined
}

/**
 * The names of a reading (`prefix`) of a block that depends on nothing but its text, its kind and `inDefs`, as the
 * readings below spell them out: made once for every kind of block, by kind and then inDefs.
 */
function plainKinds(prefix: string): Readonly<Record<BlockKind, readonly [string, string]>> {
  const kinds: readonly BlockKind[] = ['heading', 'paragraph', 'list-item', 'table-row', 'html']
  return Object.fromEntries(kinds.map((kind) => [kind, [0, 1].map((inDefs) => `${prefix}\u0000${kind}\u0000${inDefs}\u0000\u0001`)])) as Record<BlockKind, [string, string]>
}
const PLAIN_DEFINITIONS = plainKinds('definitions')
const PLAIN_VOCABULARY = plainKinds('vocabulary')

/** The name of a block's definitions reading: what it depends on besides the block's text. */
function definitionsKind(block: Block, inDefs: boolean, itemTitle: string | undefined, runIn: string | undefined, termTitle?: string): string {
  // (most blocks: the same name for each kind of block, made once, so that its key is not built and hashed per block)
  if (itemTitle === undefined && runIn === undefined && termTitle === undefined && !(inDefs && block.kind === 'table-row' && block.cells)) return PLAIN_DEFINITIONS[block.kind][inDefs ? 1 : 0]
  let kind = `definitions\u0000${block.kind}\u0000${inDefs ? 1 : 0}\u0000${itemTitle ?? '\u0001'}`
  if (runIn !== undefined) kind += `\u0000\u0003${runIn}`
  if (termTitle !== undefined) kind += `\u0000\u0004${termTitle}`
  if (inDefs && block.kind === 'table-row' && block.cells) kind += `\u0000${block.cells.join('\u0002')}`
  return kind
}

/** Does a term hold emphasis marks or quotes (most do not: then the key needs no pattern)? */
function hasMarks(term: string): boolean {
  for (let i = 0; i < term.length; i++) if ('*_"“”'.includes(term.charAt(i))) return true
  return false
}

function add(defs: Map<string, Definition>, term: string, text: string, block: Block): void {
  const key = (hasMarks(term) ? term.replace(/[*_"“”]/g, '') : term).trim().toLowerCase()
  if (!key || key.length > 60) return
  if (!defs.has(key)) defs.set(key, {term: term.trim(), text: text.trim(), block})
}


const DEFINITION_SECTION = /definition|interpretation|glossary/i
// ("means" after "of", "by" or a determiner is the noun: "by means of", "an obligation of means", "by any means")
const DEFINES = needs(/\b(?:(?<!\b(?:of|by|any|all|other|no|the|a|these|such|reasonable|technical|electronic)\s)means|shall mean|refers to|is defined as|has the meaning)\b/i)

/** Is the block in a Definitions section (by its path)? */
export function inDefinitionSection(block: Block): boolean {
  return block.section.path.some((p) => DEFINITION_SECTION.test(p))
}

/** Does the sentence define a term ("X means …")? */
export function definesTerm(sentence: Sentence): boolean {
  return DEFINES.test(sentence.text)
}

const DEFINING_VERB = /^\s*["”]?\s*(?:\)\s*)?(?:means|mean|shall mean|will mean|refers to|refer to|has the meaning|have the meaning|shall have the meaning|will have the meaning|is defined|are defined|includes|shall include|:|–|—)/i
// DEFINING_VERB where a quoted term ends, without slicing off the rest of the block
const DEFINING_VERB_AT = new RegExp(DEFINING_VERB.source.slice(1), 'iy')
// A bold name that opens its sentence (after nothing, or "A", "An", "The", "Each") and is followed by "is a …" / "are …"
const BOLD_IS = /^\s*(?:is|are)\s+(?:a|an|any|each|every|one|the)\b/i
const SENTENCE_OPENING = /(?:^|[.!?]\s+)(?:(?:a|an|the|each|every)\s+)?$/i
const DEFINITIONS_TITLE = needs(/definition|glossary|interpretation|defined terms|key terms/i)

/** The lower-case key of a term: no quotes or emphasis, no possessive, singular last word. */
export function termKey(term: string): string {
  let t = term
    .replace(/[*_"“”]/g, '')
    .replace(/[’']s?$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
  t = t.replace(/ies$/, 'y').replace(/(ss|us|is)$/, '$1#').replace(/(?:(?<=[sxz]|ch|sh)es|s)$/, '').replace(/#$/, '')
  return t
}

export interface DefinitionSite {
  readonly term: string
  readonly block: Block
  readonly start: number
  readonly end: number
  /** Other names given in the same place ("Processing" or "Process"): the definition is used when any is. */
  readonly group: number
}

export interface Vocabulary {
  /** Keys of every term the agreement defines or names in any way. */
  readonly defined: Set<string>
  /** Definitions clear enough to report when unused. */
  readonly sites: DefinitionSite[]
  /** Keys of proper names: companies, products, places, headings. */
  readonly names: Set<string>
}

/** The deepest section of this file whose heading starts at or before `offset` and whose subtree reaches it. */
function sectionAt(doc: Document, offset: number, index: SectionIndex): Section {
  // sections nest, so the sections holding an offset are the last one starting before it and its ancestors: a binary
  // search and a walk up instead of a scan of every section for every term (quadratic in long files)
  const {starts, sections} = index
  let lo = 0
  let hi = starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (starts[mid]! <= offset) lo = mid + 1
    else hi = mid
  }
  for (let s = sections[lo - 1]; s && s.kind !== 'root'; s = s.parent) {
    if (s.headingPosition.start.offset! <= offset && offset <= s.position.end.offset!) return s
  }
  return doc.root
}

interface SectionIndex {
  readonly sections: readonly Section[]
  readonly starts: readonly number[]
}

/** The sections of this file (offsets are per file: in a document set, only its own), by where their headings start. */
function sectionIndex(doc: Document): SectionIndex {
  const own = doc.sections.filter((s) => s.kind !== 'root' && s.file.path === doc.filePath)
  own.sort((a, b) => a.headingPosition.start.offset! - b.headingPosition.start.offset!)
  return {sections: own, starts: own.map((s) => s.headingPosition.start.offset!)}
}

/** Is the section (or a parent) a Definitions section? Memoised per section by the caller. */
function inDefinitionsSection(section: Section): boolean {
  return section.path.some((p) => DEFINITIONS_TITLE.test(p))
}

// (the "Services"), ("Client"), (each a “Party”), (together, the “Parties”), (“**Provider**”)
const PAREN_GROUP = /\(([^()]{0,200})\)/g
const QUOTED = /["“”„]\s*([A-Z][^"“”„]{0,60}?)\s*[,]?\s*["”“]/g
// "Business Day" means …  /  Business Day means …  (also mid-block)
const UNQUOTED_DEF = /(?:^|[.;:]\s+|\n\s*)((?:[A-Z][\w’'&/-]*)(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w’'&/-]*){0,5})\s+(?:means|shall mean|will mean|refers to|is defined as)\b/g
// A term given its value: "The Monthly Charge is €2,650", "at the Standard Rate of £60 per hour"
// (after "the" or a party's possessive: "billed at Provider's Standard Rate of $150 per hour")
const VALUE_DEF = /\b(?:the|The|[A-Z][\w-]{0,40}['’]s)\s+((?:[A-Z][\w’'-]*\s+){0,4}[A-Z][\w’'-]*)\s+(?:is|are|will be|shall be|of|equals?|at)\s+(?:[$£€¥]|\d|USD|EUR|GBP|AUD|CAD|NZD)/g
// A term of two words or more that opens a sentence and is given a value with "is"/"are" is defined as by "means":
// "Support Hours are 8am to 6pm AEST", "Business Hours are 08:00–18:00"
const VALUE_DEF_START = /(?:^|[.;:]\s+|\n\s*)((?!(?:This|The|These|Those|Our|Your|Its|Their|Each|Any|All|Every|We|You|They|It)\b)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,3})\s+(?:is|are)\s+(?:from\s+)?(?:[$£€¥]|\d|USD|EUR|GBP|AUD|CAD|NZD)/g
// Service Level Agreement (SLA), Recovery Time Objective ("RTO"). Words are at most 81 characters here and in AS_DEFINED:
// unbounded, a search starting inside a long capitalised token (a key, a hex blob) backtracked over all the rest of it,
// once per start, which is quadratic in the token's length.
const ACRONYM_DEF = /((?:[A-Z][\w-]{0,80})(?:\s+(?:of|and|for|the|to)?\s*[A-Z][\w-]{0,80}){0,6})\s*\(\s*(?:the\s+)?["“”]?([A-Z][A-Za-z]?[A-Z]{1,8}s?)["”“]?\s*\)/g
// The bracketed acronym every ACRONYM_DEF match ends with, far cheaper to look for first
const ACRONYM = /\(\s*(?:the\s+)?["“”]?[A-Z][A-Za-z]?[A-Z]{1,8}s?["”“]?\s*\)/
// A quoted sentence: three words or more, one after the first in lower case, closed by its stop
const QUOTED_SENTENCE = /^\S+(?=[^]*\s[a-z])(?:\s+\S+){2,}(?<=[.!?])$/
// A character QUOTED starts with
const QUOTE_MARK = /["“”„]/
const AS_DEFINED = /((?:[A-Z][\w’'-]{0,80})(?:\s+(?:of\s+)?[A-Z][\w’'-]{0,80}){0,5})\s*,?\s*\(?\s*(?:as\s+(?:such\s+term\s+is\s+)?(?:defined|described)|has the meaning|have the meaning)/g

/** What one block contributes to the vocabulary: keys it defines, keys of names, definition sites (offsets in its text). */
interface BlockVocabulary {
  /** Keys of the terms the block defines or names, in the order found (empty keys left out). */
  readonly defined: readonly string[]
  /** Keys of proper names (a heading's topic). */
  readonly names: readonly string[]
  /** Definition sites: term, start, end and a group number local to the block (1, 2, …), flattened four by four. */
  readonly sites: ReadonlyArray<string | number>
  /** How many group numbers the block used (each site or parenthesis takes one). */
  readonly groups: number
}

// A line that opens with a label of up to five words, the first capitalised, and a colon before its value: "Support
// hours: Monday to Saturday …", "Client Portal: the web page …" (each word bounded, so a long token cannot backtrack)
const LABEL_LINE = /(?:^|\n)[ \t]*([A-Z][\w’'&/-]{0,40}(?:[ \t]+[A-Za-z&][\w’'&/-]{0,40}){0,4})[ \t]*:[ \t]+(?=\S)/g

// Reading: under a Definitions or Glossary title (a schedule's or exhibit's too), each line that opens with a term of up to
// five words and a separator defines the term, as "X means …" does: "Business Hours – 8am–6pm …", "**Covered Devices** -
// the workstations …", "Major Incident = an outage …", "Service Request. A request …" (lines of one paragraph too, as a
// word processor leaves them). Each word bounded, so a long token cannot backtrack.
const DEF_LINE = /(?:^|\n)[ \t]*(?:[-*+][ \t]+)?[*_]{0,2}([A-Z][\w’'&/-]{0,40}(?:[ \t]+[A-Za-z&][\w’'&/-]{0,40}){0,4}?)[*_]{0,2}(?:[ \t]*[–—=]|[ \t]+-[ \t]|\.[ \t]+(?=[A-Z0-9“"]))/g

// A lower-case noun right after a quoted name, not a word that goes on with a list of names or a definition
const NAMES_NOUN = /^[ \t]+(?!(?:or|and|each|together|collectively|individually|means|as|in|for|of|being|is|are|which|who|where)\b)[a-z]/

// The words before a quoted name that make it the title of the original a translation renders
const ORIGINAL_TITLE = needs(/\b(?:original(?:ly)?|translat(?:ed|ion|es?)|in the source (?:language|text|version))\b/i)
// Another quoted name given as an alternative right after a quoted name: ' or "HIS"', ' / "SOW"'
const ALTERNATIVE_AFTER = /^\s*,?\s*(?:or|\/)\s*["“]/

const NO_VOCABULARY: BlockVocabulary = {defined: [], names: [], sites: [], groups: 0}

/**
 * The readings of one block's text for the vocabulary. What it depends on besides the text is passed in (so a reading
 * kept per block text can name it): whether the block sits under Definitions, and the title of the definitions-list
 * item it opens, if it does.
 */
function blockVocabulary(block: Block, inDefs: boolean, itemTitle: string | undefined, termKey: (term: string) => string): BlockVocabulary {
  const text = block.text
  if (block.kind === 'heading') {
    const key = termKey(text.replace(/^[\s\d.()A-Z]{0,6}[.)]\s+/, ''))
    return {defined: [], names: [key], sites: [], groups: 0}
  }
  const defined: string[] = []
  const sites: Array<string | number> = []
  let group = 0
  const define = (term: string): void => {
    const key = termKey(term)
    if (key) defined.push(key)
  }
  const site = (term: string, start: number, g = ++group): void => {
    define(term)
    for (let k = 1; k < sites.length; k += 4) if (sites[k] === start) return
    sites.push(term.replace(/[*_]/g, '').trim(), start, start + term.length, g)
  }
  for (const v of block.variables) define(text.slice(v.start, v.end))
  // most blocks have no brackets or quotes: then these patterns need not run
  const bracketed = text.includes('(')
  const quoted = QUOTE_MARK.test(text)
  // quoted terms in parentheses define those terms: (the "Services"), ("Client"), (“Cascade,” “Vendor,” or “Service Provider”)
  if (bracketed) for (const p of text.matchAll(PAREN_GROUP)) {
    const g = ++group
    const inner = p[1]!
    if (quoted) for (const q of inner.matchAll(QUOTED)) {
      // the original's title given by a translation ('(translation of the original, "CONTRAT D'INFOGÉRANCE")') names the
      // document in its own language: it defines no term
      if (ORIGINAL_TITLE.test(inner.slice(0, q.index))) continue
      const start = (p.index ?? 0) + 1 + (q.index ?? 0) + q[0].indexOf(q[1]!)
      // a quoted name followed by the noun it names ("the "Cascade Help" channel", "the "Night Owl" plan") names a thing
      // of that kind where it stands; only a name that closes the parenthesis or a list of names defines a term
      if (NAMES_NOUN.test(inner.slice((q.index ?? 0) + q[0].length))) define(q[1]!)
      else site(q[1]!, start, g)
    }
  }
  // "Term" means …, "Term": …, "Term" has the meaning …, and any other quoted capitalised phrase
  if (quoted) for (const q of text.matchAll(QUOTED)) {
    const term = q[1]!
    // a quoted sentence ('"They always answer the phone." — a client') is a quotation, not a term
    if (term.split(/\s+/).length > 7 || QUOTED_SENTENCE.test(term)) continue
    const start = (q.index ?? 0) + q[0].indexOf(term)
    const end = (q.index ?? 0) + q[0].length
    // a name written out before its abbreviation ('"Hospital Information System" or "HIS" means …') says what the
    // abbreviation stands for: the abbreviation is the term the agreement uses, and only its use is checked
    if (ALTERNATIVE_AFTER.test(text.slice(end, end + 12))) {
      define(term)
      continue
    }
    DEFINING_VERB_AT.lastIndex = end
    if (DEFINING_VERB_AT.test(text) || (inDefs && start < 12)) site(term, start)
    else define(term)
  }
  if (/\b(?:means|mean|refers|defined)\b/.test(text)) for (const m of text.matchAll(UNQUOTED_DEF)) {
    const term = m[1]!
    if (/^(?:This|The|A|An|Each|Any|It|That|Which)\b/.test(term)) continue
    site(term, (m.index ?? 0) + m[0].indexOf(term))
  }
  if (bracketed && ACRONYM.test(text)) for (const m of text.matchAll(ACRONYM_DEF)) {
    define(m[1]!)
    define(m[2]!)
  }
  if (/\b(?:as (?:such term is )?(?:defined|described)|ha(?:s|ve) the meaning)/.test(text)) for (const m of text.matchAll(AS_DEFINED)) define(m[1]!)
  if (/[\d$£€¥]/.test(text)) {
    for (const m of text.matchAll(VALUE_DEF)) define(m[1]!)
    for (const m of text.matchAll(VALUE_DEF_START)) define(m[1]!)
  }
  // a definitions table: the first cell of each row is the term
  if (block.kind === 'table-row' && block.cells && block.cells.length >= 2 && (inDefs || /^(?:defined\s+)?terms?$/i.test(block.header?.[0] ?? ''))) {
    const term = block.cells[0]!.replace(/[*_"“”]/g, '').trim()
    // one term per row; "Services and Covered Sites" names two, which the bold runs define
    if (term && term.length <= 60 && !/\band\b|[(),;]/.test(term)) site(term, Math.max(0, text.indexOf(term)))
  }
  // a level a service table names and describes with its own targets ("| Disaster Restore | A whole system is lost |
  // 30 minutes | 8 hours |"): the row defines the name
  if (block.kind === 'table-row' && block.cells && block.cells.length >= 3) {
    const key = block.cells[0]!.replace(/[*_"“”]/g, '').trim()
    if (TABLE_LEVEL.test(key) && /[a-z]{3,}/.test(block.cells[1]!) && block.cells.slice(2).some((c) => /\d/.test(c))) define(key)
  }
  // a label line gives what its label names, as "X means …" does ("Support hours: Monday to Saturday, 7:00 to 22:00
  // PHT", "Monthly Report: the report we send by the fifth Business Day"), wherever it stands: in a glossary at the end
  // under any title, or in the clause that uses it
  if ((block.kind === 'paragraph' || block.kind === 'list-item') && text.includes(':')) for (const m of text.matchAll(LABEL_LINE)) define(m[1]!)
  if (inDefs && (block.kind === 'paragraph' || block.kind === 'list-item')) for (const m of text.matchAll(DEF_LINE)) define(m[1]!)
  // a definitions list of titled items: "- **Business Hours:** 8:00–18:00 …"
  if (itemTitle !== undefined) {
    const t = itemTitle.replace(/[*_"“”]/g, '').trim()
    if (t.split(/\s+/).length <= 6) define(t)
  }
  return defined.length || sites.length || group ? {defined, names: [], sites, groups: group} : NO_VOCABULARY
}

/**
 * Keeps the reading of a block for the vocabulary across lints (an editor's cache): `kind` names what the reading
 * depends on besides the block's text.
 */
export type KeptBlockReading = <T>(block: Block, kind: string, make: () => T) => T

/**
 * Every term the agreement defines or names in any way (no-undefined-terms' vocabulary): quoted and bold terms,
 * "X means", acronyms, definitions tables and lists, section titles, company names and the parties. `kept` keeps each
 * block's part of it across lints.
 */
export function collectVocabulary(
  doc: Document,
  definitions: ReadonlyMap<string, Definition>,
  parties: ReadonlyMap<string, unknown>,
  key: (term: string) => string = termKey,
  kept?: KeptBlockReading,
  keptAlso?: VocabularyKept,
): Vocabulary {
  const termKey = key
  // what the sections' titles give, read of the outline alone (kept while an edit leaves the outline as it was)
  const outline = keptAlso ? keptAlso.outline(VOCABULARY_OUTLINE, () => outlineVocabulary(doc.sections)) : outlineVocabulary(doc.sections)
  const sectionFlags = new Map<Section, boolean>()
  doc.sections.forEach((s, i) => sectionFlags.set(s, outline.inDefinitions[i]!))
  const inDefinitions = (section: Section): boolean => {
    let v = sectionFlags.get(section)
    if (v === undefined) sectionFlags.set(section, (v = inDefinitionsSection(section)))
    return v
  }
  const defined = new Set<string>()
  const names = new Set<string>()
  const sites: DefinitionSite[] = []
  let group = 0
  const define = (term: string): void => {
    const key = termKey(term)
    if (key) defined.add(key)
  }
  for (const d of definitions.values()) define(d.term)
  // a block met again (the same block twice in the list) adds no sites: they are there already
  const seen = new Set<Block>()
  for (const block of doc.blocks) {
    const again = seen.size === (seen.add(block), seen.size)
    const section = block.section
    const inDefs = block.kind !== 'heading' && inDefinitions(section)
    const itemTitle = inDefs && section.kind !== 'heading' && section.title && section.blocks[0] === block ? section.title : undefined
    const read = (): BlockVocabulary => blockVocabulary(block, inDefs, itemTitle, termKey)
    // besides the text: the flags above, and what the text does not show (variables, a table row's cells and header)
    const v = kept ? kept(block, vocabularyKind(block, inDefs, itemTitle), read) : read()
    for (const k of v.defined) defined.add(k)
    for (const k of v.names) names.add(k)
    if (!again) for (let i = 0; i < v.sites.length; i += 4) {
      sites.push({term: v.sites[i] as string, block, start: v.sites[i + 1] as number, end: v.sites[i + 2] as number, group: group + (v.sites[i + 3] as number)})
    }
    group += v.groups
  }
  // every section title under Definitions names a term; every other title names a topic
  for (const title of outline.defined) define(title)
  for (const title of outline.titles) names.add(termKey(title))
  // bold terms: "**Business Hours** means", "**Uptime**: …", a bold term in a Definitions section, "(the **Services**)"
  for (const file of [doc, ...(doc.set ?? [])]) {
    // only a file with a section under Definitions can place a bold term there (sectionAt needs an index of its sections)
    const hasDefinitions = file.sections.some((s) => s.kind !== 'root' && s.file.path === file.filePath && inDefinitions(s))
    let sectionsOfFile: SectionIndex | undefined
    // what each mark gives, read of its own text and siblings (kept by place in an editor: see VocabularyKept.along)
    const read = (mark: TreeMark): MarkVocabulary => markVocabulary(mark, termKey)
    const given = keptAlso ? keptAlso.along(file === doc ? MARKS_OF_DOCUMENT : `${MARKS_OF_DOCUMENT}\u0000${file.filePath}`, file.marks, sameMark, read) : file.marks.map(read)
    file.marks.forEach((mark, i) => {
      const v = given[i]!
      for (const k of v.names) names.add(k)
      // (a bold term in a Definitions section: placed by the mark's offset)
      if (v.defines === MARK_DEFINES || (v.defines === MARK_IN_DEFINITIONS && hasDefinitions && inDefinitions(sectionAt(file, mark.offset ?? 0, (sectionsOfFile ??= sectionIndex(file)))))) define(v.text)
    })
  }
  // names of companies, products and places: "Northgate Technology Partners, LLC", "Acme Inc." (the keys a block names
  // depend on its text alone: an editor's cache keeps them)
  for (const block of doc.blocks) {
    const keys = kept ? kept(block, COMPANY_NAMES, () => companyNames(block.text, termKey)) : companyNames(block.text, termKey)
    for (const k of keys) names.add(k)
  }
  for (const [name] of parties) {
    defined.add(termKey(name))
    names.add(termKey(name))
  }
  for (const key of ['provider', 'customer', 'client']) {
    const v = doc.frontmatter[key]
    if (typeof v === 'string') names.add(termKey(v))
  }
  return {defined, sites, names}
}

/**
 * What collectVocabulary keeps across lints besides each block's reading: a reading of the document's outline alone, by
 * `owner` (see Reading.outlineReading), and readings of the items of a list (the tree's marks) by place, each of the item
 * alone (see Reading.keptAlong).
 */
export interface VocabularyKept {
  readonly outline: <T>(owner: object, make: () => T) => T
  readonly along: <E, T>(kind: string, items: readonly E[], same: (a: E, b: E) => boolean, make: (item: E) => T) => readonly T[]
}

/** What the sections' titles give the vocabulary, by the sections' places: which are under Definitions, the terms their titles define, and every title. */
interface OutlineVocabulary {
  readonly inDefinitions: readonly boolean[]
  readonly defined: readonly string[]
  readonly titles: readonly string[]
}
const VOCABULARY_OUTLINE = {name: 'vocabulary: what the sections\' titles give'}

function outlineVocabulary(sections: readonly Section[]): OutlineVocabulary {
  const inDefinitions = sections.map(inDefinitionsSection)
  const defined: string[] = []
  const titles: string[] = []
  sections.forEach((s, i) => {
    if (s.kind === 'root' || !s.title) return
    const title = s.title.replace(/[*_"“”]/g, '').trim()
    if (inDefinitions[i] && !DEFINITIONS_TITLE.test(title)) defined.push(title)
    titles.push(title)
  })
  return {inDefinitions, defined, titles}
}

/** What a mark of the tree gives the vocabulary by its own text and siblings: names, and whether it defines its text. */
interface MarkVocabulary {
  readonly text: string
  readonly names: readonly string[]
  readonly defines: typeof MARK_DEFINES | typeof MARK_IN_DEFINITIONS | typeof MARK_NAMES_ONLY
}
const MARK_NAMES_ONLY = 0
const MARK_DEFINES = 1
/** Defines its text when it stands in a Definitions section. */
const MARK_IN_DEFINITIONS = 2
const NO_MARK_VOCABULARY: MarkVocabulary = {text: '', names: [], defines: MARK_NAMES_ONLY}
const MARKS_OF_DOCUMENT = 'vocabulary: what the marks of the tree give'

/** Are two marks the same for markVocabulary (its kind, its text and its siblings)? */
const sameMark = (a: TreeMark, b: TreeMark): boolean => a.type === b.type && a.text === b.text && a.after === b.after && a.before === b.before

// bold terms: "**Business Hours** means", "**Uptime**: …", a bold term in a Definitions section, "(the **Services**)"
function markVocabulary(mark: TreeMark, termKey: (term: string) => string): MarkVocabulary {
  if (mark.type === 'html') return NO_MARK_VOCABULARY
  const raw = mark.text.replace(/[“”"]/g, '').trim()
  const text = raw.replace(/[\s:.–—-]+$/, '')
  if (!text || text.length > 60 || !/^[A-Z]/.test(text)) return NO_MARK_VOCABULARY
  // "**Effective Date:** 1 March 2025": a labelled value names the term
  if (mark.type === 'strong' && /:$/.test(raw)) return {text, names: [], defines: MARK_DEFINES}
  if (mark.type === 'link') return {text, names: [], defines: MARK_DEFINES}
  const {after, before} = mark
  const names: string[] = []
  // "**St Aldhelm's School Trust**, a charitable company": a party or other name introduced in bold
  if (/^\s*,\s*(?:a|an|the)\s/.test(after) || /^\s*,?\s*(?:Inc|LLC|Ltd|Limited|Corp|plc|PLC|Pty|LLP|GmbH)\b/.test(after)) {
    names.push(termKey(text))
    for (const w of text.split(/\s+/)) if (/^[A-Z]/.test(w)) names.push(termKey(w))
  }
  // "A **Site Visit** is a trip by one of our engineers …": a bold name opening its own sentence with "is a" defines it
  if (mark.type === 'strong' && BOLD_IS.test(after) && SENTENCE_OPENING.test(before)) return {text, names, defines: MARK_DEFINES}
  if (DEFINING_VERB.test(after) || /\(\s*(?:the\s+|each\s+an?\s+|together\s+)?["“]?\s*$/.test(before)) return {text, names, defines: MARK_DEFINES}
  return {text, names, defines: MARK_IN_DEFINITIONS}
}

/** The kind of block reading that holds the keys of the companies a block names (see collectVocabulary). */
export const COMPANY_NAMES = 'vocabulary: names of companies'
const NO_NAMES: readonly string[] = []

/** The keys of the names of companies, products and places in a text ("Northgate Technology Partners, LLC"), and of each of their words. */
function companyNames(text: string, termKey: (term: string) => string): readonly string[] {
  if (!/\b(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|GmbH|plc|PLC|Pty|LLP|P\.C|PLLC)\b/.test(text)) return NO_NAMES
  const out: string[] = []
  for (const m of text.matchAll(/((?:[A-Z][\w&’'.-]*\s+){0,5}[A-Z][\w&’'.-]*)(?=,?\s*(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|GmbH|plc|PLC|Pty|LLP|P\.C|PLLC)\b)/g)) {
    out.push(termKey(m[1]!))
    for (const w of m[1]!.split(/\s+/)) out.push(termKey(w))
  }
  return out
}

/** The name of a block's vocabulary reading: what it depends on besides the block's text. */
function vocabularyKind(block: Block, inDefs: boolean, itemTitle: string | undefined): string {
  if (itemTitle === undefined && !block.variables.length && !block.cells) return PLAIN_VOCABULARY[block.kind][inDefs ? 1 : 0]
  let kind = `vocabulary\u0000${block.kind}\u0000${inDefs ? 1 : 0}\u0000${itemTitle ?? '\u0001'}`
  if (block.variables.length) kind += `\u0000${block.variables.map((v) => `${v.start},${v.end}`).join(';')}`
  if (block.cells) kind += `\u0000${block.cells.join('\u0002')}\u0000${block.header?.[0] ?? '\u0001'}`
  return kind
}


