// The reading stage: read(doc) builds one Reading per document, once, in the engine, and every rule gets it as
// `context.reading`. It owns every per-document cache; each reading it offers is written, as pure functions, in the
// module named for it beside this file.
import type {Block, Definition, Document, Section, Sentence} from '../types.js'
import {COMPANY_NAMES, collectDefinitions, collectVocabulary, definesTerm, inDefinitionSection, type Vocabulary, type VocabularyKept} from './definitions.js'
import {agreementIsOther, aliasesIn, delegation, documentAliases, parentName, targetInDocument, type DelegationHit, type DocumentAliases} from './delegation.js'
import {answeredQuestion, inlineAnswers, introducingParty, isLevelName, keyHeader, labelRun, leadLabel, leadTitle, listContext, quotedTerm, runInTitle, unticked, type ListContext} from './lists.js'
import {restatedValues, type Restated} from './restated.js'
import {statedMetrics, statedResponseTimes, statedTimes, type Statement, type StatedResponse, type StatedTime, type TimeMetric} from './metrics.js'
import {boundParty, chatRoles, clauseAround, clauseMemo, customerObligation, dutyTitlesOf, firstParty, lineHead, isDisclaimer, isNegated, isPermission, messageSender, partyNames, partyNamesAsks, permissionHolder, quotedFromOthers, titlesRead, type Party, type PartyNamesRead} from './parties.js'
import {inThingName, thingNames, withoutThingNames} from './names.js'
import {excused, excusedAsking, excuseHolds, excusePlace, scanTerms, scanTermsKept, type AskedExcuse, type CompiledTerm, type Excuse, type TermHit} from './terms.js'
import {pointersIn, reach, type Pointer, type Reached} from './pointers.js'
import {TitleRoles} from './reach.js'
import {Prose} from './sentences.js'
import {DEFINED_TERM, columnMeasure, columnParty, globalCopy, hasNumber, noteMeasure, scopedText, type HeaderTest, type Measure} from './wording.js'
import {TextCache, type Column, type FileColumns, type ItemsColumn, type Placed, type PlacedColumn, type ValuesByPlace} from './texts.js'
import {expandTerse, hasTerse, terseView, withoutSlots, type TerseView} from './terse.js'
import {chosenPlan, chosenRow, planColumns, type ChosenPlan} from './plans.js'
import type {Values} from './values/index.js'

/** A key column's header that names classes of case: "Priority", "Severity", "Fault class", "Category", "Level". */
// (and a key naming what has failed or gone down: "What failed", "What breaks", "Failure", "Outage", "Breakdown")
const CASES_KEY = /\b(?:priorit\w*|severit\w*|levels?|categor\w*|class\w*|impact|urgency|gravity|seriousness|criticality|faults?|incident types?|call types?|failures?|outages?|breakdowns?|what (?:has |have )?(?:failed|fails|broke|breaks|is broken|went wrong|goes wrong|is down|went down|goes down|stopped working|stops working))\b/i

/** A definition that points at where its content is stated: "set out in", "listed in", "as defined in". */
const POINTS_AT = /\b(?:set out|set forth|described|listed|specified|detailed|stated|identified|contained|defined)\s+(?:in|at|under|on|by)\b/i

/** A header saying what each row's key means: "Definition", "Criteria", "Meaning", "Examples". */
const DEFINES_KEY = /^\W*(?:definitions?|criteria|criterion|meaning|examples?)\W*$/i

/** A title of service levels: "Service Levels", "SLA", "Response targets". */
const SERVICE_LEVELS_TITLE = /\bservice[- ]levels?\b|\bSLAs?\b|\b(?:response|resolution|support) (?:times|targets)\b/i

/** Everything the rules read from one document, each reading computed on first use and kept for the document's lint. */
export class Reading {
  private readonly memo = clauseMemo()
  // made once per Reading, not per call (the wrappers below are called for nearly every sentence)
  private readonly bound = {memo: this.memo}
  private readonly globalOf = (re: RegExp): RegExp => {
    let g = this.globals.get(re)
    if (!g) this.globals.set(re, (g = globalCopy(re)))
    return g
  }
  private readonly inDocument = (target: string): boolean => this.targetInDocument(target)
  private names: Map<string, Party> | undefined
  private defs: Map<string, Definition> | undefined
  private vocab: Vocabulary | undefined
  private readonly lists: Array<ListContext | undefined> = []
  private readonly keyHeaders = new Map<readonly string[], string>()
  private readonly tableNotes = new Map<readonly string[], Measure | null>()
  private readonly partColumnsOf = new Map<readonly string[], ReadonlyArray<'provider' | 'customer' | undefined> | null>()
  private readonly leads = new Map<Block, string | undefined>()
  private readonly questions: Array<string | null | undefined> = []
  private index: Map<Block, number> | undefined
  private readonly introducers = new Map<Block, Party>()
  private readonly targets = new Map<string, boolean>()
  private readonly sentenceDefines = new WeakMap<Sentence, boolean>()
  private readonly disclaimers = new WeakMap<Sentence, boolean>()
  private prosePass: Prose | undefined
  private readonly blockEntries = new Map<Block, Map<unknown, unknown> | null>()
  private obligationKind: object | undefined
  private readonly globals = new Map<RegExp, RegExp>()
  private responses: StatedResponse[] | undefined
  private metrics: Statement[] | undefined
  private readonly times = new Map<TimeMetric, StatedTime[]>()
  private readonly scratch = new Map<object, unknown>()
  private readonly terse = new Map<Block, TerseView | null>()
  private readonly written = new Map<Block, TerseView>()
  private plan: ChosenPlan | null | undefined

  /**
   * `texts`: answers that depend on a text alone, kept across documents by the caller that lints many (see TextCache);
   * by default this Reading's own.
   */
  constructor(
    readonly doc: Document,
    readonly texts: TextCache = new TextCache(),
  ) {
    texts.startDocument()
  }

  // ---- typed values ------------------------------------------------------------------------------------------

  /** The typed values of a span or sentence of this document (durations, frequencies, percentages, hours, …). */
  values(text: string): Values {
    return this.texts.values(text)
  }

  /** A measurable value of any kind in the text. */
  hasNumber(text: string): boolean {
    return hasNumber(this.values(text))
  }

  /** The part of a unit's text where a clause's value may sit (its table column, or a window around each topic word). */
  scoped(unit: Parameters<typeof scopedText>[0], topic: RegExp, header?: HeaderTest): string {
    // a definition of a term that names the clause, whose body gives the values per priority ("Response Time" means …,
    // which is: Critical 15 minutes; Major 1 hour), states them anywhere in its body: the whole definition is the scope
    if (!unit.block.cells) {
      const defined = DEFINED_TERM.exec(unit.text)
      if (defined && topic.test(defined[1]!) && this.values(unit.text).priorities.length > 0) return unit.text
    }
    return scopedText(unit, topic, header, this.globalOf)
  }

  // ---- parties, negation, permission, disclaimers ------------------------------------------------------------

  /** The names the agreement gives its parties, with their role. */
  get parties(): ReadonlyMap<string, Party> {
    return (this.names ??= this.keptParties())
  }

