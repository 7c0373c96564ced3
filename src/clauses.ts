// The clause finder: locate where an agreement addresses a clause and decide present / vague / missing / delegated.
import {excerpt, needs, patternsGuarded, testAtWordStarts} from './text.js'
import {subtreeBlocks} from './document.js'
import {HEADING_VIEW, read, type Party, type Reading} from './reading/index.js'
import type {Names, TitleRoles} from './reading/reach.js'
import {definedBefore, namesMatter, sentByPredicate, sentMatter, statedContents, targetName, type DelegationHit} from './reading/delegation.js'
import {phraseSource} from './reading/phrases.js'
import type {JsonSchema, Report, Rule, RuleContext, RuleOptions, RuleOptionsMeta} from './rule.js'
import type {Block, Document, Outcome, Section} from './types.js'
import type {Pointer} from './reading/pointers.js'
import type {Values} from './reading/values/index.js'
import {isPlaybookClause, PLAYBOOK_MESSAGES, reviewPlaybook, withPlaybookOption} from './compare/playbook.js'
import {LinearRegExp} from './user-regex.js'
import {expandTitle, toRaw} from './reading/terse.js'
import {rowWithoutTitles} from './reading/wording.js'

/** Heading synonyms and body patterns for one clause, kept as data in `rules/data/clauses.json`. */
export interface ClauseData {
  /** Section titles that are the clause's own home (regex sources, case-insensitive). */
  readonly headings: readonly string[]
  /** Body text that addresses the clause wherever it sits (regex source, case-insensitive). */
  readonly topic: string
  /** Section titles that should hold the clause when it is missing (where to report it). */
  readonly parents?: readonly string[]
  /** Section titles that look like a home but are not (e.g. SLA "Exclusions" from downtime); tested on the whole path. */
  readonly notHeadings?: readonly string[]
  /**
   * A wider subject the clause belongs to ("support"): when the agreement puts that subject in another
   * document and says nothing of the clause itself, the clause is delegated there.
   */
  readonly umbrella?: string
  /**
   * How an item of a list of terms names the clause ("the fix times", "the exclusions"): when a sentence keeps such a
   * list as set out in another document, the clause one of its items names is delegated there.
   */
  readonly listItem?: string
  /** More home titles written by users (the `headings` option): matched by RE2, in linear time. */
  readonly userHeadings?: readonly string[]
  /** Every pattern here was written by a user (a YAML custom rule): all are matched by RE2, in linear time. */
  readonly linear?: boolean
  /** A reading of a title's structure that makes it the clause's home whatever its words ("What we won't do"). */
  readonly homeTitle?: (title: string, names?: Names) => boolean
  /** A reading of a title's structure that makes it a look-alike whatever its words ("F. Ironwood's Obligations"). */
  readonly notHomeTitle?: (title: string, names?: Names) => boolean
}

/** A sentence (or a whole table row) considered for a clause. */
export interface Unit {
  readonly block: Block
  /** Offsets of `text` in the block's text. */
  readonly start: number
  readonly end: number
  readonly text: string
  /** The unit sits in a section whose title names this clause. */
  readonly inHome: boolean
  /** The following sentence of the same block, for statements split over two sentences. */
  readonly next: string
  /** For a list item: the sentence that introduced the list ("… each measured per calendar month:"). */
  readonly intro?: string
}

export interface Verdict {
  readonly outcome: Exclude<Outcome, 'missing'>
  /** Range relative to the unit's text (defaults to the whole unit). */
  readonly start?: number
  readonly end?: number
  /** Where the value lives when delegated ("Order Form"). */
  readonly target?: string
  /** Extra detail for the message ("no time zone"). */
  readonly detail?: string
}

export interface Finding {
  readonly outcome: Outcome
  readonly unit?: Unit
  readonly section?: Section
  readonly verdict?: Verdict
}

export interface Reader<Options extends object = RuleOptions> {
  readonly doc: Document
  /** The document's Reading (typed values, parties, definitions, list context, …), shared by every rule. */
  readonly reading: Reading
  /** Which party the statement at `index` of the unit binds. */
  party(unit: Unit, index?: number): Party
  /** Is this unit (or its block) in a section whose title matches? */
  underHeading(unit: Unit, re: RegExp): boolean
  /**
   * The delegation in a unit's text, if any; variables only count when their name matches `topic`. A link whose words
   * before it match `sendsOther` ("the items outside the Services are listed in …") sends something else.
   */
  delegated(unit: Unit, topic?: RegExp, sendsOther?: RegExp): Verdict | undefined
  /** The home sections of the clause being judged. */
  readonly homes: readonly Section[]
  /** The first home whose path the section's path starts with (see homeFinder). */
  homeOf(section: Section): Section | undefined
  /** The rule's options (`context.options`), for judges whose reading depends on them. */
  readonly options: Readonly<Options>
}

/** The messages every clause rule has: the three outcomes it reports. */
export interface ClauseMessages {
  readonly missing: string
  readonly vague: string
  readonly delegated: string
}

/** The option every clause rule takes: more heading synonyms. */
export type ClauseOptions = {readonly headings: readonly string[]}

/**
 * A clause rule's spec. `Messages` are its message templates (the three outcomes, plus any its `review` reports: a
 * message id that is not among them does not compile); `Options` is the type of its own options (see ruleOptions).
 */
export interface ClauseRuleSpec<Messages extends ClauseMessages = ClauseMessages, Options extends RuleOptions = RuleOptions> {
  readonly id: string
  readonly description: string
  readonly data: ClauseData
  /** What to write, for the missing message ("list what the agreement does not cover…"); more for `review`. */
  readonly messages: Messages
  /** The rule's own options (every clause rule also takes `headings`, see clauseOptions). */
  readonly options?: RuleOptionsMeta<Options>
  /** A check that runs after the clause judgement, with the rule's options (house maximums and the like). */
  review?(finding: Finding, context: RuleContext<keyof Messages & string, Options & ClauseOptions>): void
  /** Judge one unit: undefined when it does not address the clause. */
  judge(unit: Unit, reader: Reader<Options & ClauseOptions>): Verdict | undefined
  /**
   * Plain wording that addresses the clause but that its topic pattern cannot know (a statement that binds the
   * customer by the name the agreement gives it): a unit is judged when its topic or this matches.
   */
  mentions?(text: string, reader: Reader<Options & ClauseOptions>, block: Block): boolean
  /**
   * What `mentions` reads besides nothing else: `text` (the sentence alone) or `text and names` (the sentence and the
   * names the agreement gives its parties). A rule that declares it has each answer kept per sentence text while the
   * cache keeps block readings (an editor's re-lint asks again only of the sentences that changed); leave it out when
   * `mentions` reads the block, its neighbours or anything else of the document.
   */
  readonly mentionsReads?: 'text' | 'text and names'
  /**
   * Wording that addresses the clause read in the sentence alone, for a rule whose `mentions` also reads the document
   * (the block's list, its table): a unit is judged when its topic, this or `mentions` matches. Each answer is kept per
   * sentence text while the cache keeps block readings, so an editor's re-lint asks it again only of the sentences an
   * edit changed, and asks `mentions` only where this does not match.
   */
  mentionsText?(text: string): boolean
  /**
   * Text in a home section that speaks of something else than the clause (in an "Equipment" section, how hardware is
   * bought and priced, for failure responsibility; under "Exclusions", the kinds of downtime a service level does not
   * count, for excluded services): it does not make the home vague when nothing else there does. `block` is the block
   * the text is, for an aside read with what introduces it.
   */
  aside?(text: string, block: Block): boolean
  /** Judge a home section as a whole (lists, tables), before its sentences. */
  judgeSection?(section: Section, blocks: readonly Block[], reader: Reader<Options & ClauseOptions>): Verdict | undefined
  /**
   * The clauses this one belongs beside, in order (priority levels beside the response times): when this clause is
   * missing and has no empty home, and the agreement states one of them, the finding is reported at the section that
   * holds that statement (see besideSection).
   */
  readonly beside?: readonly BesideClause[]
}

/** A clause rule another clause belongs beside: its search, and the defaults of its options (the search is made with them). */
export type BesideClause = ClauseFinder & {readonly meta: {readonly options?: RuleOptionsMeta<object>}}

const RANK: Record<Exclude<Outcome, 'missing'>, number> = {present: 3, delegated: 2, vague: 1}

