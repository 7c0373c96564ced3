// List context: the sentence that introduces a list ("The Provider will:", "… within the following times:"), the items a
// block introduces, and the party an introducing sentence binds.
import {boundParty, firstParty, type ClauseMemo, type Party} from './parties.js'
import type {Block} from '../types.js'
import type {Values} from './values/index.js'

/** Text that introduces a list or table: it ends with ":", "the following …" or "as follows". */
export const INTRODUCES = /(?::|\bfollowing\b[^.]{0,40}|\bas follows)\s*$/i

/**
 * INTRODUCES.test(text), tried on the text's end alone: a match ends the text, after at most the white space that ends
 * it, and is 49 characters long at most before that space ("following" and 40 more), so it starts within the 49
 * characters before the space; one more character is kept before them for the word boundary at the match's start. (The
 * pattern is anchored at the end, but tried from every place of the text: most blocks it is asked of are paragraphs.)
 */
export function introduces(text: string): boolean {
  let end = text.length
  while (end > 0 && white(text.charCodeAt(end - 1))) end--
  return INTRODUCES.test(end > 50 ? text.slice(end - 50) : text)
}
/** Is the code unit one that `\s` matches (white space and line terminators)? */
function white(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/**
 * For a list item, the last sentence of the block that introduced its list, when it ends with ":" or "following". With
 * the source, an item that ends so introduces the items after it that are its own list (`ownItem`).
 */
export function introducer(blocks: readonly Block[], i: number, source?: string): string | undefined {
  const item = blocks[i]!
  if (item.kind === 'table-row') return tableIntroducer(blocks, i)
  if (!isItem(item)) return undefined
  const own = source === undefined ? undefined : markerOf(source, item)
  const inQuote = source !== undefined && quotedLine(source, item)
  // Reading: a paragraph set inside a list item under the item's own lead-in ("1. The Landlord shall provide to the
  // Tenant:" over "   1.1 a dedicated internet connection …;", "   1.2 a segregated VLAN …;") is an item of the list that
  // lead-in introduces, as a nested item is: the first item above it with a marker of its own, over the paragraphs set
  // in it as this one is, is its lead-in when it ends in one
  // (when that item does not lead in, the paragraph is read with the list's own lead-in, as its item is)
  let inItem = source !== undefined && own === undefined && item.kind === 'list-item' && setIn(source, item)
  for (let j = i - 1; j >= 0 && j >= i - 30; j--) {
    const b = blocks[j]!
    if (inItem && isItem(b) && b.section === item.section && !(b.kind === 'list-item' && markerOf(source!, b) === undefined && setIn(source!, b))) {
      if (introduces(b.text.trimEnd().replace(/[.]$/, ''))) return b.sentences[b.sentences.length - 1]?.text ?? b.text
      inItem = false
    }
    // an item quoted from another message ("> 2. What's not in it?") is no item of a list outside the quote, nor the
    // reverse (a lead-in may introduce a list it quotes: "Here's what I can take on:" over "> - keep the PCs patched")
    if (source !== undefined && isItem(b) && quotedLine(source, b) !== inQuote) return undefined
    if (isItem(b)) {
      if (own && b.section === item.section && introduces(b.text.trimEnd().replace(/[.]$/, '')) && ownItem(markerOf(source!, b), own)) return b.sentences[b.sentences.length - 1]?.text ?? b.text
      continue
    }
    if (b.kind === 'heading') return undefined
    const text = b.text.trimEnd()
    return introduces(text.replace(/[.]$/, '')) ? (b.sentences[b.sentences.length - 1]?.text ?? text) : undefined
  }
  return undefined
}

// Reading: a table is read with the sentence that introduces it, as a list is ("Availability target for the managed
// servers, measured per calendar month:" over a row of one percentage per plan): the paragraph right before its first
// row, in the same section, when it ends with ":" or "the following" (looking back over at most 60 rows, as a list item
// looks back over 30 blocks, so that each row costs the same however long its table)
/** For a table row, the last sentence of the paragraph that introduced its table, if any. */
function tableIntroducer(blocks: readonly Block[], i: number): string | undefined {
  const row = blocks[i]!
  let j = i - 1
  while (j >= 0 && j >= i - 60 && blocks[j]!.kind === 'table-row' && blocks[j]!.header === row.header) j--
  const b = j >= 0 ? blocks[j]! : undefined
  if (!b || b.kind !== 'paragraph' || b.section !== row.section) return undefined
  const text = b.text.trimEnd()
  return introduces(text.replace(/[.]$/, '')) ? (b.sentences[b.sentences.length - 1]?.text ?? text) : undefined
}

// A paragraph opened by a letter or roman enumerator ("(a) …", "b. …", "(iv) …") is an item of a list written without
// list syntax; a number ("3. …", "(2)") is not, since numbered paragraphs are the clauses themselves
const ENUMERATED = /^\s*(?:\((?:[a-z]|[ivx]{1,4})\)|(?:[a-z]|[ivx]{1,4})[.)])\s/

