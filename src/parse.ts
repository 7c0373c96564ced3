// Markdown → mdast with only the syntax agreements need: tables and YAML front matter.
//
// Long agreements are parsed a part at a time. micromark's document tokenizer copies its whole event list each time
// a list item or block quote closes, so one parse of a whole file grows with the square of its size (10 MB: 44 s).
// After a blank line, outside a fenced code block, front matter and the HTML blocks that may hold blank lines, a line
// at the left margin that opens a block nothing can continue (an ATX heading, a word, a bold title, a table row, an
// HTML tag; not a list marker or a quote) closes every open block: the text before it parses the same alone. So the
// file is cut there into parts of a few kilobytes, each parsed on its own, their positions moved to where the part
// starts, and their nodes joined under one root. The tree is the same as one whole parse (a property test checks
// this on generated Markdown); time and memory grow linearly; and an editor re-parses only the parts an edit touched.
import type {Nodes, Root} from 'mdast'
import {unified, type Processor} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {fastParse, Unsupported} from './fast-parse.js'

/**
 * Which parser builds the tree: `fast` (the default) reads the syntax agreements use directly and hands anything
 * else to remark-parse a part at a time; `remark` parses everything with remark-parse (the reference).
 */
export type ParserName = 'fast' | 'remark'
export const PARSERS: readonly ParserName[] = ['fast', 'remark']

/** Parts that the fast parser handed to remark-parse since the process started (for the bench). */
export const parseStats = {fast: 0, remark: 0}

// Tables only, not all of remark-gfm: autolink literals, footnotes and task lists
// cost parse time on every text run and no rule reads them.
function remarkTables(this: Processor): undefined {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmTable())
  ;(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown())
}

let processor: Processor<Root> | undefined

function parseWhole(source: string): Root {
  processor ??= unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTables) as unknown as Processor<Root>
  return processor.parse(source)
}

/**
 * One part, `lines` lines and `chars` characters into its file, with its positions counted from there: the fast parser
 * when it covers the text (it counts from there as it goes), else remark-parse (its tree then moved).
 */
function parsePart(text: string, parser: ParserName, lines = 0, chars = 0): Root {
  if (parser === 'fast') {
    try {
      const tree = fastParse(text, lines, chars)
      parseStats.fast++
      return compactChildren(tree)
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error
      parseStats.remark++
    }
  }
  const tree = compactChildren(parseWhole(text))
  if (lines !== 0 || chars !== 0) shift(tree, lines, chars)
  return tree
}

/**
 * Gives every children array of a tree a store of its own length. An array filled by push keeps room for at least 17
 * elements (V8 grows a store by half again plus 16), and most children arrays hold one to three nodes: ~150 bytes
 * each where ~40 do, a tenth of a parsed file's memory. Done per part, while the old stores are still young.
 */
function compactChildren<T extends Nodes>(node: T): T {
  if ('children' in node) {
    const children = node.children as Nodes[]
    for (const child of children) compactChildren(child)
    ;(node as {children: Nodes[]}).children = children.slice()
  }
  return node
}

/**
 * unified parser plugin: `unified().use(clauselintParse)` parses with the fast parser (`{parser: 'remark'}` for the
 * reference), giving the same mdast as remark-parse + remark-frontmatter (YAML) + GFM tables.
 */
export function clauselintParse(this: Processor, options: {readonly parser?: ParserName} = {}): undefined {
  this.parser = (document: string) => parseMarkdown(document, options.parser ? {parser: options.parser} : {})
}

/** Parts smaller than this are joined with the next one: each parse has a fixed cost. */
const PART_SIZE = 2048

/** Parsed parts by text, kept by an editor between edits of one document (see `ParseCache`). */
export interface CachedPart {
  readonly tree: Root
  /** Where the tree's positions currently start. */
  line: number
  offset: number
  /** Line breaks in the part's text. */
  readonly breaks: number
}

/** Parts of the last parses of one document: an edit re-parses only the parts whose text changed. */
export class ParseCache {
  parts = new Map<string, CachedPart>()
  /** The parts of the last parse in order, and of the parse before it (see buildDocument's reuse of the tree). */
  order: readonly CachedPart[] = []
  previous: readonly CachedPart[] = []
  /** The sentence ranges of the last document built with this cache, by block text (see buildDocument). */
  sentences = new Map<string, ReadonlyArray<{readonly start: number; readonly end: number}>>()
  /** The last document built with this cache and what its build read (owned by buildDocument). */
  last: unknown = undefined
  /** Builds that reused the last document's tree after an edit, and builds made in full (for tests and the bench). */
  readonly builds = {reused: 0, full: 0}
}