  /**
   * The party names, in an editor taken from the last lint of the file when nothing they were read from changed: the
   * blocks of the opening are the same at the same places, the titles of duties, the bold runs and the front matter read
   * the same, no block was read for the parties' conduct, and no block that the passes over the whole text look for
   * (partyNamesAsks) was edited, added or removed (told by place, as placeFlags keeps flags). Read afresh otherwise.
   */
  private keptParties(): Map<string, Party> {
    const doc = this.doc
    const flags = this.placeFlags(PARTY_ASKS)
    if (!flags) return partyNames(doc)
    const file = this.places
    const from = this.placeFrom!
    const blocks = doc.blocks
    const n = blocks.length
    // the flags kept by place: 1 + what the passes may read of the block (partyNamesAsks, two bits); 0 at a place an
    // edit changed, read now. Counted per pass: the blocks each may read, those kept from the last lint, and whether an
    // edited block is one of them
    let defined = 0
    let subjects = 0
    let keptDefined = 0
    let keptSubjects = 0
    let editedDefined = false
    let editedSubjects = false
    for (let i = 0; i < n; i++) {
      let f = flags[i]!
      if (f === 1) continue
      const fresh = f === 0
      if (fresh && (f = flags[i] = 1 + partyNamesAsks(blocks[i]!)) === 1) continue
      if ((f - 1) & 1) {
        defined++
        if (fresh) editedDefined = true
        else keptDefined++
      }
      if ((f - 1) & 2) {
        subjects++
        if (fresh) editedSubjects = true
        else keptSubjects++
      }
    }
    const titles = titlesRead(doc)
    const front = frontParties(doc)
    const last = file.parties
    // (every block a pass of the last lint may have read still stands at a kept place, the places kept one for one, and
    // no edited block is one it may read: definedPeople's always, subjectKinds' when it looked)
    let same = last !== undefined && last.lint === file.lint - 1 && !last.read.whole && last.front === front && sameDutyTitles(last.titles, titles)
    if (same && (editedDefined || keptDefined !== last!.asked[0])) same = false
    if (same && last!.read.subjects && (editedSubjects || keptSubjects !== last!.asked[1])) same = false
    // (the opening read as before: the same blocks at the same places, and no more of them when it read to the end)
    if (same && last!.read.opening >= last!.blocks && n !== last!.blocks) same = false
    for (let i = 0; same && i < last!.read.opening; i++) if (i >= n || from[i] !== i) same = false
    const read: PartyNamesRead = same ? last!.read : {opening: 0, whole: false, subjects: false}
    const names = same ? last!.names : partyNames(doc, read)
    file.parties = {lint: file.lint, names, read, titles, front, asked: [defined, subjects], blocks: n}
    return names
  }

  /** Which party the statement at `index` of `text` binds. */
  boundParty(text: string, index: number): Party {
    return boundParty(text, index, this.parties, this.bound)
  }

  /**
   * The document's titles read in the parties' roles by the names the agreement gives them (see roleTitle), each title
   * once: pass it where a reading of titles takes the names (scopeTitle, dutiesTitle, a clause's homeTitle).
   */
  get roles(): TitleRoles {
    // kept by the text cache for the latest names (an editor's re-lint reads the same titles by the same names)
    return (this.titleRoles ??= this.texts.roles(this.partiesKey, this.parties))
  }
  private titleRoles: TitleRoles | undefined

  /** The party names and their roles as one string: the key of readings kept across lints that depend on them. */
  get partiesKey(): string {
    return (this.namesKey ??= [...this.parties].map(([name, role]) => `${name}\u0001${role}`).join('\u0000'))
  }
  private namesKey: string | undefined

  /** Titles read in the parties' roles by pronouns and role words alone (no names), each title once per run. */
  get plainRoles(): TitleRoles {
    return this.texts.plainRoles
  }

  /** The first party named in a text. */
  firstParty(text: string): Party {
    return firstParty(text, this.parties)
  }

  /** Index of the first obligation in `text` that binds the customer, or -1. */
  customerObligation(text: string): number {
    // kept per text (with the party names it was read by) when the cache keeps block readings: customer-requirements
    // asks it of every sentence that does not name its topic
    const entry = this.texts.blockEntry(text)
    if (!entry) return customerObligation(text, this.parties, this.memo)
    this.obligationKind ??= this.texts.kind(`customerObligation\u0000${this.partiesKey}`)
    let at = entry.get(this.obligationKind) as number | undefined
    if (at === undefined) {
      entry.set(this.obligationKind, (at = customerObligation(text, this.parties, this.memo)))
      this.texts.blockReadings++
    }
    return at
  }

  isNegated(text: string, index: number): boolean {
    return isNegated(text, index, this.memo)
  }

  isPermission(text: string, index: number): boolean {
    return isPermission(text, index, this.parties, this.memo)
  }

  /** The party whose right the clause at `index` states; undefined when it states none (see permissionHolder). */
  permissionHolder(text: string, index: number): Party | undefined {
    return permissionHolder(text, index, this.parties, this.memo)
  }

  /** Is the sentence a disclaimer ("makes no warranty", "as is")? Once per sentence. */
  isDisclaimer(sentence: Sentence): boolean {
    let v = this.disclaimers.get(sentence)
    if (v === undefined) this.disclaimers.set(sentence, (v = isDisclaimer(sentence.text)))
    return v
  }

  /** The clause of `text` around `index`. */
  clauseAround(text: string, index: number): string {
    return clauseAround(text, index, this.memo)
  }

  // ---- delegation --------------------------------------------------------------------------------------------

  /** A value placed in another document, in a text that starts at `offset` of `block`. */
  delegation(text: string, options: {block?: Block | undefined; offset?: number | undefined; topic?: RegExp | undefined} = {}): DelegationHit | undefined {
    this.agreementElsewhere ??= agreementIsOther(this.doc)
    if (this.parent === undefined) this.parent = parentName(this.doc) ?? null
    // (read a block at a time, each block's kept with its text: a re-lint reads only the blocks an edit changed)
    if (this.aliases === undefined) this.aliases = documentAliases(this.blockColumn(ALIASES_OF_BLOCK, this.doc.blocks, (b) => aliasesIn(b.text)).flat()) ?? null
    // one shape of options for every call (a spread of the caller's options made a new shape per kind of caller)
    return delegation(text, {
      block: options.block,
      offset: options.offset,
      topic: options.topic,
      blocks: this.doc.blocks,
      indexOf: this.firstIndex,
      inDocument: this.inDocument,
      agreementIsOther: this.agreementElsewhere,
      parent: this.parent ?? undefined,
      matches: this.texts.delegationMatches(text),
      aliases: this.aliases ?? undefined,
    })
  }

  /**
   * A "Label: reference" line whose value only names another document, one this document does not hold ("Exclusions and
   * out-of-scope work: Section 9 of the Master Terms"): its label and the reference.
   */
  handedOver(text: string): {label: string; hit: DelegationHit} | undefined {
    const handed = this.texts.delegationMatches(text).handed
    return handed && !this.inDocument(handed.hit.target) ? handed : undefined
  }

  /** Is "the Agreement" another document (this one is an amendment, schedule or SOW that names it)? Once per document. */
  private agreementElsewhere: boolean | undefined
  /** The name this document gives the agreement it is issued under ("MSA"), null when none; once per document. */
  private parent: string | null | undefined
  /** The short names this document gives other documents ("SLD"), null when none; once per document. */
  private aliases: DocumentAliases | null | undefined

  /** Does this document (or its set) hold the named schedule or exhibit? Once per target. */
  targetInDocument(target: string): boolean {
    let answer = this.targets.get(target)
    if (answer === undefined) this.targets.set(target, (answer = targetInDocument(this.doc, target)))
    return answer
  }

  // ---- definitions -------------------------------------------------------------------------------------------

  /** The terms the agreement defines, by lower-case term. */
  get definitions(): ReadonlyMap<string, Definition> {
    return (this.defs ??= collectDefinitions(this.doc.blocks, this.texts.keepsBlocks ? this.keptDefinitions : undefined, this.texts.keepsBlocks ? this.outlineTestOf : undefined))
  }

  /** Is the sentence of `block` a definition (in a Definitions section, or a "X means …" sentence)? */
  isDefinition(block: Block, sentence: Sentence): boolean {
    if (inDefinitionSection(block)) return true
    let v = this.sentenceDefines.get(sentence)
    if (v === undefined) this.sentenceDefines.set(sentence, (v = definesTerm(sentence)))
    return v
  }

  /** Every term the agreement defines or names, for no-undefined-terms. */
  get vocabulary(): Vocabulary {
    // an editor's cache keeps each block's part of it
    return (this.vocab ??= collectVocabulary(this.doc, this.definitions, this.parties, (t) => this.termKey(t), this.texts.keepsBlocks ? this.keptVocabulary : undefined, this.texts.keepsBlocks ? this.vocabularyKept : undefined))
  }

  /** The key of a term (lower case, no quotes, singular), once per distinct term. */
  termKey(term: string): string {
    return this.texts.termKey(term)
  }

  // ---- pointers ----------------------------------------------------------------------------------------------

  /** The pointers of a text at statements made elsewhere in the agreement: "those hours", "the times above", "the rates in Schedule 2". */
  pointers(text: string): readonly Pointer[] {
    // once per text: a language rule asks again for every hit in a long sentence
    let found = this.pointerMemo.get(text)
    if (!found) this.pointerMemo.set(text, (found = pointersIn(text)))
    return found
  }
  private readonly pointerMemo = new Map<string, readonly Pointer[]>()

  /**
   * The statement the pointer at `offset` of `block` reaches (the nearest one that `holds` the value asked for), or
   * undefined when it reaches none: it dangles, or points at a statement of something else.
   */
  reach(block: Block, offset: number, pointer: Pointer, holds: (text: string) => boolean): Reached | undefined {
    return reach(this.doc, block, this.blockIndex(block), offset, pointer, holds)
  }