/** A list item, or a paragraph written as one ("(a) …", "b. …"). */
function isItem(b: Block): boolean {
  return b.kind === 'list-item' || (b.kind === 'paragraph' && ENUMERATED.test(b.text))
}

/** Is the block's first line set in from the margin (a paragraph indented inside a list item)? */
function setIn(source: string, b: Block): boolean {
  const at = b.position.start.offset
  const from = source.lastIndexOf('\n', at - 1) + 1
  return at > from && /^[ \t]+$/.test(source.slice(from, at))
}

/**
 * Reading: a block on a line of a block quote ("> 2. What's not in it?", a quoted message of an e-mail answered inline) is
 * set apart: items inside the quote and items outside it are not one list (though a lead-in may introduce a quoted list).
 */
function quotedLine(source: string, b: Block): boolean {
  const at = b.position.start.offset
  const from = source.lastIndexOf('\n', at - 1) + 1
  return /^[ \t]{0,3}>/.test(source.slice(from, at + 1))
}

/** The items a block introduces: the list items (or lettered paragraphs) or table rows right after a block ending in ":" or "the following". */
export function introduced(blocks: readonly Block[], i: number, source?: string): string {
  const block = blocks[i]!
  if (!introduces(block.text.trimEnd().replace(/[.]$/, ''))) return ''
  const items: string[] = []
  let inQuote: boolean | undefined
  // a lead-in that is itself a list item introduces its own items (nested, marked otherwise, or set in under it), not
  // the items of its own list after it ("1. The Landlord shall provide:" / "   1.1 …;" / "2. The IT Services end …")
  const lead = source !== undefined && block.kind === 'list-item' ? markerOf(source, block) : undefined
  for (let j = i + 1; j < blocks.length && items.length < 8; j++) {
    const b = blocks[j]!
    if (source !== undefined && inQuote !== (inQuote = quotedLine(source, b)) && items.length > 0) break
    // a list written as lettered paragraphs ("(a) …", "b. …") is a list as a Markdown list is
    if (!isItem(b) && b.kind !== 'table-row') break
    if (lead !== undefined && b.kind === 'list-item') {
      const mark = markerOf(source!, b)
      if (mark ? !ownItem(lead, mark) : !setIn(source!, b)) break
    }
    items.push(b.section === block.section ? b.text : `${b.section.title} ${b.text}`)
  }
  return items.join(' ; ')
}

/** Block `i`'s list context: the sentence that introduced its list, and the items it introduces itself. */
export interface ListContext {
  readonly intro: string | undefined
  readonly after: string
}

/** Block `i`'s `introducer` and `introduced` text (a Reading keeps them, once per document, for all clause rules). */
export function listContext(blocks: readonly Block[], i: number, source?: string): ListContext {
  return {intro: introducer(blocks, i, source), after: introduced(blocks, i, source)}
}

/** How a list item is marked: the kind of its marker ("-", "1.", "1)", "a)", "(i)") and the column it stands at. */
interface Marker {
  readonly kind: string
  readonly indent: number
}
const MARKER = /(?:^|\n)([ \t]*)([-*+•]|\d{1,3}[.)]|[a-z][.)]|\((?:[a-z]|[ivx]{1,4}|\d{1,3})\))[ \t]+(?:\[[ xX]\][ \t]+)?$/