/**
 * Parse Markdown into an mdast tree (front matter as a `yaml` node, tables as `table` nodes). With a cache, parts
 * whose text is unchanged since the last call are reused (their nodes are moved, not copied: only the newest tree
 * returned for a cache is valid).
 */
export function parseMarkdown(
  source: string,
  options: {
    readonly cache?: ParseCache
    readonly partSize?: number
    readonly parser?: ParserName
    /** Called with the text of each part about to be parsed (not a kept one), before it is parsed: it may throw. */
    readonly beforeParse?: (text: string) => void
  } = {},
): Root {
  const {cache} = options
  const parser = options.parser ?? 'fast'
  // a byte-order mark is not text: remark-parse drops it and counts positions from after it, so every part must too
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1)
  const cuts = partStarts(source, options.partSize)
  if (cuts.length === 1 && !cache) return parsePart(source, parser)
  const root: Root = {type: 'root', children: []}
  const next = new Map<string, CachedPart>()
  const order: CachedPart[] = []
  let line = 1
  for (let i = 0; i < cuts.length; i++) {
    const from = cuts[i]!
    const to = cuts[i + 1] ?? source.length
    const text = source.slice(from, to)
    let part = cache?.parts.get(text)
    if (part && next.has(text)) part = undefined // the same text twice in one file: parse the second copy afresh
    if (part) {
      if (part.line !== line || part.offset !== from) shift(part.tree, line - part.line, from - part.offset)
      part.line = line
      part.offset = from
    } else {
      options.beforeParse?.(text)
      part = {tree: parsePart(text, parser, line - 1, from), line, offset: from, breaks: countLines(text)}
    }
    next.set(text, part)
    order.push(part)
    for (const child of part.tree.children) root.children.push(child)
    if (i === 0) root.position = {start: {...part.tree.position!.start}, end: {...part.tree.position!.end}}
    else root.position!.end = {...part.tree.position!.end}
    // a kept part's text is the same: its line breaks are counted once
    line += part.breaks
  }
  if (cache) {
    cache.parts = next
    cache.previous = cache.order
    cache.order = order
  }
  return root
}

/** Line breaks in a text (CRLF, LF and lone CR each count once). */
function countLines(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++
  }
  return n
}

/**
 * Move every position in a tree by whole lines and characters (parts start at a line start, so columns stay). Nodes
 * that meet may share a point object (the fast parser's): each point moves once.
 */
function shift(node: Nodes, lines: number, chars: number, moved = new Set<Point>()): void {
  const p = node.position
  if (p) {
    move(p.start, lines, chars, moved)
    move(p.end, lines, chars, moved)
  }
  if ('children' in node) for (const child of node.children) shift(child, lines, chars, moved)
}

type Point = NonNullable<Nodes['position']>['start']

function move(point: Point, lines: number, chars: number, moved: Set<Point>): void {
  if (moved.has(point)) return
  moved.add(point)
  point.line += lines
  if (point.offset !== undefined) point.offset += chars
}