  /** The first pointer of `text` that starts within `range` characters from `from` and names what `nouns` accepts ("times", "rates"). */
  pointerAfter(text: string, from: number, nouns: RegExp, range = 100): Pointer | undefined {
    return this.pointers(text).find((p) => p.start >= from && p.start <= from + range && nouns.test(p.noun))
  }

  // ---- lists -------------------------------------------------------------------------------------------------

  /** The bold label a block opens with ("**Your side.**"), which titles it; once per block. */
  leadLabel(block: Block): string | undefined {
    if (!this.leads.has(block)) {
      // a term defined in quotes titles its definition, unless the definition only sends its content elsewhere
      const bold = leadLabel(this.doc.source, block)
      const term = bold === undefined ? quotedTerm(this.doc.source, block) : undefined
      // or points at where it is stated, here or in another part ("means the devices listed in Schedule A"): read before
      // its first list or clause break ("means the standards set out in Schedule C"), not in an item of its own list that
      // names another document ("(c) software not listed in a Statement of Work")
      const head = term === undefined ? '' : block.text.split(/[:;]|\(a\)/, 1)[0]!
      this.leads.set(block, bold ?? (term !== undefined && !POINTS_AT.test(head) && !this.delegation(head) ? term : undefined))
    }
    return this.leads.get(block)
  }

  /**
   * The blocks a paragraph's bold run-in label titles: the paragraph, the list its lead-in introduces and the paragraphs
   * after it, up to the next heading or labelled paragraph (see labelRun in lists.ts); the block alone for any other.
   */
  labelRun(block: Block): readonly Block[] {
    let run = this.labelRuns.get(block)
    if (run === undefined) {
      const i = this.blockIndex(block)
      // (a labelled list item titles itself alone: the items after it are its siblings)
      const written = this.doc.blocks[i]
      run = !written || written.kind !== 'paragraph' || this.leadLabel(written) === undefined ? [block] : labelRun(this.doc.blocks, i, (b) => this.leadLabel(b) !== undefined)
      this.labelRuns.set(block, run)
    }
    return run
  }
  private readonly labelRuns = new Map<Block, readonly Block[]>()

  /** Is the block an unticked task-list option ("- [ ] …"), which the agreement offers but does not make? */
  isUnticked(block: Block): boolean {
    return unticked(this.doc.source, block)
  }

  /** In a Q/A text, the question that block `i` answers ("What is not covered?"), which titles it; once per block. */
  questionOf(i: number): string | undefined {
    return (this.questions[i] ??= answeredQuestion(this.doc.source, this.doc.blocks, i) ?? null) ?? undefined
  }

  /** Block `i`'s list context: the sentence that introduced its list, and the items it introduces. */
  listContext(i: number): ListContext {
    return (this.lists[i] ??= listContext(this.doc.blocks, i, this.doc.source))
  }