/** The marker of a list item (read from the source before its text) or of a paragraph written as one ("(a) …"). */
function markerOf(source: string, b: Block): Marker | undefined {
  const start = b.position.start.offset
  const m = b.kind === 'list-item' ? MARKER.exec(source.slice(Math.max(0, start - 24), start)) : ENUMERATED.exec(b.text) ? /^(\s*)(\S+)/.exec(b.text) : null
  if (!m) return undefined
  const mark = m[2]!
  const kind = /^[-*+•]$/.test(mark) ? '-' : /^\d+\.$/.test(mark) ? '1.' : /^\d+\)$/.test(mark) ? '1)' : /^\(/.test(mark) ? '()' : 'a)'
  return {kind, indent: m[1]!.length}
}

// Reading: an item that ends in a lead-in ("1. The Contractor shall commence handling a Notification (response) within:")
// introduces the items after it that are its own list, marked otherwise ("1) 1 working hour for an Outage;") or set
// deeper, as a numbered clause's items are written flat under it; an item marked as it is, at its depth, is its sibling
/** Is `item` an item of the list the lead-in item `lead` introduces? */
function ownItem(lead: Marker | undefined, item: Marker | undefined): boolean {
  return lead !== undefined && item !== undefined && (lead.kind !== item.kind || item.indent > lead.indent)
}

// Reading: a paragraph numbered as a sub-clause whose words run on in lower case ("8.1 keep all licences valid;", "8.3
// promptly inform the Provider …" under "8. Obligations of the Client. The Client shall:") continues the sentence of the
// lead-in above it, as a list item does; one that opens a sentence of its own ("8.2 The Provider will …") is a clause
// (and so does one that opens with a capitalised verb of duty in its base form, an adverb before it or not: "8.1 Keep
// all licences valid;", "8.3 Promptly notify the Provider …": the verb of the lead-in's subject, no subject of its own;
// a capitalised noun that opens a sentence, "8.2 Backups are checked …", is a clause of its own)
const DUTY_VERBS = 'keep maintain ensure make provide supply give grant allow permit pay notify inform tell report contact consult use install follow observe comply obtain procure purchase buy license take arrange return protect secure update apply store retain back test check review monitor patch replace repair restore deliver perform carry send submit log raise respond reply answer attend assist cooperate co-operate designate appoint nominate refrain avoid limit restrict remove change reset approve sign document record train bear reimburse acknowledge escalate'
const CAPITALISED_DUTY = DUTY_VERBS.split(' ').map((v) => v[0]!.toUpperCase() + v.slice(1)).join('|')
// (a word opening a subject is followed by its verb within a word or two: "Record keeping is …", "Supply of power is …")
const NOT_A_SUBJECT = String.raw`(?![ \t]+(?:of\b|(?:[a-z]+[ \t]+)?(?:is|are|was|were|will|shall|must|may|can|has|have|had)\b))`
export const CONTINUING_SUBCLAUSE = new RegExp(String.raw`^\s*\d+\.\d+\.?[ \t]+(?:[a-z]|[A-Z][a-z]+ly${NOT_A_SUBJECT}[ \t]+[a-z]|(?:${CAPITALISED_DUTY})\b${NOT_A_SUBJECT})`)

/**
 * The party bound by the sentence that introduces the list item at `i` ("The Client will:" → customer), looking back
 * over at most 12 blocks.
 */
export function introducingParty(blocks: readonly Block[], i: number, names: ReadonlyMap<string, Party>, memo?: ClauseMemo): Party {
  let crossed = false
  const continuing = blocks[i]!.kind === 'paragraph' && CONTINUING_SUBCLAUSE.test(blocks[i]!.text)
  for (let j = i - 1; j >= 0 && j >= i - 12; j--) {
    const b = blocks[j]!
    if (b.kind === 'heading') {
      crossed = true
      continue
    }
    // an item before this one is its sibling, unless it introduces the items after it itself ("F1. The Town Council
    // will:", "3. The Customer shall:")
    // (sub-clauses numbered under it, "7.1.3 …", are siblings too)
    if ((b.kind === 'list-item' || /^\s*(?:\(?[a-z0-9]{1,3}[.)]|\d+(?:\.\d+){2,}\.?)\s/i.test(b.text) || CONTINUING_SUBCLAUSE.test(b.text)) && !introduces(b.text.trimEnd())) continue
    const last = b.sentences[b.sentences.length - 1]
    if (!last) return 'unknown'
    // a paragraph of an earlier section binds the list only when it introduces it ("The Client shall:"); one that ends
    // a clause of its own ("You pick the priority when you call.") says nothing of the list under the next heading
    if ((crossed || b.section !== blocks[i]!.section) && !introduces(b.text.trimEnd())) return 'unknown'
    // (a sub-clause in lower case runs on from a lead-in only: after "The Client keeps its NAS on." it runs on from nothing)
    if (continuing && !introduces(b.text.trimEnd())) return 'unknown'
    const bound = boundParty(last.text, Math.max(0, last.text.length - 1), names, memo ? {memo} : {})
    // "Client acknowledges that …, including:" — the party the introducing sentence is about
    if (bound !== 'unknown') return bound
    // "Client acknowledges that …, including:": the sentence's own subject, when it opens with a party
    const subject = /^\W*(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)/.exec(last.text)
    return subject ? firstParty(subject[1]!, names) : 'unknown'
  }
  return 'unknown'
}