/** A clause's data as regular expressions (a clause rule compiles its data once, when it is made). */
export interface CompiledClause {
  readonly headings: RegExp
  /** The same test, with titles read by their roles through `roles` (a document's, which reads each title once). */
  readonly headingsBy: (roles: TitleRoles) => RegExp
  readonly topic: RegExp
  /**
   * The topic for `test` alone, true on the same texts: a built-in topic with its word alternatives under one word
   * boundary (testAtWordStarts), so that its long list of words is tried where a word starts, not at every character;
   * the finder tests every sentence of a document with it until the clause is found. A user's topic as it is, and any
   * topic in a run of one short text (patterns guarded: see guardPatterns), where compiling the second form costs more
   * than it saves.
   */
  readonly topicTest: RegExp
  readonly parents: RegExp | undefined
  /** The parent titles one by one, in the order of preference the data gives them. */
  readonly parentList: readonly RegExp[]
  readonly notHeadings: RegExp | undefined
  readonly umbrella: RegExp | undefined
  readonly listItem: RegExp | undefined
}

/** Compile a clause's data: built-in patterns as V8 regular expressions, patterns written by users matched by RE2. */
export function compileClause(data: ClauseData): CompiledClause {
  const make = (source: string): RegExp => (data.linear ? new LinearRegExp(source, 'i') : new RegExp(source, 'i'))
  const any = (list: readonly string[] | undefined) => (list && list.length ? make(list.map((s) => `(?:${s})`).join('|')) : undefined)
  const listed = any(data.headings)!
  const user = data.userHeadings?.length ? new LinearRegExp(data.userHeadings.map((s) => `(?:${s})`).join('|'), 'i') : undefined
  const homeTitle = data.homeTitle
  const headings = (reads: ((title: string) => boolean) | undefined): RegExp => {
    const builtin = reads ? orTitle(listed, reads) : listed
    return user ? eitherOf(builtin, user) : builtin
  }
  const topic = make(data.topic)
  let regrouped: RegExp | undefined
  return {
    headings: headings(homeTitle && ((title) => homeTitle(title))),
    headingsBy: (roles) => (homeTitle ? headings((title) => homeTitle(title, roles)) : headings(undefined)),
    topic,
    // in a run of one short text (patterns guarded) the topic as written: the rules run it too, and a second form would
    // be compiled for the few texts of that run (resolution-times' topic: ~2 ms of compilation, more than its tests cost)
    get topicTest() {
      return data.linear || patternsGuarded() ? topic : (regrouped ??= testAtWordStarts(topic))
    },
    parents: any(data.parents),
    parentList: (data.parents ?? []).map(make),
    notHeadings: any(data.notHeadings),
    umbrella: data.umbrella ? new RegExp(data.umbrella, 'i') : undefined,
    listItem: data.listItem ? make(data.listItem) : undefined,
  }
}

/** A pattern matching where either matches (for test()): the built-in titles and the user's, each in its own engine. */
function eitherOf(a: RegExp, b: RegExp): RegExp {
  return {
    test: (text: string) => a.test(text) || b.test(text),
    source: `${a.source}|${b.source}`,
  } as RegExp
}

/** A pattern (for test()) matching the listed titles and the titles a structural reading accepts. */
function orTitle(a: RegExp, reads: (title: string) => boolean): RegExp {
  return {test: (text: string) => a.test(text) || reads(text), source: a.source} as RegExp
}

/**
 * Units of a block: each sentence, or the whole row for a table row. `after` is the text of the list or
 * table that the block's last sentence introduces ("within the following times:"), if any.
 */
export function unitsOf(block: Block, inHome: boolean, after = ''): Unit[] {
  if (block.kind === 'table-row' || block.sentences.length <= 1) {
    return [{block, start: 0, end: block.text.length, text: block.text, inHome, next: after}]
  }
  const last = block.sentences.length - 1
  return block.sentences.map((s, i) => ({block, start: s.start, end: s.end, text: s.text, inHome, next: block.sentences[i + 1]?.text ?? (i === last ? after : '')}))
}

/**
 * The questions a judge asks of the document beyond its unit, by name (see keptJudgement). Each answer is a value of its
 * own (a string, a number, a boolean, a verdict, a pattern, or undefined), never an object of the document.
 */
export type JudgeQuestions = Readonly<Record<string, (...args: never[]) => unknown>>

/** A question as asked: its name, its arguments and the answer it had. */
interface AskedQuestion {
  readonly name: string
  readonly args: readonly unknown[]
  readonly answer: unknown
}
/** A verdict kept with the unit it was read of and the questions its judge asked, with their answers. */
interface KeptJudgement {
  readonly kind: string
  readonly end: number
  readonly inHome: boolean
  readonly text: string
  readonly next: string
  readonly intro: string | undefined
  readonly asked: readonly AskedQuestion[]
  readonly verdict: Verdict | undefined
}
/**
 * How many units starting at one place of a text a block keeps verdicts for, the oldest let go first: one text may stand
 * in several places, each read with its own next sentence or lead-in ("The Client will:" before each of its lists).
 */
const JUDGEMENTS_PER_PLACE = 16

/** Are two answers to one question the same: one value, a pattern of the same source and flags, or a verdict of the same fields. */
function sameAnswer(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof RegExp || b instanceof RegExp) return a instanceof RegExp && b instanceof RegExp && a.source === b.source && a.flags === b.flags
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k])
}


/** What a pointer at stated times names: "the times", "the periods", "the targets" ("within the times in the table below"). */
const TIME_NOUN = /^(?:times|periods|time ?frames|timescales|targets|deadlines)$/
const NO_CELLS = {}

/**
 * keptJudgement for a judge of times (response-times, resolution-times), whose text readings are the reading's: the
 * values a text states, a pointer after a noun of times, and the topic's scope read of the text alone (outside a row
 * of cells).
 */
export function keptTimedJudgement<Q extends JudgeQuestions>(
  kind: object,
  unit: Unit,
  reader: Reader,
  questions: Q,
  topic: RegExp,
  judge: (unit: Unit, ask: Q, valuesOf: (text: string) => Values, pointerAfter: (text: string, at: number) => Pointer | undefined, scopedOf: (text: string) => string) => Verdict | undefined,
): Verdict | undefined {
  return keptJudgement(kind, unit, reader.reading, questions, (ask) =>
    judge(
      unit,
      ask,
      (text) => reader.reading.values(text),
      (text, at) => reader.reading.pointerAfter(text, at, TIME_NOUN),
      (text) => reader.reading.scoped({text, block: NO_CELLS}, topic),
    ),
  )
}
/**
 * A judge's verdict on `unit`, kept in an editor with the questions the judge asked of the document. `judge` must read the
 * unit's text, `inHome`, `next` and `intro`, what depends on a text alone (its typed values, patterns) and the rule's
 * constants, and the document only through `ask`, a set of `questions` whose answers are noted as it asks them. When the
 * cache keeps block readings, the verdict is kept with the block's text (Reading.blockReading), by the unit's offsets,
 * text, block kind, home, next sentence and lead-in; a re-lint that meets the same unit asks the noted questions again,
 * of the document as it now is, and takes the kept verdict when every answer is the same (the judge, given the same unit
 * and the same answers, reads the same verdict), and judges the unit again otherwise. Without kept readings, the judge
 * asks `questions` directly.
 */
export function keptJudgement<Q extends JudgeQuestions>(kind: object, unit: Unit, reading: Reading, questions: Q, judge: (ask: Q) => Verdict | undefined): Verdict | undefined {
  if (!reading.texts.keepsBlocks) return judge(questions)
  // by the unit's start in the block, each place with the few units read there (compared field by field: no key is built)
  const kept = reading.blockReading(unit.block, kind, () => new Map<number, KeptJudgement[]>())
  const asks = questions as unknown as Readonly<Record<string, (...args: readonly unknown[]) => unknown>>
  let here = kept.get(unit.start)
  if (!here) kept.set(unit.start, (here = []))
  const blockKind = unit.block.kind
  let was: KeptJudgement | undefined
  for (const k of here) {
    if (k.end === unit.end && k.inHome === unit.inHome && k.kind === blockKind && k.text === unit.text && k.next === unit.next && k.intro === unit.intro) {
      was = k
      break
    }
  }
  if (was && was.asked.every((q) => sameAnswer(asks[q.name]!(...q.args), q.answer))) {
    reading.texts.keptVerdicts++
    return was.verdict
  }
  const asked: AskedQuestion[] = []
  const noting: Record<string, (...args: readonly unknown[]) => unknown> = {}
  for (const name of Object.keys(asks)) {
    const question = asks[name]!
    noting[name] = (...args) => {
      const answer = question(...args)
      // (a question asked again with the same arguments has the same answer in one lint: noted once)
      if (!asked.some((q) => q.name === name && q.args.length === args.length && q.args.every((a, i) => a === args[i]))) asked.push({name, args, answer})
      return answer
    }
  }
  const verdict = judge(noting as unknown as Q)
  const made: KeptJudgement = {kind: blockKind, end: unit.end, inHome: unit.inHome, text: unit.text, next: unit.next, intro: unit.intro, asked, verdict}
  if (was) here[here.indexOf(was)] = made
  else {
    if (here.length >= JUDGEMENTS_PER_PLACE) here.shift()
    here.push(made)
  }
  reading.texts.blockReadings++
  return verdict
}