  /** The title the short lead-in of list item `i` gives it ("What we'll do for you:"), if any (see leadTitle in lists.ts). */
  leadTitle(i: number, named: (title: string) => boolean = () => true): string | undefined {
    const title = leadTitle(this.listContext(i).intro)
    // (the caller's test first: a title it would not take needs no reading of the parties)
    if (title === undefined || !named(title)) return undefined
    // (a lead-in that opens on a party, "The Client agrees to:", "We will:", is that party's sentence, not a title)
    const subject = /^(?:the\s+)?[A-Za-z][\w’'-]*/i.exec(title)?.[0]
    return subject !== undefined && this.firstParty(subject) !== 'unknown' ? undefined : title
  }

  /**
   * The header over the key column of a table row: as written, or "Priority" for a table written as a list of records
   * whose keys name levels (see keyHeader in lists.ts); '' for any other block. Once per table.
   */
  keyHeader(block: Block): string {
    const header = block.header
    if (!header) return ''
    let key = this.keyHeaders.get(header)
    if (key === undefined) this.keyHeaders.set(header, (key = keyHeader(this.doc.blocks, this.blockIndex(block), (k) => isLevelName(k, this.values(k)))))
    return key
  }

  /**
   * Whether a table row stands in a table whose rows are classes of case: its key column is headed as priorities,
   * severities, levels, categories, classes or faults, its key cell names a level ("P1", "Critical", "Sev 2"), or it is a
   * list of records under a title of service levels.
   */
  casesKeyed(block: Block): boolean {
    if (block.kind !== 'table-row' || !block.header || !block.cells) return false
    // (a table written as a list of records, "- **Room down** — Attendance on site: 30 minutes", has no header over its
    // keys: under a title of service levels its keys are the classes of case the levels are set for)
    if (!(block.header[0] ?? '').trim() && block.section.path.some((p) => SERVICE_LEVELS_TITLE.test(p))) return true
    // (a table whose column after the key is headed as what each key means, "| Cat. | Definition | On-site attendance |",
    // defines its rows as classes of case, whatever its key column is called)
    if (DEFINES_KEY.test(block.header[1] ?? '')) return true
    return CASES_KEY.test(this.keyHeader(block)) || isLevelName((block.cells[0] ?? '').replace(/[*_]/g, '').trim(), this.values((block.cells[0] ?? '').replace(/[*_]/g, '').trim()))
  }

  /**
   * What the note right under a row's table (the paragraph after its last row, in the same section) says the table's
   * figures measure (see noteMeasure in wording.ts), when no value column's header names a measure of its own; a note
   * under another table says nothing of this one. Undefined for none; once per table.
   */
  tableNote(block: Block): Measure | undefined {
    if (block.kind !== 'table-row' || !block.header) return undefined
    // (the table as written: a view of a row, its terse forms in full, may carry a header of its own)
    const blocks = this.doc.blocks
    let j = this.blockIndex(block)
    const header = blocks[j]?.header
    if (!header) return undefined
    let v = this.tableNotes.get(header)
    if (v === undefined) {
      v = null
      if (!header.slice(1).some((h) => columnMeasure(h).response || columnMeasure(h).resolution)) {
        while (j < blocks.length && blocks[j]!.kind === 'table-row' && blocks[j]!.header === header) j++
        const note = blocks[j]
        if (note && note.kind === 'paragraph' && note.section === blocks[j - 1]!.section) v = noteMeasure(note.text) ?? null
      }
      this.tableNotes.set(header, v)
    }
    return v ?? undefined
  }

  /**
   * The party whose part each column of a row's table holds, in a table that splits the work between the parties: a
   * column headed by the provider's part and one by the customer's ("| Area | We do | You do |", see columnParty in
   * wording.ts). Undefined for a table without both (a lone "You" column splits nothing); once per table.
   */
  partColumns(block: Block): ReadonlyArray<'provider' | 'customer' | undefined> | undefined {
    const header = block.header
    if (block.kind !== 'table-row' || !header) return undefined
    let v = this.partColumnsOf.get(header)
    if (v === undefined) {
      const parts = header.map((h) => columnParty(h, this.parties))
      v = parts.includes('provider') && parts.includes('customer') ? parts : null
      this.partColumnsOf.set(header, v)
    }
    return v ?? undefined
  }

  /** Index of a block in the document (its first place). */
  blockIndex(block: Block): number {
    return this.firstIndex(this.written.get(block)?.raw ?? block)
  }

  /** Index of this very block object among the document's blocks (its first place), -1 for one not among them. */
  private readonly firstIndex = (block: Block): number => {
    if (!this.index) {
      const index = new Map<Block, number>()
      this.doc.blocks.forEach((b, i) => index.has(b) || index.set(b, i))
      this.index = index
    }
    return this.index.get(this.titleOf.get(block) ?? block) ?? -1
  }

  // ---- terse forms -------------------------------------------------------------------------------------------

  /**
   * The block with its terse forms in full ("Helpdesk hrs: M-F 7:30a-5:00p ET" → "Helpdesk hours: Monday to Friday
   * 7:30 am to 5:00 pm ET"), its offsets mapping to the source as the block's do; the block itself when it has none.
   * Once per block.
   */
  inFull(block: Block): Block {
    let v = this.terse.get(block)
    if (v === undefined) {
      // a row of a table that gives a value per plan holds the chosen plan's values only (the others blanked, offsets kept)
      const row = block.kind === 'table-row' && this.chosenPlan ? chosenRow(block, this.chosenPlan) : undefined
      const base = row ?? block
      // most blocks hold no terse form: the one-pass letter test answers that for a block's text in less time than
      // looking the text up in the text cache did (hashing a text not seen before is a pass over it too)
      // (and in an editor, whose cache keeps block readings, kept per block text: a re-lint tests only the changed blocks)
      const terse = base === block && this.texts.keepsBlocks ? this.hasTerseAt(block) : hasTerse(base.text)
      v = terse ? (terseView(base) ?? null) : null
      if (row) v = v ? {...v, raw: block} : {block: row, raw: block, expanded: expandTerse(row.text)}
      this.terse.set(block, v)
      if (v) this.written.set(v.block, v)
    }
    return v ? v.block : block
  }

  /** Does a block's text hold a terse form? Kept per text, and by place for a block of the document (see placeColumn). */
  private hasTerseAt(block: Block): boolean {
    const i = this.placeOf(block)
    if (i < 0) return this.blockReading(block, HAS_TERSE, () => hasTerse(block.text))
    return this.placeColumn<boolean>(HAS_TERSE).at(i, block, (b) => hasTerse(b.text))
  }

  /** Is the block a row of a table whose columns are plans ("| | Starter | Plus | Max |")? Once per table header. */
  planRow(block: Block): boolean {
    const header = block.header
    if (block.kind !== 'table-row' || !header || !block.cells || block.cells.length < 3) return false
    let v = this.planHeaders.get(header)
    if (v === undefined) this.planHeaders.set(header, (v = planColumns(header, this.parties)))
    return v
  }
  private readonly planHeaders = new Map<readonly string[], boolean>()

  /** The plan the agreement names as the customer's, when its tables give values per plan; once per document. */
  get chosenPlan(): ChosenPlan | undefined {
    if (this.plan === undefined) this.plan = chosenPlan(this.doc, this.parties, this.texts.keepsBlocks ? this.keptIn : undefined) ?? null
    return this.plan ?? undefined
  }

  /** A title or lead-in with its terse forms in full ("Hrs & resp." → "Hours & response"), once per text. */
  expandTitle(title: string): string {
    // most blocks introduce no list: the clause finder asks for the empty lead-in of each unit it judges
    return title === '' ? title : this.texts.expandTitle(title)
  }

  /** For a block read in full (see inFull), the block as written and the map back to it. */
  asWritten(block: Block): TerseView | undefined {
    return this.written.get(block)
  }

  /** The sentence that introduced the list `item` belongs to (ending in ":" or "the following"), once per block. */
  listIntro(item: Block): string | undefined {
    const i = this.blockIndex(item)
    return i < 0 ? undefined : this.listContext(i).intro
  }

  /** The party bound by the sentence that introduces the list `item` belongs to. */
  introducingParty(item: Block): Party {
    let party = this.introducers.get(item)
    if (party === undefined) this.introducers.set(item, (party = introducingParty(this.doc.blocks, this.blockIndex(item), this.parties, this.memo)))
    return party
  }

  /** The party that sent the message `block` belongs to, in a thread of e-mails or a chat ('unknown' elsewhere), once per block. */
  messageSender(block: Block): Party {
    let party = this.senders.get(block)
    if (party === undefined) this.senders.set(block, (party = messageSender(this.doc.blocks, this.blockIndex(block), this.parties, this.chatRolesOf)))
    return party
  }
  private readonly senders = new Map<Block, Party>()

  /** Are the block's words quoted from others (a quotation with its speaker, a block quote of the reader's message)? Once per block. */
  quotedFromOthers(block: Block): boolean {
    let quoted = this.othersWords.get(block)
    if (quoted === undefined) {
      const at = this.blockIndex(block)
      const head = (j: number): string => {
        const b = this.doc.blocks[j]!
        let h = this.heads.get(b)
        if (h === undefined) {
          const file = b.file.path === this.doc.filePath ? this.doc : this.doc.set?.find((d) => d.filePath === b.file.path)
          this.heads.set(b, (h = file === undefined ? '' : lineHead(file.source, b)))
        }
        return h
      }
      this.othersWords.set(block, (quoted = at >= 0 && quotedFromOthers(this.doc.blocks, at, head)))
    }
    return quoted
  }
  private readonly othersWords = new Map<Block, boolean>()

  /** The list items of the list a list item belongs to: the run of list items around it in its section, in order. */
  listItems(item: Block): readonly Block[] {
    let run = this.runs.get(item)
    if (run === undefined) {
      const blocks = this.doc.blocks
      const at = this.blockIndex(item)
      if (at < 0 || item.kind !== 'list-item') return [item]
      let from = at
      while (from > 0 && blocks[from - 1]!.kind === 'list-item' && blocks[from - 1]!.section === item.section) from--
      let to = at
      while (to + 1 < blocks.length && blocks[to + 1]!.kind === 'list-item' && blocks[to + 1]!.section === item.section) to++
      run = blocks.slice(from, to + 1)
      for (const b of run) this.runs.set(b, run)
    }
    return run
  }
  private readonly runs = new Map<Block, readonly Block[]>()
  private readonly heads = new Map<Block, string>()
  private chatRoleMap: Map<string, Party> | undefined
  private readonly chatRolesOf = (): Map<string, Party> => (this.chatRoleMap ??= chatRoles(this.doc.blocks))

  // ---- stated metrics ----------------------------------------------------------------------------------------

  /** Response times stated per priority (for the response-times house maximum). */
  get statedResponseTimes(): readonly StatedResponse[] {
    // Reading: a time in a slot left to fill ("| P1 | [4 hours] |", "[1 hour?]") is a value still to confirm, as the clause
    // judge reads it: the house maximum reads only the times stated
    return (this.responses ??= statedResponseTimes(this.doc, (t) => this.values(withoutSlots(t)), this.texts.keepsBlocks ? this.keptIn : undefined, this.texts.keepsBlocks ? this.outlineTestOf : undefined))
  }

  /** Every stated response/resolution time per priority and uptime target, with its scope (for consistent-values). */
  get statedMetrics(): readonly Statement[] {
    return (this.metrics ??= statedMetrics(this.doc.blocks, (t) => this.values(t), this.texts.keepsBlocks ? this.keptIn : undefined, (b) => this.keyHeader(b)))
  }

  /** Fees, hourly rates, the term, the notice period and backup frequencies (for consistent-values), in the agreement's order. */
  get restatedValues(): readonly Restated[] {
    return (this.restated ??= restatedValues(this.doc.blocks, (t) => this.values(t), this.texts.keepsBlocks ? this.keptIn : undefined))
  }
  private restated: Restated[] | undefined

  /** Response or resolution times per priority rank, or for every priority (for the comparison with a template). */
  statedTimes(metric: TimeMetric): readonly StatedTime[] {
    let t = this.times.get(metric)
    if (!t) this.times.set(metric, (t = statedTimes(this.doc, metric, (x) => this.values(x))))
    return t
  }

  // ---- terms -------------------------------------------------------------------------------------------------

  /** Every match of the terms in the document's prose, one per overlapping span, in document order. */
  termHits(terms: readonly CompiledTerm[]): TermHit[] {
    // a cache that keeps block readings (an editor's) has the hits of every unchanged block
    const prose = this.wording
    return this.texts.keepsBlocks ? scanTermsKept(prose, terms, this.texts, this.keptColumn) : scanTerms(prose, terms)
  }

  /**
   * The prose the term scans read: the document's blocks, each list item's bold run-in title before its text (see
   * Block.title); the document's prose itself when no item has one.
   */
  private get wording(): Prose {
    if (this.wordingPass === undefined) {
      const blocks = this.doc.blocks
      let titled: Block[] | undefined
      for (let i = 0; i < blocks.length; i++) {
        const b = blocks[i]!
        if (b.title !== undefined) {
          titled ??= blocks.slice(0, i)
          const titles: Block[] = []
          for (let t: Block | undefined = b.title; t; t = t.title) titles.push(t)
          for (let k = titles.length - 1; k >= 0; k--) {
            titled.push(titles[k]!)
            this.titleOf.set(titles[k]!, b)
          }
        }
        titled?.push(b)
      }
      this.wordingPass = titled ? new Prose(titled) : this.prose
    }
    return this.wordingPass
  }
  private wordingPass: Prose | undefined
  /** Each list item's title block (see Block.title), by the item's text block it stands for in the document's blocks. */
  private readonly titleOf = new Map<Block, Block>()

  /**
   * Why a promise-like hit is not a promise by the provider (negated, a disclaimer, the customer's, mutual), if it is not.
   * Kept per block text when the cache keeps block readings (a re-lint would excuse every hit of every unchanged block
   * again): by the party names and the hit's place in the text, with the block's place (see excusePlace) and the
   * answers the document gave to what was asked about the block, and read again when either differs.
   */
  excused(hit: TermHit): Excuse {
    if (!this.texts.keepsBlocks) return excused(hit, this)
    const kept = this.blockReading(hit.block, (this.excuseKind ??= this.texts.kindOf(EXCUSES, this.partiesKey)), () => new Map<string, KeptExcuse>())
    const key = `${hit.start}\u0000${hit.end}`
    const place = excusePlace(hit.block)
    const was = kept.get(key)
    if (was !== undefined && was.place === place && excuseHolds(was.asked, hit.block, this)) return was.excuse
    const {excuse, asked} = excusedAsking(hit, this)
    if (asked) kept.set(key, {place, asked, excuse})
    else kept.delete(key)
    this.texts.blockReadings++
    return excuse
  }
  private excuseKind: object | undefined

  /**
   * Is the hit, written with capitals, part of the name of a product or a system ("the Peak Performance app", "an Always
   * On VPN fault"), by the evidence of the sentence or of the rest of the document?
   */
  inThingName(hit: TermHit): boolean {
    return inThingName(hit.sentence.text, hit.start - hit.sentence.start, hit.end - hit.sentence.start, hit.block.kind === 'heading', this.thingNamesOf)
  }

  /** The text with the names of products and systems written in capitals blanked out, offsets kept (see names.ts). */
  withoutThingNames(text: string, heading = false): string {
    return withoutThingNames(text, heading, this.thingNamesOf)
  }

  /** The names of things the document writes beside a product's or a system's word (each block's kept by its text). */
  private readonly thingNamesOf = (): ReadonlySet<string> =>
    this.own(THING_NAMES, () => new Set(this.blockColumn(THING_NAMES_OF_BLOCK, this.doc.blocks, thingNames).flat()))

  // ---- readings kept per block text ---------------------------------------------------------------------------

  /**
   * A reading of `block` that depends on its text alone, of one `kind` (a key the reader owns): when the cache keeps
   * block readings (an editor re-linting after an edit), made once per distinct text and kept for the next lint; else
   * made every time it is asked for.
   */
  blockReading<T>(block: Block, kind: unknown, make: () => T): T {
    const entry = this.entryOf(block)
    if (entry === null) return make()
    // one lookup for a kept reading; an undefined one (a reading may be undefined) is told from none by a second
    const kept = entry.get(kind)
    if (kept !== undefined || entry.has(kind)) return kept as T
    const value = make()
    this.texts.blockReadings++
    entry.set(kind, value)
    return value
  }
  /**
   * The readings of one `kind` of each of `blocks`, in order, as `blockReading(block, kind, () => make(block, i))` gives
   * them one by one (a reading of the block's text alone); undefined for a block that `only` (a test of the block's
   * kind and text) rejects, which is not read. When the cache keeps block readings, the column this document's last
   * lint read of the same kind is kept: the blocks before the first whose text or kind differs from its, and those after
   * the last, take their readings from it by place, and only the blocks between are looked up by their text, so that a
   * re-lint after an edit looks up the edited blocks alone rather than every block of the document.
   */
  blockColumn<T>(kind: object, blocks: readonly Block[], make: (block: Block, i: number) => T): readonly T[]
  blockColumn<T>(kind: object, blocks: readonly Block[], make: (block: Block, i: number) => T, only: (block: Block) => boolean): ReadonlyArray<T | undefined>
  blockColumn<T>(kind: object, blocks: readonly Block[], make: (block: Block, i: number) => T, only?: (block: Block) => boolean): ReadonlyArray<T | undefined> {
    if (!this.texts.keepsBlocks) return blocks.map((b, i) => (only && !only(b) ? undefined : make(b, i)))
    // (a document too long for its readings to be kept by place: by text alone)
    if (blocks.length > this.texts.placesKept) return blocks.map((b, i) => (only && !only(b) ? undefined : this.blockReading(b, kind, () => make(b, i))))
    // (the document's own blocks: placed once per lint for every column, see places)
    if (blocks === this.doc.blocks) return this.placedColumn(kind, make, only)
    const columns = (this.columnSet ??= this.texts.columns(this.doc.filePath)).columns
    // (a column read with another `only` holds other blocks' readings)
    const kept = columns.get(kind) as Column | undefined
    const last = kept && 'texts' in kept && kept.only === only ? kept : undefined
    const n = blocks.length
    const texts = new Array<string>(n)
    const kinds = new Array<Block['kind']>(n)
    const values = new Array<T | undefined>(n)
    let head = 0
    let tail = 0
    if (last) {
      const m = last.texts.length
      const most = Math.min(n, m)
      while (head < most && last.texts[head] === blocks[head]!.text && last.kinds[head] === blocks[head]!.kind) head++
      while (tail < most - head && last.texts[m - 1 - tail] === blocks[n - 1 - tail]!.text && last.kinds[m - 1 - tail] === blocks[n - 1 - tail]!.kind) tail++
      for (let i = 0; i < head; i++) {
        texts[i] = last.texts[i]!
        kinds[i] = last.kinds[i]!
        values[i] = last.values[i] as T | undefined
      }
      for (let i = n - tail, j = m - tail; i < n; i++, j++) {
        texts[i] = last.texts[j]!
        kinds[i] = last.kinds[j]!
        values[i] = last.values[j] as T | undefined
      }
    }
    for (let i = head; i < n - tail; i++) {
      const block = blocks[i]!
      texts[i] = block.text
      kinds[i] = block.kind
      values[i] = only && !only(block) ? undefined : this.blockReading(block, kind, () => make(block, i))
    }
    columns.set(kind, {texts, kinds, values, only})
    return values
  }
  private columnSet: FileColumns | undefined

  /**
   * Readings of one `kind` of the items of a list the document holds besides its blocks (the tree's marks), in order,
   * each of the item alone: when the cache keeps block readings, those of the last lint of the file are kept for the
   * items before the first that is not `same` as the last lint's at its place, and for those after the last, and `make`
   * reads the others; without kept block readings, `make` reads every item.
   */
  keptAlong<E, T>(kind: object, items: readonly E[], same: (a: E, b: E) => boolean, make: (item: E) => T): readonly T[] {
    if (!this.texts.keepsBlocks) return items.map((item) => make(item))
    const columns = (this.columnSet ??= this.texts.columns(this.doc.filePath)).columns
    const last = columns.get(kind) as ItemsColumn | undefined
    const was = last !== undefined && 'items' in last ? (last.items as readonly E[]) : []
    const n = items.length
    const m = was.length
    const most = Math.min(n, m)
    let head = 0
    while (head < most && same(was[head]!, items[head]!)) head++
    let tail = 0
    while (tail < most - head && same(was[m - 1 - tail]!, items[n - 1 - tail]!)) tail++
    const values = new Array<T>(n)
    for (let i = 0; i < n; i++) values[i] = i < head ? (last!.values[i] as T) : i >= n - tail ? (last!.values[i - n + m] as T) : make(items[i]!)
    columns.set(kind, {items, values})
    return values
  }

  /**
   * blockColumn of the document's blocks: a place that stands for a place of the last lint (see places: the same text
   * and kind) takes the reading kept there when the column was read by the last lint with the same `only`; any other
   * place is looked up by its text.
   */
  private placedColumn<T>(kind: object, make: (block: Block, i: number) => T, only: ((block: Block) => boolean) | undefined): ReadonlyArray<T | undefined> {
    const file = this.places
    const from = this.placeFrom!
    const last = file.columns.get(kind) as ValuesByPlace | undefined
    const kept = last !== undefined && 'placed' in last && last.lint === file.lint - 1 && last.only === only ? last.placed : undefined
    const blocks = this.doc.blocks
    const n = blocks.length
    const values = new Array<T | undefined>(n)
    for (let i = 0; i < n; i++) {
      const j = kept ? from[i]! : -1
      if (j >= 0) values[i] = kept![j] as T | undefined
      else {
        const block = blocks[i]!
        values[i] = only && !only(block) ? undefined : this.blockReading(block, kind, () => make(block, i))
      }
    }
    file.columns.set(kind, {lint: file.lint, placed: values, only})
    return values
  }

  /**
   * The readings of one `kind` (of a block's text alone, as blockReading keeps them) by the place of the block read, for
   * a reader that walks the document's places and reads a block at each (the block itself, or a view of it): `at(i,
   * block, make)` is `blockReading(block, kind, () => make(block))` for the block read at place `i`. When the cache
   * keeps block readings, what the last lint read at each place is kept: the places before the first block whose text or
   * kind an edit changed, and those after the last, are moved to their new places, and a reading is taken from its
   * place when the block read there has the same text and kind as the one it was read of; else it is looked up by text.
   */
  placeColumn<T>(kind: object): PlaceColumn<T> {
    let column = this.placeColumns.get(kind) as PlaceColumn<T> | undefined
    if (column) return column
    // (without kept readings, or for a document too long for its readings to be kept by place: by text alone)
    if (!this.texts.keepsBlocks || this.doc.blocks.length > this.texts.placesKept) column = new PlaceColumn<T>(this, kind, undefined)
    else {
      const file = this.places
      const last = file.columns.get(kind) as PlacedColumn | undefined
      const n = this.doc.blocks.length
      const slots = new Array<Placed | undefined>(n)
      if (last && 'slots' in last && last.lint === file.lint - 1) {
        const from = this.placeFrom!
        for (let i = 0; i < n; i++) {
          const j = from[i]!
          if (j >= 0) slots[i] = last.slots[j]
        }
      }
      file.columns.set(kind, {lint: file.lint, slots})
      column = new PlaceColumn<T>(this, kind, slots)
    }
    this.placeColumns.set(kind, column)
    return column
  }
  private readonly placeColumns = new Map<object, PlaceColumn<unknown>>()

  /**
   * Flags of one `kind` by the place of each block (0 where nothing is known), for a reader that notes of a block what
   * depends on its text and kind alone: kept as placeColumn keeps readings (a place before the first block whose text or
   * kind an edit changed, or after the last, has the flag noted at its place in the last lint; any other place 0), and
   * noted by the reader for the next lint. Undefined when the cache keeps no block readings, or for a document too long
   * for its readings to be kept by place.
   */
  placeFlags(kind: object): Uint8Array | undefined {
    if (!this.texts.keepsBlocks || this.doc.blocks.length > this.texts.placesKept) return undefined
    let flags = this.flagColumns.get(kind)
    if (flags) return flags
    const file = this.places
    const last = file.flags.get(kind)
    const n = this.doc.blocks.length
    flags = new Uint8Array(n)
    if (last && last.lint === file.lint - 1) {
      const from = this.placeFrom!
      for (let i = 0; i < n; i++) {
        const j = from[i]!
        if (j >= 0) flags[i] = last.flags[j]!
      }
    }
    file.flags.set(kind, {lint: file.lint, flags})
    this.flagColumns.set(kind, flags)
    return flags
  }
  private readonly flagColumns = new Map<object, Uint8Array>()

  /**
   * The file's columns with this document's blocks placed: which place of the last lint each place of this one stands
   * for (placeFrom: the blocks before the first whose text or kind differs, and after the last), once per lint.
   */
  private get places(): FileColumns {
    const file = (this.columnSet ??= this.texts.columns(this.doc.filePath))
    if (this.placeFrom === undefined) {
      const blocks = this.doc.blocks
      const n = blocks.length
      const texts = new Array<string>(n)
      const kinds = new Array<Block['kind']>(n)
      for (let i = 0; i < n; i++) {
        texts[i] = blocks[i]!.text
        kinds[i] = blocks[i]!.kind
      }
      const from = new Int32Array(n).fill(-1)
      const was = file.texts
      const wasKinds = file.kinds
      if (was && wasKinds) {
        const m = was.length
        const most = Math.min(n, m)
        let head = 0
        while (head < most && was[head] === texts[head] && wasKinds[head] === kinds[head]) head++
        let tail = 0
        while (tail < most - head && was[m - 1 - tail] === texts[n - 1 - tail] && wasKinds[m - 1 - tail] === kinds[n - 1 - tail]) tail++
        for (let i = 0; i < head; i++) from[i] = i
        for (let i = n - tail; i < n; i++) from[i] = i - n + m
      }
      file.texts = texts
      file.kinds = kinds
      file.lint++
      this.placeFrom = from
    }
    return file
  }
  private placeFrom: Int32Array | undefined

  /**
   * The readings kept for `block`'s text (null when the cache keeps none), looked up once per block and lint; the last
   * block asked about is answered without a lookup (the readers ask of one block, sentence by sentence, several times
   * in a row).
   */
  private entryOf(block: Block): Map<unknown, unknown> | null {
    if (block === this.lastBlock) return this.lastEntry
    let entry = this.blockEntries.get(block)
    if (entry === undefined) this.blockEntries.set(block, (entry = this.texts.blockEntry(block.text) ?? null))
    this.lastBlock = block
    this.lastEntry = entry
    return entry
  }
  private lastBlock: Block | undefined
  private lastEntry: Map<unknown, unknown> | null = null

  /**
   * A reading of a text of the document that is not a block's (a line of its source, a title) and depends on that text
   * alone, of one `kind`: kept like `blockReading`, made every time when the cache keeps no block readings.
   */
  textReading<T>(text: string, kind: unknown, make: () => T): T {
    const entry = this.texts.blockEntry(text)
    if (!entry) return make()
    const kept = entry.get(kind)
    if (kept !== undefined || entry.has(kind)) return kept as T
    const value = make()
    this.texts.blockReadings++
    entry.set(kind, value)
    return value
  }
  /**
   * A reading of `block` that depends on its text and on document-wide inputs: `inputs` is their token
   * (`inputsToken`). Kept like `blockReading`, and made again when the inputs have changed since it was kept.
   */
  blockReadingWith<T>(block: Block, kind: unknown, inputs: object, make: () => T): T {
    if (!this.texts.keepsBlocks) return make()
    const kept = this.blockReading(block, kind, () => ({inputs, value: make()}))
    if (kept.inputs === inputs) return kept.value
    kept.inputs = inputs
    kept.value = make()
    this.texts.blockReadings++
    return kept.value
  }

  /**
   * A reading of `block` that depends on its text and on the answers to the questions it asks of document-wide inputs:
   * `make` reads it and notes what it `asked` (each question with its answer), `inputs` is the token of those inputs
   * (`inputsToken`). Kept like `blockReadingWith`; when the token has changed since it was kept, the kept reading still
   * stands if `holds(asked)` finds every question answered as it was, and is made again only if not. A reading that
   * asks about a few of the inputs (a handful of the defined terms, of the headings) is then read again only when an edit
   * changes an answer it depends on, not whenever any of the inputs changes.
   */
  blockReadingAsked<T, A>(block: Block, kind: unknown, inputs: object, make: () => {value: T; asked: A}, holds: (asked: A) => boolean): T {
    if (!this.texts.keepsBlocks) return make().value
    const kept = this.blockReading(block, kind, () => ({inputs, ...make()}))
    if (kept.inputs === inputs) return kept.value
    if (!holds(kept.asked)) {
      const made = make()
      kept.value = made.value
      kept.asked = made.asked
      this.texts.blockReadings++
    }
    kept.inputs = inputs
    return kept.value
  }

  /**
   * The token of a kind of reading's document-wide inputs (`digest`, a string that changes when they do), for
   * `blockReadingWith`; only the latest is kept per kind and file.
   */
  inputsToken(name: string, digest: string): object {
    return this.texts.inputs(`${name}\u0000${this.doc.filePath}`, digest)
  }

  /**
   * A reading by `owner` (a clause's compiled patterns) of the document's outline alone: each section's kind, title,
   * path, parent and children, which section is the document's title and that title's heading as written, and the names
   * the agreement gives its parties (see outlineDigest). Kept across the lints of a file while the outline reads the
   * same (an edit within a paragraph leaves it so), made once per lint otherwise; `make` must read nothing else of the
   * document, and give what holds none of its objects (the places of sections, not the sections).
   */
  outlineReading<T>(owner: object, make: () => T): T {
    if (!this.texts.keepsBlocks) return make()
    const token = (this.outlineToken ??= this.inputsToken(OUTLINE, outlineDigest(this.doc, this.partiesKey, (this.sectionPlaces ??= placesOf(this.doc.sections)))))
    return this.texts.byInputs(token, owner, make)
  }
  private outlineToken: object | undefined

  /**
   * A test of sections by `owner` that reads the outline alone (a section's kind, title, path, parent and children; see
   * outlineReading), as a function of the section: in an editor, every section's answer is kept while the outline reads
   * the same, so a re-lint after an edit within a paragraph asks nothing again; without kept readings, `test` itself.
   */
  outlineTest(owner: object, test: (section: Section) => boolean): (section: Section) => boolean {
    if (!this.texts.keepsBlocks) return test
    const answers = this.outlineReading(owner, () => this.doc.sections.map(test))
    const places = (this.sectionPlaces ??= placesOf(this.doc.sections))
    return (section) => {
      const i = places.get(section)
      return i === undefined ? test(section) : answers[i]!
    }
  }
  private readonly outlineTestOf = (owner: object, test: (section: Section) => boolean): ((section: Section) => boolean) => this.outlineTest(owner, test)
  private sectionPlaces: Map<Section, number> | undefined

  /** Each section's place among the document's sections (its index in `doc.sections`), once per document for every rule. */
  get sectionPlace(): ReadonlyMap<Section, number> {
    return (this.sectionPlaces ??= placesOf(this.doc.sections))
  }

  /**
   * A reading of `block` that depends on its text and on `context` (a string saying what else it reads: its kind, its
   * section's title): kept like blockReading, and made again when the block that asks was read in another context.
   */
  blockReadingIn<T>(block: Block, kind: object, context: string, make: () => T): T {
    if (!this.texts.keepsBlocks) return make()
    const kept = this.blockReading(block, kind, () => ({context, value: make()}))
    if (kept.context !== context) {
      kept.context = context
      kept.value = make()
      this.texts.blockReadings++
    }
    return kept.value
  }
  /** blockReadingIn, taken by place (see placeColumn) for a block of the document. */
  private readonly keptIn = <T>(block: Block, kind: object, context: string, make: () => T): T => {
    const i = this.placeOf(block)
    if (i < 0) return this.blockReadingIn(block, kind, context, make)
    return this.placeColumn<T>(kind).at(i, block, () => this.blockReadingIn(block, kind, context, make), context)
  }

  /**
   * The place of `block` among the document's blocks, -1 for a block not among them: the readers that keep readings in
   * context walk the blocks in order, so the place after the last one asked is tried first.
   */
  private placeOf(block: Block): number {
    const blocks = this.doc.blocks
    const at = this.cursor
    if (blocks[at] === block) return at
    if (blocks[at + 1] === block) return (this.cursor = at + 1)
    const i = this.firstIndex(block)
    if (i < 0 || blocks[i] !== block) return -1
    return (this.cursor = i)
  }
  private cursor = 0

  private readonly keptColumn = <T>(kind: object, blocks: readonly Block[], make: (block: Block, i: number) => T): readonly T[] => this.blockColumn(kind, blocks, make)
  private readonly vocabularyKept: VocabularyKept = {
    outline: (owner, make) => this.outlineReading(owner, make),
    along: (kind, items, same, make) => this.keptAlong(this.texts.kind(kind), items, same, make),
  }
  private readonly keptNamed = <T>(block: Block, name: string, make: () => T): T => this.blockReading(block, this.texts.kind(name), make)
  /**
   * A reading of a kind named by what it reads besides the text (see collectDefinitions), taken by place (see
   * placeColumn) in the column of its `family`, the name its context.
   */
  private keptNamedAt<T>(family: object, block: Block, name: string, make: () => T): T {
    const i = this.placeOf(block)
    if (i < 0) return this.keptNamed(block, name, make)
    return this.placeColumn<T>(family).at(i, block, () => this.keptNamed(block, name, make), name)
  }
  private readonly keptDefinitions = <T>(block: Block, name: string, make: () => T): T => this.keptNamedAt(DEFINITIONS_PLACES, block, name, make)
  private readonly keptVocabulary = <T>(block: Block, name: string, make: () => T): T => this.keptNamedAt(name === COMPANY_NAMES ? COMPANY_PLACES : VOCABULARY_PLACES, block, name, make)

  /**
   * Does `re` match unit `k` of `block`: its k-th sentence, or its whole text when k < 0? Kept per block text when the
   * cache keeps block readings (every clause rule tests its topic on every sentence). A global or sticky pattern, which
   * keeps state between tests, is tested afresh each time.
   */
  unitMatches(re: RegExp, block: Block, k: number): boolean {
    if (re.global || re.sticky || !this.texts.keepsBlocks) return re.test(k < 0 ? block.text : block.sentences[k]!.text)
    // as unitPasses, with the test written out (no function made per call)
    const marks = this.keptMarks(block, re)
    if (marks[k + 1] === 0) {
      marks[k + 1] = re.test(k < 0 ? block.text : block.sentences[k]!.text) ? 2 : 1
      this.texts.blockReadings++
    }
    return marks[k + 1] === 2
  }

  /** The marks of a test of one `kind` on the units of `block`, kept per block text (the cache keeps block readings). */
  private keptMarks(block: Block, kind: unknown): Int8Array {
    const entry = this.entryOf(block)!
    let marks = entry.get(kind) as Int8Array | undefined
    if (marks === undefined) {
      entry.set(kind, (marks = new Int8Array(block.sentences.length + 1)))
      this.texts.blockReadings++
    }
    return marks
  }

  /**
   * Does unit `k` of `block` (its k-th sentence, or its whole text when k < 0) pass `test`, a test of one `kind` (a key
   * the caller owns) that reads the unit's text alone? Kept per block text when the cache keeps block readings.
   */
  unitPasses(kind: unknown, block: Block, k: number, test: () => boolean): boolean {
    if (!this.texts.keepsBlocks) return test()
    // per unit: 0 not yet tested, 1 no, 2 yes
    const marks = this.keptMarks(block, kind)
    if (marks[k + 1] === 0) {
      marks[k + 1] = test() ? 2 : 1
      this.texts.blockReadings++
    }
    return marks[k + 1] === 2
  }

  /**
   * The marks of a test of one `kind` on the units of each of `blocks` (see unitMarks), as a column (see blockColumn),
   * for unitMatchesIn and unitPassesIn; undefined when the cache keeps no block readings, or for a global or sticky
   * pattern. `only`: see blockColumn (a block it rejects has no marks).
   */
  unitMarksColumn(kind: object, blocks: readonly Block[], only?: (block: Block) => boolean): ReadonlyArray<Int8Array | undefined> | undefined {
    const pattern = kind as {readonly global?: boolean; readonly sticky?: boolean}
    if (!this.texts.keepsBlocks || pattern.global || pattern.sticky) return undefined
    return only ? this.blockColumn(kind, blocks, unitMarksFor, only) : this.blockColumn(kind, blocks, unitMarksFor)
  }

  /**
   * unitMatches for block `i` of a column's blocks (see unitMarksColumn, whose kind `re` must be): does `re` match unit
   * `k` of `block`, its k-th sentence, or its whole text when k < 0?
   */
  unitMatchesIn(marks: ReadonlyArray<Int8Array | undefined> | undefined, i: number, re: RegExp, block: Block, k: number): boolean {
    const m = marks?.[i]
    if (m === undefined) return re.test(k < 0 ? block.text : block.sentences[k]!.text)
    if (m[k + 1] === 0) {
      m[k + 1] = re.test(k < 0 ? block.text : block.sentences[k]!.text) ? 2 : 1
      this.texts.blockReadings++
    }
    return m[k + 1] === 2
  }

  /** unitPasses for block `i` of a column's blocks (see unitMarksColumn, whose kind the test's must be). */
  unitPassesIn(marks: ReadonlyArray<Int8Array | undefined> | undefined, i: number, k: number, test: () => boolean): boolean {
    const m = marks?.[i]
    if (m === undefined) return test()
    if (m[k + 1] === 0) {
      m[k + 1] = test() ? 2 : 1
      this.texts.blockReadings++
    }
    return m[k + 1] === 2
  }

  /**
   * The marks of a test of one `kind` on the units of `block` (at 0 its whole text, at k + 1 its k-th sentence: 0 not
   * yet tested, 1 no, 2 yes), kept per block text; undefined when the cache keeps no block readings, or for a global
   * or sticky pattern (which keeps state between tests). The caller tests and marks.
   */
  unitMarks(block: Block, kind: unknown): Int8Array | undefined {
    const pattern = kind as {readonly global?: boolean; readonly sticky?: boolean}
    if (!this.texts.keepsBlocks || pattern.global || pattern.sticky) return undefined
    const entry = this.entryOf(block)
    if (entry === null) return undefined
    let marks = entry.get(kind) as Int8Array | undefined
    if (marks === undefined) {
      entry.set(kind, (marks = new Int8Array(block.sentences.length + 1)))
    }
    return marks
  }

  // ---- the clause finder's walk ------------------------------------------------------------------------------

  /**
   * What the clause finder reads of block `i` before any clause's patterns: its bold label (and whether it is only that
   * label), the question it answers, and the block with its terse forms in full; HEADING_VIEW for a heading, and a view
   * without a block for an unticked option. Once per document, for every clause rule.
   */
  finderView(i: number): FinderView {
    let v = this.views[i]
    if (v === undefined) {
      const written = this.doc.blocks[i]!
      if (written.kind === 'heading') v = HEADING_VIEW
      else if (this.isUnticked(written)) v = UNTICKED_VIEW
      else {
        // (a bold label, or a plain run-in title: "How fast we respond. We will …")
        const label = this.leadLabel(written) ?? runInTitle(written)
        const labelOnly = label !== undefined && written.kind === 'paragraph' && written.text.replace(/[\s.:;,?!–—-]+$/, '').trim().replace(/^[*_]+|[*_]+$/g, '') === label.replace(/[?!]+$/, '')
        const block = this.inFull(written)
        v = {label, labelOnly, question: this.questionOf(i), answers: inlineAnswers(block), block}
      }
      this.views[i] = v
    }
    return v
  }
  private readonly views: Array<FinderView | undefined> = []

  // ---- the prose pass ----------------------------------------------------------------------------------------

  /** The document's prose, walked once for every rule: blocks lower-cased, the blocks that hold each literal. */
  get prose(): Prose {
    return (this.prosePass ??= new Prose(this.doc.blocks))
  }

  /** Indices (ascending) of the blocks whose text contains `literal`, as written (`exact`) or lower-cased (give it in lower case). */
  blocksWith(literal: string, exact = false): readonly number[] {
    return this.prose.blocksWith(literal, exact)
  }


  // ---- a rule's own readings ---------------------------------------------------------------------------------

  /**
   * A rule's own per-document reading, computed once: `key` is an object the rule owns (so two rules never share an
   * entry), `make` builds the value on first use. Kept with this Reading and dropped with it.
   */
  own<T>(key: object, make: () => T): T {
    if (this.scratch.has(key)) return this.scratch.get(key) as T
    const value = make()
    this.scratch.set(key, value)
    return value
  }
}

/** The name of the inputs of the readings of a document's outline (see Reading.outlineReading). */
const OUTLINE = 'the outline'

/**
 * What a reading of a document's outline may read (see Reading.outlineReading), as one string: per section its kind,
 * title, path, parent and children (by their places in the list of sections), which section is the document's title and
 * its heading as written, and the party names.
 */
function outlineDigest(doc: Document, partiesKey: string, place: ReadonlyMap<Section, number>): string {
  const sections = doc.sections
  const at = (s: Section | undefined): number => (s === undefined ? -1 : (place.get(s) ?? -2))
  const parts = sections.map((s) => `${s.kind}\u0001${s.title}\u0001${at(s.parent)}\u0001${s.children.map(at).join(',')}\u0001${s.path.join('\u0002')}`)
  const title = doc.title ? doc.source.slice(doc.title.headingPosition.start.offset, doc.title.headingPosition.end.offset) : ''
  return `${at(doc.title)}\u0000${title}\u0000${partiesKey}\u0000${parts.join('\u0000')}`
}

/** The place of each section in a list of sections. */
function placesOf(sections: readonly Section[]): Map<Section, number> {
  const place = new Map<Section, number>()
  sections.forEach((s, i) => place.set(s, i))
  return place
}

/** The readings of one kind by the place of the block read (see Reading.placeColumn). */
export class PlaceColumn<T> {
  constructor(
    private readonly reading: Reading,
    private readonly kind: object,
    private readonly slots: Array<Placed | undefined> | undefined,
  ) {}