/**
 * The bold label a paragraph or list item opens with ("**After 5pm and weekends:** …", "**Your side.** …"): such a
 * label titles its block as a heading titles a section. Undefined when the block does not open with one.
 */
export function leadLabel(source: string, block: Block): string | undefined {
  if (block.kind !== 'paragraph' && block.kind !== 'list-item') return undefined
  const start = block.position.start.offset
  const head = source.slice(start, start + 80)
  const m = /^[ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(\*\*|__)([^*_\n]{2,60}?)\1/.exec(head)
  if (!m) return undefined
  return m[2]!.replace(/[\s.:;,–—-]+$/, '').trim() || undefined
}

// Reading: a paragraph that opens with a short phrase closed by a full stop and goes on with the text the phrase heads
// ("How fast we respond. We will return your call within 1 hour …", "Your data. We back up …", "5.1 Backups. The
// Provider …") is titled by that phrase, as by a bold run-in label: the phrase is a title, not a sentence, when it is a
// clause of "how", "when", "what", … left without a main clause ("When equipment fails."), or has no subject pronoun and
// no auxiliary of its own ("Evenings and weekends."); a text whose bold was lost (pasted, converted from a PDF or a
// letter) writes its labels so
const RUN_IN = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?([A-Z][A-Za-z'’&/-]*(?:\s+[A-Za-z'’&/-]+){0,5})\.$/
const WH_FRAGMENT = /^(?:how|when|what|where|who|why|which)\s/i
const SENTENCE_WORD = /\b(?:we|you|i|they|he|she|it|is|are|was|were|will|shall|must|may|can|could|would|should|do|does|did|has|have|had|be|been|am|not|no|yes|please|thank|thanks|hello|hi|dear|regards|sincerely)\b/i

/** The plain title a paragraph opens with (see RUN_IN): undefined when its first sentence is a sentence, or its only one. */
export function runInTitle(block: Block): string | undefined {
  if (block.kind !== 'paragraph' || block.sentences.length < 2) return undefined
  const m = RUN_IN.exec(block.sentences[0]!.text.trim())
  if (!m) return undefined
  const title = m[1]!
  return WH_FRAGMENT.test(title) || !SENTENCE_WORD.test(title) ? title : undefined
}

// Reading: a short lead-in that introduces a list ("What we'll do for Okafor Family Dentistry:", "Response times:", "The
// monthly fee does not cover:") is a title over the list's items, as a bold label over them would be: the items complete
// it, whatever their own words (one that opens on a party, "The Client agrees to:", is that party's sentence: see
// Reading.leadTitle)
/** The title a list item's lead-in gives it (see listContext): the lead-in without its colon, when it is a title's length. */
export function leadTitle(intro: string | undefined): string | undefined {
  if (intro === undefined || intro.length > 70) return undefined
  const t = intro.trim()
  if (!t.endsWith(':')) return undefined
  const title = t.slice(0, -1).replace(/^[*_]+|[*_]+$/g, '').trim()
  return title.split(/\s+/).length <= 8 && /^[A-Z]/.test(title) ? title : undefined
}

/**
 * Reading: a paragraph opened by a bold run-in label ("**Services not in this catalogue** – The following are not included
 * in the monthly fees:") titles, as a heading titles its section, the blocks after it up to the next heading, the next
 * paragraph opened by a label of its own or the next section: the list its lead-in introduces, and the paragraphs that
 * say more of what it titles ("Such work is done only on a written quotation …"). Block `i` and those blocks, twelve
 * after it at most; `labelled` says whether a block opens with a label.
 */
