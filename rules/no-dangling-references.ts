// no-dangling-references: "Section 7.3", "clause 4(b)", "Schedule C", "Exhibit B" that point to nothing in the agreement.
import type {Reading} from '../src/reading/index.js'
import type {Rule} from '../src/rule.js'
import type {Block, Document, Section} from '../src/types.js'

// Numbered parts of the agreement: "Section 7.3", "clause 4(b)", "paragraph 3 above", "Sections 4.1 and 4.2"
const NUMBERED_WORD = String.raw`(?:[Ss]ections?|SECTIONS?|[Cc]lauses?|CLAUSES?|[Pp]aragraphs?|[Aa]rticles?|ARTICLES?)`
// Attached parts: "Schedule C", "Exhibit B", "Annex 2", "Appendix A", "Attachment 1" (a lower-case "schedule 2" is rarely a reference)
const ATTACHED_WORD = String.raw`(?:Schedules?|SCHEDULES?|[Ee]xhibits?|EXHIBITS?|[Aa]nnex(?:ures?|es)?|ANNEX(?:URES?|ES)?|[Aa]ppendix|[Aa]ppendices|APPENDIX|APPENDICES|Attachments?|ATTACHMENTS?)`
// "7.3", "4(b)", "12.1(a)(ii)", "D.4", "B(5)", "IV", "C", "A-1"
const ID = String.raw`(?:\d{1,4}(?:\.\d{1,4})*[A-Z]?\.?|[A-Z](?:[.-]\d{1,3})*|[IVX]{1,6})(?:\s?\([a-zA-Z0-9]{1,4}\))*(?![\w’'])`
const JOIN = String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|through|to|and\/or)\s+|\s*[–—-]\s*)`
// A word every REFERENCE match starts with: a block without one holds no reference (most blocks hold none)
const REFERENCE_WORD = /section|clause|paragraph|article|schedule|exhibit|annex|appendi|attachment|§/i
// "§ 6", "§6(2)", "§§ 8 and 9", "§ 2 and § 3(3)": the section sign cites a numbered section as "Section" does
const REFERENCE = new RegExp(
  String.raw`(?<![\w§])(?:(?<word>${NUMBERED_WORD}|${ATTACHED_WORD})\s+|(?<sign>§§?)\s?(?=\d))(?<ids>${ID}(?:${JOIN}(?:§\s?(?=\d))?${ID})*)`,
  'g',
)
// A section sign followed by a code's short name cites that law: "§ 126 BGB", "§ 14 Abs. 2 UStG", "§ 26 BDSG"
const CODE_AFTER = /^\s*(?:(?:Abs\.|Absatz|para\.|paragraph|S\.|Satz|sentence|Nr\.|no\.|lit\.|pkt|ust\.)\s*\d{1,3}[a-z]?\s*)*(?:[A-Z]{2,}[A-Za-z]*|[A-Z][a-z]{1,5}G)\b/
// The ordinal form of Commonwealth drafting: "the Third Schedule", "the SECOND SCHEDULE", "First Annexure"
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']
const ORDINAL = String.raw`(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth|FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH)`
const ORDINAL_REFERENCE = new RegExp(String.raw`(?<![\w§])(?<ord>${ORDINAL})\s+(?<word>${ATTACHED_WORD})(?![\w-])`, 'g')
const ORDINAL_TITLE = new RegExp(String.raw`^(?:the\s+)?(${ORDINAL})\s+(${ATTACHED_WORD})\b`, 'i')
// A document that is a part of, or amends, a larger agreement: its siblings and the agreement's own clauses are not in
// it ("This Schedule forms part of the Master Services Agreement", "This Amendment … amends the … Agreement", "Parent
// agreement: …", "Terms defined in the Agreement have the same meaning here")
const PART_OF = /\bthis\s+(?:[A-Za-z][\w.-]*\s+){0,3}(?:amendment|addendum|schedule|exhibit|annex(?:ure)?|appendix|attachment|variation)\b[^\n]{0,300}?\b(?:amends|varies|adds|forms part of|supplements|is part of|is attached to|is incorporated (?:into|in)|is co-terminous with|is (?:made|issued) under),?\s+(?!this\b)|\bparent agreement\s*:|\bterms defined in the (?:master |main |parent )?(?:agreement|msa)\b[^.\n]{0,40}\bsame meanings?\b/i
const PARENT_NAME = /^(?:agreement|master (?:services )?agreement|msa|contract|(?:[a-z]+ )*services agreement)$/
const ONE_ID = new RegExp(ID, 'g')
const ATTACHED_TITLE = new RegExp(String.raw`^(?:<[^>]+>\s*)*(${ATTACHED_WORD})\s+(${ID})`, 'i')
const OWN_TITLE = new RegExp(String.raw`^\s*(${ATTACHED_WORD})\s+${ID}`)
const ATTACHED_HEADING = new RegExp(String.raw`^\s*(${ATTACHED_WORD})\s+(${ID})`, 'i')

// What follows the reference that puts it in a law or another document: "of the Communications Decency Act",
// "of the California Civil Code", "to the Order Form", "Article 28 GDPR", "under the SOW"
const DOC_WORD = String.raw`(?:Agreements?|Terms|Terms of (?:Service|Use)|Conditions|Form|Order|SOW|Statement of Work|MSA|DPA|BAA|SLA|Policy|Policies|Addendum|Contracts?|Deeds?|Leases?|Licen[cs]es?|Memorandum|Charter|Tender|Specifications?|Letter|Schedule|Exhibit|Proposal|Quote|(?:Cover\s+)?Page|Documents?|Plan|Guide|Manual|Handbook|Act|Code|Regulations?|Directive|Rules?|Laws?|Constitution|Convention|Treaty|Statutes?|Standard|U\.?S\.?C\.?|C\.?F\.?R\.?)`
const OWNER_AFTER = new RegExp(String.raw`^\s*(?:\([^)]{0,80}\)\s*)?,?\s*(?:of|to|in|on|under|from|within|attached to)\s+(?:the\s+|each\s+|any\s+|an?\s+|such\s+|that\s+|its\s+|their\s+|your\s+|our\s+)?(?<owner>(?:[A-Z][\w.’'&-]*\s+(?:of\s+|and\s+|for\s+)?){0,6}?${DOC_WORD}(?![\w-])|[A-Z]{2,}[\w-]*)`)
const STATUTE_AFTER = new RegExp(String.raw`^\s*(?:of\s+)?(?:the\s+)?(?:GDPR|UK GDPR|HIPAA|CCPA|CPRA|DMCA|CDA|FERPA|COPPA|GLBA|PIPEDA|LGPD|ISO|IEC|U\.?S\.?C\.?|C\.?F\.?R\.?)\b`)
// A law named in brackets right after the reference: "Schedule K (Electrical Safety Regulations, 2011)", "section 4
// (Companies Act 2006)" (a code, rules or an order with its year: "Schedule 2 (Building Code 2018)"; a title of the
// agreement's own part, "Schedule 3 (Code of Conduct)", "Schedule 2 (Order Form)", names no law)
const LAW_IN_BRACKETS = /^\s*\(\s*(?:the\s+)?(?:[A-Z][\w’'&-]*\s+(?:(?:of|and|for|on|at|in|to|by|the)\s+)*){0,6}?(?:(?:Act|Regulations?|Directive|Statute|Ordinance)\b(?:,?\s*\d{4})?|(?:Code|Rules|Order)\b,?\s*\d{4})\s*\)/
// Another agreement written in lower case and told apart from this one by a word of time or kind: "clause 9 of your
// original agreement dated 1 May 2025", "section 3 of the previous contract", "under the old lease" ("clause 9 of the
// agreement" is this one)
const OTHER_AGREEMENT_AFTER =
  /^\s*(?:\([^)]{0,80}\)\s*)?,?\s*(?:of|in|under|to|from)\s+(?:the|your|our|their|its|an?|that)\s+(?:[a-z][\w-]*\s+){0,2}?(?:original|previous|prior|earlier|old|former|expired|superseded|separate|other|existing|first)\s+(?:[a-z][\w-]*\s+){0,2}?(?:agreements?|contracts?|terms|leases?|licen[cs]es?|deeds?|orders?|quotes?|quotations?|proposals?)\b/
// What comes before it that does the same: "ISO 27001 clause 5", "HIPAA Section 164", "the Act, section 5", "45 C.F.R."
const STANDARD_BEFORE = /\b(?:ISO(?:\/IEC)?|IEC|NIST|SOC|PCI|DSS|GDPR|HIPAA|CCPA|DMCA|U\.?S\.?C\.?|C\.?F\.?R\.?|FAR|DFARS?|Act|Code|Regulations?|Directive|Convention|Treaty|Statute)\b[\s\d.,:/()-]{0,20}$/
// The document named right before the reference, as its owner: "the Order Form's Schedule 2", "the Head Contract's
// Schedule 5", "the Panel Agreement, clause 9", "the Client's Security Policy and its Appendix 3" (a part of the document
// so named, which is this one only by its own names)
const OWNER_BEFORE = new RegExp(String.raw`(?<![\w-])(?<owner>(?:[A-Z][\w.’'&-]*\s+(?:of\s+|and\s+|for\s+)?){0,6}?${DOC_WORD})(?:’s|'s|\s*,|\s+and\s+(?:its|their))\s*$`)
// The article part of a number written book:article ("7:408", "6:248"), as civil codes number their articles
const BOOK_ARTICLE = /^:\d+[a-z]?\b/
// More references of the list that a trailing owner applies to: "Annex 1A, Annex 1B, Annex II, and Annex III of the UK Addendum"
const MORE_REFERENCES = new RegExp(String.raw`^(?:\s*\([^)]{0,80}\))?(?:${JOIN}(?:(?:${NUMBERED_WORD}|${ATTACHED_WORD})\s+)?${ID}(?:\s*\([^)]{0,80}\))?)+`)
// The names the agreement gives itself: This Managed Services Agreement (the "Agreement"), this "SLA"
const SELF_NAME = /\b(?:this|these)\s+(?:[A-Z][\w&-]*\s+){0,6}?(?:[A-Z][\w&-]*)\s*(?:\([^)]*?)?\(?\s*(?:the\s+|this\s+|hereinafter\s+)?["“]\**([A-Z][\w &-]{1,40}?)\**["”]/g

// An article numbered after a code's part letter ("Article L. 1111-8 of the Public Health Code", "art. R. 4127-1") cites
// a code's legislative or regulatory part, not a clause of the agreement
const CODE_ARTICLE = /^[A-Z]\.\s?\d/
// A schedule, annex or appendix the text says is sent or given separately ("listed in Annex 1, which is sent to the
// Clinic with this contract", "Schedule B, supplied separately") is a document outside the input, not a missing part
// (also with other parts named beside it, "Attachment B (Service Level Schedule) and Attachment C (Pricing Form) are
// submitted as separate files", and as a part "not reproduced here": the text itself says it is not in this document)
const SENT_SEPARATELY =
  /^\s*(?:\([^)]{0,60}\)\s*)?(?:,?\s*(?:and|or)\s+(?:the\s+)?(?:attachments?|schedules?|annex(?:es)?|annexures?|appendix|appendices|exhibits?)\s+[\w.-]{1,6}\s*(?:\([^)]{0,60}\)\s*)?){0,3},?\s*(?:(?:which|that)\s+)?(?:(?:is|are|was|were|has been|have been|will be|being)\s+)?(?:(?:sent|supplied|provided|delivered|given|e-?mailed|handed over|issued|submitted|uploaded|filed)\b[^.;]{0,40}?(?:\bseparately\b|\bunder separate cover\b|\bas (?:a )?separate (?:files?|documents?|attachments?|e-?mails?)\b|\b(?:together |along )?with (?:this|these|the) (?:contract|agreement|deed|letter|terms|proposal|quotation|quote|order)\b|\balongside (?:this|these)\b)|not reproduced (?:here|in (?:this|these)\b))/i
// A clause the text deletes, replaces or inserts ("Clause 4.2 (Support Hours) is deleted and replaced with …", "Schedule
// 3 is amended as follows") is a clause of the agreement it varies
const VARIED = /^\s*(?:\([^)]{0,60}\)\s*)?(?:is|are|shall be|will be)\s+(?:hereby\s+)?(?:deleted|amended|replaced|varied|revoked|removed|struck out|renumbered|inserted|added)\b/i
// A document that says its references point into another agreement ("References to clauses and schedules are to those
// of the Principal Agreement unless this Deed says otherwise"): the kinds it names are that agreement's parts, except a
// part it places in itself ("Appendix 2 to this Deed")
const PART_WORDS = String.raw`(?:clauses?|sections?|paragraphs?|articles?|schedules?|annex(?:es|ures?)?|appendi(?:x|ces)|exhibits?|attachments?)`
const REFERENCES_ELSEWHERE = new RegExp(
  String.raw`\breferences?\s+(?:in\s+this\s+\w+\s+)?to\s+(${PART_WORDS}(?:\s*(?:,|and|or)\s*${PART_WORDS})*)\s+(?:are|shall be|will be|mean)\s+(?:references\s+)?to\s+(?:(?:those|the\s+\w+|${PART_WORDS})\s+)?(?:of|in)\s+(?:the\s+)?(?!this\b)(?:[A-Z][\w-]*\s+){0,4}(?:Agreement|Contract|MSA|Terms)\b`,
  'i',
)
const IN_THIS = /^\s*(?:\([^)]{0,60}\)\s*)?,?\s*(?:of|to|in|under)\s+this\b/i

// A line that is an item of a bulleted or numbered list ("- Exhibit C – Service Levels", "2. Schedule B: Fees")
const LIST_ITEM = /^[\s>]*(?:[-+*]|\d{1,3}[.)]|\(?[a-z]\))\s+/
const PARTS_HEADING = /^(?:the\s+)?(schedules|exhibits|annex(?:es|ures)|appendices|attachments)\b/i
const PART_LETTER = /^([A-Z]|\d{1,2})(?:[.:)]|\s+[–—-])\s/
const INSERT_WORD = /\b(?:add|insert|new)/i
const INSERTED = new RegExp(
  String.raw`(?:\b(?:add(?:s|ed|ing)?|insert(?:s|ed|ing)?)\b[^.;:]{0,80}?\bas\s+(?:an?\s+)?(?:new\s+)?|\b(?:a|the following|following|the)\s+new\s+)(?<word>${NUMBERED_WORD}|${ATTACHED_WORD})\s+(?<id>${ID})`,
  'g',
)
const CLAUSE_LINE_START = /^(?:[\d(§]|(?:section|clause|article|paragraph)\s)/i
// Cheap tests on a whole line before the patterns above: a clause number needs a digit, a bracket or a clause word, an
// attached part's title one of the attached words
const NUMBER_OR_CLAUSE = /[\d(§]|section|clause|article|paragraph/i
const ATTACHED_STEM = /schedule|exhibit|annex|appendi|attachment/i

interface Targets {
  /** The key of a part's id ("4(b)" → "4.b"), as the sets below hold them. */
  readonly norm: (id: string) => string
  readonly numbers: ReadonlySet<string>
  readonly attached: ReadonlySet<string>
  /** "schedule" when the whole document is a schedule (its title is "Schedule 3: …"), and so on. */
  readonly ownKind: string | undefined
}

function normalise(id: string): string {
  return id
    .replace(/\s+/g, '')
    .replace(/\(([^)]*)\)/g, '.$1')
    .replace(/\.$/, '')
    .toLowerCase()
}

/** normalise, once per distinct id of one document (the same few numbers recur). */
function normaliser(): (id: string) => string {
  const known = new Map<string, string>()
  return (id) => {
    let key = known.get(id)
    if (key === undefined) known.set(id, (key = normalise(id)))
    return key
  }
}

// What a re-lint after an edit reads again only where the text changed (see Reading.blockReading): the numbers and
// attached titles of each run of lines, each block's inserted parts, names the agreement calls itself and references
// with what their own sentence says of them
const LINE_TARGETS = {name: 'no-dangling-references: the numbers and attached parts the lines of a run of the source mark'}
const INSERTS = {name: 'no-dangling-references: the parts a block inserts'}
const SELF_WORDS = {name: 'no-dangling-references: the names a block calls the agreement by'}
const notHeading = (b: Block): boolean => b.kind !== 'heading'
const REFERENCES = {name: 'no-dangling-references: references and what their own text says of them'}
const TITLED_PARTS = {name: 'no-dangling-references: the attached parts a title names as its own'}
const PARTS_GROUP = {name: 'no-dangling-references: the kind of part a title groups'}

/** What one line of the source marks: a clause number that opens it, HTML ids, an attached part's title. */
interface LineTargets {
  /** Numbers as written, for addNumber. */
  readonly numbers: readonly string[]
  /** Attached parts, as "kind key". */
  readonly attached: string | undefined
}
const NO_LINE_TARGETS: LineTargets = {numbers: [], attached: undefined}

function lineTargets(raw: string): LineTargets {
  const numbers: string[] = []
  let attached: string | undefined
  // "**5.1. Backups.**", "4.2<TAB>Response Times", "1.1 "Business Hours" means…", "(3) The …", `<span id="13.25">`
  const line = NUMBER_OR_CLAUSE.test(raw) ? raw.replace(/^[\s>]*(?:[-+*]\s+)?[*_#\s]*/, '') : ''
  // a clause number opens the line: "4.2 ", "4.2.", "4.", "4)", "4<TAB>", "Section 4.", "§ 4 ", "(3) " — not "30 days"
  // (each pattern needs a digit, a bracket or a clause word first)
  const m = CLAUSE_LINE_START.test(line)
    ? (/^(?:(?:section|clause|article|paragraph)\s+)?(\d{1,4}(?:\.\d{1,4})+\.?|\d{1,4}[.)]|\d{1,4}(?=\t))(?:\*\*|__)?[\s)]/i.exec(line) ??
      /^(?:(?:section|clause|article|paragraph)\s+|§{1,2}\s*)(\d{1,4})\b/i.exec(line) ??
      /^\((\d{1,3}|[a-z]{1,4})\)\s/.exec(line))
    : null
  if (m) numbers.push(m[1]!.replace(/[.)]$/, ''))
  if (raw.includes('=')) for (const id of raw.matchAll(/\bid\s*=\s*["']([\w.-]{1,20})["']/g)) numbers.push(id[1]!)
  // A schedule, exhibit or appendix marked by a title line: "## Schedule C – Rate Card", "**Exhibit B: Rate Card**", "Appendix 1. Covered Environment"
  // (an item of a list only names a part: "The following exhibits form part of this Agreement: - Exhibit C – Service
  // Levels" is an index of the exhibits, attached or not)
  const bare = ATTACHED_STEM.test(raw) && !LIST_ITEM.test(raw) ? raw.replace(/^[\s>*_#|-]+/, '') : ''
  const t = /^(?:<|[A-Z])/i.test(bare) ? ATTACHED_TITLE.exec(bare) : null
  if (t) {
    const rest = bare.slice(t[0].length)
    // a title, not a sentence that starts with the reference ("Schedule B (Rate Card) is attached separately.")
    if (/^\s*(?:[*_]{1,3})?\s*(?:$|[:.–—|-]|\([^)]*\)\s*[*_:.]*\s*$|\s*[*_]{2}|[A-Z][^.]{0,70}$)/.test(rest)) attached = `${kindOf(t[1]!)} ${normalise(t[2]!)}`
  }
  return numbers.length || attached !== undefined ? {numbers, attached} : NO_LINE_TARGETS
}

/** What the lines of a run of the source mark (see sourceRuns), in the order of the lines. */
interface RunTargets {
  readonly numbers: readonly string[]
  readonly attached: readonly string[]
}

function runTargets(run: string): RunTargets {
  const numbers: string[] = []
  const attached: string[] = []
  for (const raw of run.split(/\r\n|\r|\n/)) {
    const marked = lineTargets(raw)
    for (const n of marked.numbers) numbers.push(n)
    if (marked.attached !== undefined) attached.push(marked.attached)
  }
  return numbers.length || attached.length ? {numbers, attached} : NO_RUN_TARGETS
}
const NO_RUN_TARGETS: RunTargets = {numbers: [], attached: []}

/** Characters a run of the source holds at least before it is cut (see sourceRuns). */
const RUN_SIZE = 512

/**
 * The source in runs of whole lines, each cut after the first line break at least RUN_SIZE characters on that an empty
 * line follows: where a run starts depends only on the text just before it, so an edit changes the run it falls in (and
 * at most the next), and a re-lint reads the numbers and titles of the lines again only there, with one lookup per run
 * rather than per line. Splitting the runs into lines gives the lines of the whole source, with an empty line more where
 * two runs meet: an empty line marks nothing, and what the lines mark is collected into sets.
 */
function* sourceRuns(source: string): Generator<string> {
  let from = 0
  while (from < source.length) {
    let cut = -1
    for (let at = source.indexOf('\n', from + RUN_SIZE); at >= 0; at = source.indexOf('\n', at + 1)) {
      const next = source.charCodeAt(at + 1)
      if (next === 10 || (next === 13 && source.charCodeAt(at + 2) === 10)) {
        cut = at + 1
        break
      }
    }
    if (cut < 0) {
      yield from === 0 ? source : source.slice(from)
      return
    }
    yield source.slice(from, cut)
    from = cut
  }
}

/** The attached parts a title names as its own ("Schedule A – Fees", "FIRST SCHEDULE: SERVICES"), as "kind key". */
function titledParts(text: string): readonly string[] {
  const out: string[] = []
  const t = ATTACHED_HEADING.exec(text)
  if (t) out.push(`${kindOf(t[1]!)} ${normalise(t[2]!)}`)
  // "FIRST SCHEDULE: SERVICES" is the first schedule, "Schedule 1"
  const o = ORDINAL_TITLE.exec(text)
  if (o) out.push(`${kindOf(o[2]!)} ${ORDINALS.indexOf(o[1]!.toLowerCase()) + 1}`)
  return out
}

/** The parts a block's text adds to the agreement it varies, as [kind, id]. */
function insertedParts(text: string): ReadonlyArray<readonly [string, string]> {
  if (!INSERT_WORD.test(text)) return []
  const out: Array<readonly [string, string]> = []
  for (const m of text.matchAll(INSERTED)) out.push([kindOf(m.groups!['word']!), m.groups!['id']!.replace(/\.$/, '')])
  return out
}

/** Every number a reference can point to: section numbers, their full paths ("D.4"), numbered lines, HTML ids. */
function collectTargets(doc: Document, reading: Reading): Targets {
  const norm = normaliser()
  const numbers = new Set<string>()
  const attached = new Set<string>()
  const addNumber = (n: string): void => {
    const key = norm(n)
    // a number already added came with its parts
    if (!key || numbers.has(key)) return
    numbers.add(key)
    // "4.2" also makes "4" a part of the agreement
    const parts = key.split('.')
    for (let i = 1; i < parts.length; i++) numbers.add(parts.slice(0, i).join('.'))
  }
  const walk = (section: Section, prefix: string | undefined): void => {
    let here = prefix
    if (section.number) {
      addNumber(section.number)
      if (prefix && !section.number.includes('.')) {
        addNumber(`${prefix}.${section.number}`)
        here = `${prefix}.${section.number}`
      } else here = section.number
    }
    for (const c of section.children) walk(c, here)
  }
  // a document set: the schedules in other files are parts of the agreement too
  const files = [doc, ...(doc.set ?? [])]
  for (const f of files) walk(f.root, undefined)
  for (const f of files) {
    for (const run of sourceRuns(f.source)) {
      const marked = reading.textReading(run, LINE_TARGETS, () => runTargets(run))
      for (const n of marked.numbers) addNumber(n)
      for (const a of marked.attached) attached.add(a)
    }
  }
  // a part the text itself adds to the agreement it varies ("the Agreement is amended by adding the following as Section
  // 12B:", "insert a new clause 9A after clause 9", "the following new Schedule 5"): it exists once the text is in force
  for (const f of files) {
    // (this document's blocks as a column: an editor's re-lint looks up the edited blocks alone)
    const inserts = f === doc ? reading.blockColumn(INSERTS, f.blocks, (b) => insertedParts(b.text)) : f.blocks.map((b) => reading.blockReading(b, INSERTS, () => insertedParts(b.text)))
    for (const parts of inserts) {
      for (const [kind, id] of parts) {
        if (kind === 'section') addNumber(id)
        else attached.add(`${kind} ${norm(id)}`)
      }
    }
  }
  for (const s of doc.sections) {
    // a part numbered or lettered under a heading that names its kind ("## Exhibits" then "### A. Service Levels", "# THE
    // SCHEDULES" then "## 2 Fees") is that exhibit or schedule
    const group = s.parent ? reading.textReading(s.parent.title, PARTS_GROUP, () => PARTS_HEADING.exec(s.parent!.title)?.[1]) : undefined
    const own = group !== undefined ? (s.number ?? PART_LETTER.exec(s.title)?.[1]) : undefined
    if (group !== undefined && own) attached.add(`${kindOf(group)} ${norm(own)}`)
    // "Schedule A" as a heading's own text, even when the parser took "A" as its number
    const heading = s.blocks.find((b) => b.kind === 'heading')?.text ?? ''
    for (const text of [heading, s.title]) for (const part of reading.textReading(text, TITLED_PARTS, () => titledParts(text))) attached.add(part)
  }
  const own = OWN_TITLE.exec(doc.blocks.find((b) => b.kind === 'heading')?.text ?? '')
  return {norm, numbers, attached, ownKind: own ? kindOf(own[1]!) : undefined}
}

function kindOf(word: string): string {
  const w = word.toLowerCase()
  if (w.startsWith('sched')) return 'schedule'
  if (w.startsWith('exhib')) return 'exhibit'
  if (w.startsWith('annex')) return 'annex'
  if (w.startsWith('append')) return 'appendix'
  if (w.startsWith('attach')) return 'attachment'
  return 'section'
}

function exists(targets: Targets, kind: string, id: string): boolean {
  const {norm} = targets
  const key = norm(id)
  if (kind === 'section') {
    if (targets.numbers.has(key)) return true
    // "4(b)", "9.1(a)(ii)": the lettered sub-parts are rarely marked; the numbered part is what can dangle
    const numeric = norm(id.replace(/\s*\([^)]*\).*$/, ''))
    return id.includes('(') && targets.numbers.has(numeric)
  }
  return targets.attached.has(`${kind} ${key}`)
}

// Words by which a text says it is the agreement it names: "this", "these", "hereby", "herein" (not "this letter", "this
// renewal", "this order": a document that calls itself so names another agreement, unless it says it forms that agreement)
const THIS_TEXT = /\b(?:this|these)\b(?!\s+(?:letter|e-?mail|note|notice|message|renewal|amendment|addendum|schedule|order|quote|quotation|proposal|statement|variation|extension)\b)|\bhere(?:by|in)\b|\b(?:forms?|constitutes?|makes? up|is|are)\s+(?:your|our|the|an?)\s+(?:[\w-]+\s+){0,3}?(?:agreement|contract)\b/i
const DOC_TERM = /^(?:agreement|msa|sla|dpa|baa|contract|terms|schedule|exhibit|annex|appendix|addendum|sow|order form|statement of work)$/i

/**
 * Lower-cased names the agreement calls itself by ("agreement", "sla"), so "Section 4 of the Agreement" stays internal;
 * a document defined as "the Agreement" in "This Schedule forms part of the Master Services Agreement (the "Agreement")"
 * is another document.
 */
function selfNames(doc: Document, reading: Reading): Set<string> {
  const names = new Set<string>(['agreement'])
  const title = doc.title?.title
  if (title) names.add(title.toLowerCase())
  const others = new Set<string>()
  let seen = 0
  for (const block of doc.blocks) {
    for (const name of reading.blockReading(block, SELF_WORDS, () => thisNames(block.text))) names.add(name)
    if (block.kind === 'heading' || ++seen > 12) continue
    // "(the "Agreement")", "(together, "the Agreement")", "(collectively with its schedules, the "Agreement")"
    for (const m of block.text.matchAll(/\(\s*(?:(?:together|collectively)\b[^"“”()]{0,40}?,\s*)?(?:the\s+|this\s+|hereinafter\s+)?["“]\**(?:the\s+)?([A-Z][\w &-]{1,40}?)\**["”]/g)) {
      const term = m[1]!.trim()
      const before = block.text.slice(Math.max(0, (m.index ?? 0) - 120), m.index ?? 0)
      const det = [...before.matchAll(/\b(this|these|the|that|a|an|your|our|their|its)\s+(?=[A-Z])/gi)].pop()?.[1]?.toLowerCase()
      if (det === 'this' || det === 'these') names.add(term.toLowerCase())
      // an agreement a party holds ("Your Managed Services Agreement with us dated 1 June 2024 (the "Agreement")") is
      // another document, as one introduced by "the" or "that" is, unless the sentence says this text is it
      // ("This letter renews your Support Agreement … (the "Agreement")": a letter, a renewal or an order that names itself
      // "this" is not the agreement it names)
      else if (det && DOC_TERM.test(term) && !(/^(?:your|our|their|its)$/.test(det) && THIS_TEXT.test(before))) others.add(term.toLowerCase())
    }
  }
  for (const o of others) names.delete(o)
  return names
}

/** The names of documents a text calls "this" or "these" ("this Agreement", "this Order Form"), lower-cased. */
function thisNames(text: string): readonly string[] {
  const out: string[] = []
  for (const m of text.matchAll(/\b(?:this|these)\s+([A-Z][A-Za-z]+(?:\s+(?:Form|of Work))?)\b/g)) if (DOC_TERM.test(m[1]!)) out.push(m[1]!.toLowerCase())
  return out
}

/** The kinds of part ("section", "schedule") the document says its references point into another agreement for. */
function referencesElsewhere(doc: Document): Set<string> {
  const kinds = new Set<string>()
  for (const block of doc.blocks.slice(0, 40)) {
    if (!/\breferences?\b/i.test(block.text)) continue
    const m = REFERENCES_ELSEWHERE.exec(block.text)
    if (m) for (const w of m[1]!.match(new RegExp(PART_WORDS, 'gi')) ?? []) kinds.add(kindOf(w))
  }
  return kinds
}

interface Reference {
  readonly start: number
  readonly end: number
  readonly kind: string
  readonly ids: string
  readonly idsStart: number
  /** Each part cited, where its id starts, and how the message names it. */
  readonly parts: ReadonlyArray<{readonly id: string; readonly idStart: number; readonly length: number; readonly label: string}>
}

/** The references of a text: "Sections 4.1 and 4.2", "Schedule C", and the ordinal "Third Schedule" (schedule 3). */
function references(text: string): Reference[] {
  const out: Reference[] = []
  for (const m of text.matchAll(REFERENCE)) {
    const start = m.index ?? 0
    const word = m.groups!['word'] ?? m.groups!['sign']!
    const ids = m.groups!['ids']!
    const end = start + m[0].length
    const idsStart = end - ids.length
    const parts = [...ids.matchAll(ONE_ID)].map((one) => {
      const id = one[0].replace(/\.$/, '')
      return {id, idStart: idsStart + (one.index ?? 0), length: id.length, label: `${word.startsWith('§') ? '§' : singular(word)} ${id}`}
    })
    out.push({start, end, kind: kindOf(word), ids, idsStart, parts})
  }
  if (/first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth/i.test(text)) {
    for (const m of text.matchAll(ORDINAL_REFERENCE)) {
      const start = m.index ?? 0
      const end = start + m[0].length
      const id = String(ORDINALS.indexOf(m.groups!['ord']!.toLowerCase()) + 1)
      out.push({start, end, kind: kindOf(m.groups!['word']!), ids: id, idsStart: start, parts: [{id, idStart: start, length: m[0].length, label: m[0]}]})
    }
  }
  return out
}

function singular(word: string): string {
  if (/^appendices$/i.test(word)) return `${word.slice(0, -4)}${word === word.toUpperCase() ? 'IX' : 'ix'}`
  if (/^annexes$/i.test(word)) return word.slice(0, -2)
  return word.replace(/s$/i, '')
}

/** A reference with what its own text says of it (see citedIn). */
interface Cited {
  readonly ref: Reference
  readonly kind: string
  /** The document named as its owner, lower-cased ("the Order Form's Schedule 2", "Section 4 of the Agreement"). */
  readonly owner: string | undefined
  /** Whether that owner is a name of a parent agreement ("the Agreement", "the MSA"). */
  readonly parentName: boolean
  /** Whether its text puts it in another document or makes it other than a part of this one (checked after its owner). */
  readonly notHere: boolean
  /** Whether it is said to be "of this" or "in this" document. */
  readonly inThis: boolean
}

/**
 * The references of a block with what the block's text alone says of each: references to a law, a standard or a
 * document named with them are left out; the rest carry their owner and what else their sentence says of them.
 */
function citedIn(block: Block): readonly Cited[] {
  const text = block.text
  if (!REFERENCE_WORD.test(text)) return []
  const out: Cited[] = []
  for (const ref of references(text)) {
    const {start, end, kind} = ref
    const rest = text.slice(end, end + 400)
    const after = rest.slice(MORE_REFERENCES.exec(rest)?.[0].length ?? 0)
    const before = text.slice(Math.max(0, start - 60), start)
    // a law, a standard or another document: not a part of this agreement
    if (STATUTE_AFTER.test(after) || STANDARD_BEFORE.test(before) || LAW_IN_BRACKETS.test(rest) || OTHER_AGREEMENT_AFTER.test(after)) continue
    if (text.charCodeAt(start) === 0xa7 && CODE_AFTER.test(after)) continue
    // (an article numbered by book and article, "Article 7:408 of the Civil Code", is a code's: the owner follows it)
    const owner = (OWNER_AFTER.exec(after.replace(BOOK_ARTICLE, '')) ?? OWNER_BEFORE.exec(before))?.groups?.['owner']?.toLowerCase()
    const notHere =
      // "section 1798.100", "Section 252.227": statute-sized numbers are not clause numbers
      (kind === 'section' && /\d{4}|\d\.\d{3}/.test(ref.ids)) ||
      (kind === 'section' && CODE_ARTICLE.test(text.slice(ref.idsStart, ref.idsStart + 8))) ||
      (kind !== 'section' && SENT_SEPARATELY.test(rest)) ||
      (VARIED.test(rest) && !IN_THIS.test(rest))
    out.push({ref, kind, owner, parentName: owner !== undefined && PARENT_NAME.test(owner), notHere, inThis: IN_THIS.test(rest)})
  }
  return out
}

// A procedure or matrix the agreement makes a party follow, named by its description alone in lower case ("escalated in
// accordance with the escalation procedure", "ranked under the priority matrix"): it points to a part of the agreement,
// which must state it (a title naming it, or a sentence setting it out), unless the text locates it elsewhere ("in
// Appendix D", "in the Support Handbook", "published on the portal")
const FOLLOWED = /\b(?:in accordance with|pursuant to|according to|under|following|as (?:set out|described|defined|specified|laid down) in|as per|per)\s+the\s+((?:[a-z][a-z-]*\s+){1,2})(procedures?|matrix|runbook|playbook)\b/g
const FOLLOWED_WORDS = ['procedure', 'matrix', 'runbook', 'playbook']
// descriptions that name no particular document ("the applicable procedure", "the same procedure")
const GENERIC = /^(?:applicable|relevant|agreed|usual|normal|standard|above|below|same|following|foregoing|appropriate|current|existing|said|respective|internal|legal|statutory|court|complaints?|dispute|disputes|notice|notification|termination|this|that|such|its|their)$/
const LOCATED_AFTER =
  /^\s*(?:\([^)]{0,60}\)\s*)?,?\s*(?:(?:as\s+|which\s+is\s+|that\s+is\s+)?(?:set out|described|contained|given|defined|specified|published|attached|annexed|found|available|listed|shown|laid down|posted|kept|held|maintained)\b|(?:in|at|of|on|within)\s+(?:the\s+|our\s+|its\s+|your\s+|their\s+|this\s+)?[A-Z§\d]|(?:in|at|on)\s+(?:the\s+|our\s+|its\s+)?(?:[a-z]+\s+){0,2}(?:website|web ?site|portal|intranet|wiki|handbook|manual|schedule|annex|appendix|exhibit)\b|\(?(?:at\s+)?https?:)/

/** The procedures and matrices a block makes a party follow by description, not located anywhere: [start, end, description]. */
function followedDocuments(text: string): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = []
  const lower = text.toLowerCase()
  if (!FOLLOWED_WORDS.some((w) => lower.includes(w))) return out
  FOLLOWED.lastIndex = 0
  for (let m = FOLLOWED.exec(text); m !== null; m = FOLLOWED.exec(text)) {
    const words = m[1]!.trim().split(/\s+/)
    if (words.some((w) => GENERIC.test(w))) continue
    const end = m.index + m[0].length
    if (LOCATED_AFTER.test(text.slice(end, end + 80))) continue
    const start = m.index + m[0].lastIndexOf('the ', m[0].length - m[1]!.length - m[2]!.length)
    out.push([start, end, `${m[1]!}${m[2]!}`.replace(/\s+/g, ' ')])
  }
  return out
}
const FOLLOWED_DOCUMENTS = {name: 'no-dangling-references: procedures followed by description'}

/** Does the agreement state the procedure itself: a title naming its subject, or a sentence setting it out ("The escalation procedure is: …")? */
function statesProcedure(doc: Document, description: string, all: () => string): boolean {
  const words = description.split(' ')
  const subject = words[words.length - 2]!
  if (doc.sections.some((s) => s.title.toLowerCase().includes(subject))) return true
  const text = all()
  const escaped = description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(String.raw`(?:^|[.:;!?]\s+|\n)(?:the\s+|our\s+)?${escaped}\s*(?:is|are|:|consists|works|runs|has|shall be|will be|as follows|\()`, 'i').test(text)
}

export default {
  meta: {
    id: 'no-dangling-references',
    description: 'Flags references such as "Section 7.3", "Schedule C" or "Exhibit B" that point to no part of the agreement',
    category: 'integrity',
    severity: 'warning',
    messages: {dangling: 'Reference to "{ref}" points to no section; add it or correct the reference'},
  },
  check(context) {
    const {doc, reading} = context
    let targets: Targets | undefined
    let self: Set<string> | undefined
    let partOf: boolean | undefined
    let elsewhere: Set<string> | undefined
    // each missing part is reported once, where it is first cited
    const reported = new Set<string>()
    // parts cited as parts of another named document ("schedule 1" of "the Agreement and its Schedule 1")
    const foreign = new Set<string>()
    const blocks = doc.blocks
    const references = reading.blockColumn(REFERENCES, blocks, citedIn, notHeading)
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!
      for (const cited of references[i] ?? []) {
        const {ref, owner, kind} = cited
        const {start} = ref
        // a part of a larger agreement (a schedule, an amendment) that cites "Section 4 of the Agreement": the clause is
        // in the input only when the document set holds the agreement, never among this document's own item numbers
        partOf ??= doc.blocks.slice(0, 12).some((b) => PART_OF.test(b.text))
        const parent = cited.parentName && partOf
        if (owner && !parent) {
          self ??= selfNames(doc, reading)
          if (!self.has(owner)) {
            for (const part of ref.parts) foreign.add(`${kind} ${part.id.toLowerCase()}`)
            continue
          }
        }
        // a part named as another document's ("the Agreement and its Schedule 1") keeps that owner when cited again
        // without one ("they are in Schedule 1 too")
        if (!owner && ref.parts.length > 0 && ref.parts.every((part) => foreign.has(`${kind} ${part.id.toLowerCase()}`))) continue
        // a part the text says is sent separately stays outside the input when cited again ("rates are in our Pricing
        // Form (Attachment C)" after "Attachment C (Pricing Form) is submitted as a separate file")
        if (cited.notHere) {
          if (kind !== 'section') for (const part of ref.parts) foreign.add(`${kind} ${part.id.toLowerCase()}`)
          continue
        }
        elsewhere ??= referencesElsewhere(doc)
        if (elsewhere.has(kind) && !cited.inThis) continue
        targets ??= collectTargets(doc, reading)
        // a document that is itself "Schedule 3" of a larger agreement refers to its sibling schedules there
        if (targets.ownKind === kind) continue
        // the agreement it amends or hangs from is another document: its clauses can be checked only when the document set
        // holds it, and are never this document's own item numbers
        if (parent && !doc.set?.length) continue
        for (const {id, idStart, length, label} of ref.parts) {
          if (exists(targets, kind, id)) continue
          const key = `${parent ? 'parent ' : ''}${kind} ${targets.norm(id)}`
          if (reported.has(key)) continue
          reported.add(key)
          context.report({messageId: 'dangling', block, start: idStart === ref.idsStart ? start : idStart, end: idStart + length, data: {ref: label}})
        }
      }
    }
    let all: string | undefined
    const allText = (): string => (all ??= doc.blocks.map((b) => b.text).join('\n'))
    const followed = reading.blockColumn(FOLLOWED_DOCUMENTS, blocks, (b) => followedDocuments(b.text), notHeading)
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!
      for (const [start, end, description] of followed[i] ?? []) {
        if (reported.has(description)) continue
        reported.add(description)
        if (statesProcedure(doc, description, allText)) continue
        context.report({messageId: 'dangling', block, start, end, data: {ref: block.text.slice(start, end)}})
      }
    }
  },
} satisfies Rule<'dangling'>
