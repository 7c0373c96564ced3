// Builds the Document once per file: section tree, prose blocks with source maps, sentences.
import type {Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {parseMarkdown, type ParseCache, type ParserName} from './parse.js'
import {lastAtMost, lineIndex, lineStarts, splitSentences} from './text.js'
import type {Block, BlockKind, Document, Point, Position, Section, SectionKind, Segment, Sentence, SourceFile, TextRange, TreeMark} from './types.js'
import {yaml} from './deps.js'

type MutableSection = Section & {rank: number}

// "4.2 Response Times", "Section 5. Backups", "12.1.3 – Escalation", "§ 3 Remuneration" (the section sign is a clause word)
const NUMBERED_TITLE = /^(?:(?:section|clause|article|schedule|part|annex|exhibit|appendix)\s+|§\s*(?=\d))?(\d{1,3}(?:\.\d{1,3})*|[A-Z]|[IVX]{1,5})(\.|\)|:)?(?:\s*[–—-]\s*|\s+)(\S.*)$/i
const BOLD_NUMBER = /^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$/
// A bold run-in title led by a clause word and its number ("**Section 1.01 Monthly Fee.** Client shall pay …", "**Clause
// 4.2 Backups.** …") titles its clause as a bare number does ("**4.2 Backups.**")
const BOLD_CLAUSE_NUMBER = /^(?:Section|Clause|Article|Art\.|§)\s*(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$/
const TAB_LINE = /^(\d{1,3}(?:\.\d{1,3})*)\.?\t+([^\t\r\n]+)/
const SHORT_NUMBERED_LINE = /^(\d{1,3}(?:\.\d{1,3})+|\d{1,3}\.)[ \t]+([A-Z][^.:;!?\n]{1,70}|[A-Z][^.:;!?\n]{1,90}\?|(?:Describe|State|Explain|Outline|List|Detail|Specify|Indicate)[ \t]+(?:your|how|what|whether|which|when|who|where|the)\b[^.:;!?\n]{1,90}\.)$/
// a request a questionnaire makes, in the imperative ("Describe your backup approach.", "State your support hours."): it
// asks, as a question does
const REQUEST = /^(?:Describe|State|Explain|Outline|List|Detail|Specify|Indicate)[ \t]+(?:your|how|what|whether|which|when|who|where|the)\b[^.:;!?\n]{1,90}\.$/
// "3.2 Not covered. Printers, phones …", "4.1 Response times: P1 within 1 hour": a short title run in before the text
// (after a colon the text opens with a capital: "2.3 Not included: the LAN cabling" is a lead-in of one sentence)
// (led by a clause word too: "Sec. 2.03 Severity Levels. Provider will …")
const RUN_IN_TITLE = /^(?:(?:Sec\.|Section|Clause|Article|Art\.)[ \t]+)?(\d{1,3}(?:\.\d{1,3})+)[ \t]+([A-Z][^.:;!?\n\d]{1,40}?)(?:\.[ \t]+(?=\S)|:[ \t]+(?=[A-Z0-9]))/
// a named subject and a verb in lower case after it is a sentence: "The Managed Services exclude", "Each Party agrees"
// Reading: a heading that is a numbered clause's sentence (a paragraph number such as "2.2", then six words or more with
// a verb of a clause, ended by a full stop, a colon or a semicolon: "## 2.2 The following are excluded from the
// Services:", "## 4.3 The Provider shall resolve all incidents as soon as reasonably possible.") is a numbered paragraph a
// word processor exported as a heading: it is read as that paragraph, its words judged as the clause's text; a title
// ("## 2.2 Exclusions", "## 3.2 What is not included, and how is other work billed?") stays a heading
const EXPORTED_PARAGRAPH = /^\d{1,3}(?:\.\d{1,3})+\.?\s+(?=(?:\S+\s+){5})(?=[^?]*\b(?:means|shall|will|must|may|is|are)\b)[^?]*[.:;]$/
const SUBJECT_AND_VERB = /^(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose|[Oo]ur|[Yy]our|[Ee]ach|[Aa]ll|[Aa]ny|[Ee]very|[Ee]ither|[Nn]either)\s+(?:[A-Z][\w’'-]*\s+)+[a-z]+$/
// a run-in title is a name, not a statement or an abbreviation: no verb or pronoun, no "Ltd." or "e.g."
const NOT_A_TITLE = /\b(?:means|mean|shall|will|must|may|can|cannot|is|are|was|were|be|been|has|have|had|do|does|did|includes?|applies|apply|ltd|inc|co|no|nos|pty|plc|st|dr|mr|mrs|ms|e\.g|i\.e|etc|vs|approx)\s*$|\b(?:means|shall|will|must|may|can|cannot|is|are|was|were|has|have|does|do|did|we|you|they|it|i|he|she)\b/i
const VARIABLE_SPAN = /^<span\b[^>]*class\s*=\s*["']?([\w-]*link[\w-]*)/i
const KNOWN_TAG = /^<\/?(?:a|abbr|b|big|blockquote|br|center|cite|code|col|colgroup|dd|del|details|div|dl|dt|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|q|s|small|span|strike|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead|time|tr|u|ul|!--)(?=[\s>/]|$)/i
// an HTML block that opens or closes a disclosure ("<details><summary>Title</summary>", "</details>"), and its tags in order
/** A fence's language that names plain text: "text", "txt", "plain", "plaintext". */
const PLAIN_TEXT_LANG = /^(?:text|txt|plain|plaintext)$/i
/** A fence line, opening or closing. */
const FENCE = /^\s*(?:`{3,}|~{3,})/
/** The rule under a fixed-width table's column titles: runs of dashes (two or more) separated by spaces, nothing else. */
const TEXT_TABLE_RULE = /^\s*-{2,}(?:[ \t]+-{2,})+\s*$/
/** A footnote mark at the end of a column title ("RESPOND [2]"): it points at a note, it is no word of the title. */
const FOOTNOTE_MARK = /\s*(?:\[\d{1,2}\]|\(\d{1,2}\))$/
const DISCLOSURE = /<summary\b[^>]*>[\s\S]*?<\/summary\s*>|<\/details\s*>/i
const DISCLOSURE_TAGS = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>|<\/details\s*>/gi
const HEADER_SPAN = /^<span\b[^>]*class\s*=\s*["']?header_(\d)/i

// Reading: a front-matter key names a term of service when its words do ("support_hours", "services", "backups",
// "response_times", "sla"): its value states that term; a key that names the document or a party ("title", "version",
// "date", "author", "tags", "provider", "support_email") is metadata, which credits nothing
const TERM_KEY = /\b(?:services?|catalog(?:ue)?|scope|inclu(?:des|ded|sions?)|exclu(?:des|ded|sions?)|(?:not|out of) (?:included|covered|scope)|hours|coverage|after hours|out of hours|on call|response|respond|resolution|resolve|fix|restore|recovery|rto|rpo|priorit(?:y|ies)|severit(?:y|ies)|backups?|retention|snapshots?|availability|uptime|performance|sla|service levels?|targets?|requirements?|minimum standards|obligations|responsibilit(?:y|ies)|hardware|equipment|failures?|rates?|fees?|pricing|charges?|escalation|maintenance|support)\b/
const IDENTITY_KEY = /\b(?:name|id|email|e mail|phone|tel|url|link|contact|owner|manager|provider|customer|client|ref|reference|no|number|version|date|title|tags?|labels?|author|by)$/
/** A map key that ends a range its previous key opened ("from: 08:30" then "to: 17:30"). */
const RANGE_END_KEY = /^(?:to|until|till|through|thru|end|ends)$/

/**
 * Characters that do not show (Unicode's default-ignorable code points: zero-width space, joiners, word joiner, soft
 * hyphen, bidi embeddings and isolates, variation selectors): a text read for rules leaves them out, so they cannot hide
 * a word from a rule. Findings still point into the original text.
 */
export const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu

/** A character from U+00AD on, where the invisible ones begin. */
const BEYOND_LATIN1 = /[^\0-\xac]/

/** Thrown for a text nested deeper than MAX_NESTING: Markdown parsers take minutes on such texts (micromark's
 * container handling is quadratic in depth: 10,000 nested list items take two minutes) and recursive walks overflow. */
export class TooDeepError extends Error {}

/** Deepest nesting of lists and block quotes read; agreements nest a handful of levels. */
export const MAX_NESTING = 1000

/**
 * An upper estimate of the deepest list or block-quote nesting in a text, line by line: every `>`, list marker and
 * two columns of indentation at the start of a line count as one level.
 */
export function nestingDepth(source: string): number {
  let deepest = 0
  let depth = 0
  let indent = 0
  let start = true
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i)
    if (c === 10 || c === 13) {
      start = true
      depth = 0
      indent = 0
      continue
    }
    if (!start) continue
    if (c === 32) indent++
    else if (c === 9) indent += 4
    else if (c === 62 /* > */) depth++
    else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isSpaceOrEnd(source.charCodeAt(i + 1))) depth++
    else if (c >= 48 && c <= 57) {
      let j = i
      while (j < source.length && j - i < 9 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++
      const d = source.charCodeAt(j)
      if ((d === 46 || d === 41) /* . ) */ && isSpaceOrEnd(source.charCodeAt(j + 1))) {
        depth++
        i = j
      } else start = false
    } else start = false
    // indentation counts only before a marker: a deeply indented line of text is code, not nesting
    if (start && c !== 32 && c !== 9 && depth + (indent >> 1) > deepest) deepest = depth + (indent >> 1)
  }
  return deepest
}

const isSpaceOrEnd = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c)

/** Front matter YAML: the data, or why it is not valid YAML ("line 2, column 10: invalid YAML (…)"; duplicate keys too). */
export function parseFrontMatter(text: string): {data: unknown} | {error: string} {
  const doc = yaml().parseDocument(text, {prettyErrors: true, uniqueKeys: true})
  const error = doc.errors[0]
  if (error) {
    const at = error.linePos?.[0]
    // the front matter starts on the document's second line, after "---"
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    return {error: `${at ? `line ${at.line + 1}, column ${at.col}: ` : ''}invalid YAML (${reason})`}
  }
  try {
    return {data: doc.toJS({maxAliasCount: 1000}) as unknown}
  } catch {
    return {error: 'invalid YAML (too many aliases: expanding them would exhaust memory)'}
  }
}

/** Parse and index an agreement. */
export function buildDocument(source: string, filePath = '<text>', options: {firstSectionId?: number; parseCache?: ParseCache; parser?: ParserName} = {}): Document {
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1)
  // the nesting is read line by line and parts start at a line: with a parse cache, each part is read before it is
  // parsed, and a kept part was read when it was parsed
  const tooDeep = (text: string): void => {
    if (nestingDepth(text) > MAX_NESTING) throw new TooDeepError(`nested more than ${MAX_NESTING} levels deep`)
  }
  if (!options.parseCache) tooDeep(source)
  const tree = parseMarkdown(source, {...(options.parseCache ? {cache: options.parseCache, beforeParse: tooDeep} : {}), ...(options.parser ? {parser: options.parser} : {})})
  const cache = options.parseCache
  const firstId = options.firstSectionId ?? 0
  let built: Omit<Document, 'tree'> | undefined
  if (cache) {
    // an editor's next build: the last document, its positions moved, when the edit provably changes nothing else
    const last = cache.last as LastBuild | undefined
    cache.last = undefined
    if (last && last.filePath === filePath && last.firstId === firstId && last.parser === options.parser) {
      const reused = reuseBuild(last, source, tree, cache)
      if (reused) {
        built = reused.doc
        cache.last = reused
        cache.builds.reused++
      }
    }
  }
  if (!built) {
    const builder = new Builder(source, filePath, tree, firstId, cache)
    built = builder.build()
    if (cache) {
      const last: LastBuild = {source, filePath, firstId, parser: options.parser, order: cache.order, doc: built, starts: builder.lineStarts, spans: builder.spans!, compounds: builder.compounds, listed: builder.listed}
      cache.last = last
      cache.builds.full++
    }
  }
  // the editor's parse cache holds the tree's parts anyway; elsewhere the tree is not kept past this point
  const parser = options.parser
  return withTree(built, options.parseCache ? tree : undefined, () => parseMarkdown(source, parser ? {parser} : {}))
}

/** What a build with an editor's parse cache read, kept in the cache for the next build (see reuseBuild). */
interface LastBuild {
  readonly source: string
  readonly filePath: string
  readonly firstId: number
  readonly parser: ParserName | undefined
  /** The parse's parts in order (the cache's `order` after it). */
  readonly order: ParseCache['order']
  readonly doc: Omit<Document, 'tree'>
  readonly starts: number[]
  /** Where each top-level node's blocks and sections start (see Builder.spans). */
  readonly spans: {readonly blocks: readonly number[]; readonly sections: readonly number[]}
  readonly compounds: readonly Compound[]
  /** The paragraphs the pass over paragraphs written as list items made items (of `doc.blocks`). */
  readonly listed: ReadonlySet<Block>
}

/** The edited top-level nodes read again (see reuseBuild): the last build's blocks from..to and sections sFrom..sTo they replace. */
interface EditRead {
  readonly nodesNew: readonly RootContent[]
  /** The hyphens' compounds read outside the edited nodes, moved. */
  readonly compounds: Compound[]
  readonly from: number
  readonly to: number
  readonly sFrom: number
  readonly sTo: number
  /** Where the edited nodes were in the old source. */
  readonly nodeFrom: number
  readonly nodeTo: number
  /** For an edit that joins or splits nodes: the section and sender of every block read again, and the nodes' new spans. */
  readonly joined?: {readonly section: Section; readonly sender: string | undefined; readonly kinds: readonly BlockKind[]; readonly spans: LastBuild['spans']}
}

/** Does text[from, to) hold a line break? */
function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 13) return true
  }
  return false
}

/** Are two values of an mdast node's field (other than its position, children and value) the same? */
function sameField(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * What the nodes around a top-level node read of it (see Builder.step, groupOver, outline), given the nodes before and
 * after it: whether it is body text and whether it opens a clause titled in capitals (read only by a title line or a
 * list before it, directly or through the title lines over it), whether it ends in a colon (read only by a list after
 * it), and whether it opens a letter's closing (which closes the sections open before it); undefined for a title line.
 */
function readFromAround(node: RootContent, source: string, before: RootContent | undefined, after: RootContent | undefined): string | undefined {
  if (capitalLine(node) !== undefined || boldLine(node) !== undefined) return undefined
  const p = node.type === 'paragraph' ? node : undefined
  const titled = before !== undefined && (before.type === 'list' || capitalLine(before) !== undefined || boldLine(before) !== undefined)
  const colon = after?.type === 'list' && p !== undefined && /:\s*$/.test(source.slice(p.position?.start.offset ?? 0, p.position?.end.offset ?? 0))
  const closing = p !== undefined && p.children[0]?.type === 'text' && CLOSING.test(p.children[0].value)
  return `${titled && isBody(node)} ${titled && opensTitledClause(node)} ${colon} ${closing}`
}

/** What the pass over paragraphs written as list items (Builder.paragraphItems) reads of a block, as first made. */
function readAsItem(b: Block): string {
  return `${b.kind} ${leadsIn(b.text)} ${paragraphItem(b, true)} ${paragraphItem(b, false)} ${POINTS_BACK.test(b.text)} ${SIGNING_LEAD.test(`${b.text.trimEnd().replace(/[.:]$/, '')}:`)}`
}

/**
 * What reading one top-level node did beyond its blocks' texts: the sections it opened (their kind, title, number,
 * rank, place and parent), the open sections it left, the document title, the group titles and numbered heads, the
 * sender of a chat and a list item's title left for the next block, and each block's kind, section, sender and what
 * the list-item pass reads of it. Offsets are given through `offset` (the old build's moved to where the new one's are).
 */
function readingOf(b: Builder, offset: (o: number, end: boolean) => number, withBlocks = true): string {
  const index = (s: Section | undefined): number => (s ? b.sections.indexOf(s as MutableSection) : -2)
  const where = (p: Position): number[] => [offset(p.start.offset, false), offset(p.end.offset, true), p.start.line, p.end.line]
  return JSON.stringify({
    sections: b.sections.slice(1).map((s) => [s.kind, s.number, s.rank, s.depth, where(s.headingPosition), index(s.parent)]),
    stack: b.stack.map(index),
    title: index(b.title),
    groups: [...b.groups].map(index),
    heads: [...b.heads].map(index),
    sender: b.sender ?? null,
    pending: b.pendingTitle !== undefined,
    disclosures: b.disclosures.length,
    blocks: withBlocks ? b.blocks.map((k) => [index(k.section), k.sender ?? null, k.title !== undefined, readAsItem(k)]) : [],
  })
}

/** A block's text and where it is, for comparing two readings of one node (its kind, section and sender aside). */
function blockShape(b: Block): unknown {
  return [b.text, b.position, b.segments, b.variables, b.sentences.map((s) => [s.index, s.start, s.end, s.text]), b.header ?? null, b.cells ?? null, b.title ? blockShape(b.title) : null]
}

/**
 * The last build's document, made again for an edited source without building the tree again, when the edit provably
 * changes nothing the build read but one top-level node: the edit is within one line, and the mdast of what was parsed
 * again is the same but within the top-level node that holds the edit (the same nodes, fields and positions, moved by
 * the edit; that node of the same type, held in the old text or, for a line typed on a blank line, in the new). That
 * node is read again as the build reads it (in a builder of its own, once with the old source and once with the new),
 * and both readings must open the same sections, leave the same state and give blocks of the same kinds in the same
 * sections, read alike by the list-item pass, the old one equal to the last build's; what the nodes around it read of
 * it, whether the edited line opens a chat message, the wrapped line breaks of the runs of lines about it and every
 * hyphen reading that searched the whole source must stay as they were. The document is then the last one with every
 * position after the edit moved, and the node's blocks (and titles) as read again. Undefined where any of that does not
 * hold (the caller builds the tree in full).
 */
function reuseBuild(last: LastBuild, source: string, tree: Root, cache: ParseCache): LastBuild | undefined {
  if (cache.previous !== last.order) return undefined
  const old = last.source
  const unchanged = old === source
  // the parts parsed again, in the old parse and the new (the text before and after them is the same)
  const before = cache.previous
  const after = cache.order
  let a = 0
  while (a < before.length && a < after.length && before[a] === after[a]) a++
  let bOld = before.length
  let bNew = after.length
  while (bOld > a && bNew > a && before[bOld - 1] === after[bNew - 1]) {
    bOld--
    bNew--
  }
  const min = Math.min(old.length, source.length)
  const suffix = source.length - (bNew < after.length ? after[bNew]!.offset : source.length)
  let p = Math.min(a < before.length ? before[a]!.offset : min, a < after.length ? after[a]!.offset : min)
  while (p < min - suffix && old.charCodeAt(p) === source.charCodeAt(p)) p++
  let same = suffix
  while (same < min - p && old.charCodeAt(old.length - 1 - same) === source.charCodeAt(source.length - 1 - same)) same++
  const oldEnd = old.length - same
  const newEnd = source.length - same
  const delta = source.length - old.length
  if (!unchanged && (hasBreak(old, p, oldEnd) || hasBreak(source, p, newEnd))) return undefined
  // (a change between a carriage return and a line feed makes or splits a line break)
  if (p > 0 && old.charCodeAt(p - 1) === 13 && (old.charCodeAt(oldEnd) === 10 || source.charCodeAt(newEnd) === 10)) return undefined
  const line = lastAtMost(last.starts, p) + 1
  // the new source's line starts: those after the edited line moved
  const starts = unchanged || delta === 0 ? last.starts : last.starts.map((o, k) => (k < line ? o : o + delta))
  // where an old offset is now: before the edit as it was, after it moved; a point inside the edit, or at an insertion
  // (which side of it the point stays on is not known), has no place (-1)
  const moved = (o: number): number => (unchanged ? o : o < p || (o === p && p < oldEnd) ? o : o > oldEnd || (o === oldEnd && p < oldEnd) ? o + delta : -1)
  // a node's start at the edit stays, its end at the edit moves with it
  const nodeOffset = (o: number, end: boolean): number => (end ? (o >= oldEnd ? o + delta : o <= p ? o : -1) : o <= p ? o : o >= oldEnd ? o + delta : -1)

  const doc = last.doc
  const builder = (): Builder => new Builder(source, last.filePath, tree, last.firstId, {sentences: cache.sentences}, starts)
  let fresh = builder()
  // what the build read of the whole source about the edited nodes (old offsets nodeFrom to nodeTo): the chat lines, the
  // wrapped line breaks, the hyphens' compounds; the compounds read outside the nodes, moved, when all are unchanged
  const readAround = (nodeFrom: number, nodeTo: number): Compound[] | undefined => {
    const lineEnd = (text: string, starts: readonly number[]): number => (starts[line] ?? text.length + 1) - 1
    if (chatLine(old, last.starts[line - 1]!, lineEnd(old, last.starts)) !== chatLine(source, starts[line - 1]!, lineEnd(source, starts))) return undefined
    // (the runs of lines about the edited one, in either text: a blank line typed on joins the runs above and below it)
    const wrapsThen = new WrappedBreaks(old, last.starts)
    const wrapsNow = new WrappedBreaks(source, starts)
    let runFrom = line
    let runTo = line
    for (const wraps of [wrapsThen, wrapsNow]) {
      for (const k of [line - 1, line, line + 1]) {
        const [i0, i1] = wraps.runBounds(k)
        runFrom = Math.min(runFrom, i0)
        runTo = Math.max(runTo, i1)
      }
    }
    for (let k = runFrom; k <= runTo; k++) if (wrapsThen.has(k) !== wrapsNow.has(k)) return undefined
    const compounds: Compound[] = []
    for (const c of last.compounds) {
      if (c.at >= nodeFrom && c.at <= nodeTo) continue
      const at = moved(c.at)
      if (at < 0 || compoundPart(source, c.part, c.joined, at) !== c.answer) return undefined
      compounds.push(at === c.at ? c : {...c, at})
    }
    return compounds
  }
  // whether no node before top-level node i was read (front matter and comments aside)
  const firstAt = (nodes: readonly RootContent[], i: number): boolean => {
    let first = true
    for (let k = 0; k < i && first; k++) {
      const n = nodes[k]!
      first = n.type === 'yaml' || (n.type === 'html' && /^\s*<!--/.test(n.value))
    }
    return first
  }
  /**
   * An edit that changes how many top-level nodes there are (a line typed on the blank line between two paragraphs
   * joins them; the line's text deleted splits them again): the nodes before and after the changed ones the same but
   * moved, as `alike` reads them, and clear of the edit. The changed nodes are read again, in order, from the old source
   * and from the new, and are read as the joined reading requires of them: body text (no title line, no heading),
   * opening no section, leaving the state as they found it, each block in the section it was found in with no sender or
   * title of its own, and none a lead-in or a list item written as a paragraph (so the pass over paragraphs written as
   * list items reads any number of them alike); the first and the last read from around as before. The old reading
   * must be the last build's, block for block.
   */
  const readJoin = (oldNodes: readonly RootContent[], newNodes: readonly RootContent[], top: number, alike: (o: Nodes, n: Nodes) => boolean): EditRead | undefined => {
    const least = Math.min(oldNodes.length, newNodes.length)
    let head = 0
    while (head < least && (oldNodes[head]!.position?.end.offset ?? Infinity) < p && alike(oldNodes[head]!, newNodes[head]!)) head++
    let tail = 0
    while (tail < least - head && (oldNodes[oldNodes.length - 1 - tail]!.position?.start.offset ?? -1) > oldEnd && alike(oldNodes[oldNodes.length - 1 - tail]!, newNodes[newNodes.length - 1 - tail]!)) tail++
    // a node typed in between two others (a line typed under a heading, over a list), or one deleted: read with the node
    // after it (else the one before it), whose blocks give the section and the sender of the blocks read again
    if (head + tail === oldNodes.length || head + tail === newNodes.length) {
      if (tail > 0) tail--
      else if (head > 0) head--
    }
    const oldMid = oldNodes.slice(head, oldNodes.length - tail)
    const newMid = newNodes.slice(head, newNodes.length - tail)
    if (!oldMid.length || !newMid.length) return undefined
    for (const n of [...oldMid, ...newMid]) {
      if (n.type !== 'paragraph' && n.type !== 'list' && n.type !== 'table' && n.type !== 'blockquote') return undefined
      // (a letter's closing closes the sections open before it: a state the reading alone does not show)
      if (n.type === 'paragraph' && n.children[0]?.type === 'text' && CLOSING.test(n.children[0].value)) return undefined
    }
    const nodes = tree.children
    const i = top + head
    if (nodes[i] !== newMid[0]) return undefined
    const prior = nodes[i - 1]
    const next = nodes[i + newMid.length]
    const firstRead = readFromAround(oldMid[0]!, old, prior, undefined)
    const lastRead = readFromAround(oldMid[oldMid.length - 1]!, old, undefined, next)
    if (firstRead === undefined || firstRead !== readFromAround(newMid[0]!, source, prior, undefined)) return undefined
    if (lastRead === undefined || lastRead !== readFromAround(newMid[newMid.length - 1]!, source, undefined, next)) return undefined
    const nodeFrom = oldMid[0]!.position!.start.offset!
    const nodeTo = oldMid[oldMid.length - 1]!.position!.end.offset!
    const compounds = readAround(nodeFrom, nodeTo)
    if (!compounds) return undefined

    // the changed nodes read again, from the old source and from the new
    const first = firstAt(nodes, i)
    const oldAround = [...nodes.slice(0, i), ...oldMid, ...nodes.slice(i + newMid.length)]
    const then = new Builder(old, last.filePath, {type: 'root', children: oldAround}, last.firstId, {sentences: cache.sentences}, last.starts)
    let f = first
    for (let k = 0; k < oldMid.length; k++) f = then.step(oldAround, i + k, f)
    f = first
    const blockStarts: number[] = []
    for (let k = 0; k < newMid.length; k++) {
      blockStarts.push(fresh.blocks.length)
      f = fresh.step(nodes, i + k, f)
    }
    if (then.sections.length !== 1 || fresh.sections.length !== 1 || !then.blocks.length || !fresh.blocks.length) return undefined
    if (readingOf(then, nodeOffset, false) !== readingOf(fresh, (o) => o, false)) return undefined
    const plain = (b: Block, root: Section): boolean => b.section === root && b.kind !== 'heading' && b.sender === undefined && b.title === undefined
    if (!then.blocks.every((b) => plain(b, then.sections[0]!)) || !fresh.blocks.every((b) => plain(b, fresh.sections[0]!))) return undefined

    // the old reading must be the last build's
    const from = last.spans.blocks[i]!
    const to = last.spans.blocks[i + oldMid.length]!
    const sFrom = last.spans.sections[i]!
    if (last.spans.sections[i + oldMid.length] !== sFrom || to - from !== then.blocks.length) return undefined
    const like = doc.blocks[from]!
    for (let k = 0; k < then.blocks.length; k++) {
      const mine = then.blocks[k]!
      const real = doc.blocks[from + k]!
      if (real.kind !== mine.kind || real.section !== like.section || real.sender !== like.sender) return undefined
      if (JSON.stringify(blockShape(mine)) !== JSON.stringify(blockShape(real))) return undefined
    }
    // the pass over paragraphs written as list items, read again about the new blocks: from the last block before them
    // that can be no item (the pass reads it as a lead or passes it) to the first after them that can be none (which ends
    // any run before it, and whose own run reads only what follows it); the blocks outside the nodes must read as they did
    const pre = (b: Block): Block => (last.listed.has(b) ? {...b, kind: 'paragraph'} : b)
    const mayBeItem = (b: Block): boolean => b.kind === 'paragraph' && paragraphItem(b, false) !== undefined
    let w = from - 1
    while (w >= 0 && mayBeItem(pre(doc.blocks[w]!))) w--
    w = Math.max(w, 0)
    let z = to
    while (z < doc.blocks.length && mayBeItem(pre(doc.blocks[z]!))) z++
    const own = fresh.blocks.map((b) => ({...b, section: like.section}))
    const window = [...doc.blocks.slice(w, from).map(pre), ...own, ...doc.blocks.slice(to, z + 1).map(pre)]
    const items = new Set(listedParagraphs(window, 0, z < doc.blocks.length ? window.length - 1 : window.length))
    for (let k = w; k < from; k++) if (items.has(window[k - w]!) !== last.listed.has(doc.blocks[k]!)) return undefined
    for (let k = to; k <= z && k < doc.blocks.length; k++) if (items.has(window[from - w + own.length + k - to]!) !== last.listed.has(doc.blocks[k]!)) return undefined
    const kinds = own.map((b) => (items.has(b) ? ('list-item' as const) : b.kind))
    // where each top-level node's blocks and sections now start
    const moreBlocks = fresh.blocks.length - (to - from)
    const spans = {
      blocks: [...last.spans.blocks.slice(0, i), ...blockStarts.map((k) => from + k), ...last.spans.blocks.slice(i + oldMid.length).map((k) => k + moreBlocks)],
      sections: [...last.spans.sections.slice(0, i), ...newMid.map(() => sFrom), ...last.spans.sections.slice(i + oldMid.length)],
    }
    return {nodesNew: newMid, compounds, from, to, sFrom, sTo: sFrom, nodeFrom, nodeTo, joined: {section: like.section, sender: like.sender, kinds, spans}}
  }
  // the edited node, read again (none when the text is unchanged)
  const readEdit = (): EditRead | undefined => {
    const keptNow = new Set(after)
    const keptThen = new Set(before)
    for (let k = a; k < bOld; k++) if (keptNow.has(before[k]!)) return undefined
    for (let k = a; k < bNew; k++) if (keptThen.has(after[k]!)) return undefined
    let top = 0
    for (let k = 0; k < a; k++) top += after[k]!.tree.children.length
    const oldNodes = before.slice(a, bOld).flatMap((part) => part.tree.children)
    const newNodes = after.slice(a, bNew).flatMap((part) => part.tree.children)

    // the same nodes but for the top-level node that holds the edit
    const alike = (o: Nodes, n: Nodes): boolean => {
      if (o.type !== n.type) return false
      const op = o.position
      const np = n.position
      if (!op || !np || op.start.offset === undefined || op.end.offset === undefined) return false
      if (op.start.line !== np.start.line || op.end.line !== np.end.line) return false
      if (nodeOffset(op.start.offset, false) !== np.start.offset || nodeOffset(op.end.offset, true) !== np.end.offset) return false
      const ox = o as unknown as Record<string, unknown>
      const nx = n as unknown as Record<string, unknown>
      for (const key in ox) if (key !== 'position' && key !== 'children' && key !== 'value' && !sameField(ox[key], nx[key])) return false
      for (const key in nx) if (!(key in ox)) return false
      if ('value' in o && ox['value'] !== nx['value']) return false
      if ('children' in o) {
        const oc = o.children as Nodes[]
        const nc = (n as {children?: Nodes[]}).children
        if (!nc || oc.length !== nc.length) return false
        for (let k = 0; k < oc.length; k++) if (!alike(oc[k]!, nc[k]!)) return false
      }
      return true
    }
    if (oldNodes.length !== newNodes.length) return readJoin(oldNodes, newNodes, top, alike)
    // the top-level node that holds the edit (in the old text, else in the new: a line typed on a blank line goes on
    // the paragraph above or below it) may differ in any way, its place included: it is read again below
    const holds = (n: Nodes, from: number, to: number): boolean => (n.position?.start.offset ?? Infinity) <= from && (n.position?.end.offset ?? -1) >= to
    let edited = oldNodes.findIndex((o) => holds(o, p, oldEnd))
    if (edited < 0) edited = newNodes.findIndex((n) => holds(n, p, newEnd))
    if (edited < 0 || oldNodes[edited]!.type !== newNodes[edited]!.type) return undefined
    for (let k = 0; k < oldNodes.length; k++) if (k !== edited && !alike(oldNodes[k]!, newNodes[k]!)) return undefined
    const nodes = tree.children
    const i = top + edited
    const nodeOld = oldNodes[edited]
    const nodeNew = nodes[i]
    if (edited < 0 || !nodeOld || !nodeNew || nodeNew !== newNodes[edited]) return undefined
    if (nodeNew.type !== 'paragraph' && nodeNew.type !== 'list' && nodeNew.type !== 'table' && nodeNew.type !== 'blockquote' && nodeNew.type !== 'heading') return undefined
    const around = readFromAround(nodeOld, old, nodes[i - 1], nodes[i + 1])
    if (around === undefined || around !== readFromAround(nodeNew, source, nodes[i - 1], nodes[i + 1])) return undefined

    const nodeFrom = nodeOld.position!.start.offset!
    const nodeTo = nodeOld.position!.end.offset!
    const compounds = readAround(nodeFrom, nodeTo)
    if (!compounds) return undefined

    // the edited node read again, alone, from the old source and from the new: the same reading but for its blocks' text
    const first = firstAt(nodes, i)
    const oldAround = nodes.slice()
    oldAround[i] = nodeOld
    const then = new Builder(old, last.filePath, {type: 'root', children: oldAround}, last.firstId, {sentences: cache.sentences}, last.starts)
    then.step(oldAround, i, first)
    fresh.step(nodes, i, first)
    if (readingOf(then, nodeOffset) !== readingOf(fresh, (o) => o)) {
      // (a reading that differs, say, only in what the pass over paragraphs written as list items reads of the node: a
      // line typed under a one-line paragraph joins the paragraph that may have been an item; read as a join is)
      fresh = builder()
      return readJoin(oldNodes, newNodes, top, alike)
    }
    if (then.pendingTitle !== undefined) return undefined

    // the old reading alone must be the one the last build made of the node (nothing carried into it from before)
    const from = last.spans.blocks[i]!
    const to = last.spans.blocks[i + 1]!
    const sFrom = last.spans.sections[i]!
    const sTo = last.spans.sections[i + 1]!
    if (to - from !== then.blocks.length || sTo - sFrom !== then.sections.length - 1) return undefined
    let outer: Section | undefined
    for (let k = 0; k < then.blocks.length; k++) {
      const mine = then.blocks[k]!
      const real = doc.blocks[from + k]!
      if (real.kind !== mine.kind && !(mine.kind === 'paragraph' && real.kind === 'list-item')) return undefined
      const j = then.sections.indexOf(mine.section as MutableSection)
      if (j === 0) {
        outer ??= real.section
        if (real.section !== outer) return undefined
      } else if (real.section !== doc.sections[sFrom + j - 1]) return undefined
      if (JSON.stringify(blockShape(mine)) !== JSON.stringify(blockShape(real))) return undefined
    }
    for (let k = 1; k < then.sections.length; k++) {
      const mine = then.sections[k]!
      const real = doc.sections[sFrom + k - 1]!
      if (mine.kind !== real.kind || mine.title !== real.title || mine.number !== real.number || JSON.stringify(mine.headingPosition) !== JSON.stringify(real.headingPosition)) return undefined
    }
    return {nodesNew: [nodeNew], compounds, from, to, sFrom, sTo, nodeFrom, nodeTo}
  }
  const edit: EditRead | undefined = unchanged ? {nodesNew: [], compounds: [...last.compounds], from: -1, to: -1, sFrom: -1, sTo: -1, nodeFrom: Infinity, nodeTo: Infinity} : readEdit()
  if (!edit) return undefined
  const {nodesNew, compounds, from, to, sFrom, sTo, nodeFrom, nodeTo, joined} = edit

  // the document again: every position after the edit moved, the node's blocks and sections as read again
  const at = fresh.at
  const file = fresh.file
  const point = (pt: Point): Point | undefined => {
    const o = moved(pt.offset)
    if (o < 0) return undefined
    return o === pt.offset ? pt : {line: pt.line, column: pt.line === line ? pt.column + delta : pt.column, offset: o}
  }
  let lost = false
  const position = (pos: Position): Position => {
    const start = point(pos.start)
    const end = point(pos.end)
    if (!start || !end) {
      lost = true
      return pos
    }
    return start === pos.start && end === pos.end ? pos : {start, end}
  }
  const segments = (segs: readonly Segment[]): readonly Segment[] => {
    if (!segs.some((g) => g.sourceStart + g.length >= p)) return segs
    return segs.map((g) => {
      const s = moved(g.sourceStart)
      const e = moved(g.sourceStart + g.length)
      if (s < 0 || e < 0 || e - s !== g.length) lost = true
      return s === g.sourceStart ? g : {...g, sourceStart: s}
    })
  }
  const sections = new Map<Section, MutableSection>()
  const newSections: MutableSection[] = []
  doc.sections.forEach((s, k) => {
    const own = k >= sFrom && k < sTo ? fresh.sections[k - sFrom + 1]! : undefined
    const heading = k === 0 ? {start: at(0), end: at(source.length)} : own ? own.headingPosition : position(s.headingPosition)
    const parent = s.parent ? sections.get(s.parent) : undefined
    // (a title read again, and the path of every section under it)
    const title = own ? own.title : s.title
    const path = parent && (title !== s.title || parent.path !== s.parent!.path) ? parent.path.concat([title || s.number || '(untitled)']) : s.path
    const clone: MutableSection = {id: s.id, kind: s.kind, title, number: s.number, depth: s.depth, path, position: heading, headingPosition: heading, blocks: [], children: [], parent, file, rank: (s as MutableSection).rank}
    sections.set(s, clone)
    newSections.push(clone)
  })
  const place = (b: Block, like: {readonly kind: BlockKind; readonly sender?: string | undefined}, section: Section, pos: Position, segs: readonly Segment[]): Block => {
    const sentences: Sentence[] = []
    const block: Block & {sentences: readonly Sentence[]} = {
      kind: like.kind,
      text: b.text,
      position: pos,
      section,
      variables: b.variables,
      segments: segs,
      sentences,
      file,
      ...(b.header ? {header: b.header} : {}),
      ...(b.cells ? {cells: b.cells} : {}),
      ...(like.sender !== undefined ? {sender: like.sender} : {}),
    }
    for (const s of b.sentences) sentences.push({block, index: s.index, start: s.start, end: s.end, text: s.text})
    return block
  }
  const moveBlock = (b: Block): Block => {
    const block = place(b, b, sections.get(b.section)!, position(b.position), segments(b.segments))
    if (b.title) (block as {title?: Block}).title = moveBlock(b.title)
    return block
  }
  const readAgain = (mine: Block, real: Block): Block => {
    const block = place(mine, real, sections.get(real.section)!, mine.position, mine.segments)
    if (mine.title && real.title) (block as {title?: Block}).title = readAgain(mine.title, real.title)
    return block
  }
  // each old block's new blocks: itself moved or read again; after a join or split, the first of the edited nodes' old
  // blocks stands for all their new ones, in the one section that held them, and the others for none
  const blocks = new Map<Block, Block | Block[]>()
  const newBlocks: Block[] = []
  doc.blocks.forEach((b, k) => {
    if (joined && k >= from && k < to) {
      if (k > from) return blocks.set(b, [])
      const section = sections.get(joined.section)!
      const own = fresh.blocks.map((mine, j) => place(mine, {kind: joined.kinds[j]!, sender: joined.sender}, section, mine.position, mine.segments))
      newBlocks.push(...own)
      return blocks.set(b, own)
    }
    const block = k >= from && k < to ? readAgain(fresh.blocks[k - from]!, b) : moveBlock(b)
    blocks.set(b, block)
    newBlocks.push(block)
  })
  if (lost) return undefined
  doc.sections.forEach((s, k) => {
    const clone = newSections[k]!
    for (const b of s.blocks) {
      const now = blocks.get(b)!
      if (Array.isArray(now)) clone.blocks.push(...now)
      else clone.blocks.push(now)
    }
    for (const c of s.children) clone.children.push(sections.get(c)!)
  })
  const root = newSections[0]!
  closeSections(root)
  // the marks: the edited node's read again, the others moved
  const own = nodesNew.length ? treeMarks({type: 'root', children: [...nodesNew]}) : []
  const marks: TreeMark[] = []
  let placed = false
  for (const m of doc.marks) {
    if (m.offset !== undefined && m.offset >= nodeFrom) {
      if (!placed) marks.push(...own)
      placed = true
      if (m.offset <= nodeTo) continue
    }
    const o = m.offset === undefined ? -1 : moved(m.offset)
    if (m.offset !== undefined && o < 0) return undefined
    marks.push(m.offset === undefined || o === m.offset ? m : {...m, offset: o})
  }
  if (!placed) marks.push(...own)
  // the sentence ranges of this document's texts, for the next build
  const ranges = new Map<string, ReadonlyArray<{readonly start: number; readonly end: number}>>()
  const keep = (b: Block): void => {
    const r = fresh.sentences?.get(b.text) ?? cache.sentences.get(b.text)
    if (r) ranges.set(b.text, r)
    if (b.title) keep(b.title)
  }
  for (const b of newBlocks) keep(b)
  cache.sentences = ranges
  const built: Omit<Document, 'tree'> = {
    filePath: doc.filePath,
    source,
    marks,
    frontmatter: doc.frontmatter,
    ...(doc.frontmatterError !== undefined ? {frontmatterError: doc.frontmatterError} : {}),
    root,
    sections: newSections,
    blocks: newBlocks,
    title: doc.title ? sections.get(doc.title) : undefined,
    positionAt: at,
  }
  // the paragraphs read as list items, in the new blocks
  const listed = new Set<Block>()
  for (const b of last.listed) {
    const now = blocks.get(b)
    if (now && !Array.isArray(now)) listed.add(now)
  }
  if (joined) fresh.blocks.forEach((b, j) => joined.kinds[j] !== b.kind && listed.add(newBlocks[from + j]!))
  return {...last, source, order: cache.order, doc: built, starts: fresh.lineStarts, spans: joined ? joined.spans : last.spans, compounds: [...compounds, ...fresh.compounds], listed}
}

/**
 * The document with its `tree`: the tree given, else one parsed from the source again on first read and kept from
 * then on. A built document holds the readings the rules need (blocks, sections and the tree's marks); the tree itself
 * is ~40% of its memory (a 10 MB agreement: 62 of 149 MiB), and only custom rules read it after the build.
 */
function withTree(doc: Omit<Document, 'tree'>, kept: Root | undefined, parse: () => Root): Document {
  let tree = kept
  return Object.defineProperty(doc, 'tree', {get: () => (tree ??= parse()), enumerable: true, configurable: true}) as Document
}

/**
 * The tree's marks (see TreeMark), in document order: every bold run and link, with the values of the siblings beside
 * it, and every HTML node whose text names `clauselint-` (a suppression comment may be in it).
 */
export function treeMarks(root: Root): TreeMark[] {
  const out: TreeMark[] = []
  const visit = (node: Nodes): void => {
    if (!('children' in node)) return
    const children = node.children as Nodes[]
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!
      if (child.type === 'strong' || child.type === 'link') {
        const next = children[i + 1]
        const prev = children[i - 1]
        out.push({
          type: child.type,
          text: toString(child),
          before: prev && 'value' in prev ? String(prev.value) : '',
          after: next && 'value' in next ? String(next.value) : '',
          offset: child.position?.start.offset,
        })
      } else if (child.type === 'html' && child.value.includes('clauselint-')) {
        out.push({type: 'html', text: child.value, before: '', after: '', offset: child.position?.start.offset})
      }
      visit(child)
    }
  }
  visit(root)
  return out
}

class Builder {
  readonly at: (offset: number) => Point
  readonly sections: MutableSection[] = []
  readonly blocks: Block[] = []
  /** A list item's bold title read as words of the item, kept for the next block made (see Block.title). */
  pendingTitle: Block | undefined
  readonly lineStarts: number[]
  /** Lines whose line break is a wrap inside a hard-wrapped paragraph (see WrappedBreaks), read on demand. */
  wraps: WrappedBreaks | undefined
  stack: MutableSection[]
  /** Titles that head a group: a title line with no text of its own directly over another title (see groupOver). */
  readonly groups = new Set<MutableSection>()
  /** Unnumbered titles with no text of their own directly over numbered clauses, which nest in them (see open). */
  readonly heads = new Set<MutableSection>()
  /** The index of the next top-level node that is a group title, -1 for none, once looked for (see groupsWritten). */
  nextGroup: number | undefined
  /** Whether the Markdown has no heading at all (see outline), once looked for. */
  headingless: boolean | undefined
  frontmatter: Record<string, unknown> = {}
  frontmatterError: string | undefined
  /** The lines of the source that open a chat message (see chatMessages), once counted. */
  chatLines: number | undefined
  /** The sender of the chat message being read: its blocks, and the blocks after it up to the next message or title, are its. */
  sender: string | undefined
  title: Section | undefined
  /** The sections titled by the <summary> of an HTML <details> block still open, innermost last (see details). */
  readonly disclosures: MutableSection[] = []

  readonly file: SourceFile

  /** The sentence ranges of this build's block texts, by text: kept in the editor's parse cache for its next build. */
  readonly sentences: Map<string, ReadonlyArray<{readonly start: number; readonly end: number}>> | undefined

  constructor(
    readonly source: string,
    readonly filePath: string,
    readonly tree: Root,
    readonly firstId: number,
    readonly cache?: Pick<ParseCache, 'sentences'>,
    starts?: number[],
  ) {
    this.sentences = cache ? new Map() : undefined
    // one list of line starts serves the positions and the search for continuation lines
    this.lineStarts = starts ?? lineStarts(source)
    this.at = lineIndex(source, this.lineStarts)
    this.file = {path: filePath, positionAt: this.at}
    const start = this.at(0)
    const root = this.makeSection({kind: 'root', title: '', number: undefined, rank: 0, parent: undefined, position: {start, end: this.at(source.length)}})
    this.stack = [root]
  }

  build(): Omit<Document, 'tree'> {
    const nodes = this.tree.children
    let first = true
    // where each top-level node's blocks and sections start (see reuseBuild)
    const blockStarts = new Array<number>(nodes.length + 1)
    const sectionStarts = new Array<number>(nodes.length + 1)
    for (let i = 0; i < nodes.length; i++) {
      blockStarts[i] = this.blocks.length
      sectionStarts[i] = this.sections.length
      first = this.step(nodes, i, first)
    }
    blockStarts[nodes.length] = this.blocks.length
    sectionStarts[nodes.length] = this.sections.length
    this.spans = {blocks: blockStarts, sections: sectionStarts}
    return this.finish(treeMarks(this.tree))
  }

  /** Where each top-level node's blocks and sections start in the lists (one more entry: their ends), once built. */
  spans: {blocks: number[]; sections: number[]} | undefined

  /** Read the top-level node `i` of `nodes`; `first` tells whether no node before it was read (returned for the next). */
  step(nodes: readonly RootContent[], i: number, first: boolean): boolean {
    const node = nodes[i]!
    const next = nodes[i + 1]
    if (this.titledClauses(node, first) || this.outline(node, nodes[i - 1])) return false
    const parts = node.type === 'list' ? (titledItems(node) ?? restartedTitles(node, this.source)) : undefined
    if (parts) {
      // clauses' titles numbered by the word processor ("2. § 2 Backups") among the clauses' numbered paragraphs, or
      // titles over lists numbered again under each, which Markdown reads as one list with them (the list's last item
      // may be the next title, over body text: see trailingHeading)
      parts.forEach((part, k) => {
        if ('paragraph' in part) {
          this.capitalHeading(part, part.paragraph, false)
          return
        }
        const last = k === parts.length - 1 && isBody(next) ? trailingHeading(part, this.source) : undefined
        this.visitFlow(last ? {...last.list} : part)
        if (last) this.capitalHeading(last.line, last.line.paragraph, false)
      })
      return false
    }
    const last = node.type === 'list' && isBody(next) ? trailingHeading(node, this.source) : undefined
    if (last) {
      // a numbered heading written right after a numbered list is read by Markdown as the list's last item
      this.visitFlow({...last.list})
      this.capitalHeading(last.line, last.line.paragraph, false)
      return false
    }
    // a letter's closing ("If you are happy with these terms, please sign below", "Kind regards") belongs to no clause
    if (node.type === 'paragraph' && this.stack.length > 1 && node.children[0]?.type === 'text' && CLOSING.test(node.children[0].value)) this.stack.length = this.title && this.stack.includes(this.title as MutableSection) ? this.stack.indexOf(this.title as MutableSection) + 1 : 1
    const line = capitalLine(node)
    // a line of capitals on its own is a heading where body text follows it (not another such line or a heading);
    // the document's first line, unnumbered, is its title over the first numbered heading too
    // (a title line directly over another title heads a group: see groupOver)
    const bold = line ? undefined : boldLine(node)
    const group = !first && (line !== undefined || bold !== undefined) && groupOver(nodes, i) && this.groupsWritten(nodes, i)
    if (line && (group || isBody(next) || (first && line.number === undefined && next !== undefined && capitalLine(next) !== undefined))) this.capitalHeading(line, node, first, 'line', group)
    else {
      // a bold line on its own is a heading as a line of capitals is: over body text, or numbered over another title
      if (bold && (group || isBody(next) || (next !== undefined && (bold.number !== undefined || first) && (boldLine(next) !== undefined || capitalLine(next) !== undefined)))) this.capitalHeading(bold, node, first, 'bold', group)
      else this.visitFlow(node)
    }
    return first && (node.type === 'yaml' || (node.type === 'html' && /^\s*<!--/.test(node.value)))
  }

  /** The document, once every top-level node is read: list items written as paragraphs read, sections closed. */
  finish(marks: TreeMark[]): Omit<Document, 'tree'> {
    this.paragraphItems()
    const root = this.sections[0]!
    closeSections(root)
    // arrays filled by push keep room for 17 elements; the copies hold their own length (see compactChildren in parse.ts)
    for (const section of this.sections) Object.assign(section, {blocks: section.blocks.slice(), children: section.children.slice()})
    if (this.cache && this.sentences) this.cache.sentences = this.sentences
    const at = this.at
    return {
      filePath: this.filePath,
      source: this.source,
      marks,
      frontmatter: this.frontmatter,
      ...(this.frontmatterError !== undefined ? {frontmatterError: this.frontmatterError} : {}),
      root,
      sections: this.sections,
      blocks: this.blocks,
      title: this.title,
      positionAt: at,
    }
  }

  /**
   * Lists written one item per paragraph, without markers (as a word processor's export or a pasted list leaves them),
   * read as the lists they are: the paragraphs of one line each that follow a lead-in ending in a colon, "the following
   * …" or "as follows" (see paragraphItem), and two or more paragraphs of one line with no closing stop that open a
   * section's text. Their blocks become list items, as the items of a Markdown list are.
   */
  paragraphItems(): void {
    const items = listedParagraphs(this.blocks, 0, this.blocks.length)
    for (const b of items) (b as {kind: BlockKind}).kind = 'list-item'
    this.listed = new Set(items)
  }

  /** The paragraphs the pass over paragraphs written as list items made items, once built (see reuseBuild). */
  listed: ReadonlySet<Block> = new Set()

  get current(): MutableSection {
    return this.stack[this.stack.length - 1]!
  }

  makeSection(init: {kind: SectionKind; title: string; number: string | undefined; rank: number; parent: MutableSection | undefined; position: Position}): MutableSection {
    const parent = init.parent
    const section: MutableSection = {
      id: this.firstId + this.sections.length,
      kind: init.kind,
      title: init.title,
      number: init.number,
      depth: parent ? parent.depth + 1 : 0,
      // concat, not a spread: a store of the path's own length (see compactChildren in parse.ts)
      path: parent ? parent.path.concat([init.title || init.number || '(untitled)']) : [],
      position: init.position,
      headingPosition: init.position,
      blocks: [],
      children: [],
      parent,
      file: this.file,
      rank: init.rank,
    }
    if (parent) parent.children.push(section)
    this.sections.push(section)
    return section
  }

  /** Open a section that nests by rank on the main stack. */
  open(kind: SectionKind, title: string, number: string | undefined, rank: number, position: Position): MutableSection {
    this.sender = undefined
    if (number !== undefined && rank > 10) this.headNumbered(rank)
    while (this.stack.length > 1 && this.current.rank >= rank) this.stack.pop()
    const section = this.makeSection({kind, title, number, rank, parent: this.current, position})
    this.stack.push(section)
    return section
  }

  /**
   * Whether the agreement writes its titles in groups: a group title read, or another one after this one. A group title
   * alone says nothing of where its group ends (the titles after it may be its own or its siblings), so it is read as
   * before, a title line over the next.
   */
  groupsWritten(nodes: readonly RootContent[], i: number): boolean {
    if (this.groups.size) return true
    if (this.nextGroup === undefined || (this.nextGroup >= 0 && this.nextGroup <= i)) {
      this.nextGroup = -1
      for (let j = i + 2; j < nodes.length - 1; j++) {
        const node = nodes[j]!
        if ((capitalLine(node) !== undefined || boldLine(node) !== undefined) && groupOver(nodes, j)) {
          this.nextGroup = j
          break
        }
      }
    }
    return this.nextGroup > i
  }

  /**
   * An unnumbered title with no text of its own directly over a numbered clause ("SUPPORT SERVICES" over "2.1 …", "2.2
   * …") heads the numbered clauses under it, as a heading of the level above their numbers would: the title (with the
   * group titles over it that have no text either) is ranked between its parent and the clause, so the clauses nest in it.
   */
  headNumbered(rank: number): void {
    const chain: MutableSection[] = []
    let k = this.stack.length - 1
    for (; k > 0; k--) {
      const s = this.stack[k]!
      if (s === this.title || !isTitleLine(s) || s.rank < rank || s.blocks.some((b) => b.kind !== 'heading')) break
      chain.push(s)
    }
    const parent = this.stack[k]!
    if (!chain.length || parent.rank >= rank) return
    // the topmost title of the chain nearest the parent
    chain.reverse().forEach((s, i) => (s.rank = parent.rank + ((rank - parent.rank) * (i + 1)) / (chain.length + 1)))
    this.heads.add(chain[chain.length - 1]!)
  }

  /**
   * The rank of an unnumbered title line, from the titles open above it: a group title is a sibling of the group title
   * before it; another title nests in the group title it is under, and is a sibling of the title line before it (the
   * one open, or the one whose numbered clauses are open). Undefined when no title line above it decides.
   */
  titleRank(group: boolean): number | undefined {
    let plain: number | undefined
    for (let k = this.stack.length - 1; k > 0; k--) {
      const s = this.stack[k]!
      if (s === this.title) break
      if (!isTitleLine(s)) continue
      if (this.groups.has(s)) return group ? s.rank : s.rank + 1
      if (k !== this.stack.length - 1 && !this.heads.has(s)) break
      if (!group) return s.rank
      plain ??= s.rank
    }
    return plain
  }

  pos(node: {position?: {start: {offset?: number | undefined}; end: {offset?: number | undefined}} | undefined}): Position {
    const s = node.position?.start.offset ?? 0
    const e = node.position?.end.offset ?? s
    return {start: this.at(s), end: this.at(e)}
  }

  visitFlow(node: RootContent, section?: MutableSection): void {
    switch (node.type) {
      case 'yaml': {
        // Malformed front matter is kept out of the metadata, and the reason kept: linting reports it as a config error
        const parsed = parseFrontMatter(node.value)
        if ('error' in parsed) this.frontmatterError = parsed.error
        else if (parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data)) {
          this.frontmatter = parsed.data as Record<string, unknown>
          this.frontMatterTerms(node.value, node.position?.start.offset ?? 0)
        }
        return
      }
      case 'heading':
        this.heading(node)
        return
      case 'paragraph':
        this.paragraph(node, section)
        return
      case 'list':
        this.list(node, section ?? this.current, undefined)
        return
      case 'table':
        this.table(node, section ?? this.current)
        return
      case 'blockquote':
        for (const child of node.children) this.visitFlow(child, section)
        return
      case 'code':
        this.textTable(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0, node.lang, section ?? this.current)
        return
      case 'html': {
        // Comments are invisible; other HTML blocks may hold prose.
        if (/^\s*<!--/.test(node.value)) return
        const base = node.position?.start.offset ?? 0
        if (section === undefined && DISCLOSURE.test(node.value)) this.details(node.value, base)
        else this.html(node.value, base, section ?? this.current)
        return
      }
      default:
        return
    }
  }

  /**
   * The front matter's terms of service as text of the agreement (see TERM_KEY): each top-level key that names one is a
   * section titled by the key in words ("support_hours" → "Support hours"), and its value the section's text: a value or a
   * map one block, the key's words its label ("Support hours: days Monday-Friday, from 08:30 to 17:30, timezone …"), a
   * list one list item per entry. Each piece of text maps to its line of the front matter. The sections close with the
   * front matter: what follows it is not nested in them.
   */
  frontMatterTerms(value: string, start: number): void {
    // the front matter's text starts on the line after its opening "---"
    const base = this.source.indexOf('\n', start) + 1
    if (base <= 0 || !this.source.startsWith(value, base)) return
    const y = yaml()
    const doc = y.parseDocument(value, {uniqueKeys: true})
    if (doc.errors.length || !y.isMap(doc.contents)) return
    type Piece = {text: string; at: number; length: number}
    const scalarPiece = (n: unknown): Piece | undefined => {
      if (!y.isScalar(n) || !n.range || n.value === null || n.value === undefined) return undefined
      const plain = n.type === 'PLAIN' && typeof n.source === 'string' ? n.source : String(n.value)
      const text = plain.replace(/\s+/g, ' ').trim()
      if (!text) return undefined
      const at = base + n.range[0]
      const exact = this.source.startsWith(text, at) ? 0 : this.source.startsWith(text, at + 1) ? 1 : -1
      return {text, at: at + Math.max(0, exact), length: exact < 0 ? 0 : text.length}
    }
    const keyWords = (key: string): string => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.\s-]+/g, ' ').trim()
    // a value as pieces of text in order: a map's entries as "key value" (a range's "to" joined to its "from"), a list's items
    const pieces = (n: unknown, out: Piece[]): void => {
      const scalar = scalarPiece(n)
      if (scalar) {
        out.push(scalar)
        return
      }
      if (y.isSeq(n)) {
        n.items.forEach((item, k) => {
          if (k > 0) out.push({text: ', ', at: -1, length: 0})
          pieces(item, out)
        })
        return
      }
      if (!y.isMap(n)) return
      n.items.forEach((pair, k) => {
        const key = scalarPiece(pair.key)
        if (!key) return
        const words = keyWords(key.text).toLowerCase()
        if (k > 0) out.push({text: RANGE_END_KEY.test(words) ? ' ' : ', ', at: -1, length: 0})
        out.push({text: `${words} `, at: key.at, length: 0})
        const inner: Piece[] = []
        pieces(pair.value, inner)
        // (a map inside a map is bracketed, so that its entries stay its own)
        const nested = y.isMap(pair.value) && inner.length > 1
        if (nested) out.push({text: '(', at: -1, length: 0})
        out.push(...inner)
        if (nested) out.push({text: ')', at: -1, length: 0})
      })
    }
    // a block's text and segments from its pieces (none when they hold no word or figure)
    const made = (label: string | undefined, labelAt: number, parts: Piece[]): {text: string; segments: Segment[]} | undefined => {
      let text = ''
      const segments: Segment[] = []
      const push = (piece: Piece): void => {
        if (piece.at >= 0) segments.push({textStart: text.length, sourceStart: piece.at, length: piece.length})
        text += piece.text
      }
      if (label !== undefined) push({text: `${label}: `, at: labelAt, length: 0})
      for (const piece of parts) push(piece)
      text = text.trimEnd()
      return segments.length && /[a-z0-9]/i.test(label === undefined ? text : text.slice(label.length + 1)) ? {text, segments} : undefined
    }
    for (const pair of doc.contents.items) {
      const key = scalarPiece(pair.key)
      if (!key || !pair.value) continue
      const words = keyWords(key.text)
      if (!TERM_KEY.test(words.toLowerCase()) || IDENTITY_KEY.test(words.toLowerCase())) continue
      const label = words.charAt(0).toUpperCase() + words.slice(1).toLowerCase()
      const endOf = (n: unknown): number | undefined => {
        const range = (n as {range?: [number, number, number] | null}).range
        return range ? base + range[1] : undefined
      }
      const end = endOf(pair.value) ?? key.at + key.text.length
      const blocks: {kind: BlockKind; text: string; segments: Segment[]; end: number}[] = []
      if (y.isSeq(pair.value)) {
        for (const item of pair.value.items) {
          const parts: Piece[] = []
          pieces(item, parts)
          const b = made(undefined, -1, parts)
          if (b) blocks.push({kind: 'list-item', ...b, end: endOf(item) ?? end})
        }
      } else {
        const parts: Piece[] = []
        pieces(pair.value, parts)
        const b = made(label, key.at, parts)
        if (b) blocks.push({kind: 'paragraph', ...b, end})
      }
      if (!blocks.length) continue
      const section = this.open('heading', label, undefined, 1, {start: this.at(key.at), end: this.at(end)})
      for (const b of blocks) this.addBlock(b.kind, section, b.text, b.segments, {start: this.at(b.segments[0]!.sourceStart), end: this.at(Math.max(b.end, b.segments[0]!.sourceStart))}, [])
    }
    this.stack.length = 1
  }

  /** An HTML block's text: a raw <table> or list read as a Markdown one, else its text without the tags. */
  html(value: string, base: number, section: MutableSection): void {
    // a raw HTML <table> is read like a GFM table: a table-row block per row, with its header cells
    if (/<table\b/i.test(value) && this.htmlTable(value, base, section)) return
    // and a raw HTML <ul> or <ol> like a Markdown list: a list-item block per <li>
    if (/<li[\s>]/i.test(value) && this.htmlList(value, base, section)) return
    const text = decodeEntities(value.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim()
    const lead = value.search(/\S/)
    if (text) this.addBlock('html', section, text, [{textStart: 0, sourceStart: base, length: 0}], {start: this.at(base + Math.max(0, lead)), end: this.at(base + value.trimEnd().length)}, [])
  }

  /**
   * A disclosure written in HTML ("<details><summary>Backups</summary>" … "</details>") is a titled clause: its summary
   * titles what follows, up to the closing "</details>", as a heading one level below the clause it stands in would.
   * The HTML around and between the tags is read as any HTML block is.
   */
  details(value: string, base: number): void {
    let at = 0
    for (const m of value.matchAll(DISCLOSURE_TAGS)) {
      const chunk = value.slice(at, m.index)
      if (chunk.trim()) this.html(chunk, base + at, this.current)
      at = m.index + m[0].length
      if (m[1] === undefined) {
        // "</details>": the clause its summary opened ends (with any clause opened inside it)
        const open = this.disclosures.pop()
        const k = open ? this.stack.indexOf(open) : -1
        if (k > 0) this.stack.length = k
        continue
      }
      const inner = m[1]
      const title = decodeEntities(inner.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim()
      const innerStart = base + m.index + m[0].indexOf('>') + 1
      const position = {start: this.at(base + m.index), end: this.at(at + base)}
      const section = this.open('heading', title, undefined, this.current.rank + 0.5, position)
      this.disclosures.push(section)
      if (!title) continue
      // the title's text mapped to its source where it is written plain, else to where it starts
      const plain = !/[<&]/.test(inner)
      const lead = inner.length - inner.trimStart().length
      this.addBlock('heading', section, title, [{textStart: 0, sourceStart: innerStart + (plain ? lead : 0), length: plain ? title.length : 0}], position, [])
    }
    const rest = value.slice(at)
    if (rest.trim()) this.html(rest, base + at, this.current)
  }

  heading(node: Heading): void {
    const raw = toString(node).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
    // a numbered paragraph that a word processor exported as a heading is read as the paragraph it is
    if (node.depth > 1 && EXPORTED_PARAGRAPH.test(raw)) {
      this.paragraph({type: 'paragraph', children: node.children, ...(node.position ? {position: node.position} : {})}, undefined)
      return
    }
    const {number, title} = splitNumber(raw)
    const section = this.open('heading', title, number, node.depth, this.pos(node))
    if (!this.title && node.depth === 1) this.title = section
    // The heading's own text, for the language rules (a "[Client Name]" in a title is still a placeholder).
    const t = this.inlineText(node.children, 0)
    if (t.text.trim()) this.addBlock('heading', section, t.text, t.segments, this.pos(node), t.variables)
  }

  /**
   * Open the section a line of capitals heads ("8. FEES", "ARTICLE 3 – SUPPORT", "SUPPORT HOURS"): a numbered one nests
   * by its number as a numbered paragraph does; an unnumbered one is a sibling of the line heading before it, else it
   * nests under the current clause; the document's first line, in capitals, is its title.
   */
  capitalHeading(line: CapitalLine, node: RootContent, first: boolean, kind: 'line' | 'bold' = 'line', group = false): void {
    const position = this.pos(line.paragraph)
    const current = this.current
    const rank = first && !this.title && line.number === undefined
      ? 1
      : line.number !== undefined
        ? 10 + line.number.split('.').length
        : this.titleRank(group) ?? Math.max(current.rank + 1, 12)
    const section = this.open(kind, line.title, line.number, rank, position)
    if (group && line.number === undefined) this.groups.add(section)
    if (rank === 1) this.title = section
    const t = this.inlineText(line.paragraph.children, 0)
    if (t.text.trim()) this.addBlock('heading', section, t.text, t.segments, node === line.paragraph ? position : this.pos(node), t.variables)
  }

  /**
   * Read a top-level ordered list whose every item is a clause titled in capitals ("3. SUPPORT HOURS. The help desk …",
   * "1. DEFINITIONS" over its text on the next line), or a paragraph that is one ("6. RESOLUTION. Our staff …",
   * "SCHEDULE 1 – RATES" over its text), as those clauses: each a section nesting by its number, titled by the capitals,
   * with the rest of the paragraph as its text. Returns false, reading nothing, when the node is not such a clause.
   */
  titledClauses(node: RootContent, first: boolean): boolean {
    if (node.type === 'paragraph') {
      const head = node.children[0]
      if (head?.type !== 'text' || !TITLE_START.test(head.value)) return false
      const t = this.inlineText(node.children, 0)
      const title = clauseTitle(t.text, true)
      if (!title) return false
      this.titledClause(node, t, title, title.number, first, [])
      return true
    }
    // (a bullet list of such clauses, "- SERVICES. We provide …" / "- HOURS. Support is …", is read alike, unnumbered;
    // one bullet alone is a note, not a list of clauses)
    if (node.type !== 'list' || (!node.ordered && node.children.length < 2)) return false
    // (the text of each item opens with capitals: tested on the source text before it is read)
    for (const item of node.children) {
      const head = item.children[0]?.type === 'paragraph' ? item.children[0].children[0] : undefined
      if (head?.type !== 'text' || !TITLE_START.test(head.value)) return false
    }
    const items: Array<{t: InlineText; title: ClauseTitle; p: Paragraph; rest: RootContent[]}> = []
    const last = node.children.length - 1
    for (const [i, item] of node.children.entries()) {
      const [p, ...rest] = item.children
      if (p?.type !== 'paragraph' || p.children[0]?.type !== 'text') return false
      const t = this.inlineText(p.children, 0)
      // the last item may be a title alone, its text in the paragraphs after the list ("9. CLIENT DUTIES." / "9.1 …")
      const alone = i === last && i > 0 && !rest.length ? capitalText(p) : undefined
      const title = clauseTitle(t.text, false) ?? (alone !== undefined ? {number: undefined, title: cleanTitle(alone), start: 0, end: t.text.trimEnd().length, from: t.text.length} : undefined)
      if (!title) return false
      items.push({t, title, p, rest})
    }
    node.children.forEach((item, i) => {
      const written = node.ordered ? /^\s*(\d{1,3})[.)]/.exec(this.source.slice(item.position?.start.offset ?? 0)) : null
      const number = written ? written[1]! : node.ordered ? String((node.start ?? 1) + i) : undefined
      const {t, title, p, rest} = items[i]!
      this.titledClause(p, t, title, title.number ?? number, first && i === 0 && node.ordered === true, rest)
    })
    return true
  }

  /**
   * An agreement written as one outline of bullets, with no headings anywhere: a top-level item whose own text is a
   * short title (one line, a few words, no closing stop or colon) over a nested list ("- When we're open" › "  - Monday
   * to Saturday, 9:00 to 18:30 Irish time") titles its nested items as a heading would, when three or more items of the
   * list are such titles and no lead-in introduces the list as a list; the other items stay items where they stand.
   */
  outline(node: RootContent, before: RootContent | undefined): boolean {
    if (node.type !== 'list' || node.children.length < 3) return false
    if (!(this.headingless ??= !this.tree.children.some((n) => n.type === 'heading'))) return false
    if (before?.type === 'paragraph' && /:\s*$/.test(this.source.slice(before.position?.start.offset ?? 0, before.position?.end.offset ?? 0))) return false
    const titles = node.children.map((item) => {
      const [p, ...rest] = item.children
      if (p?.type !== 'paragraph' || !rest.some((c) => c.type === 'list')) return undefined
      const t = this.inlineText(p.children, 0)
      const text = t.text.trim()
      if (!OUTLINE_TITLE.test(text) || text.split(/\s+/).length > 8) return undefined
      return {t, p, rest, text}
    })
    if (titles.filter((x) => x !== undefined).length < 3) return false
    const base = this.current
    node.children.forEach((item, i) => {
      const x = titles[i]
      if (x === undefined) {
        this.list({...node, children: [item]}, base, undefined)
        return
      }
      const end = x.t.text.trimEnd().length
      const start = x.t.text.length - x.t.text.trimStart().length
      this.titledClause(x.p, x.t, {number: undefined, title: cleanTitle(x.text), start, end, from: x.t.text.length}, undefined, false, x.rest)
    })
    return true
  }

  titledClause(p: Paragraph, t: InlineText, title: ClauseTitle, number: string | undefined, first: boolean, rest: readonly RootContent[]): void {
    const position = {start: this.at(textToSource(t.segments, title.start)), end: this.at(textToSource(t.segments, title.end))}
    const current = this.current
    const rank = number !== undefined
      ? 10 + number.split('.').length
      : first && !this.title
        ? 1
        : this.titleRank(false) ?? Math.max(current.rank + 1, 12)
    const section = this.open('line', title.title, number, rank, position)
    if (rank === 1) this.title = section
    this.addBlock('heading', section, t.text.slice(title.start, title.end), sliceSegments(t.segments, title.start, title.end, 0), position, [])
    const body = {text: t.text.slice(title.from), segments: shiftSegments(t.segments, title.from), variables: t.variables.filter((v) => v.start >= title.from).map((v) => ({...v, start: v.start - title.from, end: v.end - title.from}))}
    if (body.text.trim()) this.addBlock('paragraph', section, body.text, body.segments, {start: this.at(textToSource(body.segments, body.text.search(/\S/))), end: this.pos(p).end}, body.variables)
    for (const child of rest) {
      if (child.type === 'list') this.list(child, section, number)
      else this.visitFlow(child, section)
    }
  }

  paragraph(node: Paragraph, inSection: MutableSection | undefined): void {
    if (this.chatMessages(node, inSection ?? this.current)) return
    const first = node.children[0]
    let section = inSection ?? this.current
    let skip = 0
    // **5.1. Backups.** The Provider…   or   5.1 **Backups.** The Provider…
    if (!inSection && first) {
      let number: string | undefined
      let title: string | undefined
      if (first.type === 'strong') {
        const bold = toString(first).trim()
        // (the clause word's title only when text runs on after it: a bold line on its own is read as a title line)
        const m = BOLD_NUMBER.exec(bold) ?? (node.children.slice(1).some((c) => toString(c).trim() !== '') ? BOLD_CLAUSE_NUMBER.exec(bold) : null)
        if (m && /^[A-Z(“"]/.test(m[2]!)) {
          number = m[1]
          title = m[2]
          skip = 1
        }
      } else if (first.type === 'text' && node.children[1]?.type === 'strong') {
        const m = /^(\d{1,3}(?:\.\d{1,3})*)\.?\s+$/.exec(first.value)
        if (m) {
          number = m[1]
          title = toString(node.children[1]).trim()
          skip = 2
        }
      }
      if (number !== undefined && title !== undefined) {
        section = this.open('bold', cleanTitle(title), number, 10 + number.split('.').length, this.pos(first))
      } else if (first.type === 'text') {
        const article = ARTICLE_WORDS.some((w) => first.value.startsWith(w)) ? articleRunIn(first.value) : undefined
        if (article) {
          const start = first.position?.start.offset ?? 0
          section = this.open('numbered', article.title, article.number, 10 + article.number.split('.').length, {start: this.at(start), end: this.at(start + article.end)})
          const rest = this.inlineText(node.children, 0)
          this.addInline(node, section, {text: rest.text.slice(article.from), segments: shiftSegments(rest.segments, article.from), variables: []}, 'paragraph')
          return
        }
        const firstLine = lineOf(first.value, 0) ?? ''
        const tab = TAB_LINE.exec(firstLine)
        const short = tab ? undefined : SHORT_NUMBERED_LINE.exec(firstLine.trim())
        const m = tab ?? short
        // a numbered paragraph that opens with a short title ended by a full stop or a colon, with no verb in it ("3.2 Not
        // covered. Printers …"), is titled by it, as by a bold run-in title ("3.2 **Not covered.** Printers …")
        const runIn = m ? undefined : RUN_IN_TITLE.exec(first.value)
        if (runIn && runIn[2]!.trim().split(/\s+/).length <= 5 && !NOT_A_TITLE.test(runIn[2]!) && !SUBJECT_AND_VERB.test(runIn[2]!.trim())) {
          const num = runIn[1]!
          const t = runIn[2]!.trim()
          const start = first.position?.start.offset ?? 0
          const titleStart = first.value.indexOf(t, num.length)
          const headingPos = {start: this.at(start), end: this.at(start + titleStart + t.length)}
          section = this.open('numbered', cleanTitle(t), num, 10 + num.split('.').length, headingPos)
          const rest = this.inlineText(node.children, 0)
          const from = rest.text.indexOf(t) + t.length + 1
          this.addInline(node, section, {text: rest.text.slice(from), segments: shiftSegments(rest.segments, from), variables: []}, 'paragraph')
          return
        }
        if (m) {
          const num = m[1]!.replace(/\.$/, '')
          let t = m[2]!.trim()
          // "4.2<TAB>Response Times. The Provider will…": the title ends at the first full stop.
          const stop = t.search(/[.:]\s/)
          if (stop > 0) t = t.slice(0, stop)
          // (a questionnaire's request titles its answer as a question does, without its stop)
          const request = !tab && REQUEST.test(t) && t.split(/\s+/).length <= MAX_QUESTION_WORDS
          if (request) t = t.slice(0, -1)
          // "2.1<TAB>"Business Hours" means …": no title, the whole line is the clause's text; so too a first line whose
          // sentence runs on into the next line ("2.1 Kalmar provides support for the" / "inventory system, …"), as a
          // hand-wrapped or pasted paragraph breaks it: a title is not continued on the line below
          const secondLine = lineOf(first.value, 1)
          const runsOver = secondLine !== undefined && !tab && (runsOn(firstLine, secondLine) || this.wrapAfter(first.position?.start.offset))
          // (a question is a title whatever its verbs, as a page of questions and answers titles each answer: "1.2 What
          // is not covered?" over the answer, as "### What is not covered?" is)
          const question = request || (!tab && t.endsWith('?') && t.split(/\s+/).length <= MAX_QUESTION_WORDS)
          if ((t.length > 60 && !question) || (!question && /\b(?:means|shall|will|must|is|are)\b/.test(t)) || runsOver) {
            section = this.open(tab ? 'tab' : 'numbered', '', num, 10 + num.split('.').length, this.pos(first))
            this.addInline(node, section, this.inlineText(node.children, 0), 'paragraph')
            return
          }
          const titleEnd = firstLine.indexOf(t) + t.length
          const start = first.position?.start.offset ?? 0
          const headingPos = {start: this.at(start), end: this.at(start + titleEnd)}
          section = this.open(tab ? 'tab' : 'numbered', cleanTitle(t), num, 10 + num.split('.').length, headingPos)
          // drop the title from the block text
          const rest = this.inlineText(node.children, 0)
          const cut = rest.text.indexOf(t)
          if (cut >= 0) {
            const from = cut + t.length
            this.addInline(node, section, {text: rest.text.slice(from), segments: shiftSegments(rest.segments, from), variables: []}, 'paragraph')
            return
          }
        }
      }
    }
    const t = this.inlineText(node.children, skip)
    if (skip === 0 && this.records(section, [t])) return
    if (this.lettered(section, t)) return
    if (this.plainLines(section, t)) return
    this.addInline(node, section, t, 'paragraph')
  }

  /** Add the trimmed slice [from, to) of an inline text as a block of its own (nothing when it is blank). */
  private addPiece(section: MutableSection, t: InlineText, from: number, to: number, kind: BlockKind): void {
    while (to > from && /\s/.test(t.text.charAt(to - 1))) to--
    while (from < to && /\s/.test(t.text.charAt(from))) from++
    if (!t.text.slice(from, to).trim()) return
    const text = t.text.slice(from, to)
    const segments = sliceSegments(t.segments, from, to, 0)
    let start = textToSource(t.segments, from)
    // an item that opens with a bold title ("b) **Not covered.** …") starts at the title's mark, as the paragraph of a
    // Markdown list item does, so that the title is read as the item's label
    if (kind === 'list-item' && /(?:\*\*|__)$/.test(this.source.slice(Math.max(0, start - 2), start))) start -= 2
    const position = {start: this.at(start), end: this.at(textToSource(t.segments, to))}
    const variables = t.variables.filter((v) => v.start >= from && v.end <= to).map((v) => ({...v, start: v.start - from, end: v.end - from}))
    this.addBlock(kind, section, text, segments.length ? segments : [{textStart: 0, sourceStart: position.start.offset, length: 0}], position, variables)
  }

  /**
   * The messages of a chat export or a copied chat in a paragraph: each line that opens with a message's time and sender
   * ("11/03/2027, 09:04 - Tom Fenwick: …", "[09:18] Tom Berger (Brightwave): …", "**[09:18] Tom Berger:** …"), or a line
   * that is only the sender and the time over the message's lines ("Dana (Crumb & Co), 9:02 AM"), opens a message. Each
   * message is read as a paragraph of its own, without its time and sender (its blocks keep the sender, see Block.sender),
   * so a message that ends in a colon introduces what follows as any lead-in does, and its time is never a value. Read
   * only where the document holds two such lines at least (a chat is a run of messages). Returns false, reading nothing,
   * when the paragraph opens no message.
   */
  chatMessages(node: Paragraph, section: MutableSection): boolean {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return false
    // (a line that may open a message starts with "[", a digit or a bold run, or ends in a time: tested before any pattern)
    let maybe = false
    for (let line = this.at(start).line; line <= this.lineStarts.length && (this.lineStarts[line - 1] ?? end) < end; line++) {
      const from = this.lineStarts[line - 1]!
      const to = Math.min(end, (this.lineStarts[line] ?? this.source.length + 1) - 1)
      if (mayOpenMessage(this.source, from, to)) {
        maybe = true
        break
      }
    }
    if (!maybe || (this.chatLines ??= countChatLines(this.source, this.lineStarts)) < 2) return false
    const t = this.inlineText(node.children, 0)
    // where each source line of the paragraph starts in the text
    const lineOpenings: number[] = []
    let lastLine = -1
    for (const seg of t.segments) {
      const line = this.at(seg.sourceStart).line
      if (line !== lastLine) lineOpenings.push(seg.textStart)
      lastLine = line
    }
    const messages: Array<{at: number; from: number; sender: string}> = []
    for (const at of lineOpenings) {
      const rest = t.text.slice(at)
      const opening = CHAT_OPENING.exec(rest)
      if (opening) {
        messages.push({at, from: at + opening[0].length, sender: opening[1]!.trim()})
        continue
      }
      const header = CHAT_HEADER.exec(rest)
      // (the sender's line ends at its time: the message is on the lines after it)
      if (header && /^[ \t]*(?:\r?\n|$)/.test(this.source.slice(textToSource(t.segments, at + header[0].length)))) messages.push({at, from: at + header[0].length, sender: header[1]!.trim()})
    }
    if (!messages.length) return false
    const piece = (from: number, to: number): void => {
      const text = t.text.slice(from, to)
      if (!text.trim()) return
      const sub: InlineText = {text, segments: sliceSegments(t.segments, from, to, 0), variables: t.variables.filter((v) => v.start >= from && v.end <= to).map((v) => ({...v, start: v.start - from, end: v.end - from}))}
      if (this.records(section, [sub]) || this.lettered(section, sub) || this.plainLines(section, sub)) return
      this.addPiece(section, sub, 0, sub.text.length, 'paragraph')
    }
    piece(0, messages[0]!.at)
    messages.forEach((m, k) => {
      this.sender = m.sender
      piece(m.from, messages[k + 1]?.at ?? t.text.length)
    })
    return true
  }

  /**
   * A paragraph whose lines open with letters, roman numerals or bracketed numbers in sequence ("a) …", "b) …", "(i) …",
   * "(ii) …", "(1) …", "(2) …"), after an
   * optional lead-in that introduces them, is a list typed without list syntax: each such line is a list item, the
   * lead-in a paragraph before them, and the lines after the last item a paragraph after them.
   */
  lettered(section: MutableSection, t: InlineText): boolean {
    if (!t.text.includes('\n')) return false
    const pieces: Array<{start: number; end: number; marker: number; token: string | undefined}> = []
    let start = 0
    for (const line of t.text.split('\n')) {
      const m = ENUMERATOR_LINE.exec(line)
      pieces.push({start, end: start + line.length, marker: m ? m[0].length : 0, token: m ? (m[1] ?? m[2] ?? m[3]!.toLowerCase()) : undefined})
      start += line.length + 1
    }
    // a numbered paragraph over lettered lines ("(1) Faults are sorted into categories:" / "a) …") is their lead-in
    const numbered = (k: number): boolean => isDigit(pieces[k]?.token ?? '')
    for (let k = 0; k < pieces.length; k++) if (numbered(k) && !numbered(k + 1) && !numbered(k - 1)) pieces[k] = {...pieces[k]!, marker: 0, token: undefined}
    const first = pieces.findIndex((p) => p.token !== undefined)
    if (first < 0) return false
    const lead = first > 0 ? t.text.slice(pieces[0]!.start, pieces[first - 1]!.end) : ''
    if (lead.trim() && !LEADS_IN.test(lead.trimEnd())) return false
    // the enumerators must run in sequence: letters a, b, c…; romans i, ii, iii… (under a letter, or on their own)
    // (bracketed numbers, "(1)", "(2)" as a translated contract writes its items, run on their own)
    let letter = 0
    let roman = 0
    let digit = 0
    let last = first
    // the next enumerator in the sequence: the new letter, roman and digit counts, or undefined when the token breaks it
    const step = (token: string): [number, number, number] | undefined => {
      if (isDigit(token)) return token === String(digit + 1) && !letter && !roman ? [letter, roman, digit + 1] : undefined
      if (digit) return undefined
      if (token === letterAt(letter)) return [letter + 1, 0, digit]
      if (token === romanAt(roman)) return [letter, roman + 1, digit]
      return undefined
    }
    // each item ends at its own line, or, wrapped over lines ("a) **Urgent**: the practice can't work." / "We answer within
    // 15 minutes."), at the last line before the next item in the sequence: a line with no enumerator between two items
    // is the item above it continued
    const ends = new Map<number, number>()
    for (let k = first; k < pieces.length; k++) {
      const token = pieces[k]!.token
      if (token === undefined) {
        let j = k + 1
        while (j < pieces.length && pieces[j]!.token === undefined) j++
        if (j >= pieces.length || !step(pieces[j]!.token!)) break
        ends.set(last, pieces[j - 1]!.end)
        k = j - 1
        continue
      }
      const next = step(token)
      if (!next) return false
      ;[letter, roman, digit] = next
      last = k
    }
    if (last === first) return false
    // the last item runs on over the lines after it that are indented under it, or whose break falls inside its sentence
    // ("… and aim to" / "close it …")
    const indented = (k: number): boolean => /^[ \t]/.test(this.source.slice(textToSource(t.segments, pieces[k]!.start) - (this.at(textToSource(t.segments, pieces[k]!.start)).column - 1)))
    let after = last + 1
    while (after < pieces.length && (indented(after) || runsOn(t.text.slice(pieces[after - 1]!.start, pieces[after - 1]!.end), t.text.slice(pieces[after]!.start, pieces[after]!.end)))) ends.set(last, pieces[after++]!.end)
    const piece = (from: number, to: number, kind: BlockKind): void => this.addPiece(section, t, from, to, kind)
    if (lead.trim()) piece(0, pieces[first - 1]!.end, 'paragraph')
    for (let k = first; k <= last; k++) if (pieces[k]!.token !== undefined) piece(pieces[k]!.start + pieces[k]!.marker, ends.get(k) ?? pieces[k]!.end, 'list-item')
    if (after < pieces.length) piece(pieces[after]!.start, t.text.length, 'paragraph')
    return true
  }

  /**
   * A paragraph of plain lines after a lead-in line ("Your plan covers:", "The plan does not include the following:"), an
   * item a line with no marker and no closing stop ("Help desk for all staff" / "Patching of PCs"), is a list typed
   * without list syntax: each such line is a list item, the lead-in a paragraph before them, and the lines after the last
   * item (a sentence, "We quote such work first …") a paragraph after them. Two items at least; a line that runs on into
   * the next ("… for all staff and") is a sentence broken across lines, not an item.
   */
  plainLines(section: MutableSection, t: InlineText): boolean {
    if (!t.text.includes('\n')) return false
    const lines: Array<{start: number; end: number; text: string}> = []
    let start = 0
    for (const line of t.text.split('\n')) {
      lines.push({start, end: start + line.length, text: line.trim()})
      start += line.length + 1
    }
    const lead = lines.findIndex((l) => leadsIn(l.text))
    if (lead < 0 || lead >= lines.length - 2) return false
    const piece = (from: number, to: number, kind: BlockKind): void => this.addPiece(section, t, from, to, kind)
    // items typed with a bullet character, as a chat, a pasted note or a word processor leaves them ("• Help desk" /
    // "• Patching"), which Markdown does not read as a list marker: each such line after the lead-in is an item
    let bullets = lead + 1
    while (bullets < lines.length && BULLET_CHAR.test(lines[bullets]!.text)) bullets++
    if (bullets - lead > 2) {
      piece(0, lines[lead]!.end, 'paragraph')
      for (let k = lead + 1; k < bullets; k++) {
        const line = lines[k]!
        piece(line.start + BULLET_CHAR.exec(t.text.slice(line.start, line.end))![0].length, line.end, 'list-item')
      }
      if (bullets < lines.length) piece(lines[bullets]!.start, t.text.length, 'paragraph')
      return true
    }
    let ending: string | undefined
    let last = lead
    for (let k = lead + 1; k < lines.length; k++) {
      const end = lineItem(lines[k]!.text)
      if (end === undefined) break
      // the items of one list end alike ("…;" or "…"; the last may close with "."); a sentence that ends in a stop is
      // an item only as the last of a list whose items end in ";" or ","
      if (ending === undefined) ending = end
      else if (end !== ending && !(end === '.' && (ending === ';' || ending === ','))) break
      if (end === '.' && ending === '.') break
      last = k
      if (end !== ending) break
    }
    if (last - lead < 2) return false
    piece(0, lines[lead]!.end, 'paragraph')
    for (let k = lead + 1; k <= last; k++) piece(lines[k]!.start, lines[k]!.end, 'list-item')
    if (last + 1 < lines.length) piece(lines[last + 1]!.start, t.text.length, 'paragraph')
    return true
  }

  /**
   * A paragraph whose every line is a record of "Label: value" pairs ("Priority: P1; Response: 1 hour") is a table
   * written out a row per line: each line is read as a table row, with the labels as the table's header.
   */
  records(section: MutableSection, texts: readonly InlineText[], list = false): boolean {
    const rows: Array<{t: InlineText; start: number; pairs: RecordPair[]}> = []
    for (const t of texts) {
      if (!t.text.includes(': ')) return false
      let start = 0
      for (const line of t.text.split('\n')) {
        // (the items of a list may each hold one labelled pair after their key: see below)
        const pairs = recordPairs(line) ?? (list ? recordPairs(line, 1) : undefined)
        // a header written twice in one row is prose that happens to hold colons, not a record
        if (!pairs || new Set(pairs.map((p) => p.label)).size < pairs.length) return false
        rows.push({t, start, pairs})
        start += line.length + 1
      }
    }
    // A list whose items each name a key and then give values under the same labels ("- **Critical** — Acknowledged
    // within: 15 minutes", "- **High** — Acknowledged within: 30 minutes") is a table written as a list, however few
    // its labels: a row of one labelled pair counts only where every item has its key and no item has a label the
    // fullest item lacks (an item may leave a cell out)
    if (rows.some((r) => r.pairs.filter((p) => p.label).length < 2)) {
      const fullest = new Set(rows.reduce((a, b) => (b.pairs.length > a.pairs.length ? b : a)).pairs.map((p) => p.label))
      if (rows.length < 2 || rows.some((r) => r.pairs[0]!.label !== '' || r.pairs.some((p) => !fullest.has(p.label)))) return false
    }
    const header: string[] = []
    for (const row of rows) for (const p of row.pairs) if (!header.includes(p.label)) header.push(p.label)
    for (const {t, start, pairs} of rows) {
      let text = ''
      const segments: Segment[] = []
      const cells = header.map(() => '')
      for (const p of pairs) {
        if (text) text += ' | '
        const from = start + p.start
        const offset = text.length
        text += t.text.slice(from, start + p.end)
        segments.push(...sliceSegments(t.segments, from, start + p.end, offset))
        cells[header.indexOf(p.label)] = t.text.slice(from + p.valueStart, start + p.end).trim()
      }
      const end = start + pairs[pairs.length - 1]!.end
      const position = {start: this.at(textToSource(t.segments, start + pairs[0]!.start)), end: this.at(textToSource(t.segments, end))}
      const variables = t.variables.filter((v) => v.start >= start && v.end <= end).map((v) => ({...v, start: v.start - start, end: v.end - start}))
      this.addBlock('table-row', section, text, segments.length ? segments : [{textStart: 0, sourceStart: position.start.offset, length: 0}], position, variables, header, cells)
    }
    return true
  }

  addInline(node: Paragraph, section: MutableSection, t: InlineText, kind: BlockKind): Block | undefined {
    const text = t.text.replace(/^[\s.:–—-]+/, (m) => ' '.repeat(m.length))
    if (!text.trim()) return undefined
    return this.addBlock(kind, section, text, t.segments, this.pos(node), t.variables)
  }

  list(node: List, section: MutableSection, parentNumber: string | undefined): void {
    // a list of records, an item per row ("- **P1** — Response: 1 hour; Resolution: 4 hours"), is a table written out
    if (node.children.every((i) => i.children.length === 1 && i.children[0]!.type === 'paragraph')) {
      // (every line of a record holds ": ", so the items are read only while each does)
      const texts: InlineText[] = []
      for (const i of node.children) {
        const t = this.inlineText((i.children[0] as Paragraph).children, 0)
        if (!t.text.includes(': ')) break
        texts.push(t)
      }
      if (texts.length === node.children.length && this.records(section, texts, true)) return
    }
    let index = node.start ?? 1
    for (const item of node.children) {
      const number = node.ordered ? (parentNumber ? `${parentNumber}.${index}` : String(index)) : undefined
      this.listItem(item, section, node.ordered === true, number)
      index++
    }
  }

  listItem(item: ListItem, section: MutableSection, ordered: boolean, number: string | undefined): void {
    const head = item.children[0]
    let target = section
    let skip = 0
    // An ordered item that opens with a title, or any item that is only a bold title over a nested list
    const leadIn = head?.type === 'paragraph' && item.children.some((c) => c.type === 'list') && isOnlyStrong(head)
    if ((ordered || leadIn) && head?.type === 'paragraph') {
      // "1. SERVICES" with the clause's text indented under it: the line of capitals titles the item
      const caps = ordered && item.children.length > 1 ? capitalText(head) : undefined
      const t = itemTitle(head) ?? (caps ? {title: caps, skip: head.children.length} : undefined)
      if (t) {
        const m = BOLD_NUMBER.exec(t.title)
        const title = cleanTitle(m ? m[2]! : t.title)
        const position = this.pos(head.children[t.skip - 1] ?? head)
        target = this.makeSection({kind: 'list-item', title, number: m ? m[1] : number, rank: 99, parent: section, position})
        skip = t.skip
      }
    }
    let firstPara = true
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        // Reading: a list item's bold title ("3. **We never lose your data.** Backups run …") is words of the item, as it
        // is where the item is lettered ("c) **We never lose your data.** …"): it titles the item's section, and is kept
        // as a block of its own beside the block that follows it, outside the document's blocks, for the rules that
        // read wording (see Block.title)
        if (firstPara && skip > 0 && head?.type === 'paragraph' && head.children[0]?.type === 'strong') {
          const title = this.inlineText(head.children.slice(0, skip), 0)
          const text = title.text.replace(/\s+$/, '')
          if (text.trim()) {
            const block = this.makeBlock('list-item', target, text, title.segments, this.pos(head.children[0]), title.variables)
            // (a title over a nested item's title, with no text between them, keeps the earlier as its own title)
            if (this.pendingTitle) (block as {title?: Block}).title = this.pendingTitle
            this.pendingTitle = block
          }
        }
        this.addInline(child, target, this.inlineText(child.children, firstPara ? skip : 0), 'list-item')
        firstPara = false
      } else if (child.type === 'list') {
        this.list(child, target, target === section ? number : target.number)
      } else {
        this.visitFlow(child, target)
      }
    }
    if (target !== section) closeSections(target)
  }

  table(node: Table, section: MutableSection): void {
    const [head, ...rows] = node.children
    const written = head ? head.children.map((c) => toString(c).trim()) : []
    // a first column that only numbers the rows is left out of every row (see numberingColumn)
    const from = numberingColumn(written, rows.map((r) => r.children.map((c) => toString(c).trim()))) ? 1 : 0
    const header = written.slice(from)
    for (const row of rows) {
      const cells = row.children.slice(from).map((c) => this.inlineText(c.children, 0))
      // "Priority: P1 | Response: 1 hour" keeps the column meaning with each value
      let text = ''
      const segments: Segment[] = []
      const variables: TextRange[] = []
      cells.forEach((cell, i) => {
        if (i > 0) text += ' | '
        const label = header[i]
        if (label) text += `${label}: `
        const offset = text.length
        text += cell.text
        for (const s of cell.segments) segments.push({...s, textStart: s.textStart + offset})
        for (const v of cell.variables) variables.push({...v, start: v.start + offset, end: v.end + offset})
      })
      if (!segments.length) segments.push({textStart: 0, sourceStart: row.position?.start.offset ?? 0, length: 0})
      this.addBlock('table-row', section, text, segments, this.pos(row), variables, header, cells.map((c) => c.text.trim()))
    }
  }

  /**
   * Reading: a fenced block of plain text that holds a fixed-width table (a line of column titles, a rule of dashes under
   * each column, rows whose values stand under the dashes), as a report pasted from a ticket system or a PDF writes one,
   * is read as a table: a table-row block per row, each cell the text under its column's dashes. Any other fenced block
   * (code, a form of "key: value" lines) holds no prose and is not read.
   */
  textTable(start: number, end: number, lang: string | null | undefined, section: MutableSection): void {
    if (lang && !PLAIN_TEXT_LANG.test(lang)) return
    const raw = this.source.slice(start, end)
    // the lines between the fences, each with its offset in the source
    const lines: Array<{text: string; at: number}> = []
    let at = start
    for (const text of raw.split('\n')) {
      lines.push({text: text.replace(/\r$/, ''), at})
      at += text.length + 1
    }
    // (an indented block has no fences)
    const fenced = FENCE.test(lines[0]?.text ?? '')
    const body = fenced ? lines.slice(1, lines.length > 1 && FENCE.test(lines[lines.length - 1]!.text) ? -1 : undefined) : lines
    const ruleAt = body.findIndex((l) => TEXT_TABLE_RULE.test(l.text))
    if (ruleAt < 1 || !body[ruleAt - 1]!.text.trim()) return
    const columns = [...body[ruleAt]!.text.matchAll(/-{2,}/g)].map((m) => m.index)
    if (columns.length < 2) return
    // a cell runs from its column's first dash to the next column's; a value that runs past that start (no space before
    // it) keeps its word, up to the next gap of two spaces
    const cellsOf = (line: string): Array<{text: string; from: number}> => {
      const out: Array<{text: string; from: number}> = []
      let from = columns[0]!
      for (let c = 0; c < columns.length; c++) {
        let to = c + 1 < columns.length ? columns[c + 1]! : line.length
        if (to < line.length && /\S/.test(line.charAt(to - 1)) && /\S/.test(line.charAt(to))) {
          const gap = line.slice(to).search(/\s{2}/)
          to = gap < 0 ? line.length : to + gap
        }
        const cell = line.slice(Math.min(from, line.length), Math.max(from, to))
        const lead = cell.length - cell.trimStart().length
        out.push({text: cell.trim(), from: Math.min(from, line.length) + lead})
        from = Math.max(from, to)
      }
      return out
    }
    const header = cellsOf(body[ruleAt - 1]!.text).map((c) => c.text.replace(FOOTNOTE_MARK, '').trim())
    const rows = body.slice(ruleAt + 1).filter((l) => l.text.trim() && !TEXT_TABLE_RULE.test(l.text))
    if (!rows.length) return
    for (const row of rows) {
      const cells = cellsOf(row.text)
      if (cells.filter((c) => c.text).length < 2) continue
      let text = ''
      const segments: Segment[] = []
      cells.forEach((cell, i) => {
        if (i > 0) text += ' | '
        const label = header[i]
        if (label) text += `${label}: `
        segments.push({textStart: text.length, sourceStart: row.at + cell.from, length: cell.text.length})
        text += cell.text
      })
      const lead = row.text.length - row.text.trimStart().length
      const position = {start: this.at(row.at + lead), end: this.at(row.at + row.text.trimEnd().length)}
      this.addBlock('table-row', section, text, segments, position, [], header, cells.map((c) => c.text))
    }
  }

  /**
   * Rows of the raw HTML tables in an HTML block, as table-row blocks like those of a GFM table: the first row whose
   * cells are all <th> (or the rows in <thead>) is the header. Scanned with indexOf, so unclosed tags stay linear.
   * Returns false when no row was found (the block is then read as plain HTML text).
   */
  htmlTable(html: string, base: number, section: MutableSection): boolean {
    const lower = html.toLowerCase()
    let header: string[] = []
    let found = false
    // the rows are kept until the table is read, so that a first column that only numbers them can be left out
    const rows: Array<{cells: Array<{text: string; start: number; length: number}>; position: Position}> = []
    let at = lower.indexOf('<tr')
    while (at >= 0) {
      const open = lower.indexOf('>', at)
      if (open < 0) break
      const next = lower.indexOf('<tr', open)
      const close = lower.indexOf('</tr', open)
      const end = close >= 0 && (next < 0 || close < next) ? close : next >= 0 ? next : lower.length
      const cells: Array<{text: string; start: number; length: number; th: boolean}> = []
      let c = lower.indexOf('<t', open)
      while (c >= 0 && c < end) {
        const kind = lower.slice(c + 2, c + 3)
        const tagEnd = lower.indexOf('>', c)
        if ((kind !== 'd' && kind !== 'h') || !/[\s>]/.test(lower.charAt(c + 3)) || tagEnd < 0 || tagEnd >= end) {
          c = lower.indexOf('<t', c + 2)
          continue
        }
        const cellClose = lower.indexOf('</t', tagEnd)
        const nextCell = lower.indexOf('<t', tagEnd)
        let cellEnd = Math.min(...[cellClose, nextCell, end].filter((x) => x >= 0))
        if (cellEnd < tagEnd) cellEnd = end
        const raw = html.slice(tagEnd + 1, cellEnd)
        // a line break inside a cell separates the items of a list ("Help desk<br>Patching")
        const text = decodeEntities(raw.replace(/\s*<br\s*\/?>\s*(?=\S)/gi, '; ').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').replace(/^[;\s]+|[;\s]+$/g, '').trim()
        // a cell of plain text maps back character by character; one with markup maps to its start
        const lead = raw.length - raw.trimStart().length
        cells.push({text, start: base + tagEnd + 1 + lead, length: raw.trim() === text ? text.length : 0, th: kind === 'h'})
        c = nextCell >= 0 && nextCell < end ? nextCell : -1
      }
      const inHead = lower.lastIndexOf('<thead', at) > lower.lastIndexOf('</thead', at)
      if (cells.length && !header.length && (inHead || cells.every((x) => x.th))) header = cells.map((x) => x.text)
      else if (cells.some((x) => x.text)) {
        found = true
        rows.push({cells, position: {start: this.at(base + at), end: this.at(base + Math.min(html.length, close >= 0 && close === end ? close + 5 : end))}})
      }
      at = next
    }
    const from = numberingColumn(header, rows.map((r) => r.cells.map((x) => x.text))) ? 1 : 0
    const heads = header.slice(from)
    for (const row of rows) {
      const cells = row.cells.slice(from)
      let text = ''
      const segments: Segment[] = []
      cells.forEach((cell, i) => {
        if (i > 0) text += ' | '
        const label = heads[i]
        if (label) text += `${label}: `
        segments.push({textStart: text.length, sourceStart: cell.start, length: cell.length})
        text += cell.text
      })
      this.addBlock('table-row', section, text, segments, row.position, [], heads.length ? heads : undefined, cells.map((x) => x.text))
    }
    return found
  }

  /**
   * The items of the raw HTML lists in an HTML block (`<ul><li>Help desk</li><li>Patching</li></ul>`, an item a line or
   * all on one line), as list-item blocks like those of a Markdown list (a nested list's items follow their parent's, as
   * a flattened list's do); text before the first item (a lead-in, "<p>We provide:</p>") and after the last is read as
   * HTML text. Scanned with indexOf, so unclosed tags stay linear. Returns false, reading nothing, when no item has text.
   */
  htmlList(html: string, base: number, section: MutableSection): boolean {
    const lower = html.toLowerCase()
    const nextItem = (from: number): number => {
      for (let i = lower.indexOf('<li', from); i >= 0; i = lower.indexOf('<li', i + 3)) if (/[\s>]/.test(lower.charAt(i + 3))) return i
      return -1
    }
    const plain = (raw: string): string => decodeEntities(raw.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim()
    const parts: Array<{kind: 'html' | 'list-item'; text: string; start: number; length: number; end: number}> = []
    // where the text of a stretch starts: past the tags and spaces that open it
    const textStart = (from: number, to: number): number => {
      let i = from
      while (i < to) {
        if (html.charAt(i) === '<') {
          const j = html.indexOf('>', i)
          if (j < 0 || j >= to) break
          i = j + 1
        } else if (/\s/.test(html.charAt(i))) i++
        else break
      }
      return i
    }
    // text outside the items: a lead-in before a list, or a line between two lists
    const between = (from: number, to: number): void => {
      const text = plain(html.slice(from, to))
      if (text) parts.push({kind: 'html', text, start: textStart(from, to), length: 0, end: to})
    }
    let last = 0
    for (let at = nextItem(0); at >= 0; ) {
      const open = lower.indexOf('>', at)
      if (open < 0) break
      between(last, at)
      const next = nextItem(open)
      const close = lower.indexOf('</li', open)
      const end = close >= 0 && (next < 0 || close < next) ? close : next >= 0 ? next : lower.length
      const raw = html.slice(open + 1, end)
      const text = plain(raw)
      // an item of plain text maps back character by character; one with markup maps to its start
      const lead = raw.length - raw.trimStart().length
      if (text) parts.push({kind: 'list-item', text, start: raw.trim() === text ? open + 1 + lead : textStart(open + 1, end), length: raw.trim() === text ? text.length : 0, end: open + 1 + raw.trimEnd().length})
      last = close >= 0 && close === end ? lower.indexOf('>', close) + 1 || end : end
      at = next
    }
    if (!parts.some((p) => p.kind === 'list-item')) return false
    between(last, html.length)
    for (const p of parts) this.addBlock(p.kind, section, p.text, [{textStart: 0, sourceStart: base + p.start, length: p.length}], {start: this.at(base + p.start), end: this.at(base + p.end)}, [])
    return true
  }

  addBlock(
    kind: BlockKind,
    section: MutableSection,
    text: string,
    segments: readonly Segment[],
    position: Position,
    variables: readonly TextRange[],
    header?: readonly string[],
    cells?: readonly string[],
  ): Block {
    const block = this.makeBlock(kind, section, text, segments, position, variables, header, cells)
    if (this.pendingTitle) {
      ;(block as {title?: Block}).title = this.pendingTitle
      this.pendingTitle = undefined
    }
    section.blocks.push(block)
    this.blocks.push(block)
    return block
  }

  /** A block with its sentences, not yet placed in its section or the document's blocks. */
  makeBlock(
    kind: BlockKind,
    section: MutableSection,
    text: string,
    segments: readonly Segment[],
    position: Position,
    variables: readonly TextRange[],
    header?: readonly string[],
    cells?: readonly string[],
  ): Block {
    const sentences: Sentence[] = []
    const block: Block & {sentences: readonly Sentence[]} = {
      kind,
      text,
      position,
      section,
      variables,
      segments: segments.slice(),
      sentences,
      file: this.file,
      ...(header ? {header} : {}),
      ...(cells ? {cells} : {}),
      ...(this.sender !== undefined && kind !== 'heading' ? {sender: this.sender} : {}),
    }
    this.sentenceRanges(text).forEach((r, index) => {
      const s = text.slice(r.start, r.end)
      if (s.trim()) sentences.push({block, index, start: r.start, end: r.end, text: s})
    })
    // arrays filled by push keep room for 17 elements; the copies hold their own length (see compactChildren in parse.ts)
    block.sentences = sentences.slice()
    return block
  }

  /**
   * splitSentences(text); with an editor's parse cache, the ranges of a text that the last build read too are taken
   * from it (an edit changes one block's text, and the tree is built again in full).
   */
  sentenceRanges(text: string): ReadonlyArray<{readonly start: number; readonly end: number}> {
    if (!this.sentences) return splitSentences(text)
    let ranges = this.sentences.get(text) ?? this.cache!.sentences.get(text)
    if (!ranges) ranges = splitSentences(text)
    this.sentences.set(text, ranges)
    return ranges
  }

  /** Plain text of inline content, with a segment per source line so offsets map back exactly. */
  inlineText(nodes: readonly PhrasingContent[], skip: number): InlineText {
    const out: InlineText = {text: '', segments: [], variables: []}
    let openVar: {start: number; kind: string} | undefined
    let depth = 0
    const visit = (node: PhrasingContent): void => {
      switch (node.type) {
        case 'text':
        case 'inlineCode': {
          const value = node.value
          const start = node.position?.start.offset
          if (start === undefined) {
            out.text += value
            return
          }
          const lead = node.type === 'inlineCode' ? this.source.indexOf(value, start) - start : 0
          this.mapLines(out, value, start + Math.max(0, lead))
          return
        }
        case 'break':
          out.text += '\n'
          return
        case 'html': {
          const v = node.value
          if (/^<!--/.test(v)) return
          const varSpan = VARIABLE_SPAN.exec(v)
          if (varSpan) {
            openVar = {start: out.text.length, kind: varSpan[1]!.toLowerCase()}
            depth = 0
            return
          }
          if (/^<span\b/i.test(v)) {
            depth++
            return
          }
          if (/^<\/span>/i.test(v)) {
            if (depth > 0) depth--
            else if (openVar) {
              out.variables.push({start: openVar.start, end: out.text.length, kind: openVar.kind})
              openVar = undefined
            }
            return
          }
          if (/^<br\s*\/?>/i.test(v)) out.text += ' '
          // "<insert date>" is not HTML but a template slot: keep it as text for the placeholder rule.
          else if (!KNOWN_TAG.test(v) && node.position?.start.offset !== undefined) this.mapLines(out, v, node.position.start.offset)
          return
        }
        case 'image':
        case 'imageReference':
        case 'footnoteReference':
          return
        default:
          if ('children' in node) for (const child of node.children) visit(child)
      }
    }
    nodes.forEach((node, i) => {
      if (i >= skip) visit(node)
    })
    return out
  }

  /** Is the line break at the end of the line holding this offset a wrap inside a hard-wrapped paragraph? */
  wrapAfter(offset: number | undefined): boolean {
    if (offset === undefined) return false
    return (this.wraps ??= new WrappedBreaks(this.source, this.lineStarts)).has(this.at(offset).line)
  }

  /**
   * A hyphen at a line's end between a lower-case letter and a next line that opens with one joins the lines with no
   * space: a word broken across the lines is one word ("mainte-" / "nance" reads "maintenance"), and a compound broken
   * at its hyphen keeps it ("on-" / "site" reads "on-site"). The hyphen is a compound's where the part before it is a
   * word of its own (one the agreement writes elsewhere, or a word that forms compounds) and the joined word is not
   * written in the agreement. Returns false, doing nothing, when the line does not end so. `src` is where the line ends.
   */
  hyphenBreak(out: InlineText, line: string, src: number): boolean {
    const n = out.text.length
    if (out.text.charCodeAt(n - 1) !== 45 || !isLower(out.text.charAt(n - 2)) || !isLower(line.charAt(0))) return false
    let a = n - 2
    while (a > 0 && isLetter(out.text.charAt(a - 1))) a--
    const part = out.text.slice(a, n - 1)
    let b = 1
    while (b < line.length && isLetter(line.charAt(b))) b++
    if (!this.compoundPart(part, part + line.slice(0, b), src - 1 - part.length)) {
      out.text = out.text.slice(0, -1)
      const last = out.segments[out.segments.length - 1]
      if (last && last.textStart + last.length === n) out.segments[out.segments.length - 1] = {...last, length: last.length - 1}
    }
    return true
  }

  /** Is `part`, broken off before a hyphen at `at`, a word of a compound rather than a piece of the word `joined`? */
  compoundPart(part: string, joined: string, at: number): boolean {
    const answer = compoundPart(this.source, part, joined, at)
    // the answer reads the whole source: kept with its question, so that a build that reuses this one can ask it again
    this.compounds.push({part, joined, at, answer})
    return answer
  }

  /** Every question compoundPart was asked in this build, with its answer. */
  readonly compounds: Compound[] = []

  mapLines(out: InlineText, value: string, sourceStart: number): void {
    // Continuation lines lose their container indentation in mdast; find each line again in the source.
    const lines = value.split('\n')
    let src = sourceStart
    lines.forEach((line, i) => {
      if (i > 0) {
        const lineNo = this.at(src).line // line of the previous piece
        if (!this.hyphenBreak(out, line, src)) out.text += runsOn(out.text, line) || (this.wraps ??= new WrappedBreaks(this.source, this.lineStarts)).has(lineNo) ? ' ' : '\n'
        const next = this.lineStarts[lineNo] ?? src
        const found = this.source.indexOf(line, next)
        src = found >= 0 && found - next < 200 ? found : next
      }
      // invisible characters (zero-width spaces and joiners, soft hyphens, bidi controls) are left out of the text the
      // rules read, so "prom\u200cptly" is read as "promptly"; each visible run keeps its own source position
      let from = 0
      // (every such character is U+00AD or above: a line without one needs no search)
      // curly quotes and apostrophes ("we’ll", “Business Hours”) are read as the straight ones they stand for, one
      // character for one, so every reading written with "'" and '"' reads a document typed in a word processor alike
      const beyond = BEYOND_LATIN1.test(line)
      const read = beyond ? straightQuotes : (piece: string): string => piece
      if (beyond) for (const m of line.matchAll(INVISIBLE)) {
        if (m.index > from) out.segments.push({textStart: out.text.length, sourceStart: src + from, length: m.index - from})
        out.text += read(line.slice(from, m.index))
        from = m.index + m[0].length
      }
      if (from === 0 || from < line.length) out.segments.push({textStart: out.text.length, sourceStart: src + from, length: line.length - from})
      out.text += read(line.slice(from))
      src += line.length
    })
  }
}

// words that form hyphenated compounds in agreements ("on-site", "third-party", "one-hour", "self-service", "non-standard")
const COMPOUND_WORDS = new Set(['on', 'off', 'in', 'out', 'up', 'down', 'over', 'under', 'after', 'pre', 'post', 'self', 'non', 'co', 'cross', 'multi', 'first', 'second', 'third', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'half', 'full', 'part', 'same', 'next', 'well', 'high', 'low', 'long', 'short', 'round', 'all', 'follow', 'set', 'back', 'sign', 'check', 'log', 'call', 'take', 'hand', 'hard', 'soft', 'time', 'fixed', 'break', 'fail', 'end', 'user', 'day', 'week', 'month', 'year', 'hour', 'minute'])
/** A hyphen's reading that searched the whole source (see Builder.compoundPart): the part, the joined word, where the part starts, and the answer. */
interface Compound {
  readonly part: string
  readonly joined: string
  readonly at: number
  readonly answer: boolean
}

/** Is `part`, broken off before a hyphen at `at` of `source`, a word of a compound rather than a piece of the word `joined`? */
function compoundPart(source: string, part: string, joined: string, at: number): boolean {
  if (new RegExp(`(?<!\\p{L})${joined}(?!\\p{L})`, 'iu').test(source)) return false
  if (COMPOUND_WORDS.has(part.toLowerCase())) return true
  const word = new RegExp(`(?<!\\p{L})${part}(?!\\p{L})`, 'gu')
  for (let m = word.exec(source); m; m = word.exec(source)) if (m.index !== at) return true
  return false
}
const isLetter = (c: string): boolean => c.toLowerCase() !== c.toUpperCase()
const isLower = (c: string): boolean => isLetter(c) && c === c.toLowerCase()

const CURLY = /[‘’‚‛“”„‟]/g
const STRAIGHT: Record<string, string> = {'‘': "'", '’': "'", '‚': "'", '‛': "'", '“': '"', '”': '"', '„': '"', '‟': '"'}
/** A text with its curly quotes and apostrophes written straight (each one character for one). */
export function straightQuotes(text: string): string {
  return text.replace(CURLY, (c) => STRAIGHT[c]!)
}

// A line break inside a paragraph is a space where the sentence runs on across it, as in text wrapped by hand or pasted
// from a PDF: the next line opens in lower case (not with a list letter such as "b)" or "(ii)"), or the line ends on a
// word that cannot end one (an article, a preposition, a conjunction, a possessive). Other breaks stay line breaks,
// for readings of one item or label per line.
const CANNOT_END = /(?:^|[\s(])(?:a|an|the|of|to|and|or|for|by|in|on|at|with|within|from|as|per|our|your|its|their|any|all|each|every|no|not|is|are|be|will|shall|must|may|than|that|which|who|if|up|into|onto|between|after|before|during|under|over|including)$/i
const LIST_OPENING = /^\s*(?:\(?[a-z]{1,4}\)|\(?\d{1,3}[.)]|[a-z]\.\s|[-*•–—+>|])/

/**
 * Line `n` (0 or 1) of a text as `text.split(/\r?\n/)` gives it ('' past the last line for the first, undefined for the
 * second), found without a pattern: a paragraph's first lines are read at every build, and a split by a pattern makes a
 * copy of the pattern each time.
 */
function lineOf(text: string, n: 0 | 1): string | undefined {
  let from = 0
  if (n === 1) {
    const first = text.indexOf('\n')
    if (first < 0) return undefined
    from = first + 1
  }
  const end = text.indexOf('\n', from)
  if (end < 0) return from === 0 ? text : text.slice(from)
  return text.slice(from, end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end)
}

function runsOn(before: string, line: string): boolean {
  const last = before.slice(before.lastIndexOf('\n') + 1).trimEnd()
  if (!last || /[.:;!?]$/.test(last) || LIST_OPENING.test(line)) return false
  return /^\s*\p{Ll}/u.test(line) || CANNOT_END.test(last)
}

// A line that opens a block or a label of its own: a list marker, a heading, a table row, a quote, "Weekends: closed"
const OPENS_LINE = /^\s*(?:[-*+•>#|]|\d{1,3}(?:[.)]|(?:\.\d{1,3})+\.?)\s|\(?[a-z]{1,4}\)\s|\(\d{1,3}\)\s|[\p{Lu}\d][^:.;!?]{0,40}:\s)/u

/**
 * The lines whose break is a wrap, in paragraphs wrapped to a width as a PDF paste or a hard-wrapped source is: in a
 * run of lines where every line that breaks before a word (not after a sentence's end, not a line of capitals, not
 * before a line that opens a list item, a heading, a label or a record) was full (at least 40 characters, and either the next
 * word would not have fitted within the run's longest line or the line fills 70% of it), each such break is a space.
 * A column of short lines, or of lines of uneven length, is not wrapped.
 */
class WrappedBreaks {
  /** By line index (0-based): whether the break after it is a wrap; lines of runs not yet read are absent. */
  private readonly read = new Map<number, boolean>()

  constructor(
    private readonly source: string,
    private readonly starts: readonly number[],
  ) {}

  /**
   * Whether the line break after line `lineNo` (1-based) is a wrap. Each run of non-blank lines is read once, when a
   * line of it is first asked about: a paragraph's text reads its own run, not the whole source (an editor's re-lint
   * builds the tree again after every edit).
   */
  has(lineNo: number): boolean {
    const k = lineNo - 1
    let v = this.read.get(k)
    if (v === undefined) {
      this.readRun(k)
      v = this.read.get(k) ?? false
    }
    return v
  }

  /** The first and last line (1-based) of the run of non-blank lines that holds line `lineNo`; the line alone when it is blank or outside the text. */
  runBounds(lineNo: number): [number, number] {
    const at = lineNo - 1
    const n = this.starts.length
    if (at < 0 || at >= n || !this.line(at).trim()) return [lineNo, lineNo]
    let i = at
    while (i > 0 && this.line(i - 1).trim()) i--
    let j = at
    while (j + 1 < n && this.line(j + 1).trim()) j++
    return [i + 1, j + 1]
  }

  private line(i: number): string {
    const {source, starts} = this
    return source.slice(starts[i]!, i + 1 < starts.length ? starts[i + 1]! : source.length).replace(/\r?\n$/, '').trimEnd()
  }

  /** Read the run of non-blank lines that holds line index `at` (nothing for a blank line or one outside the text). */
  private readRun(at: number): void {
    const n = this.starts.length
    if (at < 0 || at >= n || !this.line(at).trim()) {
      this.read.set(at, false)
      return
    }
    let i = at
    while (i > 0 && this.line(i - 1).trim()) i--
    let j = at
    while (j + 1 < n && this.line(j + 1).trim()) j++
    for (let k = i; k <= j; k++) this.read.set(k, false)
    if (j === i) return
    let width = 0
    for (let k = i; k <= j; k++) width = Math.max(width, this.line(k).length)
    const breaks: number[] = []
    for (let k = i; k < j; k++) {
      const text = this.line(k)
      const next = this.line(k + 1)
      // a break the sentence already runs on across (see runsOn) shows nothing of a column: only the others must be full
      if (/[.:;!?]$/.test(text) || !LOWER.test(text) || OPENS_LINE.test(next) || recordPairs(next.trim()) || runsOn(text, next)) continue
      const word = /\S+/.exec(next.trimStart())?.[0] ?? ''
      if (text.length < 40 || (text.length + 1 + word.length <= width && text.length < 0.7 * width)) return
      breaks.push(k)
    }
    for (const b of breaks) this.read.set(b, true)
  }
}

// a line opened by a letter or a roman numeral as a list's enumerator: "a) ", "(b) ", "(iv) ", "ii) "; and by a capital
// roman numeral with a bracket or a dash, as Portuguese, Spanish and Italian contracts number the items of a clause
// ("I – service desk …", "II – monitoring …", "(III) …")
const ENUMERATOR_LINE = /^\s*(?:\(([a-z]|[ivx]{1,4}|\d{1,2})\)|([a-z]|[ivx]{1,4})\)|\(?([IVX]{1,4})(?:\)|\s+[–—-]))\s+(?=\S)/
// a lead-in that introduces a list: it ends with a colon, "the following …", "as follows" or a dash
const LEADS_IN = /(?::|\bfollowing\b[^.]{0,40}|\bas follows|\s[–—-])$/i
// a lead-in of a list whose items follow as paragraphs: it ends with a colon, "the following …" or "as follows"
const LEADS_IN_LIST = /(?::|\bfollowing\b[^.]{0,40}|\bas follows)$/i
// a sentence that points back at the list before it ("Services not listed above …", "Such work …", "any of these"); a thing
// "listed in Annex 1" is placed in another part, which points at no list here ("maintenance of the server listed in Annex 1.")
const POINTS_BACK = /\b(?:above|not listed|listed(?!\s+(?:in|at|under|on)\s+(?:(?:the|an?)\s+)?(?:annex(?:ure)?|schedule|appendix|exhibit|attachment)\b)|this list|the list|these|those|such|foregoing)\b/i
// a paragraph numbered as a clause ("1.2 …", "(2) …", "§ 3 …", "A2. …") is a clause of its own, not a list's item
const CLAUSE_NUMBER = /^\s*(?:\d{1,3}(?:\.\d{1,3})+\.?\s|\d{1,3}\.\s|\(\d{1,3}\)\s|§|[A-Z]\d{1,2}\.\s)/
// a label with its value ("Phone: 0161 555 0100"): a short name before a colon
const LABEL_LINE = /^[^\s:]{1,30}(?:\s[^\s:]+){0,3}:\s/

/**
 * The paragraphs of `blocks` read as list items (see Builder.paragraphItems), as the pass finds them with its leads
 * taken from `start` up to `until` (a lead's items may run on past it); no block is changed.
 */
function listedParagraphs(blocks: readonly Block[], start: number, until: number): Block[] {
  const items: Block[] = []
  for (let i = start; i < until; i++) {
    const lead = blocks[i]!
    const under = lead.kind === 'heading'
    if (!under && (lead.kind !== 'paragraph' || !leadsIn(lead.text))) continue
    const run: Block[] = []
    let ending: string | undefined
    // (whether an item of the run is a sentence of its own)
    let sentences = false
    for (let j = i + 1; j < blocks.length; j++) {
      const b = blocks[j]!
      if (b.section !== lead.section) break
      const end = paragraphItem(b, under)
      if (end === undefined) break
      // the items of one list end alike ("…;" or "…" or "….", the last "….": "…; and" before it); a sentence after
      // them that points back at the list ("Anything not listed above …", "Such work is …") is no item of it
      if (ending === undefined) ending = end
      else if (end !== ending && !(end === '.' && (ending === ';' || ending === ','))) break
      if (!under && end === '.' && POINTS_BACK.test(b.text)) break
      // Reading: the items end where the form changes: after items that are not sentences ("force majeure events;",
      // "Hardware repairs."), a paragraph that is a sentence with its own subject and verb ("The Provider quotes for such
      // work first.") speaks after the list, not in it
      const sentence = ownSentence(b.text)
      if (run.length > 0 && sentence && !sentences) break
      sentences ||= sentence
      run.push(b)
      if (end !== ending) break
    }
    if (run.length < 2) continue
    if (SIGNING_LEAD.test(`${lead.text.trimEnd().replace(/[.:]$/, '')}:`)) continue
    items.push(...run)
    i += run.length
  }
  return items
}

/**
 * How a paragraph that may be a list's item ends ('.', ';', ',' or '' for no stop), or undefined when it cannot be one:
 * a paragraph of one line and at most one sentence, not a lead-in itself, not numbered as a clause; directly under a
 * heading (no lead-in before it) only a short line with no closing stop that is not a label with its value ("Phone: …"),
 * as a list item is written and a sentence is not.
 */
function paragraphItem(b: Block, under: boolean): string | undefined {
  // (read on every re-lint, as the tree is: the common cases are answered without a pattern)
  // Reading: after a lead-in, an item wrapped over lines (as pasted from a PDF or typed in a narrow window: "Scheduled
  // Maintenance on Sundays …, announced at least 72 hours" / "in advance;") is one item as it is on one line; under a
  // heading with no lead-in only a line is read as an item
  // (wrapped, it reads as an item when written as one: opening in lower case or closing with a list's ";" or ",", not as
  // a sentence wrapped over lines, "Engineers make an on-" / "site visit when needed.")
  const wrapped = b.position.start.line !== b.position.end.line
  if (b.kind !== 'paragraph' || (under && wrapped) || b.sentences.length > 1 || b.text.length > 250) return undefined
  const text = b.text.trim()
  const last = text.charAt(text.length - 1)
  if (!text || last === ':') return undefined
  const end = last === '.' || last === '!' || last === '?' ? '.' : last === ';' || last === ',' ? last : (text.endsWith(' and') || text.endsWith(' or')) && /[;,]\s+(?:and|or)$/.test(text) ? ';' : ''
  if (under && (end !== '' || text.length > 150 || (text.includes(': ') && LABEL_LINE.test(text)))) return undefined
  const first = text.charAt(0)
  if (wrapped && end !== ';' && end !== ',' && !(first >= 'a' && first <= 'z')) return undefined
  if ((first === '(' || first === '§' || (first >= '0' && first <= '9') || (first >= 'A' && first <= 'Z' && text.charAt(1) >= '0' && text.charAt(1) <= '9')) && CLAUSE_NUMBER.test(text)) return undefined
  return end
}

// a sentence with its own subject and verb: a personal pronoun and its verb ("We quote first"), or a capitalised opening
// (a name, "The Provider", "Such work") with an auxiliary or a form of "be" or "have" within eight words, and no relative
// word or condition before it ("Hardware that is older than five years." is a noun with its clause, not a sentence)
const OWN_SENTENCE = /^\W*(?:(?:We|You|I|They|He|She)\s+[a-z]|[A-Z][\w'’-]*(?:\s+(?!(?:that|which|who|whose|where|when|if|unless)\b)[\w'’(),&-]+){0,7}?\s+(?:is|are|was|were|will|shall|must|may|can|cannot|could|would|should|has|have|does|do|did|won['’]t|can['’]t|don['’]t|doesn['’]t|isn['’]t|aren['’]t)\b)/

/** Is a paragraph a sentence with its own subject and verb (see OWN_SENTENCE)? */
function ownSentence(text: string): boolean {
  return OWN_SENTENCE.test(text)
}

/**
 * How a line of a paragraph that may be a list's item ends ('.', ';', ',' or '' for no stop), or undefined when it cannot
 * be one: a short line (twelve words at most) that is no lead-in, no label with its value ("Phone: …"), not numbered or
 * lettered (those are read as such), and does not run on into the next line (ending in "and", "of", "the" …).
 */
function lineItem(text: string): string | undefined {
  if (!text || text.length > 100) return undefined
  const last = text.charAt(text.length - 1)
  if (last === ':' || text.split(/\s+/).length > 12 || RUNS_ON.test(text) || (text.includes(': ') && LABEL_LINE.test(text)) || CLAUSE_NUMBER.test(text) || LIST_OPENING.test(text)) return undefined
  return last === '.' || last === '!' || last === '?' ? '.' : last === ';' || last === ',' ? last : ''
}
// a line opened by a bullet typed as a character ("• ", "◦ ", "▪ "), which Markdown does not read as a list marker
const BULLET_CHAR = /^[ \t]*[•◦▪‣⁃][ \t]+(?=\S)/
// a line that ends in a word that needs the next line: a sentence broken across lines
const RUNS_ON = /\b(?:and|or|of|the|a|an|to|for|with|in|on|at|by|from|our|your|its|their|is|are|be|will|shall|that|which|as)$/i

/** Does a paragraph lead in to a list: end with a colon, "the following …" or "as follows" (a closing stop aside)? */
function leadsIn(text: string): boolean {
  let t = text.trimEnd()
  if (t.endsWith('.')) t = t.slice(0, -1)
  if (t.endsWith(':')) return true
  const lower = t.slice(-60).toLowerCase()
  return (lower.includes('following') || lower.endsWith('as follows')) && LEADS_IN_LIST.test(t)
}
// Reading: a signing lead-in ("Signed for and on behalf of:", "Acknowledged and agreed:", "Agreed and accepted by the
// parties:", "IN WITNESS WHEREOF the parties have signed this Agreement:", "Signatures:") introduces the signatories, each
// line a party signing, not the items of a list; so does a title so worded over those lines ("AGREED AND ACCEPTED",
// "Signatures")
const SIGN_WORD = String.raw`(?:signed|executed|acknowledged|agreed|accepted|approved|confirmed|witnessed|sealed|delivered)`
// (one such word alone signs only with its signer named: "Agreed by:", "Accepted for and on behalf of the Client:")
const SIGNER = String.raw`\s+(?:(?:for\s+and\s+)?on\s+behalf\s+of|by)\b[^:]{0,80}`
const SIGNING_LEAD = new RegExp(
  String.raw`^[\W_]*(?:${SIGN_WORD}(?:\s*(?:,|and|&)\s*${SIGN_WORD})+(?:\s+(?:to|as of|on|at|this)\b[^:]{0,60})?(?:${SIGNER})?|${SIGN_WORD}(?:\s+(?:to|as of|on|at|this)\b[^:]{0,60})?${SIGNER}|(?:signed|executed)(?:\s+(?:as of|on|at|this)\b[^:]{0,60})?|signatures?(?:\s+of\s+the\s+parties)?|in\s+witness\s+(?:whereof|of\s+which)\b[^:]{0,200})[\s*_]*:$`,
  'i',
)
const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv']
const letterAt = (i: number): string | undefined => (i < 26 ? String.fromCharCode(97 + i) : undefined)
const romanAt = (i: number): string | undefined => ROMANS[i]

interface RecordPair {
  /** The label, '' for a first cell written without one. */
  label: string
  /** Offsets in the line: where the pair starts and ends, and where its value starts (after the pair's start). */
  start: number
  end: number
  valueStart: number
}

// a record's label: a short name written as a header is ("Response", "Target (business hours)"), not a clause ("the Client may")
const RECORD_LABEL = /^[\p{Lu}\d(][^:;.!?]{0,48}$/u

/**
 * The "Label: value" pairs of one line of a record, split at "; " (a piece with no label of its own continues the
 * value before it, as a cell may hold "; "), or undefined when the line is not one: at least two labelled pairs, each
 * label a short name of at most six words (`least` labelled pairs: one only after a key, for the items of a list of
 * records). A first piece with no label is the cell of a column with no header.
 */
function recordPairs(line: string, least = 2): RecordPair[] | undefined {
  const pairs: RecordPair[] = []
  const re = /;\s+/g
  let from = 0
  const pieces: Array<{start: number; end: number}> = []
  for (const m of line.matchAll(re)) {
    pieces.push({start: from, end: m.index})
    from = m.index + m[0].length
  }
  pieces.push({start: from, end: line.length})
  let labelled = 0
  for (const [i, piece] of pieces.entries()) {
    const text = line.slice(piece.start, piece.end)
    const colon = text.search(/:\s+\S/)
    const label = colon > 0 ? text.slice(0, colon).trim() : ''
    if (i === 0) {
      // "P1 — Response: 1 hour": a first cell named before a dash, then the first labelled pair
      const dash = /\s[–—-]\s+(?=\S)/.exec(text)
      const rest = dash ? text.slice(dash.index + dash[0].length) : ''
      const restColon = rest.search(/:\s+\S/)
      const restLabel = restColon > 0 ? rest.slice(0, restColon).trim() : ''
      if (dash && !text.slice(0, dash.index).includes(':') && text.slice(0, dash.index).trim() && RECORD_LABEL.test(restLabel) && restLabel.split(/\s+/).length <= 6) {
        const lead = text.length - text.trimStart().length
        const at = piece.start + dash.index + dash[0].length
        pairs.push({label: '', start: piece.start + lead, end: piece.start + dash.index, valueStart: 0})
        pairs.push({label: restLabel, start: at, end: piece.start + text.trimEnd().length, valueStart: restColon + 1})
        labelled++
        continue
      }
    }
    if (label && RECORD_LABEL.test(label) && label.split(/\s+/).length <= 6) {
      const lead = text.length - text.trimStart().length
      pairs.push({label, start: piece.start + lead, end: piece.start + text.trimEnd().length, valueStart: colon + 1 - lead})
      labelled++
    } else if (i === 0) {
      if (!text.trim() || text.includes(':')) return undefined
      const lead = text.length - text.trimStart().length
      pairs.push({label: '', start: piece.start + lead, end: piece.start + text.trimEnd().length, valueStart: 0})
    } else {
      // "Scope: Remote support; on-site visits": the value goes on
      pairs[pairs.length - 1]!.end = piece.start + text.trimEnd().length
    }
  }
  // (one labelled pair makes a record only after a key: "Critical — Response: 1 hour")
  return labelled >= least && (least > 1 || pairs[0]?.label === '') ? pairs : undefined
}

// Reading: a table's first column that only numbers its rows (headed "No.", "#", "Ref" or "ID", each cell an identifier
// such as "1", "2.1", "K4" or "A-3") names no row: the row's key is the cell after it, as it is in the same table
// written without the numbers, so the column is left out of every row (the rows keep two cells at least); a column of
// levels ("P1", "Sev 2", "Tier 3") is a key, and so is any column under an empty header (a matrix's row titles)
const NUMBERING_HEAD = /^(?:no\.?|nr\.?|num(?:ber)?\.?|#|ref\.?|id|s\.?\s?no\.?|sr\.?\s?no\.?|item\s?no\.?)$/i
const ROW_NUMBER = /^[A-Za-z]{0,4}[-.]?\d{1,3}(?:\.\d{1,3})*[.)]?$/
const LEVEL_NUMBER = /^(?:p|s|l|t|sev|severity|pri|prio|priority|level|lvl|tier|cat|class)[-.]?\s?\d/i
function numberingColumn(header: readonly string[], rows: ReadonlyArray<readonly string[]>): boolean {
  if (!rows.length || header.length < 3 || !NUMBERING_HEAD.test((header[0] ?? '').replace(/[*_]/g, '').trim())) return false
  return rows.every((r) => {
    const id = (r[0] ?? '').replace(/[*_]/g, '').trim()
    return r.length >= 3 && ROW_NUMBER.test(id) && !LEVEL_NUMBER.test(id)
  })
}

// Chat messages (see Builder.chatMessages). A message's time, with its date before it in an export ("11/03/2027, 09:04",
// "[11.03.27, 09:04:12]", "[9:18 AM]", "Mar 11, 9:02 AM", "11 March 2025 at 09:02"); a bare time written with a point
// ("12.10") only in brackets or after a date in figures, as a clause number is written so
const CHAT_TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?`
const CHAT_DATE = String.raw`\d{1,4}[./-]\d{1,2}[./-]\d{1,4}`
// Reading: a date written with the month's name, before or after the day and with or without the year ("Mar 11",
// "11 March 2025", "Tue, Mar 11"), dates a message as a date in figures does
const CHAT_MONTH = String.raw`(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec)[a-z]{0,6}\.?`
const CHAT_DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`
const CHAT_WRITTEN_DATE = String.raw`(?:(?:[Mm]on|[Tt]ue|[Ww]ed|[Tt]hu|[Ff]ri|[Ss]at|[Ss]un)[a-z]{0,6}\.?,?[ \t]+)?(?:${CHAT_MONTH}[ \t]+${CHAT_DAY}|${CHAT_DAY}[ \t]+${CHAT_MONTH})(?:,?[ \t]+\d{4})?`
const CHAT_STAMP = String.raw`(?:\[(?:${CHAT_DATE},?[ \t]+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?\]|${CHAT_DATE},?[ \t]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?|${CHAT_WRITTEN_DATE}(?:,|[ \t]+at)?[ \t]+${CHAT_TIME}|${CHAT_TIME})`
// The sender: a name in capitals of up to five words (particles such as "de" or "van" between), with the organisation
// in brackets after it ("Tom Berger (Brightwave)"), or a phone number; never a day or a month ("Monday 09:00")
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|&|de|van|der|den|von|da|di|du|la|le|bin|al|dos|ten|ter)`
const SENDER = String.raw`(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|febr)uary\b|march\b|april\b|may\b|june\b|july\b|august\b|september\b|october\b|november\b|december\b)(?:~[ \t]?)?(?:\p{Lu}[\p{L}'’.-]*(?:[ \t]+${NAME_WORD}){0,4}|\+\d[\d \-]{6,18}\d)(?:[ \t]+\([^()\n:]{1,60}\))?`
// a line opened by the time and the sender: "11/03/2027, 09:04 - Tom Fenwick: …", "[09:18] Tom Berger (Brightwave): …"
const CHAT_OPENING = new RegExp(String.raw`^[ \t]*${CHAT_STAMP}(?:[ \t]+[-–—][ \t]+|[ \t]+)(${SENDER})[ \t]*:[ \t]*`, 'iu')
// a line of the sender and the time alone, over the message: "Kasia Nowak (Spoke & Chain) 10:02", "Dana (Crumb & Co), 9:02 AM"
const CHAT_HEADER = new RegExp(String.raw`^[ \t]*(${SENDER})(?:,[ \t]*|[ \t]+[-–—|·][ \t]+|[ \t]+)${CHAT_STAMP}(?=\s|$)`, 'u')
// the same in the source, a line at a time (bold or italic marks and a block quote's ">" about them)
const CHAT_OPENING_LINE = new RegExp(String.raw`^[ \t>]*[*_]{0,2}${CHAT_STAMP}[*_]{0,2}(?:[ \t]+[-–—][ \t]+|[ \t]+)[*_]{0,2}(?:${SENDER})[ \t]*[*_]{0,2}:`, 'iu')
const CHAT_HEADER_LINE = new RegExp(String.raw`^[ \t>]*[*_]{0,2}(?:${SENDER})[*_]{0,2}(?:,[ \t]*|[ \t]+[-–—|·][ \t]+|[ \t]+)${CHAT_STAMP}[*_]{0,2}[ \t]*$`, 'u')

/** May the source line [from, to) open a chat message: it opens with "[", a digit or a bold run, or ends in a digit or "M"? */
function mayOpenMessage(source: string, from: number, to: number): boolean {
  let i = from
  while (i < to && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9 || source.charCodeAt(i) === 62)) i++
  const c = source.charCodeAt(i)
  if (c === 91 /* [ */ || (c >= 48 && c <= 57) || c === 42 || c === 95) return true
  let j = to
  while (j > i && source.charCodeAt(j - 1) <= 32) j--
  const d = source.charCodeAt(j - 1)
  return (d >= 48 && d <= 57) || d === 77 || d === 109 || d === 93
}

/** Does the source line [from, to) hold a time ("09:04") or a bracket, as a message's stamp does? (No pattern: every line is asked.) */
function holdsStamp(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i)
    if (c === 91 /* [ */) return true
    if (c === 58 /* : */ && i > from && isDigitCode(source.charCodeAt(i - 1)) && isDigitCode(source.charCodeAt(i + 1)) && isDigitCode(source.charCodeAt(i + 2))) return true
  }
  return false
}
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57

/** How many lines of the source open a chat message (up to 2: enough to know a chat). */
function countChatLines(source: string, starts: readonly number[]): number {
  let n = 0
  for (let k = 0; k < starts.length && n < 2; k++) {
    const from = starts[k]!
    const to = (starts[k + 1] ?? source.length + 1) - 1
    if (chatLine(source, from, to)) n++
  }
  return n
}

/** Does the source line [from, to) open a chat message (see countChatLines)? */
function chatLine(source: string, from: number, to: number): boolean {
  if (to - from > 400 || !mayOpenMessage(source, from, to) || !holdsStamp(source, from, to)) return false
  let line = source.slice(from, to)
  if (line.endsWith('\r')) line = line.slice(0, -1)
  return CHAT_OPENING_LINE.test(line) || CHAT_HEADER_LINE.test(line)
}

/** The segments of text[from, to) re-based so that `from` falls at `at`. */
function sliceSegments(segments: readonly Segment[], from: number, to: number, at: number): Segment[] {
  const out: Segment[] = []
  for (const s of segments) {
    const a = Math.max(from, s.textStart)
    const b = Math.min(to, s.textStart + s.length)
    if (b <= a) continue
    out.push({textStart: at + a - from, sourceStart: s.sourceStart + a - s.textStart, length: b - a})
  }
  return out
}

/** The source offset of a text offset of inline text. */
function textToSource(segments: readonly Segment[], offset: number): number {
  let best = segments[0]
  for (const s of segments) {
    if (s.textStart <= offset) best = s
    else break
  }
  return best ? best.sourceStart + Math.min(Math.max(0, offset - best.textStart), best.length) : 0
}

interface InlineText {
  text: string
  segments: Segment[]
  variables: TextRange[]
}

function shiftSegments(segments: readonly Segment[], from: number): Segment[] {
  const out: Segment[] = []
  for (const s of segments) {
    const end = s.textStart + s.length
    if (end <= from) continue
    const cut = Math.max(0, from - s.textStart)
    out.push({textStart: s.textStart + cut - from, sourceStart: s.sourceStart + cut, length: s.length - cut})
  }
  return out
}

/** A paragraph that is just a bold run, maybe with a trailing colon: "**Severity 1 (Critical):**" */
function isOnlyStrong(p: Paragraph): boolean {
  const [a, ...rest] = p.children
  return a?.type === 'strong' && rest.every((n) => n.type === 'text' && /^[\s:.–—-]*$/.test(n.value))
}

// Pictographs and symbols a chat post or a web page sets before a bold label ("✅ **Included**", "🙋 **Your side**")
const PICTOGRAPHS = /^[\s\p{Extended_Pictographic}\p{So}\uFE0F\u200D\u20E3]*[\p{Extended_Pictographic}\p{So}][\s\p{Extended_Pictographic}\p{So}\uFE0F\u200D\u20E3]*$/u

/** The one bold run of a paragraph that is only that run, after pictographs or symbols if any ("✅ **Included**"). */
function soleStrong(p: Paragraph): Paragraph['children'][number] | undefined {
  const lead = p.children[0]?.type === 'text' && p.children[1]?.type === 'strong' && PICTOGRAPHS.test(p.children[0].value) ? 1 : 0
  const [a, ...rest] = p.children.slice(lead)
  return a?.type === 'strong' && rest.every((n) => n.type === 'text' && /^[\s:.–—-]*$/.test(n.value)) ? a : undefined
}

// A line of capitals that is a heading: short, no lower-case letter, a word of two capitals or more; not a sentence
// (no stop inside, a stop at the end only after a few words), not a label ("CLIENT: ASPEN LTD"), not a quoted term or
// a bracketed slot, not a party's name ("NORTHGATE SYSTEMS LIMITED")
const CAPITALS = /\p{Lu}{2}/u
const LOWER = /\p{Ll}/u
const NOT_HEADING_MARK = /[.!?;](?:\s|$)|:(?=.*\S)|["“”«»[\]{}<>@|_*`=]|https?:|www\./i
/**
 * A title split by a colon into a numbered or lettered part and its name ("CARD 1: DESK SUPPORT", "Part B: Hours and
 * responsiveness", "Schedule 1: Managed Service Levels", "Annexure A: Services", "SECOND SCHEDULE: CHARGES"), read as
 * the one title it is: the colon written as a dash, so the marks that tell a title from a label with its value do not
 * see it. Only where the part before the colon is a word or a few ending in a number or a letter (or an ordinal and a
 * word) and the part after it a name (it opens with a capital and holds no figure); a label with its value ("Response:
 * Within two hours", "Hours: Monday to Friday", "PRIORITY 1: 30 MINUTES") is not, nor a note's label ("NOTE 1: …").
 */
function titleColon(s: string): string {
  const m = TITLE_COLON.exec(s)
  if (!m || NOTE_LABEL.test(m[1]!)) return s
  return `${m[1]} –${m[2]}`
}
const TITLE_COLON = /^(\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}\s+(?:\d{1,3}|[A-Z]|[IVX]{1,4})|(?:FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s+\p{L}+):(\s+["“]?\p{Lu}[^:\d]*)$/u

const PARTY_SUFFIX = /\b(?:LIMITED|LTD|LLC|L\.L\.C|INC|INCORPORATED|PLC|LLP|LP|PTY|CORP|CORPORATION|GMBH|COMPANY|CO)\.?$/
// a statement shouted: a verb of duty or being, unless the line asks a question as plain headings do ("WHAT WE WILL DO")
const STATEMENT = /\b(?:MUST|SHALL|WILL|SHOULD|MAY|CANNOT|CAN|IS|ARE|WAS|WERE|HAS|HAVE|AGREES?|WARRANTS?|ACKNOWLEDGES?)\b/
const QUESTION_WORD = /^(?:WHAT|HOW|WHEN|WHO|WHERE|WHY|WHICH|IF)\b/
const MAX_HEADING_WORDS = 8
// a question titles its answer in more words than a name does ("WHAT IF SOMETHING BREAKS AT NIGHT OR ON A WEEKEND?")
const MAX_QUESTION_WORDS = 12

interface CapitalLine {
  number: string | undefined
  title: string
  paragraph: Paragraph
}

/**
 * Whether a paragraph is plain text, a word or a few set in italics among it or not ("What's *not* included?"): the
 * italics stress a word of a title, and the line is read as the title it would be without them.
 */
function plainText(p: Paragraph): boolean {
  return p.children.length > 0 && p.children.every((c) => c.type === 'text' || (c.type === 'emphasis' && c.children.every((e) => e.type === 'text')))
}

/**
 * A title's text with the stops of its abbreviations left out: a stop after a short word in lower case and before a
 * word in lower case ("min. standards", "incl. in the fee") shortens a word, it ends no sentence. (In capitals the two
 * cannot be told apart, and a stop there is read as before.)
 */
function unabbreviated(title: string): string {
  return title.replace(/(?<![\p{L}\d])(\p{Ll}{1,5})\.(?=[ \t]+\p{Ll})/gu, '$1')
}

/** The heading a line of capitals states, or undefined: the text of a one-line paragraph of plain text. */
function capitalText(p: Paragraph): string | undefined {
  if (!plainText(p)) return undefined
  return capitalString(toString(p).replace(INVISIBLE, '').trim())
}

/** The heading a line of capitals states (see capitalText), from its text. */
function capitalString(raw: string): string | undefined {
  if (!raw || raw.includes('\n') || raw.length > 80 || LOWER.test(raw) || !CAPITALS.test(raw)) return undefined
  const {title} = splitNumber(raw)
  const words = title.split(/\s+/).filter((w) => /\p{L}/u.test(w))
  // a stop at the very end is a heading's only on a short one ("SERVICES."); a question is a heading's ("IS ANYTHING EXCLUDED?")
  const question = title.endsWith('?')
  if (!words.length || words.length > (question ? MAX_QUESTION_WORDS : MAX_HEADING_WORDS) || !CAPITALS.test(title)) return undefined
  const body = question ? title.slice(0, -1) : words.length <= 4 ? title.replace(/[.:]$/, '') : title.replace(/:$/, '')
  if (NOT_HEADING_MARK.test(titleColon(body)) || PARTY_SUFFIX.test(body.replace(/[\s,]+$/, ''))) return undefined
  if (!question && STATEMENT.test(body) && !QUESTION_WORD.test(body)) return undefined
  return raw
}

// A numbered line that stands alone, a short title in any case over body text, is a heading as a line of capitals is
// ("4. Response times" as a Word export writes a numbered heading): a name of a few words starting with a capital,
// not a sentence (no stop, colon, verb of duty or being) and not a list item among others.
function numberedTitle(p: Paragraph): string | undefined {
  if (!plainText(p)) return undefined
  const raw = toString(p).replace(INVISIBLE, '').trim()
  if (!raw || raw.includes('\n')) return undefined
  // (a title after a number or a letter of its own, "A. Locations covered" under the list's number, is read as the title)
  const named = splitNumber(raw).title
  // a question is a heading's ("What is not covered?"), as in a page of questions and answers, and so is a title that
  // opens with a question's word ("What the Client must do"), in as many words as a line of capitals
  const question = named.endsWith('?')
  if (named.length > (question ? 90 : 60) || !/^\p{Lu}/u.test(named)) return undefined
  const words = named.split(/\s+/)
  const upper = named.toUpperCase()
  if (words.length > (question ? MAX_QUESTION_WORDS : QUESTION_WORD.test(upper) ? MAX_HEADING_WORDS : 6) || NOT_HEADING_MARK.test(titleColon(unabbreviated(named).replace(/[.:?]$/, ''))) || /[,;]$/.test(named)) return undefined
  if (!question && STATEMENT.test(upper) && !QUESTION_WORD.test(upper)) return undefined
  return raw
}

// "Article 5 (Handling of Requests)", "Clause 3 – Fees", "Article 2. Services", "Part 2 — Hours": a clause word (or a
// part's) and number over a short title
const ARTICLE_LINE = /^(?:Article|Art\.|Clause|Section|Part|§)[ \t]*\d{1,3}(?:\.\d{1,3})*\.?(?:[ \t]*[–—:-])?[ \t]+(\(?)(\p{Lu}[^()\n]*?)(\)?)$/u

/**
 * A line that names a clause by its word and number and gives its title in any case, alone in its paragraph over the
 * clause's text ("Article 5 (Handling of Requests)", "Clause 3 – Fees"), is a heading as a line of capitals is: its title
 * a short name (at most six words, no stop or verb of duty or being), in brackets as translated contracts write it or
 * not. Returns the line with the brackets dropped, so the title reads as a plain title.
 */
function articleTitle(p: Paragraph): string | undefined {
  if (!p.children.length || !p.children.every((c) => c.type === 'text')) return undefined
  const raw = toString(p).replace(INVISIBLE, '').trim()
  if (raw.includes('\n') || raw.length > 70 || !(ARTICLE_WORDS.some((w) => raw.startsWith(w)) || raw.startsWith('Part'))) return undefined
  const m = ARTICLE_LINE.exec(raw)
  if (!m || m[1] !== m[3]!.replace(')', '(')) return undefined
  const title = m[2]!.trim()
  if (title.split(/\s+/).length > 6 || NOT_HEADING_MARK.test(title.replace(/[.:]$/, '')) || /[,;]$/.test(title)) return undefined
  if (STATEMENT.test(title.toUpperCase()) || NOT_A_TITLE.test(title)) return undefined
  return raw.slice(0, raw.length - m[1]!.length - m[2]!.length - m[3]!.length) + title
}

/**
 * The numbered heading that Markdown reads as the last item of the list before it, when body text follows ("1. Help
 * desk" / "2. Patching" / "" / "2. FEES" / "" / "body"): a one-line item that is a line of capitals after items that
 * are not, or a short title whose number breaks the list's count. Returns the list without it and the heading line.
 */
function trailingHeading(list: List, source: string): {list: List; line: CapitalLine} | undefined {
  const n = list.children.length
  if (!list.ordered || n < 2) return undefined
  const item = list.children[n - 1]!
  const [p, ...rest] = item.children
  if (p?.type !== 'paragraph' || rest.length) return undefined
  const written = /^\s*(\d{1,3})[.)]/.exec(source.slice(item.position?.start.offset ?? 0, p.position?.start.offset ?? 0))
  if (!written) return undefined
  const number = written[1]!
  const breaks = Number(number) !== (list.start ?? 1) + n - 1
  const oneLine = (i: ListItem): Paragraph | undefined => (i.children.length === 1 && i.children[0]!.type === 'paragraph' ? i.children[0] : undefined)
  const caps = capitalText(p) !== undefined && !list.children.slice(0, -1).some((i) => {
    const q = oneLine(i)
    return q !== undefined && capitalText(q) !== undefined
  })
  const text = caps || breaks ? (capitalText(p) ?? numberedTitle(p) ?? articleTitle(p)) : undefined
  if (text === undefined) return undefined
  const inner = splitNumber(text)
  return {list: {...list, children: list.children.slice(0, -1)}, line: {number: inner.number ?? number, title: inner.title, paragraph: p}}
}

/** The number written before an ordered list item ("3." of "3. Scope of work"), or undefined. */
function writtenNumber(item: ListItem, source: string): number | undefined {
  const at = item.position?.start.offset
  if (at === undefined) return undefined
  const m = /^[ \t]*(\d{1,3})[.)]/.exec(source.slice(at, at + 8))
  return m ? Number(m[1]) : undefined
}

/**
 * Reading: a numbered title over a numbered list whose count starts again under it ("3. Scope of work" over "1. Site
 * survey …", "2. Cabling …") is the title of that list, not its first item: Markdown reads the title and the items as
 * one list, the title's number and the items' own numbers together. An item is read so when it is a line alone that a
 * numbered title states (a line of capitals, a short name or a question, a clause word and number: see
 * trailingHeading) and the item after it is numbered again from 1, or goes on with
 * the count of the items before the title, behind which the title's own number falls ("5. …" / "2. SERVICES" / "6. …", as a
 * Word export numbers its titles and its clauses each in a count of their own). Returns the
 * list cut at those titles (each title a heading line, each run of other items a list of its own, numbered as written),
 * or undefined when no item is such a title.
 */
function restartedTitles(list: List, source: string): Array<List | CapitalLine> | undefined {
  if (!list.ordered || list.children.length < 2) return undefined
  const numbers = list.children.map((item) => writtenNumber(item, source))
  let parts: Array<List | CapitalLine> | undefined
  let from = 0
  const flush = (to: number): void => {
    if (to <= from) return
    parts!.push(listPart(list, from, to, numbers[from] ?? (list.start ?? 1) + from))
  }
  list.children.forEach((item, i) => {
    const own = numbers[i]
    const next = numbers[i + 1]
    // (the count starts again at 1 under the title, and goes on counting under a title numbered 1 itself: a
    // list numbered "1." throughout is numbered lazily, every item an item; or the items count on past the title, whose
    // own number falls behind their count: "5." / "2. SERVICES" / "6.", the titles numbered apart from the clauses)
    if (own === undefined || next === undefined) return
    const before = i > 0 ? numbers[i - 1] : undefined
    const restarts = next === 1 && (own > 1 || numbers[i + 2] === 2)
    const skipped = before !== undefined && own < before && next === before + 1
    if (!restarts && !skipped) return
    const [p, ...rest] = item.children
    if (p?.type !== 'paragraph' || rest.length) return
    const text = capitalText(p) ?? numberedTitle(p) ?? articleTitle(p)
    if (text === undefined) return
    const inner = splitNumber(text)
    parts ??= []
    flush(i)
    parts.push({number: inner.number ?? String(own), title: inner.title, paragraph: p})
    from = i + 1
  })
  if (!parts) return undefined
  flush(list.children.length)
  return parts
}

/** The items `from` to `to` of a list as a list of their own, numbered from `start`, placed where they stand. */
function listPart(list: List, from: number, to: number, start: number): List {
  const items = list.children.slice(from, to)
  const a = items[0]!.position
  const b = items[items.length - 1]!.position
  return {...list, start, children: items, ...(a && b ? {position: {start: a.start, end: b.end}} : {})}
}

/**
 * The clause titles that Markdown reads as items of an ordered list: an item of one line that names a clause by its word
 * and number ("2. § 2 Backups", "4. Article 4 Fees"), the items after it up to the next such title the clause's
 * numbered paragraphs. Returns the list cut at those titles (each title a heading line, each run of other items a list),
 * or undefined when no item is such a title.
 */
function titledItems(list: List): Array<List | CapitalLine> | undefined {
  if (!list.ordered) return undefined
  let parts: Array<List | CapitalLine> | undefined
  let from = 0
  const flush = (to: number): void => {
    if (to <= from) return
    parts!.push(listPart(list, from, to, (list.start ?? 1) + from))
  }
  list.children.forEach((item, i) => {
    const [p, ...rest] = item.children
    const head = p?.type === 'paragraph' && !rest.length ? p.children[0] : undefined
    // (the text opens with a clause word or the section sign: tested before any pattern)
    if (p?.type !== 'paragraph' || head?.type !== 'text' || !ARTICLE_WORDS.some((w) => head.value.startsWith(w))) return
    const text = articleTitle(p)
    if (text === undefined) return
    const inner = splitNumber(text)
    if (inner.number === undefined) return
    parts ??= []
    flush(i)
    parts.push({number: inner.number, title: inner.title, paragraph: p})
    from = i + 1
  })
  if (!parts) return undefined
  flush(list.children.length)
  return parts
}

/** A top-level node that is a heading written as a line of capitals: a one-line paragraph, or a list of one such item ("8. FEES"), or of one short title ("4. Response times"). */
function capitalLine(node: RootContent): CapitalLine | undefined {
  if (node.type === 'paragraph') {
    const text = capitalText(node) ?? articleTitle(node)
    return text === undefined ? undefined : {...splitNumber(text), paragraph: node}
  }
  if (node.type === 'list' && node.ordered && node.children.length === 1) {
    const [p, ...rest] = node.children[0]!.children
    if (p?.type !== 'paragraph' || rest.length) return undefined
    // (a paragraph number before a clause's own word and number, "3. § 3 Remuneration", as a Word export writes its titles)
    const text = capitalText(p) ?? numberedTitle(p) ?? articleTitle(p)
    if (text === undefined) return undefined
    const inner = splitNumber(text)
    return {number: inner.number ?? String(node.start ?? 1), title: inner.title, paragraph: p}
  }
  return undefined
}

// The closing of a letter: an invitation to sign and return it, a thank-you for the custom, a sign-off
const CLOSING = /^\s*(?:if you (?:are happy|agree) with (?:these|the|this|our) (?:terms|arrangements?|changes|renewal)|please (?:sign|countersign) (?:below|and return|here)|(?:as always, )?thank you for your (?:business|custom|continued custom)|yours (?:sincerely|faithfully|truly)|(?:kind|best|warm) regards|sincerely,?\s*$)/i

// A bold line that is a note's label, not a title ("**Note:**", "**Important**")
const NOTE_LABEL = /^(?:please\s+)?(?:note|notes|nb|n\.b|important|warning|caution|tip|example|reminder|attention)\b/i
const NOT_BOLD_TITLE = /[.!?;](?=\s+\p{L})|:(?=.*\S)|["“”«»[\]{}<>@|_*`=]|https?:|www\./u

/**
 * A paragraph that is one bold run on one line, a title in itself ("**§ 4 Response Time**", "**Clause 3 – Subject of the
 * Contract**", "**Article 5. Fees**", "**Equipment Schedule**"), as the heading it states: a short name starting with a
 * capital, a number or "§", not a sentence (no stop inside, no verb of duty or being), not a label with its value, a
 * note's label, a quoted term, a bracketed slot or a party's name. A bold number and title over body text ("**4.
 * Fees**") is read by the paragraph itself (see Builder.paragraph); this reads the other bold lines.
 */
function boldLine(node: RootContent | undefined): CapitalLine | undefined {
  // (a bold line led by pictographs or symbols, "✅ **Included**", is a bold line: the marks before it are decoration)
  const strong = node?.type === 'paragraph' ? soleStrong(node) : undefined
  if (!strong || node?.type !== 'paragraph') return undefined
  const raw = toString(strong).replace(INVISIBLE, '').replace(/[\s:.]+$/, '').trim()
  if (!raw || raw.includes('\n') || raw.length > 90 || !/^[\p{Lu}\d§]/u.test(raw)) return undefined
  // "**4. Fees**" is the paragraph's own reading
  if (BOLD_NUMBER.test(raw)) return undefined
  // "Q: What is not covered?" is a question asked, labelled, not a clause lettered Q
  const {number, title} = /^(?:q|question)\s*\d{0,3}\s*[:.]/i.test(raw) ? {number: undefined, title: raw} : splitNumber(raw.replace(/^§+\s*(?=\d)/, ''))
  const words = title.split(/\s+/).filter((w) => /\p{L}/u.test(w))
  if (!words.length || words.length > 10 || !/^[\p{Lu}\d(]/u.test(title)) return undefined
  // "No. 14/2027" in a title is an abbreviation, not a stop
  const body = title.replace(/\b(?:No|Nr|Nos)\.(?=\s*\d)/g, 'No')
  const question = body.endsWith('?')
  if (NOT_BOLD_TITLE.test(titleColon(unabbreviated(body))) || NOTE_LABEL.test(title) || PARTY_SUFFIX.test(body.toUpperCase().replace(/[\s,]+$/, ''))) return undefined
  if (!question && STATEMENT.test(body.toUpperCase()) && !QUESTION_WORD.test(body.toUpperCase())) return undefined
  return {number, title, paragraph: node}
}

interface ClauseTitle {
  /** The clause number written before the title in the text ("6. RESOLUTION."), if any. */
  number: string | undefined
  title: string
  /** Text offsets: where the title starts and ends, and where the clause's text starts. */
  start: number
  end: number
  from: number
}

// the text of a clause titled in capitals opens with two capitals, after its number if written
const TITLE_START = /^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?[ \t]+)?[^\s\p{Ll}]*\p{Lu}[^\s\p{Ll}]*\p{Lu}/u
// "6. RESOLUTION. Our staff …": a clause number written in the text
const LEADING_NUMBER = /^(\d{1,3}(?:\.\d{1,3})*)\.?[ \t]+(?=\S)/
// a one-word line with no vowel is an acronym ("GDPR", "VPN", "CCTV"), not a title
const ACRONYM = /^[B-DF-HJ-NP-TV-Z\d&/-]{2,6}$/

/**
 * The title of a clause written in capitals before its text, in a paragraph's text: run in and ended by a full stop
 * ("SUPPORT HOURS. The help desk …", "NOT INCLUDED. Hardware …"), or alone on the paragraph's first line over lines of
 * text ("1. DEFINITIONS" / "Business Day means …"). The capitals are a heading's (see capitalString), the clause's text
 * is prose (a line with lower case, opening with a capital, a number or a bracket), and the text may open with the
 * clause's number when `numbered` (a paragraph, not a list item whose number is its marker).
 */
function clauseTitle(text: string, numbered: boolean): ClauseTitle | undefined {
  const lead = numbered ? LEADING_NUMBER.exec(text) : undefined
  const start = lead ? lead[0].length : text.length - text.trimStart().length
  const number = lead ? lead[1] : undefined
  const rest = text.slice(start)
  const newline = rest.indexOf('\n')
  const firstLine = newline >= 0 ? rest.slice(0, newline).trimEnd() : rest
  let end: number
  let from: number
  const runIn = /^([^.\n]{2,60}?)\.[ \t]+(?=\S)/.exec(rest)
  if (runIn && capitalString(runIn[1]!.trim()) !== undefined && LOWER.test(rest.slice(runIn[0].length).split('\n', 1)[0]!)) {
    end = start + runIn[1]!.trimEnd().length
    from = start + runIn[0].length
  } else if (newline >= 0 && capitalString(firstLine.replace(/\.$/, '')) !== undefined) {
    const next = rest.slice(newline + 1)
    if (!/^[\p{Lu}\d(]/u.test(next) || !LOWER.test(next.split('\n', 1)[0]!)) return undefined
    end = start + firstLine.length
    from = start + newline + 1
  } else return undefined
  const raw = text.slice(start, end).replace(/\.$/, '')
  const inner = splitNumber(raw)
  if (!inner.title || (!number && !inner.number && ACRONYM.test(inner.title))) return undefined
  return {number: number ?? inner.number, title: inner.title, start, end, from}
}

/** Is the node text a heading can stand over: prose, a list, a table or HTML, but not a heading or another line of capitals? */
function isBody(node: RootContent | undefined): boolean {
  if (!node) return false
  switch (node.type) {
    case 'paragraph':
      // a paragraph that opens in lower case continues the line above it ("BUSINESS DAY" / "means a day …"), unless it
      // opens with a letter or a roman numeral that numbers an item ("a) Complaints are …", "(i) …"): lettered lines
      // are the text under a title, as a list is
      return capitalLine(node) === undefined && boldLine(node) === undefined && (!/^\s*\p{Ll}/u.test(toString(node)) || ENUMERATOR_LINE.test(toString(node)))
    case 'list':
      return capitalLine(node) === undefined
    case 'table':
    case 'blockquote':
    case 'code':
      return true
    case 'html':
      return !/^\s*<!--/.test(node.value)
    default:
      return false
  }
}

const ARTICLE_WORDS = ['Article', 'Art.', 'Section', 'Clause', '§']
// "Article 7 Backups The Provider …": a clause word and number, then the title's words, then the text
const ARTICLE_HEAD = /^(?:Article|Art\.|Section|Clause|§)[ \t]*(\d{1,3}(?:\.\d{1,3})*)\.?[ \t]+(?=\p{Lu})/u
// the words that open a clause's first sentence, not a title ("The Provider …", "Each fault …", "If the Client …")
const SENTENCE_OPENER = /^(?:The|This|These|Those|Each|Every|Either|Neither|No|Any|All|If|Where|When|Whenever|In|On|For|Upon|Unless|Subject|Save|Except|During|Outside|Within|After|Before|Once|Both|Such|Our|We|You|Your|It|Its|Their|They|A|An|Nothing|Should|At|To|From|Notwithstanding|As|Not)$/
// the small words a title runs on across ("Obligations of the Client", "Duration and applicable law")
const TITLE_JOINER = /^(?:of|the|and|or|for|to|in|on|with|by|a|an|&)$/

/**
 * The title run in after "Article N" on the first line of a paragraph, with no mark between it and the text, as a
 * translated contract pasted from a PDF writes it ("Article 7 Backups The Provider makes …"): the words from the number
 * up to the first sentence, which opens with a word that opens sentences ("The", "Each", "If") or with a capitalised
 * word after a title word in lower case ("… service hours Outside the service hours …"); at most six words of a name
 * (no verb, no stop), followed by a sentence in lower case; or a title alone on the paragraph's first line, over its text
 * ("Article 1 Subject of the agreement" / "1.1 The Supplier …"). Offsets in the paragraph's first text.
 */
function articleRunIn(text: string): {number: string; title: string; end: number; from: number} | undefined {
  const head = ARTICLE_HEAD.exec(text)
  if (!head) return undefined
  const line = text.slice(head[0].length).split('\n', 1)[0]!
  const words = line.split(' ')
  let k = 1
  for (; k < words.length && k <= 6; k++) {
    const w = words[k]!
    if (!/^\p{Lu}/u.test(w)) continue
    if (SENTENCE_OPENER.test(w) || (/^\p{Ll}/u.test(words[k - 1]!) && !TITLE_JOINER.test(words[k - 1]!))) break
  }
  // "Article 1 Subject of the agreement" alone on the first line, the text on the lines under it
  const alone = k >= words.length && words.length <= 6 && /^\n[\p{Lu}\d(]/u.test(text.slice(head[0].length + line.length))
  if (alone) {
    const title = line.trimEnd()
    if (!/^[\p{L}][\p{L}'’&/ -]*$/u.test(title) || NOT_A_TITLE.test(title)) return undefined
    return {number: head[1]!, title, end: head[0].length + title.length, from: head[0].length + line.length + 1}
  }
  if (k >= words.length || k > 6) return undefined
  const title = words.slice(0, k).join(' ')
  if (!/^[\p{L}][\p{L}'’&/ -]*$/u.test(title) || NOT_A_TITLE.test(title)) return undefined
  const sentence = words.slice(k, k + 4)
  if (sentence.length < 3 || !sentence.slice(1).some((w) => /^\p{Ll}/u.test(w))) return undefined
  const end = head[0].length + title.length
  return {number: head[1]!, title, end, from: end + 1}
}

/** Is the section an unnumbered title line (of capitals or bold)? */
function isTitleLine(s: Section): boolean {
  return (s.kind === 'line' || s.kind === 'bold') && s.number === undefined
}

/** Does the node open a clause titled in capitals before its text ("SUPPORT HOURS" / "3.1 The help desk …")? */
function opensTitledClause(node: RootContent | undefined): boolean {
  if (node?.type !== 'paragraph') return false
  const head = node.children[0]
  return head?.type === 'text' && TITLE_START.test(head.value) && clauseTitle(toString(node), true) !== undefined
}

/**
 * A title line with no text of its own directly over another title that heads text (a part title over a clause title,
 * "PART B – SERVICE LEVELS" over "SUPPORT HOURS"; "**Service levels**" over "**Response times**") heads a group: it is
 * a heading, and the titles under it nest in it until the next group title. Up to three title lines may stand so.
 */
function groupOver(nodes: readonly RootContent[], i: number, depth = 0): boolean {
  const next = nodes[i + 1]
  if (!next) return false
  if (opensTitledClause(next)) return true
  if (capitalLine(next) === undefined && boldLine(next) === undefined) return false
  return isBody(nodes[i + 2]) || (depth < 1 && groupOver(nodes, i + 1, depth + 1))
}

/** The title that opens an ordered list item: a bold run or an HTML header span. */
function itemTitle(p: Paragraph): {title: string; skip: number} | undefined {
  const [a, b, c] = p.children
  if (a?.type === 'strong') {
    const title = toString(a).trim()
    if (title && title.length <= 100) return {title, skip: 1}
  }
  if (a?.type === 'html' && HEADER_SPAN.test(a.value) && b && c?.type === 'html' && /^<\/span>/i.test(c.value)) {
    return {title: toString(b).replace(INVISIBLE, '').trim(), skip: 3}
  }
  return undefined
}

function splitNumber(raw: string): {number: string | undefined; title: string} {
  const head = raw.slice(0, 8).toLowerCase()
  const w = CLAUSE_WORDS.some((c) => head.startsWith(c)) ? WORD_NUMBERED_TITLE.exec(raw) : null
  if (w) return {number: wordNumber(w[1]!), title: cleanTitle(w[2]!)}
  const m = NUMBERED_TITLE.exec(raw)
  if (m && (/\d/.test(m[1]!) || m[2] !== undefined)) return {number: m[1], title: cleanTitle(m[3]!)}
  return {number: undefined, title: cleanTitle(raw)}
}

// "CLAUSE EIGHT – OF THE OBLIGATIONS", "Article First: Object": a clause word and its number written as a word (cardinal
// or ordinal), as translated contracts number their clauses
const CARDINALS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth']
const CLAUSE_WORDS = ['clause ', 'article ', 'section ']
const WORD_NUMBERED_TITLE = new RegExp(`^(?:clause|article|section)\\s+(${[...CARDINALS, ...ORDINALS].join('|')})\\b\\.?(?:\\s*[–—:-]\\s*|\\s+)(\\S.*)$`, 'i')

/** Does the text open with a digit? */
function isDigit(text: string): boolean {
  const c = text.charCodeAt(0)
  return c >= 48 && c <= 57
}

/** The number a clause's number word stands for ("eight", "eighth": "8"). */
function wordNumber(word: string): string {
  const w = word.toLowerCase()
  const i = CARDINALS.indexOf(w)
  return String((i >= 0 ? i : ORDINALS.indexOf(w)) + 1)
}

// An outline item's title: one line opening with a capital, ending in no stop, colon or comma
const OUTLINE_TITLE = /^[*_]*[A-Z][^\n]{0,58}[^\s.:;,!]$/

function cleanTitle(t: string): string {
  return t.replace(/\s+/g, ' ').replace(/^[\s*_]+|[\s*_.:;,–—-]+$/g, '').trim()
}

/** Extend each section's position to the end of its last block or child. */
function closeSections(section: Section): Position['end'] {
  let end = section.headingPosition.end
  for (const b of section.blocks) if (b.position.end.offset > end.offset) end = b.position.end
  for (const c of section.children) {
    const e = closeSections(c)
    if (e.offset > end.offset) end = e
  }
  if (section.kind !== 'root') section.position = {start: section.headingPosition.start, end}
  return end
}

/** Map an offset in a block's text back to a source point. */
export function sourceOffset(block: Block, textOffset: number): number {
  const segs = block.segments
  let best = segs[0]
  for (const s of segs) {
    if (s.textStart <= textOffset) best = s
    else break
  }
  if (!best) return block.position.start.offset
  return best.sourceStart + Math.min(Math.max(0, textOffset - best.textStart), best.length)
}

/** The source position of a range of a block's text (in the block's own file). */
export function rangePosition(_doc: Document, block: Block, start: number, end: number): Position {
  const at = block.file.positionAt
  return {start: at(sourceOffset(block, start)), end: at(sourceOffset(block, Math.max(start, end)))}
}

/** Every block in a section and its subsections, in document order. */
export function subtreeBlocks(section: Section): Block[] {
  const out: Block[] = section.blocks.filter((b) => b.kind !== 'heading')
  for (const c of section.children) out.push(...subtreeBlocks(c))
  return out
}

export type {Nodes}

/** The named character entities plain text in HTML commonly uses: quotes, dashes, spaces, signs and symbols. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', shy: '',
  ndash: '–', mdash: '—', minus: '−', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', times: '×', divide: '÷', middot: '·', bull: '•', deg: '°', plusmn: '±', le: '≤', ge: '≥',
  frac12: '½', frac14: '¼', frac34: '¾', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶',
  copy: '©', reg: '®', trade: '™', rarr: '→', larr: '←', harr: '↔', check: '✓', cross: '✗',
}

/** Decode the character entities of HTML text (named, decimal and hexadecimal); an unknown name stays as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:([a-z][a-z0-9]{1,7})|#(\d{1,6})|#x([0-9a-f]{1,6}));/gi, (m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (dec) return String.fromCodePoint(Math.min(Number(dec), 0x10ffff))
    if (hex) return String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff))
    return NAMED_ENTITIES[name!] ?? NAMED_ENTITIES[name!.toLowerCase()] ?? m
  })
}