const ATX = /^#{1,6}(?:[ \t]|$)/
const BLANK = /^[ \t]*$/
const FENCE = /^ {0,3}(`{3,}|~{3,})/
// other HTML blocks (CommonMark types 6 and 7) end at a blank line, but whether a line starts one depends on the paragraph
// before it; a fence seen while one may be open leaves the state unknown, and the file is cut no further
const HTML_OTHER = /^ {0,3}<\/?[A-Za-z]/
// HTML blocks that a blank line does not end (CommonMark types 1–5), with what ends each
const HTML_OPEN: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
]
// a link reference definition applies to the whole file: such files are parsed whole
const REFERENCE_DEFINITION = /\[[^\]\n]{1,999}\]:/

/** BLANK.test(line), without a pattern: only spaces and tabs. */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c !== 32 && c !== 9) return false
  }
  return true
}

/** The fence a line opens (a backtick fence's info string has no backtick), if any. */
function isFence(line: string): string | undefined {
  const f = FENCE.exec(line)
  if (!f) return undefined
  return f[1]![0] === '`' && line.includes('`', f[0].length) ? undefined : f[1]
}

/** Does a line close a fence: the same character at least as many times, then only spaces? */
function closesFence(line: string, fence: string): boolean {
  const f = FENCE.exec(line)
  return f !== null && f[1]![0] === fence[0] && f[1]!.length >= fence.length && BLANK.test(line.slice(f[0].length))
}

/**
 * Does a line after a blank line open a block that nothing before it can hold: an ATX heading, or a line at the left
 * margin that no list item, block quote, table or setext underline can continue (a word, a bold run-in title, a table
 * row, an HTML tag)? A list marker, a quote, a thematic break or a fence is never a cut: the first may continue the list
 * before it, and a part starting with "---" would be read as front matter.
 */
function opensAtMargin(line: string): boolean {
  const c = line.charCodeAt(0)
  if (c === 35) return ATX.test(line)
  // a letter (any script) or a table row
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 124 || (c > 127 && c !== 0xfeff)) return true
  const d = line.charCodeAt(1)
  // "**Title**": two stars then a word ("* *" and "***" are a list item and a break)
  if (c === 42) return d === 42 && line.length > 2 && line[2] !== ' ' && line[2] !== '\t' && line[2] !== '*'
  // an HTML tag ("<details>", "</details>"): a comment, CDATA or instruction is tracked as its own block
  return c === 60 && ((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 47)
}

/** Offsets where the parts of a source start (always 0 first). */
export function partStarts(source: string, size = PART_SIZE): number[] {
  const starts = [0]
  if (source.length < size * 2 || REFERENCE_DEFINITION.test(source)) return starts
  let fence: string | undefined
  // spaces before the open fence: one indented may be inside a list item, which a line indented less closes with it
  let fenceLead = 0
  let html: RegExp | undefined
  let htmlToBlank = false
  let blank = true
  let lineNo = 0
  let last = 0
  // the next carriage return at or after the line's start (source.length when none is left): most texts hold none, so
  // each line's end is found by searching for its line feed, not by reading it character by character
  let cr = -1
  for (let at = 0; at < source.length; lineNo++) {
    if (cr < at) {
      cr = source.indexOf('\r', at)
      if (cr < 0) cr = source.length
    }
    let end = source.indexOf('\n', at)
    if (end < 0 || cr < end) end = cr
    const line = source.slice(at, end)
    const next = end < source.length ? end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1) : end
    // a fence or an HTML opener is its first character after at most three spaces: most lines need no pattern
    let lead = 0
    while (lead < 3 && line.charCodeAt(lead) === 32) lead++
    const c = line.charCodeAt(lead)
    const mayFence = c === 96 || c === 126
    const mayHtml = c === 60
    if (htmlToBlank && fence === undefined && !html && mayFence && isFence(line)) return starts
    if (lineNo === 0 && /^---[ \t]*$/.test(line)) {
      // front matter: cut nowhere until it closes
      fence = '---'
    } else if (fence !== undefined) {
      // (inside a list item that line ends the item and the fence, and may open a fence of its own; at the top level it
      // is the fence's text: which one is unknown, and the file is cut no further)
      if (fence !== '---' && lead < fenceLead && !isBlank(line)) return starts
      if (fence === '---' ? /^---[ \t]*$/.test(line) : closesFence(line, fence)) fence = undefined
    } else if (html) {
      if (html.test(line)) html = undefined
    } else {
      if (blank && at - last >= size && source.length - at >= size && opensAtMargin(line)) {
        starts.push(at)
        last = at
      }
      const f = mayFence ? isFence(line) : undefined
      if (f) {
        fence = f
        fenceLead = lead
      }
      else if (mayHtml) {
        let special = false
        for (const [open, close] of HTML_OPEN) {
          if (!open.test(line)) continue
          // inside an HTML block that ends at a blank line this line opens nothing, but after a paragraph it would: unknown
          if (htmlToBlank) return starts
          special = true
          if (!close.test(line.replace(open, ''))) html = close
          break
        }
        if (!special && HTML_OTHER.test(line)) htmlToBlank = true
      }
    }
    blank = isBlank(line)
    if (blank && !html && fence === undefined) htmlToBlank = false
    at = next
  }
  return starts
}