  /**
   * The reading of `block`, read at place `i` (see Reading.placeColumn). With a `context` (what else the reading reads,
   * see Reading.blockReadingIn), taken from its place only when read there in the same context, and made by `make`
   * otherwise (which keeps it per text itself).
   */
  at(i: number, block: Block, make: (block: Block) => T, context?: string): T {
    const slots = this.slots
    if (slots === undefined) return context === undefined ? this.reading.blockReading(block, this.kind, () => make(block)) : make(block)
    const kept = slots[i]
    if (kept !== undefined && kept.text === block.text && kept.kind === block.kind && kept.context === context) return kept.value as T
    const value = context === undefined ? this.reading.blockReading(block, this.kind, () => make(block)) : make(block)
    slots[i] = {text: block.text, kind: block.kind, context, value}
    return value
  }
}

/** Marks of a test not yet made on each unit of a block (see Reading.unitMarks). */
const unitMarksFor = (block: Block): Int8Array => new Int8Array(block.sentences.length + 1)

/** The flags by place of the blocks the party names' passes over the whole text look for (see Reading.keptParties). */
const PARTY_ASKS = {name: 'parties: a block the passes over the whole text look for'}
/** Do two lists of titles (titlesRead) hold the same titles of duties, the ones titledKinds reads? */
function sameDutyTitles(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === b.length && a.every((t, i) => t === b[i])) return true
  const x = dutyTitlesOf(a)
  const y = dutyTitlesOf(b)
  return x.length === y.length && x.every((t, i) => t === y[i])
}
/** The front matter's names of the parties, as one string (what partyNames reads of it). */
function frontParties(doc: Document): string {
  const fm = doc.frontmatter
  return JSON.stringify(['provider', 'customer', 'client'].map((k) => (typeof fm[k] === 'string' ? fm[k] : null)))
}