/** The home sections of a clause and a reader over the document (exported for debugging tools). */
export function prepare(
  doc: Document,
  spec: ClauseRuleSpec,
  options: Readonly<Record<string, unknown>> = {},
  reading: Reading = read(doc),
  re: CompiledClause = compileClause(spec.data),
): {homes: Section[]; homeIds: Set<number>; reader: Reader<RuleOptions & ClauseOptions>; headings: RegExp} {
  // The document's title is not a clause's home ("Managed Services Agreement" is not a scope section), unless the
  // document is a schedule named for the clause ("Schedule B: Services Not Covered").
  const titleText = doc.title ? doc.source.slice(doc.title.headingPosition.start.offset, doc.title.headingPosition.end.offset) : ''
  const isSchedule = /^[#\s]*(?:schedule|exhibit|annex|annexe|annexure|appendix|attachment)\b/i.test(titleText)
  // the clause's titles, with a title read by its roles once per title for the document (several rules read each title)
  const headings = re.headingsBy(reading.plainRoles)
  // a title with a gloss in brackets ("AMC mein shamil (Covered)", "Heures de service (Service Hours)") is read by its gloss too
  const titled = (written: string): boolean => {
    if (headings.test(written)) return true
    // a terse title is read in full: "Svcs", "Hrs & resp.", "Not incl."
    const title = reading.expandTitle(written)
    if (title !== written && headings.test(title)) return true
    const gloss = GLOSS.exec(title)
    if (gloss !== null && headings.test(gloss[1]!.trim())) return true
    // Reading: a title that asks a question ("Are my files backed up?", "What happens when a computer breaks?") is worded
    // as a sentence, not as a title's noun: it names the clause whose topic its words name, as a sentence about it would;
    // not by a condition the asker sets on their own doing ("What happens if I fail to pay on time?"), which asks what
    // follows from it
    if (!asks(title)) return false
    // Reading: words of emphasis in a question ("What do you actually do for us?", "Do you really back up every
    // night?") change nothing of what it asks: read without them, as its plain form is
    const plain = title.replace(EMPHASIS, ' ').replace(/\s{2,}/g, ' ')
    if (plain !== title && headings.test(plain)) return true
    return re.topic.test(plain.replace(ASKERS_CONDITION, ' '))
  }
  // a look-alike title is tested on the section and its parents; the document's own title ("… Service Level Terms")
  // does not make a title that names services or work ("Outside the Services") a look-alike, nor a section under a
  // parent that does ("Scope of Services" › "2.5 Exclusions"): the titles nearest the text say what it is about
  const below = doc.title ? doc.title.path.length : 0
  const namesWork = (s: Section): boolean => s.path.some((p, k) => k >= below && NAMES_WORK.test(p))
  const lookAlike = (s: Section): boolean =>
    re.notHeadings !== undefined && s.path.some((p, k) => (k >= below || s === doc.title || !namesWork(s)) && re.notHeadings!.test(p))
  // a title read by its roles as another clause's home, and what is under it, is no home of this clause, though a
  // section above it is ("6. Equipment" › "6.2 Practice responsibilities")
  const notHome = spec.data.notHomeTitle
  const otherHome = (s: Section): boolean => notHome !== undefined && s !== doc.title && notHome(s.title, reading.roles)
  // whether a title names the clause depends on the title and the clause's patterns alone: kept by the text cache (an
  // editor's re-lint reads the same titles again; agreements share many), for every document of a run
  const answers = reading.texts.titleAnswers(re, '')
  // and a title read by its roles with the names the agreement gives its parties ("F. Ironwood's Obligations") also on
  // those names: kept apart, for the latest names, so that a document with other names reads only this part again
  const homeTitle = spec.data.homeTitle
  const named = homeTitle ? reading.texts.titleAnswers(homeTitle, reading.partiesKey) : undefined
  const isHome = (title: string): boolean => {
    let v = answers.get(title)
    if (v === undefined) answers.set(title, (v = titled(title)))
    if (v || !named) return v
    let n = named.get(title)
    if (n === undefined) named.set(title, (n = homeTitle!(title, reading.roles)))
    return n
  }
  // which sections are homes and which are in them, read of the outline alone (by their places among the sections): in
  // an editor, kept while an edit leaves the outline as it was, rather than asked of every section at every re-lint
  const outline = reading.outlineReading(re, () => {
    const sections = doc.sections
    const homes: number[] = []
    sections.forEach((s, i) => {
      if (s.kind !== 'root' && (s !== doc.title || isSchedule) && isHome(s.title) && !lookAlike(s) && !ancestry(s).some(otherHome)) homes.push(i)
    })
    // (the sections' places, read once per document for every clause rule)
    const place = reading.sectionPlace
    const inHomes = new Set<number>()
    const mark = (s: Section): void => {
      if (otherHome(s)) return
      inHomes.add(place.get(s)!)
      s.children.forEach(mark)
    }
    for (const i of homes) mark(sections[i]!)
    return {homes, inHomes: [...inHomes]}
  })
  const homes = outline.homes.map((i) => doc.sections[i]!)
  const homeIds = new Set<number>()
  for (const i of outline.inHomes) homeIds.add(doc.sections[i]!.id)
  let finder: ((section: Section) => Section | undefined) | undefined
  /** Does the delegation `hit` of `text` send the clause (its topic, list item or `topic`), not something else only? */
  const sendsClause = (text: string, hit: DelegationHit, topic: RegExp | undefined): boolean => {
    // what the sentence sends is read against the clause: "The fees for the backup service are as set out in the Order
    // Form" sends fees, not the backups
    const matter = sentMatter(text, hit)
    if (matter !== undefined && namesMatter(matter, [topic, re.listItem, re.topic]) === false) return false
    // a document followed holds what its subject speaks of, and nothing else ("Security reporting follows Annex B" sends no
    // failure work there)
    if (hit.follows && (matter === undefined || ![topic, re.listItem, re.topic].some((x) => x?.test(matter)))) return false
    // Reading: a subject that names other service levels only ("Response times, priority levels and resolution targets
    // are set out in Schedule B") sends those clauses, not this one, wherever the sentence stands (under a title of support
    // hours)
    if (matter !== undefined && otherLevelsOnly(matter) && ![topic, re.listItem, re.topic, re.umbrella].some((x) => x?.test(matter))) return false
    // a reference to where a noun is defined sends that noun's meaning: the clause only when the noun names it
    const defined = definedBefore(text, hit)
    if (defined !== undefined && ![topic, re.listItem, re.topic].some((x) => x?.test(defined))) return false
    // a document said to hold named things ("…, which states the backup frequency and retention periods") is sent
    // those things only: the clause when one of them names it
    const contents = statedContents(text, hit)
    if (contents !== undefined && ![topic, re.listItem, re.topic].some((x) => x?.test(contents))) return false
    // Reading: a case, ticket or claim raised under a document ("raises a support case with Microsoft under Karoo's partner
    // support agreement", "logs a warranty claim under the maker's warranty") is raised there, not timed there; and what a
    // document is said to cover ("Repairs not covered by the manufacturer's service contract") is that document's own
    // cover: neither sets the clause in it
    const lead = text.slice(Math.max(0, hit.start - 80), hit.start)
    if (RAISED_UNDER.test(lead) || (COVERED_BY.test(lead) && /^by\b/i.test(text.slice(hit.start)))) return false
    // Reading: a definition that puts the meaning of a term for the things worked on in another document ('"Covered
    // Systems" means the hardware, software and cloud services listed in Appendix 1') sends those things, no clause
    const term = QUOTED_DEFINITION.exec(text.slice(0, hit.start))?.[1]
    return term === undefined || !THING_TERM.test(term)
  }
  const reader: Reader<RuleOptions & ClauseOptions> = {
    doc,
    reading,
    homes,
    homeOf: (section) => (finder ??= homeFinder(homes))(section),
    // the engine always merges the defaults (headings: []) in; a library caller may give fewer
    options: options as RuleOptions & ClauseOptions,
    // a row of a table is read without its wh-titled columns' labels ("What you get: Backups" binds no one)
    party: (unit, index = 0) => (unit.block.kind === 'table-row' && unit.start === 0 && unit.text === unit.block.text ? rowParty(reading, rowWithoutTitles(unit.block), index) : reading.boundParty(unit.text, index)),
    underHeading: (unit, h) => {
      for (let s: Section | undefined = unit.block.section; s; s = s.parent) if (h.test(s.title)) return true
      return false
    },
    delegated: (unit, topic, sendsOther) => {
      // Reading: a sentence that sends several things to several documents ("The Services are described in Schedule 1 and
      // the items outside them are listed in clause 9 of the Agreement") is read for each: when the document found sends
      // something else, the words before its link are read again for an earlier one
      // (and the words after it for a later one: "Response times stay as set out in the Agreement, and hardware faults are
      // still handled under clause 7 of the Agreement")
      const text = unit.text
      const first = reading.delegation(text, {block: unit.block, offset: unit.start, topic})
      if (!first) return undefined
      const sends = (t: string, hit: DelegationHit): boolean => sendsClause(t, hit, topic) && !sendsOther?.test(t.slice(0, hit.start))
      if (sends(text, first)) return {outcome: 'delegated', start: first.start, end: first.end, target: first.target}
      let before = text.slice(0, first.start)
      for (let tries = 0; tries < 2 && before; tries++) {
        const hit = reading.delegation(before, {block: unit.block, offset: unit.start, topic})
        if (!hit) break
        // (a document named right before the rejected one's link is a part of it: "the Continuity Plan set out in Schedule 3")
        if (/^[\s,]*$/.test(before.slice(hit.end))) break
        if (sends(before, hit)) return {outcome: 'delegated', start: hit.start, end: hit.end, target: hit.target}
        before = before.slice(0, hit.start)
      }
      // (read from the clause after the rejected link: its own subject is what a later link sends)
      const rest = /^[^,;]*[,;]\s*(?:and|but|while|whereas)?\s*/.exec(text.slice(first.end))
      if (!rest) return undefined
      const from = first.end + rest[0].length
      const later = reading.delegation(text.slice(from), {block: unit.block, offset: unit.start + from, topic})
      if (!later || !sends(text.slice(from), later)) return undefined
      return {outcome: 'delegated', start: from + later.start, end: from + later.end, target: later.target}
    },
  }

  return {homes, homeIds, reader, headings}
}

/** Service levels named by their own nouns: response, resolution or restoration times or targets, priority or severity levels, availability, uptime, service credits. */
const OTHER_LEVELS = /\b(?:response|resolution|restoration|restore|fix|repair)\s+(?:times?|targets?)\b|\b(?:priority|severity)\s+(?:levels?|classes|classifications|definitions)\b|\bavailability\b|\buptime\b|\bservice credits?\b/i
/** Does each item of a matter ("Response times, priority levels and resolution targets") name another service level? */
function otherLevelsOnly(matter: string): boolean {
  const items = matter.split(/\s*(?:,|;|&|\band\b|\bor\b)\s*/).filter((x) => /[a-z]{3,}/i.test(x))
  return items.length > 0 && items.every((x) => OTHER_LEVELS.test(x))
}
/** A case, ticket or claim raised, right before the link to the document it is raised under. */
const RAISED_UNDER = /\b(?:rais|log|open|fil|submit|lodg|escalat|plac|mak)(?:es?|ing|ed|s)?\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:case|ticket|claim|call|request|RMA)s?\s+(?:(?:with|to)\s+(?:the\s+)?[\w&.'’ -]{1,40}?\s+)?$/i
/** What a document covers, right before its name: "not covered by", "excluded from". */
const COVERED_BY = needs(/\b(?:not\s+)?(?:covered|excluded)\s+$/i)
/** A term for the things a service works on: "Covered Systems", "Supported Devices", "the Sites". */
const THING_TERM = /\b(?:systems?|devices?|equipment|hardware|software|assets?|sites?|locations?|premises|users?|endpoints?|applications?|infrastructure|servers?|workstations?)$/i
/**
 * A quoted term that a definition opens with, before its defining verb: '1.2 "Covered Systems" means …' (group 1). Unlike
 * the reading stage's DEFINED_TERM it asks for the quotes and takes a term of any case.
 */
const QUOTED_DEFINITION = /^\W*(?:\d+(?:\.\d+)*\.?\s+|\(?[a-z]{1,3}\)\s+)?[*_]*["“]([^"”]{2,60})["”][*_]*\s+(?:means|shall mean|refers to)\b/i

/** What the clause finder did, step by step (for scripts/why.ts): each home section and each unit it judged. */
export interface ClauseTrace {
  section(section: Section, verdict: Verdict | undefined): void
  unit(unit: Unit, verdict: Verdict | undefined): void
}

/** Find a clause in a document; `trace` sees every judgement on the way, in the order they are made. */
export function findClause(
  doc: Document,
  spec: ClauseRuleSpec,
  options: Readonly<Record<string, unknown>> = {},
  reading: Reading = read(doc),
  re: CompiledClause = compileClause(spec.data),
  trace?: ClauseTrace,
): Finding {
  const {homes, homeIds, reader, headings} = prepare(doc, spec, options, reading, re)
  let best: Finding | undefined
  const consider = (f: Finding): void => {
    const v = f.verdict!
    if (!best || RANK[v.outcome] > RANK[best.verdict!.outcome]) best = f
  }
  for (const home of homes) {
    if (!spec.judgeSection) break
    // a home whose prose only sends the clause to another document is not read as a whole (its sentences are delegated)
    if (onlySentAway(home, homeIds, reader)) continue
    const v = spec.judgeSection(home, subtreeBlocks(home).filter((b) => homeIds.has(b.section.id)).map((b) => reading.inFull(b)), reader)
    trace?.section(home, v)
    if (v) consider({outcome: v.outcome, section: home, verdict: v})
    if (best?.outcome === 'present') return best
  }
  // Most sentences do not name the clause's topic: test the text before building the unit, and read a block's list
  // context (shared by every clause rule, so kept per document) only for the units that are judged.
  const blocks = doc.blocks
  // a paragraph that is only a bold label ("**Backups**", "**What we need from you:**") titles the blocks after it, up to
  // the next heading or label, as a heading titles its section
  let underLabel = false
  // whether a label or question names the clause, once per distinct label (every clause rule walks every block)
  const labels = labelAnswers(reading, re)
  const namedBy = (label: string | undefined): boolean => {
    if (label === undefined) return false
    let v = labels.get(label)
    if (v === undefined) labels.set(label, (v = labelled(label, headings, re.notHeadings, reading)))
    return v
  }
  // the unit's own wording, when mentions() reads nothing else, is kept per sentence text like the topic's test
  const mentions = spec.mentions
  const mentionsKind = mentions && spec.mentionsReads ? (spec.mentionsReads === 'text' ? mentions : reading.texts.kindOf(mentions, reading.partiesKey)) : undefined
  const mentionsText = spec.mentionsText
  const mentioned = (text: string, block: Block): boolean => mentionsText?.(text) === true || mentions?.(text, reader, block) === true
  const textTest = mentionsText ? {test: mentionsText} : undefined
  // which units name the topic (and which mention the clause), kept per block text in an editor: a column of them over
  // the finder's blocks, so that a re-lint looks up the blocks an edit changed alone (see Reading.blockColumn)
  const marksKind = mentionsKind === undefined || mentionsKind === mentions ? re : reading.texts.kindOf(re, reading.partiesKey)
  const marks = reading.texts.keepsBlocks && markable(re.topicTest) ? reading.placeColumn<UnitMarks>(marksKind) : undefined
  // the blocks none of whose units passes a test of the clause's that reads the unit's text alone (its topic, its wording,
  // its list item; its mentions, when kept per text), by place, as the marks are: a re-lint passes over such a block where
  // it is read as written and not as the clause's home, asked about or answering a question, without looking up its marks
  const inert = marks ? reading.placeFlags(marksKind) : undefined
  const marksOf = (b: Block): UnitMarks => unitMarksOf(b, mentionsKind !== undefined, mentionsText !== undefined, re.listItem !== undefined && markable(re.listItem))
  for (let i = 0; i < blocks.length; i++) {
    // what every clause rule reads of the block (its label, its question, its terse forms in full), once per document
    const view = reading.finderView(i)
    if (view === HEADING_VIEW) underLabel = false
    // an unticked option ("- [ ] Daily backups") is offered, not agreed
    if (view.block === undefined) continue
    const {label, labelOnly, question, answers, block} = view
    // in a key/value table ("| Support hours | 08:00–17:30 UK time |"), the key cell is the heading of its value
    // a paragraph opening with a bold label ("**After 5pm and weekends:** …") is titled by it, as a section by its heading
    // in a Q/A text, the answer is titled by its question ("**Q: What is not covered?**" / "A: Cabling, CCTV …"), and
    // what the question asks about is the topic of every sentence of its answer
    // terse forms read in full ("Urgent tix: 1 hr response"), every offset still mapping to the source
    const ownLabel = namedBy(label)
    // in a table whose columns are plans ("| | Starter | Plus | Max |"), a row's first cell titles the plans' values beside
    // it, read as the clause reads any text: by its titles or by its topic ("We pick up within", "Back in business within")
    const inHome = homeIds.has(block.section.id) || keyedRow(block, headings, re.notHeadings) || ownLabel || namedBy(question) || (underLabel && !labelOnly) || (reading.planRow(block) && planKeyed(block, headings, re)) || (block.kind === 'list-item' && reading.leadTitle(i, namedBy) !== undefined)
    if (labelOnly) underLabel = ownLabel
    const asked = question !== undefined && (re.topicTest.test(question) || mentioned(question, block))
    const sentences = block.sentences
    const whole = block.kind === 'table-row' || sentences.length <= 1
    const count = whole ? 1 : sentences.length
    // which units name the topic (and which mention the clause), kept per block text in an editor: looked up once per block
    // (a block whose units pass none of the clause's tests of the text alone, where nothing else asks it to be judged; read
    // as written: a view of it, with its terse forms in full or the chosen plan's values alone, reads more than its text)
    const plain = inert !== undefined && !inHome && !asked && answers === undefined && block === blocks[i]
    if (plain && inert[i] === 1) continue
    let passed = false
    const kept = inHome || asked ? undefined : marks?.at(i, block, marksOf)
    const topicMarks = kept?.topic
    const mentionMarks = kept?.mention
    const textMarks = kept?.text
    const itemMarks = kept?.item
    for (let k = 0; k < count; k++) {
      const text = whole ? block.text : sentences[k]!.text
      let sent: Verdict | undefined
      // in a Q/A written in one paragraph, each answer is titled by its own question, as one in a paragraph of its own
      const answering = answers?.[k]
      const homed = inHome || namedBy(answering)
      if (!homed && !asked && !(answering !== undefined && (re.topicTest.test(answering) || mentioned(answering, block)))) {
        const at = whole ? 0 : k + 1
        if (topicMarks ? !markedTest(topicMarks, at, re.topicTest, text, reading) : !re.topicTest.test(text)) {
          if (!(textTest && (textMarks ? markedTest(textMarks, at, textTest, text, reading) : textTest.test(text)))) {
            const item = re.listItem !== undefined && (itemMarks ? markedTest(itemMarks, at, re.listItem, text, reading) : re.listItem.test(text))
            if (item) passed = true
            sent = item ? itemSent({block, start: whole ? 0 : sentences[k]!.start, end: whole ? block.text.length : sentences[k]!.end, text, inHome: false, next: ''}, reader, re, spec) : undefined
            if (sent) {
              // judged below, its delegation the verdict when the rule's own reading gives none
            } else if (!mentions) continue
            else if (mentionMarks) {
              let m = mentionMarks[at]!
              if (m === 0) {
                mentionMarks[at] = m = mentions(text, reader, block) ? 2 : 1
                reading.texts.blockReadings++
              }
              if (m === 1) continue
            } else if (!mentions(text, reader, block)) {
              passed = true
              continue
            }
          }
        }
      }
      passed = true
      // a unit that holds only a placeholder ("TBC", "**Backups:** [to be agreed]", "| Backups | TBD |") states nothing
      if (statesNothing(text, block, label, headings, re.notHeadings)) continue
      const context = reading.listContext(i)
      const after = reading.expandTitle(context.after)
      const s = whole ? undefined : sentences[k]!
      const base: Unit = s
        ? {block, start: s.start, end: s.end, text, inHome: homed, next: QUESTION.test(text) ? answerTo(sentences, k) : (sentences[k + 1]?.text ?? (k === count - 1 ? after : ''))}
        : {block, start: 0, end: block.text.length, text, inHome, next: after}
      const unit = context.intro ? {...base, intro: reading.expandTitle(context.intro)} : base
      // Reading: a label whose value is only a reference to another document ("Hardware failures and who pays for parts:
      // Section 11 of the Master Terms.") puts each clause the label names in that document, whatever the label's own
      // words would say of it
      const handed = re.listItem && (text.includes(':') || text.includes('–') || text.includes('—')) ? reading.handedOver(text) : undefined
      const judged = handed && re.listItem!.test(handed.label) ? ({outcome: 'delegated', start: handed.hit.start, end: handed.hit.end, target: handed.hit.target} as const) : (spec.judge(unit, reader) ?? sent)
      // a sentence about the clause whose predicate sends it to another document is delegated there, whatever its subject names
      const v = judged && judged.outcome !== 'delegated' ? (sentAway(unit, reader) ?? judged) : judged
      trace?.unit(unit, v)
      if (!v) continue
      consider({outcome: v.outcome, unit, verdict: v})
      if (v.outcome === 'present') return best!
    }
    if (plain && !passed) inert[i] = 1
  }
  // the clause named as one item of a list of terms kept as set out in another document ("The following stay as set out
  // in the Agreement and its Schedule 1: the covered devices, the exclusions, the fix times, …") is put there, whatever
  // this document says of it in passing
  if (re.listItem && (!best || best.outcome === 'vague')) {
    const listed = listedElsewhere(reading, re.listItem)
    if (listed) return listed
  }
  if (best) return best
  if (re.umbrella) {
    for (const block of doc.blocks) {
      if (block.kind === 'heading') continue
      for (const unit of unitsOf(block, false)) {
        const v = reader.delegated(unit, re.umbrella)
        if (!v || v.start === undefined) continue
        // the subject itself is what is put elsewhere: "will provide Support … as described in the Support Policy",
        // "“Support” means the support and maintenance services described in the Order Form"
        const before = unit.text.slice(Math.max(0, v.start - 100), v.end)
        const u = new RegExp(`\\b(?:will|shall|must|agrees? to|means)\\s+(?:\\w+\\s+){0,3}?(?:${re.umbrella.source})(?!\\s+(?:hours?|levels?|windows?|channels?|contacts?|requests?))`, 'i')
        if (u.test(before)) return {outcome: 'delegated', unit, verdict: v}
      }
    }
  }
  // A home section with prose that commits to nothing is vague; an empty one, or none, is missing.
  // a section that holds only a placeholder ("TBC", "[to be agreed]") states nothing: the clause is still missing
  // (what sits under another clause's home inside it, "6. Equipment" › "6.2 Practice responsibilities", is not its prose)
  const spoken = homes.find((h) => subtreeBlocks(h).some((b) => homeIds.has(b.section.id) && b.text.trim().length > 0 && !PLACEHOLDER_ONLY.test(b.text) && !spec.aside?.(b.text, b)))
  if (spoken) return {outcome: 'vague', section: spoken, verdict: {outcome: 'vague', detail: 'the section states nothing measurable'}}
  return {outcome: 'missing', ...(homes[0] ? {section: homes[0]} : {})}
}

/**
 * The first of `homes` (in their order) whose path the section's path starts with, as a function. The homes' paths are
 * read once into a tree of titles, so each lookup walks the section's own path: a document's homes and its judged
 * units both grow with its length, and a scan of every home per unit grew as their product.
 */
export function homeFinder(homes: readonly Section[]): (section: Section) => Section | undefined {
  interface Step {
    first: number
    readonly next: Map<string, Step>
  }
  const tree: Step = {first: -1, next: new Map()}
  homes.forEach((h, i) => {
    let at = tree
    for (const title of h.path) {
      let step = at.next.get(title)
      if (!step) at.next.set(title, (step = {first: -1, next: new Map()}))
      at = step
    }
    if (at.first < 0) at.first = i
  })
  const found = new Map<Section, Section | undefined>()
  return (section) => {
    if (found.has(section)) return found.get(section)
    let first = tree.first
    let at: Step | undefined = tree
    for (let i = 0; i < section.path.length && at; i++) {
      at = at.next.get(section.path[i]!)
      if (at && at.first >= 0 && (first < 0 || at.first < first)) first = at.first
    }
    const home = first < 0 ? undefined : homes[first]
    found.set(section, home)
    return home
  }
}

/** A section and the sections above it. */
function ancestry(s: Section): Section[] {
  const out: Section[] = []
  for (let a: Section | undefined = s; a && a.kind !== 'root'; a = a.parent) out.push(a)
  return out
}

/**
 * A title that names services or work ("Outside the Services", "Work not in scope"), or says what something includes
 * or covers ("What it does not include", "What the package covers").
 */
const NAMES_WORK = /\b(?:services?|scope|work|jobs?|projects?|tasks?|includes?|included|covers?|covered)\b/i

/** A sentence that asks: "Need us at the weekend?" */
const QUESTION = /\?["”’')\]*_]*\s*$/

/** A question's answer: the sentences after it in its block, up to the next question ("Just ask. We'll sort something out."). */
function answerTo(sentences: Block['sentences'], k: number): string {
  const out: string[] = []
  for (let j = k + 1; j < sentences.length && !QUESTION.test(sentences[j]!.text); j++) out.push(sentences[j]!.text)
  return out.join(' ')
}

/** A condition whose subject is the one who asks: "if I …", "when we …", to the question's end. */
const ASKERS_CONDITION = /\b(?:if|when|whenever|once|unless|should)\s+(?:I|we)\b[^?]*/i

/** Words of emphasis in a question: "actually", "really", "exactly", "ever", "even". */
const EMPHASIS = /\s(?:actually|really|exactly|ever|even|truly|honestly)(?=\s)/gi

/** Does a title ask a question (end in a question mark, before any closing marks)? Read by character, not by a pattern. */
function asks(title: string): boolean {
  let end = title.length
  while (end > 0 && ' \t*_")”’'.includes(title.charAt(end - 1))) end--
  return title.charAt(end - 1) === '?'
}

/** A gloss at the end of a title: "AMC mein shamil (Covered)" → "Covered". */
const GLOSS = /\(([^()]{3,40})\)\s*$/

/** The marks of the finder's tests on the units of a block (see markedTest): its topic's, and those of the clause's other tests it has. */
interface UnitMarks {
  readonly topic: Int8Array
  readonly mention: Int8Array | undefined
  readonly text: Int8Array | undefined
  readonly item: Int8Array | undefined
}

/** Marks not yet tested for every unit of a block (at 0 its whole text, at k + 1 its k-th sentence). */
function unitMarksOf(block: Block, mention: boolean, text: boolean, item: boolean): UnitMarks {
  const n = block.sentences.length + 1
  return {topic: new Int8Array(n), mention: mention ? new Int8Array(n) : undefined, text: text ? new Int8Array(n) : undefined, item: item ? new Int8Array(n) : undefined}
}

/** Can a test's answers be kept: not a global or sticky pattern, which keeps state between tests. */
function markable(re: RegExp): boolean {
  return !re.global && !re.sticky
}


/** Does unit `at` of a block pass `re`, by its mark (0 not yet tested, 1 no, 2 yes), testing and marking it when not yet tested? */
function markedTest(marks: Int8Array, at: number, re: {test(text: string): boolean}, text: string, reading: Reading): boolean {
  let m = marks[at]!
  if (m === 0) {
    marks[at] = m = re.test(text) ? 2 : 1
    reading.texts.blockReadings++
  }
  return m === 2
}

/** Answers of `labelled` for one clause's compiled patterns, by label, kept by the text cache (see titleAnswers). */
const LABEL_OWNERS = new WeakMap<CompiledClause, object>()
function labelAnswers(reading: Reading, re: CompiledClause): Map<string, boolean> {
  let owner = LABEL_OWNERS.get(re)
  if (!owner) LABEL_OWNERS.set(re, (owner = {}))
  // the titles are read by roles without names (plainRoles), which depend on the title alone
  return reading.texts.titleAnswers(owner, '')
}

/** A block's bold label names the clause (and is not one of the titles that only look like its home). */
function labelled(label: string | undefined, headings: RegExp, notHeadings: RegExp | undefined, reading: Reading): boolean {
  if (label === undefined) return false
  // a question of a Q&A page is titled by what it asks: "Q: How quickly will you respond?"
  const title = reading.expandTitle(label.replace(/^(?:q|question)\s*\d{0,3}\s*[:.]\s*/i, ''))
  return headings.test(title) && !(notHeadings && notHeadings.test(title))
}

/** Text that is only a placeholder: "TBC", "TBD.", "[To be agreed]", "<insert>", "___". */
const PLACEHOLDER_ONLY = /^\W*(?:tb[cda]|to be (?:confirmed|agreed|determined|advised|decided)|\[[^\]]{0,40}\]|<[^>]{0,40}>|_{3,}|x{2,})\W*$/i

/**
 * Reading: a unit whose words are only a placeholder states nothing of any clause, wherever it stands: a paragraph or
 * an item of "TBC" (in the clause's home or not), a bold label followed by a placeholder alone ("**Backups:** TBC"), a
 * row whose first cell names the clause and whose other cells are blank or placeholders ("| Backups | [to be agreed] |").
 */
function statesNothing(text: string, block: Block, label: string | undefined, headings: RegExp, notHeadings: RegExp | undefined): boolean {
  if (PLACEHOLDER_ONLY.test(text)) return true
  if (label !== undefined) {
    const at = text.indexOf(label)
    const rest = at < 0 ? '' : text.slice(at + label.length).replace(/^[*_]*[\s:.–—-]*/, '')
    if (rest.length > 0 && PLACEHOLDER_ONLY.test(rest)) return true
  }
  if (block.kind === 'table-row' && block.cells && block.cells.length > 1 && keyedRow(block, headings, notHeadings)) {
    return block.cells.slice(1).every((c) => c.trim().length === 0 || PLACEHOLDER_ONLY.test(c))
  }
  return false
}

/** A row of a two- or three-column table whose first cell names the clause ("Support hours", "Not covered", "Backups"). */
function keyedRow(block: Block, headings: RegExp, notHeadings: RegExp | undefined): boolean {
  const cells = block.cells
  if (block.kind !== 'table-row' || !cells || cells.length < 2 || cells.length > 3) return false
  const key = cells[0]!.trim()
  return key.length > 0 && key.length <= 40 && headings.test(key) && !(notHeadings && notHeadings.test(key))
}

/** A row whose first cell names the clause by its titles or its topic ("Critical restore", "Work outside opening hours"). */
function planKeyed(block: Block, headings: RegExp, re: CompiledClause): boolean {
  const key = (block.cells?.[0] ?? '').replace(/[*_]/g, '').trim()
  return key.length > 0 && key.length <= 60 && (headings.test(key) || re.topic.test(key)) && !(re.notHeadings && re.notHeadings.test(key))
}

/** Options without the single house maximums that a playbook replaces. */
function withoutMaximums(options: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const {maxResponse: _r, minUptime: _u, maxInterval: _i, ...rest} = options
  return rest
}

/** A finding as the value readers take it: the outcome, and the statement or section that decided it. */
function locatedOf(f: Finding): {outcome: Outcome; block?: Block; start?: number; end?: number; text?: string; section?: Section} {
  if (f.unit) return {outcome: f.outcome, block: f.unit.block, start: f.unit.start + (f.verdict?.start ?? 0), end: f.verdict?.end === undefined ? f.unit.start + f.unit.text.trimEnd().length : f.unit.start + f.verdict.end, text: f.unit.text}
  return {outcome: f.outcome, ...(f.section ? {section: f.section} : {})}
}

/**
 * Where a missing clause should be added: its empty home, the section that holds a clause it belongs beside, a parent
 * section (in the data's order), or the title.
 */
function placement(doc: Document, re: CompiledClause, finding: Finding, reading: Reading, beside: readonly BesideClause[]): Section | undefined {
  if (finding.section) return finding.section
  for (const other of beside) {
    const section = besideSection(doc, other, reading)
    if (section) return section
  }
  // the parents in their order of preference: missing priority levels go to "Service Levels" before "Support Hours"
  // (not a section the front matter's terms make, titled by a key and holding no heading of the text: "support_hours"
  // read as "Support hours")
  for (const parent of re.parentList) {
    const p = doc.sections.find((s) => s.kind !== 'root' && !(s.kind === 'heading' && s.title !== '' && s.blocks[0]?.kind !== 'heading') && parent.test(expandTitle(s.title)))
    if (p) return p
  }
  return doc.title
}

/**
 * Reading: a missing clause that belongs beside another clause is reported at the heading of the section that holds
 * that clause's statement, when the agreement states it (present): the section itself, or, when the statement sits
 * under that clause's own title as a sub-clause ("Service Levels" › "Response Times", "5. Support" › "5.3 Response
 * Times"), the section around that title, so the missing clause is added as its sibling. Undefined (the clause is
 * placed as before) when the other clause is not present, or is stated only in the agreement's preamble or in its
 * definitions (a definitions section holds terms, not clauses).
 */
function besideSection(doc: Document, other: BesideClause, reading: Reading): Section | undefined {
  const options = other.meta.options?.defaults ?? {}
  const found = other.find(doc, options, reading)
  if (found.outcome !== 'present') return undefined
  const holding = found.unit?.block.section ?? found.section
  const inBody = (s: Section | undefined): s is Section => s !== undefined && s.kind !== 'root' && s !== doc.title
  if (!inBody(holding) || holding.path.some((p) => DEFINITIONS_TITLE.test(p))) return undefined
  const {re} = other.clauseFor(options)
  const names = (s: Section): boolean => re.headings.test(s.title) || re.headings.test(expandTitle(s.title))
  let titled: Section | undefined
  let s: Section | undefined = holding
  while (inBody(s) && names(s)) {
    titled = s
    s = s.parent
  }
  if (!titled) return holding
  return inBody(s) && subClause(titled, s) ? s : titled
}

/** A definitions section's title: "Definitions", "Interpretation", "Glossary", "Defined terms". */
const DEFINITIONS_TITLE = /\b(?:definitions?|interpretation|glossary|defined terms)\b/i

/** Is `child` written as a sub-clause of `parent`: unnumbered, or numbered under the parent's number ("5" › "5.3")? */
function subClause(child: Section, parent: Section): boolean {
  if (child.number === undefined || parent.number === undefined) return true
  return child.number.startsWith(`${parent.number.replace(/[.)]+$/, '')}.`)
}

// Every clause rule takes `headings`: extra heading synonyms.
const HEADINGS_SCHEMA: JsonSchema = {
  type: 'array',
  items: {type: 'string', minLength: 1},
  description: 'More section titles that are this clause\'s home, as plain text matched case-insensitively (e.g. "Hours of Cover"); `/…/` for a regular expression',
}

/** The options of a clause rule: `headings`, plus the rule's own. */
export function clauseOptions<Options extends RuleOptions>(own?: RuleOptionsMeta<Options>): RuleOptionsMeta<Options & ClauseOptions> {
  const schema = own?.schema ?? {}
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>
  return {
    schema: {...schema, type: 'object', properties: {headings: HEADINGS_SCHEMA, ...properties}, additionalProperties: false},
    defaults: {headings: [], ...own?.defaults},
  }
}

/** The spec with the `headings` option added to its heading synonyms (the same spec when there are none). */
export function withHeadings(spec: ClauseRuleSpec, options: Readonly<Record<string, unknown>>): ClauseRuleSpec {
  const extra = headingsOption(options)
  if (!extra.length) return spec
  return {...spec, data: {...spec.data, userHeadings: [...(spec.data.userHeadings ?? []), ...extra.map(phraseSource)]}}
}

function headingsOption(options: Readonly<Record<string, unknown>>): string[] {
  const given = options['headings']
  return Array.isArray(given) ? given.filter((x): x is string => typeof x === 'string') : []
}

/** What a clause rule offers beyond Rule: the search its check makes, for tools that explain it (scripts/why.ts). */
export interface ClauseFinder {
  /** The finding the rule's check reports, for its options merged over its defaults; `trace` sees every judgement. */
  find(doc: Document, options: Readonly<Record<string, unknown>>, reading: Reading, trace?: ClauseTrace): Finding
  /** The spec and compiled patterns the rule uses with these options (its `headings` option added). */
  clauseFor(options: Readonly<Record<string, unknown>>): {readonly spec: ClauseRuleSpec; readonly re: CompiledClause}
}

/** The message ids a clause rule may report beyond its own: house positions, for the clauses that take a playbook. */
type PlaybookMessageIds = keyof typeof PLAYBOOK_MESSAGES

/** Build a clause rule from its spec: the engine-facing Rule with meta and check. */
export function clauseRule<const Messages extends ClauseMessages, Options extends RuleOptions = Record<never, never>>(
  spec: ClauseRuleSpec<Messages, Options>,
): Rule<keyof Messages & string, Options & ClauseOptions> & ClauseFinder & {readonly spec: ClauseRuleSpec<Messages, Options>} {
  // the spec compiled once, and once per distinct `headings` option
  const compiled = {spec, re: compileClause(spec.data)}
  const byHeadings = new Map<string, {spec: ClauseRuleSpec; re: CompiledClause}>()
  const variant = (options: Readonly<Record<string, unknown>>): {spec: ClauseRuleSpec; re: CompiledClause} => {
    const extra = headingsOption(options)
    if (!extra.length) return compiled
    const key = extra.join('\u0000')
    let v = byHeadings.get(key)
    if (!v) {
      const s = withHeadings(spec, options)
      byHeadings.set(key, (v = {spec: s, re: compileClause(s.data)}))
    }
    return v
  }
  // the search the check makes, with the spec its options give (a debugging tool traces the same call); kept by the
  // document's reading per options, for a clause that another belongs beside is searched for by both rules
  const findings = {name: `${spec.id}: the finding, by options`}
  const find = (doc: Document, options: Readonly<Record<string, unknown>>, reading: Reading, trace?: ClauseTrace): Finding => {
    const {spec: own, re} = variant(options)
    if (trace || reading.doc !== doc) return findClause(doc, own, options, reading, re, trace)
    const kept = reading.own(findings, () => new Map<string, Finding>())
    const key = JSON.stringify(options)
    let found = kept.get(key)
    if (!found) kept.set(key, (found = findClause(doc, own, options, reading, re)))
    return found
  }
  return {
    spec,
    find,
    clauseFor: variant,
    meta: {
      id: spec.id,
      description: spec.description,
      category: 'clause',
      severity: 'error',
      // the playbook messages only for the clauses that take a playbook (a rule lists only what it can report)
      messages: (isPlaybookClause(spec.id) ? {...spec.messages, ...PLAYBOOK_MESSAGES} : spec.messages) as Readonly<Record<keyof Messages & string, string>>,
      options: withPlaybookOption(spec.id, clauseOptions(spec.options)),
    },
    check(context: RuleContext<keyof Messages & string, Options & ClauseOptions>) {
      const {doc} = context
      const {re} = variant(context.options)
      const finding = find(doc, context.options, context.reading)
      // a playbook replaces the rule's single house maximum (its tiers say more)
      const hasPlaybook = context.options['playbook'] !== undefined
      spec.review?.(finding, hasPlaybook ? {...context, options: withoutMaximums(context.options) as typeof context.options} : context)
      // house positions (the `playbook` option): which tier each stated value lands in
      const playbook = reviewPlaybook(context.reading, spec.id, locatedOf(finding), re.headings, context.options['playbook'])
      const report = context.report as (r: Report<string>) => void
      for (const f of playbook.findings) report({messageId: f.messageId, severity: f.severity, data: f.data, ...(f.block ? {block: f.block, start: f.start, end: f.end} : {})})
      const tier = {tier: playbook.tier, tiers: playbook.tiers}
      const {unit, verdict} = finding
      if (finding.outcome === 'missing') {
        const section = placement(doc, re, finding, context.reading, spec.beside ?? [])
        context.cover('missing', {section})
        context.report({messageId: 'missing', outcome: 'missing', ...(section ? {section} : {})})
        return
      }
      if (!unit) {
        const section = finding.section!
        const quote = excerpt(section.title)
        context.cover(finding.outcome, {section, evidence: quote, ...tier})
        if (finding.outcome === 'present') return
        context.report({
          messageId: finding.outcome,
          outcome: finding.outcome,
          severity: finding.outcome === 'vague' ? 'warning' : 'info',
          section,
          data: {text: quote, target: verdict?.target ? targetName(verdict.target) : 'another document', detail: verdict?.detail ?? ''},
        })
        return
      }
      const inFull = unit.start + (verdict?.start ?? 0)
      const endInFull = verdict?.end === undefined ? unit.start + unit.text.trimEnd().length : unit.start + verdict.end
      // a unit read in full is reported and quoted as written
      const view = context.reading.asWritten(unit.block)
      const block = view ? view.raw : unit.block
      const [start, end, unitStart, unitEnd] = view
        ? [toRaw(view.expanded, inFull), toRaw(view.expanded, endInFull), toRaw(view.expanded, unit.start), toRaw(view.expanded, unit.end)]
        : [inFull, endInFull, unit.start, unit.end]
      const unitText = view ? block.text.slice(unitStart, unitEnd) : unit.text
      const quote = excerpt(block.text.slice(start, end))
      context.cover(finding.outcome, {block, start, evidence: excerpt(unitText, 120), ...tier})
      if (finding.outcome === 'present') return
      context.report({
        messageId: finding.outcome,
        outcome: finding.outcome,
        severity: finding.outcome === 'vague' ? 'warning' : 'info',
        block,
        start,
        end,
        data: {text: quote, target: verdict?.target ? targetName(verdict.target) : 'another document', detail: verdict?.detail ?? ''},
        evidence: excerpt(unitText, 160),
      })
    },
  }
}

/** A sentence that keeps a list of terms as set out in another document, and its items. */
interface KeptList {
  readonly unit: Unit
  readonly verdict: Verdict
  readonly items: readonly string[]
}
const KEPT_LISTS = {name: 'clauses: lists of terms kept as set out in another document'}
// a colon that opens a list (not one of a clock time), after at most a long lead-in
const KEPT_COLON = /:(?!\d)\s*(?=\S)/
// the items of such a list: "the covered devices, the exclusions, the fix times, and who pays when a PC fails"
const KEPT_ITEM = /\s*(?:;|,)\s*(?:and\s+|or\s+)?/

/**
 * Reading: a sentence whose lead-in puts what follows its colon in another document ("The following continue exactly as
 * set out in the Agreement and its Schedule 1: the list of covered devices, the exclusions, the fix times, …") delegates
 * each clause one of its two or more items names. The lists are read once per document; each clause tests the items.
 */
function listedElsewhere(reading: Reading, item: RegExp): Finding | undefined {
  const lists = reading.own(KEPT_LISTS, () => {
    const out: KeptList[] = []
    for (const block of reading.doc.blocks) {
      if (block.kind === 'heading' || block.kind === 'table-row' || !block.text.includes(':')) continue
      for (const unit of unitsOf(block, false)) {
        const colon = KEPT_COLON.exec(unit.text)
        if (!colon || colon.index > 200) continue
        const head = unit.text.slice(0, colon.index)
        const hit = reading.delegation(head, {block, offset: unit.start})
        if (!hit) continue
        const items = unit.text.slice(colon.index + colon[0].length).split(KEPT_ITEM).filter((x) => /[a-z]{3,}/i.test(x))
        if (items.length >= 2) out.push({unit, verdict: {outcome: 'delegated', start: hit.start, end: hit.end, target: hit.target}, items})
      }
    }
    return out
  })
  for (const list of lists) if (list.items.some((x) => item.test(x))) return {outcome: 'delegated', unit: list.unit, verdict: list.verdict}
  return undefined
}

// Reading: the things a clause lists, named as what a sentence places in another document, are put there, whatever words
// the sentence uses for its topic: as the subject its predicate sends ("Exclusions from the Services are listed in the
// applicable Service Order", "Services excluded from your plan are set out in the Order Form") or as a noun the document is
// said to list ("…, including the exclusions listed therein, …", "the customer obligations set out in Schedule 3"); not what
// the clause's look-alike titles name ("SLA exclusions are listed in the Service Level Schedule"), nor its asides.
const PLACED_NOUN = /(?:^|\s)(?:the|any|all|those|such|its|their|our|your)\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:as\s+)?$/i
const MATTER_HEAD_END = /\s+(?:per|for|of|from|by|in respect of|relating to|related to|regarding|about|concerning|applicable to|on|under|in|to|with|at|within)\s/i
const PLACING = /^(?:set out|set forth|described|specified|detailed|listed|stated|defined|documented|given|contained|identified|named|shown|recorded)\b/i
const LINK_BEFORE = /\b(?:as\s+)?(?:set out|set forth|described|specified|stated|listed|given|defined|provided)\s+(?:in|under)\s+$/i
/** A title in brackets right after a document's name: " (Excluded Items and Rates)" (group 1). */
const BRACKETED_TITLE = /^\s*\(([A-Z][^()]{2,60})\)/
const PARTICIPLE_BEFORE = /\b(?:is|are|shall be|will be|remains?|stays?)\s+([\w-]+)\s+$/i
/** The delegation of a unit that names the clause's items (`re.listItem`, tested by the caller) as what it places elsewhere. */
function itemSent(unit: Unit, reader: Reader<RuleOptions & ClauseOptions>, re: CompiledClause, spec: ClauseRuleSpec): Verdict | undefined {
  const v = reader.delegated(unit)
  if (!v || v.start === undefined || v.end === undefined) return undefined
  // (a part of another document named after its link, "remain as set out in clauses 7 and 5 of the Agreement", is sent
  // what the link sends, as the document named after it is)
  const link = LINK_BEFORE.exec(unit.text.slice(Math.max(0, v.start - 40), v.start))
  const hit = {target: v.target ?? '', start: v.start - (link ? link[0].length : 0), end: v.end}
  const after = unit.text.slice(v.start)
  const placed = PLACING.test(after) ? PLACED_NOUN.exec(unit.text.slice(Math.max(0, v.start - 60), v.start))?.[1] : undefined
  // a paper said to hold named things ("… (the "Support Annex") that sets out: (a) the hours of cover; (b) the severity
  // definitions; …") is sent the clause one of those things names as an item
  const contents = statedContents(unit.text, hit)
  // (and the clause's own participle before "as set out in": "Work that is not one of the Services is excluded as set out
  // in clause 9 of the Master Services Agreement" puts the exclusion there)
  const participle = /^as\s/i.test(after) ? PARTICIPLE_BEFORE.exec(unit.text.slice(Math.max(0, v.start - 40), v.start))?.[1] : undefined
  const matter = sentMatter(unit.text, hit) ?? placed ?? participle
  if (contents !== undefined) {
    if (namesMatter(contents, [re.listItem]) !== true) return undefined
  }
  // (the items as the head of what is sent, not a word that qualifies it: "Fix times per severity are as set out in
  // Schedule 3" sends fix times, not the severities)
  else if (matter === undefined || namesMatter(matter.split(MATTER_HEAD_END)[0]!, [re.listItem]) !== true) {
    // Reading: a document named with its title in brackets ("are listed in Rider B (Excluded Items and Rates)") holds what
    // its title names: what the sentence sends there is the clause the title names as an item, unless the sentence names
    // what it sends as another matter only ("The fees are in Schedule 4 (Backups and Fees)" sends the fees)
    const title = BRACKETED_TITLE.exec(unit.text.slice(v.end))?.[1]
    if (title === undefined || namesMatter(title, [re.listItem]) !== true || (matter !== undefined && namesMatter(matter, [re.listItem]) === false)) return undefined
  }
  if (re.notHeadings?.test(contents ?? matter!) || spec.aside?.(unit.text, unit.block)) return undefined
  return v
}

/** The delegation of a unit whose predicate sends it to another document ("… shall be as set out in Annex C."). */
function sentAway(unit: Unit, reader: Reader<RuleOptions & ClauseOptions>): Verdict | undefined {
  if (!/\b(?:is|are|be|remains?|stays?)\s/.test(unit.text)) return undefined
  const v = reader.delegated(unit)
  return v && v.start !== undefined && v.end !== undefined && sentByPredicate(unit.text, {target: v.target ?? '', start: v.start, end: v.end}) ? v : undefined
}

/** Is every sentence of a home's own prose one that its predicate sends to another document? */
function onlySentAway(home: Section, homeIds: ReadonlySet<number>, reader: Reader<RuleOptions & ClauseOptions>): boolean {
  let any = false
  for (const b of subtreeBlocks(home)) {
    if (!homeIds.has(b.section.id) || b.kind === 'heading' || !b.text.trim()) continue
    for (const s of b.sentences) {
      if (!sentAway({block: b, start: s.start, end: s.end, text: s.text, inHome: true, next: ''}, reader)) return false
      any = true
    }
  }
  return any
}

/** Where cells meet in a table row's text ("Priority: P1 | Restore: 4 hours"). */
const CELL_JOIN = ' | '

// Reading: a statement in one cell of a table row binds only that cell. The row binds a later cell's value to a party when
// a cell names that party ("| Client | Keep antivirus current |"), not when another cell states something of its own
// with its own subject ("| P1 | More than 10 users cannot work | 1 hour | 8 hours |": the users' inability is what
// makes the case P1, and the repair time beside it is no duty of theirs).
/** The party a whole table row binds at `index`, read as boundParty reads it, with cells kept apart as above. */
function rowParty(reading: Reading, text: string, index: number): Party {
  const role = reading.boundParty(text, index)
  if (role === 'unknown') return role
  const start = text.lastIndexOf(CELL_JOIN, index)
  if (start < 0) return role
  const from = start + CELL_JOIN.length
  const next = text.indexOf(CELL_JOIN, index)
  const own = text.slice(from, next < 0 ? text.length : next)
  const inCell = reading.boundParty(own, index - from)
  if (inCell !== 'unknown') return inCell
  // a cell before it that names a party and nothing more (its label aside: "Who: Client") binds the row
  const named = text
    .slice(0, start)
    .split(CELL_JOIN)
    .some((c) => {
      const value = c.replace(/^[^:|]{1,40}:\s/, '').trim()
      return value.split(/\s+/).length <= 4 && reading.firstParty(value) !== 'unknown' && reading.boundParty(value, Math.max(0, value.length - 1)) === 'unknown'
    })
  return named ? role : 'unknown'
}