export function labelRun(blocks: readonly Block[], i: number, labelled: (b: Block) => boolean): Block[] {
  const first = blocks[i]!
  const run = [first]
  for (let j = i + 1; j < blocks.length && j <= i + 12; j++) {
    const b = blocks[j]!
    if (b.kind === 'heading' || b.section !== first.section || (b.kind === 'paragraph' && labelled(b))) break
    run.push(b)
  }
  return run
}

// Reading: the term a definition opens with titles the definition, however the term is marked: in bold ("**Business
// Hours** means …", read above as any bold label), in quotes ('"Excluded Services" means: (a) projects; …'), or in both
// ('"**Backup Schedule**" means …', '**"Priority Level"** means …'), as a heading titles its section (the Reading leaves
// out a definition that only points at another document: '"Minimum Standards" means the standards set out in Schedule C')
const QUOTED_TERM = /^[ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+|\([a-z\d]{1,3}\)[ \t]+)?(?:\*\*|__)?["“](?:\*\*|__)?([^"”*_\n]{2,60}?)(?:\*\*|__)?["”](?:\*\*|__)?[ \t]+(?:means|shall mean|refers to|is defined as)\b/

/** The term a block opens by defining it in quotes ('"Excluded Services" means …'), read from the source. */
export function quotedTerm(source: string, block: Block): string | undefined {
  if (block.kind !== 'paragraph' && block.kind !== 'list-item') return undefined
  const start = block.position.start.offset
  const head = source.slice(start, start + 80)
  if (!head.includes('"') && !head.includes('“')) return undefined
  const m = QUOTED_TERM.exec(source.slice(start, start + 160))
  return m ? m[1]!.trim() || undefined : undefined
}

/** An unticked option of a task list ("- [ ] Daily, 30 days kept"): offered, not agreed. */
export function unticked(source: string, block: Block): boolean {
  if (block.kind !== 'list-item') return false
  const start = block.position.start.offset
  const head = source.slice(start, start + 16)
  // (both forms hold the empty box within the first 16 characters: most items have none)
  return head.includes('[ ]') && (/^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\[ \][ \t]/.test(head) || /^\[ \][ \t]/.test(head.slice(0, 4))) && !DUE.test(block.text) && !TOLD.test(block.text)
}

// Reading: an unticked item that asks the reader to give or tell the writer something ("- [ ] Send us the support contract
// number", "- [ ] Give us admin access", "- [ ] Let us know who approves purchases", "- [ ] Return the signed form to us")
// is a to-do the agreement sets, not an option it offers (an option names a service or a standard the reader may take:
// "- [ ] Managed print", "- [ ] Keep every PC on a supported release")
const TOLD = /^\W*(?:please\s+)?(?:(?:send|give|let|tell|show|email|e-mail|forward|pass|lend|provide|supply|return|grant|share|get)\s+(?:us|me)\b|(?:let|tell) (?:us|me) know\b|(?:provide|supply|return|grant|share|send|give|forward)\s+[^.;:]{1,60}?\s+to\s+(?:us|me)\b)/i
// Reading: an unticked item that sets a date to do it by ("- [ ] Replace the 3 old laptops by 2027-06-30", "… before
// go-live") is a task of a checklist still to be done, which the agreement sets, not an option it offers (an option is
// chosen, never due)
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*`
const DUE = new RegExp(
  String.raw`(?:by|before|no later than|not later than)\s+(?:(?:the\s+)?(?:go[- ]live|launch|cut-?over|handover|hand-over|start|end)|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}|${MONTH}\s+\d{1,2}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})`,
  'i',
)

// a message in the form of a question: opened by a question word or an auxiliary ("what's not in it", "and if something
// breaks how fast are you on it", "anything you need from us", "do you back up the laptops")
const CHAT_ASKS = /^\W*(?:(?:and|so|ok|okay|also|but|then|right)\b[,.]?\s+)?(?:what|how|when|where|who|which|why|anything|any|is|are|do|does|did|can|could|will|would|should|shall)\b/i

/** A paragraph that asks a question of a Q/A text: "Q: What is not covered?", "Question: …?", or a bold "**When can I reach you?**". */
const QUESTION_MARK = /^\s*(?:q|question)\s*[:.]\s*/i

/**
 * The question a paragraph asks, when the paragraph is only that question (marked "Q:" or set in bold, ending in "?"),
 * without its mark: "What is not covered?". Undefined for any other block.
 */
export function questionText(source: string, block: Block): string | undefined {
  if (block.kind !== 'paragraph' || block.sentences.length > 1) return undefined
  const text = block.text.trim()
  // a chat message that only asks ("And what's not in it?", "anything you need from us"): the question mark is often
  // left out in a chat, where a short message in the form of a question asks one
  if (block.sender !== undefined && text.length <= 120 && (text.endsWith('?') || (!/[.!:;]$/.test(text) && CHAT_ASKS.test(text)))) return text
  if (!text.endsWith('?') || text.length > 160) return undefined
  const marked = QUESTION_MARK.exec(text)
  if (marked) return text.slice(marked[0].length)
  const label = leadLabel(source, block)
  return label !== undefined && label.replace(/\?$/, '') === text.replace(/[\s?]+$/, '') ? text : undefined
}

/**
 * In a Q/A text, the question that block `i` answers: the nearest question paragraph above it in the same section,
 * with only its answer between them (at most 8 blocks, no other question). A question titles its answer as a heading
 * titles its section ("**Q: What is not covered?**" / "A: Hardware purchases, cabling …").
 */
export function answeredQuestion(source: string, blocks: readonly Block[], i: number): string | undefined {
  const block = blocks[i]!
  if (block.kind === 'heading' || questionText(source, block) !== undefined) return undefined
  const quoted = onQuoteLine(source, block)
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
    const b = blocks[j]!
    if (b.kind === 'heading' || b.section !== block.section) return undefined
    // a reply under a quoted message: the quote it stands under is what it answers
    // (within its own message: not past a rule line or the header of the next message of the thread)
    if (!quoted && onQuoteLine(source, b)) return newMessage(source, b, block) ? undefined : quotedQuestion(source, blocks, j)
    const q = questionText(source, b)
    if (q === undefined) continue
    // in a chat, the answer is what others say to it: the asker's next message asks or says something else
    if (b.sender !== undefined && blocks.slice(j + 1, i + 1).some((x) => x.sender === b.sender)) return undefined
    return q
  }
  return undefined
}

const ASKS = /\?["”’')\]*_]*\s*$/

/**
 * Reading: in a reply written under the lines it quotes (an e-mail answered inline: "> 2. What's not in it?" over "BK:
 * Projects, hardware purchases …"), a quoted block that asks a question is the question the blocks under it answer, up
 * to the next quoted block, as a heading titles its section; a quote that asks nothing titles nothing. `j` is the last
 * block of the quote: the question is its asking sentences with those of the quoted blocks just before it (a question
 * quoted over two lines, "> 3. What are your hours?" / "> We're in Chicago.").
 */
/** quotedLine read character by character: asked of every block and the blocks above it, so without a pattern. */
function onQuoteLine(source: string, b: Block): boolean {
  const at = b.position.start.offset
  let k = source.lastIndexOf('\n', at - 1) + 1
  for (let spaces = 0; k < at && spaces < 3 && (source[k] === ' ' || source[k] === '\t'); k++) spaces++
  return k <= at && source[k] === '>'
}

// a rule line ("---", "***") or a message header line ("From: …", "**From:** …", "On 4 April, Ben wrote:")
const MESSAGE_BREAK = /^[ \t]{0,3}(?:(?:[-*_][ \t]*){3,}$|[*_]{0,2}(?:from|sent|date|subject)[ \t]*:|on\b[^\n]{0,80}\bwrote:[ \t]*$)/im

/** Does a new message of the thread start between block `from` and block `to` (a rule line or a header line)? */
function newMessage(source: string, from: Block, to: Block): boolean {
  return MESSAGE_BREAK.test(source.slice(from.position.end.offset, to.position.start.offset))
}

function quotedQuestion(source: string, blocks: readonly Block[], j: number): string | undefined {
  const asked: string[] = []
  const section = blocks[j]!.section
  for (let k = j; k >= 0 && k > j - 4; k--) {
    const b = blocks[k]!
    if (b.kind === 'heading' || b.section !== section || !quotedLine(source, b)) break
    if (b.kind !== 'paragraph' && b.kind !== 'list-item') break
    const asks = b.sentences.filter((s) => ASKS.test(s.text)).map((s) => s.text.trim())
    if (asks.length) asked.unshift(...asks)
  }
  const q = asked.join(' ')
  return q && q.length <= 200 ? q.replace(QUESTION_MARK, '') : undefined
}

/** An answer's mark at a line's start: "A:", "Answer:". */
const ANSWER_MARK = /^\s*(?:a|answer)\s*[:.]\s/i

/**
 * In a Q/A written in one paragraph ("Q: What is not covered?" / "A: Cabling, CCTV …" / "Q: …" on the lines after), the
 * question each sentence answers, by sentence: the last question marked "Q:" on a line of its own and answered on the
 * next line by one marked "A:", up to the next question (undefined for a question itself and for what comes before the
 * first). Undefined for any block that holds no such question.
 */
export function inlineAnswers(block: Block): ReadonlyArray<string | undefined> | undefined {
  const sentences = block.sentences
  if (block.kind !== 'paragraph' || sentences.length < 2 || !block.text.includes('\n')) return undefined
  const lineStart = (at: number): boolean => at === 0 || /\n[ \t]*$/.test(block.text.slice(Math.max(0, at - 8), at))
  let asked: string | undefined
  let answered = false
  const out = sentences.map((s, k) => {
    const marked = lineStart(s.start) ? QUESTION_MARK.exec(s.text) : null
    if (marked && ASKS.test(s.text)) {
      const next = sentences[k + 1]
      asked = next && lineStart(next.start) && ANSWER_MARK.test(next.text) ? s.text.slice(marked[0].length).trim() : undefined
      answered ||= asked !== undefined
      return undefined
    }
    return asked
  })
  return answered ? out : undefined
}

/** A title that names levels of urgency ("Fault levels", "Priorities and targets", "Severity"), not service levels. */
const LEVELS_TITLE = /\b(?:priorit\w*|severit\w*|urgen\w*|levels?|categor\w*|classif\w*)\b/i
const NOT_LEVELS_TITLE = /\bservice[- ]levels?\b|\bsla\b/i
/** What keyHeader gives a column of levels that has no header of its own. */
export const LEVEL_KEY = 'Priority'

/**
 * The header over the key column (the first) of the table that holds row `i`: as written, or, for a table written as a
 * list of records ("- **Critical** — Response: 1 hour; Fix: 4 hours"), which has none over its keys, `LEVEL_KEY` when
 * its keys name levels of urgency, as a "Priority" header over them would say: two or more of its keys are level names
 * (`isLevel`: "Critical", "P2", "Severity 3"), or the list stands under a lead-in or a title that names levels ("Fault
 * levels", "Priorities and targets"), whatever its keys' words ("Dead line", "Chair-down").
 */
export function keyHeader(blocks: readonly Block[], i: number, isLevel: (key: string) => boolean): string {
  const block = blocks[i]
  const header = block?.header
  if (!block || block.kind !== 'table-row' || !header || header[0] === undefined || header[0].trim()) return header?.[0] ?? ''
  let first = i
  while (first > 0 && blocks[first - 1]!.header === header) first--
  let levels = 0
  for (let j = first; j < blocks.length && blocks[j]!.header === header; j++) if (isLevel((blocks[j]!.cells?.[0] ?? '').replace(/[*_]/g, '').trim())) levels++
  if (levels >= 2) return LEVEL_KEY
  const lead = blocks[first - 1]
  const titles = block.section.path.slice(-2)
  if (lead && lead.kind === 'paragraph' && lead.section === block.section && introduces(lead.text.trimEnd())) titles.push(lead.sentences[lead.sentences.length - 1]?.text ?? lead.text)
  return titles.some((t) => LEVELS_TITLE.test(t) && !NOT_LEVELS_TITLE.test(t)) ? LEVEL_KEY : ''
}

/** A table's key that is a level's name: it opens with a level ("Critical", "P2", "Severity 3 (High)"), in four words at most. */
export function isLevelName(key: string, values: Values): boolean {
  return key.split(/\s+/).length <= 4 && values.priorities[0]?.start === 0
}