/** The key of the names of things the document writes beside a product's or a system's word (see Reading.inThingName). */
const THING_NAMES = {name: 'names of things'}
/** The kind of block reading that holds the names of things one block writes (see names.ts thingNames). */
const THING_NAMES_OF_BLOCK = {name: 'names of things in a block'}
const ALIASES_OF_BLOCK = {name: 'short names of documents in a block'}

/** The columns of the definitions and vocabulary readings of each place (see Reading.keptNamedAt). */
const DEFINITIONS_PLACES = {name: 'definitions of a block, by place'}
const VOCABULARY_PLACES = {name: 'vocabulary of a block, by place'}
const COMPANY_PLACES = {name: 'names of companies in a block, by place'}

/** The kind of block reading that says whether a block's text holds a terse form (see Reading.inFull). */
const HAS_TERSE = {name: 'terse: the text holds a terse form'}
/** The excuses of a block's term hits (see Reading.excused), by the party names. */
const EXCUSES = {name: 'terms: the excuses of the hits'}
interface KeptExcuse {
  readonly place: string
  readonly asked: readonly AskedExcuse[]
  readonly excuse: Excuse
}

/** The clause finder's view of one block (see Reading.finderView). */
export interface FinderView {
  readonly label: string | undefined
  /** The block is a paragraph that is only its bold label ("**Backups**"), which titles the blocks after it. */
  readonly labelOnly: boolean
  readonly question: string | undefined
  /** In a Q/A written in one paragraph, the question each of the block's sentences answers (see inlineAnswers). */
  readonly answers: ReadonlyArray<string | undefined> | undefined
  /** The block with its terse forms in full; undefined for a heading and an unticked option, which hold no clause. */
  readonly block: Block | undefined
}
/** The view of every heading. */
export const HEADING_VIEW: FinderView = {label: undefined, labelOnly: false, question: undefined, answers: undefined, block: undefined}
const UNTICKED_VIEW: FinderView = {label: undefined, labelOnly: false, question: undefined, answers: undefined, block: undefined}

/**
 * Read a document: the Reading every rule of one lint shares. `texts`: the caller's cache of answers per text, kept
 * across the documents it lints (without one, nothing is kept past this document).
 */
export function read(doc: Document, texts?: TextCache): Reading {
  return new Reading(doc, texts)
}

export {TextCache} from './texts.js'

export type {Party} from './parties.js'
export type {Values} from './values/index.js'
export type {CompiledTerm, Term, TermHit} from './terms.js'
export type {Prose} from './sentences.js'
export type {DelegationHit} from './delegation.js'
export type {ListContext} from './lists.js'
export type {Pointer, Reached} from './pointers.js'
export type {Statement, StatedResponse, StatedTime, TimeMetric} from './metrics.js'
export type {DefinitionSite, Vocabulary} from './definitions.js'
