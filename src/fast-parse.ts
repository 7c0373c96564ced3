// A fast Markdown → mdast parser for the syntax agreements use, giving the same tree as remark-parse (with
// remark-frontmatter's YAML and GFM tables), positions included.
//
// micromark, under remark-parse, is exact but tokenises character by character through closures and allocates a
// tuple per token edge; most of a lint's time went there. This parser reads a text line by line (blocks) and then
// each paragraph, heading or cell once (inline), and builds the mdast directly. It covers ATX headings, paragraphs,
// bullet and ordered lists, block quotes, GFM tables, fenced code, thematic breaks, HTML comments as blocks, YAML
// front matter, link reference definitions, and inline: emphasis, strong, links (inline, reference, autolinks),
// inline code, inline HTML tags, escapes and hard breaks. Anything else, or any case where it cannot be sure to agree
// (tabs, CR line ends, setext headings, indented code, other HTML blocks, images, character references, ...), makes
// it throw `Unsupported`; the caller then parses that part with remark-parse. Differential tests hold it to
// remark-parse on fixtures, generated agreements and a property over Markdown-ish text.
import type {
  BlockContent, Code, Definition, Heading, Html, InlineCode, Link, LinkReference, List, ListItem, Paragraph,
  PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text, Yaml, Blockquote,
} from 'mdast'
import type {Point, Position} from 'unist'
import {lastAtMost} from './text.js'

/** Thrown when the text holds something this parser does not cover; parse it with remark-parse instead. */
export class Unsupported extends Error {}

function bail(reason: string): never {
  throw new Unsupported(reason)
}

const SPACE = 32
const LF = 10

type Container = RootBox | QuoteBox | ListBox | ItemBox
interface RootBox { kind: 'root'; node: Root; children: RootContent[] }
interface QuoteBox { kind: 'quote'; node: Blockquote; children: RootContent[]; lastEnd: number }
interface ListBox { kind: 'list'; node: List; marker: number; children: ListItem[]; blankBefore: boolean }
interface ItemBox { kind: 'item'; node: ListItem; children: RootContent[]; width: number; blankBefore: boolean; hasContent: boolean }

interface ParagraphLeaf {
  kind: 'paragraph'
  /** Start and end offsets of each line's content (leading spaces already skipped). */
  starts: number[]
  ends: number[]
  /** Where each line starts inside its containers (a span ending at a line ending ends there). */
  bases: number[]
  into: RootContent[]
  /** Definitions may still start here (only at the very start of a paragraph). */
}
interface FenceLeaf { kind: 'fence'; node: Code; marker: number; size: number; indent: number; lines: string[]; into: RootContent[] }
interface HtmlLeaf { kind: 'html'; node: Html; lines: string[]; into: RootContent[] }
interface TableLeaf { kind: 'table'; node: Table; delimiterLine: number }
type Leaf = ParagraphLeaf | FenceLeaf | HtmlLeaf | TableLeaf

const PUNCT_RE = /\p{P}|\p{S}/u
const WS_RE = /\s/
/** micromark's classifyCharacter on one UTF-16 unit: 1 whitespace (and line ends, start, end), 2 punctuation, 0 other. */
function classify(code: number): number {
  if (code < 0 || code === SPACE || code === LF || code === 9 || code === 13) return 1
  if (code < 128) {
    if ((code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126)) return 2
    return WS_RE.test(String.fromCharCode(code)) ? 1 : 0
  }
  const s = String.fromCharCode(code)
  if (WS_RE.test(s)) return 1
  return PUNCT_RE.test(s) ? 2 : 0
}

function isAsciiPunct(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)
}

/** micromark's normalizeIdentifier, then lower case as mdast-util-from-markdown does. */
function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase().toLowerCase()
}

const HTML_BLOCK_NAMES = new Set(
  ('address,article,aside,base,basefont,blockquote,body,caption,center,col,colgroup,dd,details,dialog,dir,div,dl,dt,' +
    'fieldset,figcaption,figure,footer,form,frame,frameset,h1,h2,h3,h4,h5,h6,head,header,hr,html,iframe,legend,li,' +
    'link,main,menu,menuitem,nav,noframes,ol,optgroup,option,p,param,search,section,summary,table,tbody,td,tfoot,' +
    'th,thead,title,tr,track,ul').split(','),
)
const HTML_RAW_NAMES = /^(?:script|pre|style|textarea)(?:[\s>]|$)/i
const TAG_NAME = /^\/?([A-Za-z][A-Za-z0-9-]*)/
// a complete open or closing tag (CommonMark), anchored at the start
const OPEN_TAG = /^<[A-Za-z][A-Za-z0-9-]*(?:[ \n]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \n]*=[ \n]*(?:[^ \n"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \n]*\/?>/
const CLOSE_TAG = /^<\/[A-Za-z][A-Za-z0-9-]*[ \n]*>/
const AUTOLINK_URL = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*>/
const AUTOLINK_EMAIL = /^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/

/**
 * Parse a whole text, or one part of a file that starts at a line start: `lines` lines and `chars` characters into the
 * file (positions then count from there, so the part's tree needs no moving afterwards).
 * Throws `Unsupported` when the text needs remark-parse.
 */
export function fastParse(src: string, lines = 0, chars = 0): Root {
  return new Parser(src, lines, chars).parse()
}

class Parser {
  readonly src: string
  readonly lineStarts: number[] = []
  readonly definitions = new Map<string, true>()
  readonly inlines: Array<{readonly into: PhrasingContent[]; readonly starts: number[]; readonly ends: number[]; readonly bases?: number[]; readonly contained?: boolean}> = []
  hasDefinitions = false
  stack: Container[]
  leaf: Leaf | undefined
  root: Root
  /** The last line was blank (for spread). */
  /** Lines and characters of the file before this text (a part's place in its file). */
  readonly lineBase: number
  readonly offsetBase: number
  constructor(src: string, lineBase = 0, offsetBase = 0) {
    this.src = src
    this.lineBase = lineBase
    this.offsetBase = offsetBase
    this.root = {type: 'root', children: []}
    this.stack = [{kind: 'root', node: this.root, children: this.root.children}]
  }

  /**
   * The points made so far, by offset: nodes that meet (a text's end and the next node's start, a paragraph's start and
   * its first text's) share one point object, which is most of them. shift() in parse.ts moves a shared point once.
   */
  readonly points = new Map<number, Point>()

  point(offset: number): Point {
    let p = this.points.get(offset)
    if (p === undefined) {
      const starts = this.lineStarts
      const lo = lastAtMost(starts, offset)
      p = {line: lo + 1 + this.lineBase, column: offset - starts[lo]! + 1, offset: offset + this.offsetBase}
      this.points.set(offset, p)
    }
    return p
  }

  pos(start: number, end: number): Position {
    return {start: this.point(start), end: this.point(end)}
  }

  parse(): Root {
    const src = this.src
    if (/[\t\r\0]/.test(src)) bail('tab, CR or NUL')
    // lines
    const starts = this.lineStarts
    starts.push(0)
    for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) starts.push(i + 1)
    let first = 0
    if (src.startsWith('---')) first = this.frontMatter()
    // a text ending in a line ending has no last line (micromark stops there)
    const lines = starts.length > 1 && starts[starts.length - 1] === src.length ? starts.length - 1 : starts.length
    for (let l = first; l < lines; l++) {
      const s = starts[l]!
      const e = l + 1 < starts.length ? starts[l + 1]! - 1 : src.length
      this.line(s, e, l)
    }
    // an unclosed fence or HTML block runs to the end of the text
    if (this.leaf?.kind === 'fence' || this.leaf?.kind === 'html') this.leaf.node.position!.end = this.point(src.length)
    if (this.leaf?.kind === 'html' && lines < starts.length) this.leaf.lines.push('')
    this.closeLeaf()
    this.closeContainers(1)
    this.root.position = this.pos(0, src.length)
    for (const inline of this.inlines) inlineParse(this, inline.into, inline.starts, inline.ends, inline.bases ?? inline.starts, inline.contained ?? false)
    return this.root
  }

  lineEnd(l: number): number {
    return l + 1 < this.lineStarts.length ? this.lineStarts[l + 1]! - 1 : this.src.length
  }

  frontMatter(): number {
    const src = this.src
    const e0 = this.lineEnd(0)
    if (src.slice(0, e0) !== '---') {
      if (/^---[ ]+$/.test(src.slice(0, e0))) bail('front matter fence with spaces')
      return 0
    }
    for (let l = 1; l < this.lineStarts.length; l++) {
      const s = this.lineStarts[l]!
      const e = this.lineEnd(l)
      const text = src.slice(s, e)
      if (text === '---') {
        const value = l === 1 ? '' : src.slice(this.lineStarts[1]!, this.lineStarts[l]! - 1)
        const node: Yaml = {type: 'yaml', value, position: this.pos(0, e)}
        this.root.children.push(node)
        return l + 1
      }
      if (/^---[ ]+$/.test(text) || /^\.\.\.[ ]*$/.test(text)) bail('front matter closing fence variant')
    }
    bail('unclosed front matter')
  }

  /** Close containers from depth `keep` on (stack[0..keep) stays). */
  closeContainers(keep: number): void {
    while (this.stack.length > keep) {
      const box = this.stack.pop()!
      this.finishContainer(box)
    }
  }

  finishContainer(box: Container): void {
    if (box.kind === 'root') return
    const children = box.children as Array<RootContent | ListItem>
    if (children.length === 0) {
      if (box.kind === 'item') bail('empty list item')
      if (box.kind === 'quote') bail('empty block quote')
    }
    const pos = box.node.position!
    // a container ends where its last child ends: the same point (no point is changed in place here)
    if (children.length > 0) pos.end = children[children.length - 1]!.position!.end
    if (box.kind === 'quote' && box.lastEnd + this.offsetBase > pos.end.offset!) pos.end = this.point(box.lastEnd)
    if (box.kind === 'list') box.node.children = box.children
  }

  closeLeaf(): void {
    const leaf = this.leaf
    if (!leaf) return
    this.leaf = undefined
    if (leaf.kind === 'paragraph') this.finishParagraph(leaf)
    else if (leaf.kind === 'fence') {
      leaf.node.value = leaf.lines.join('\n')
      const last = this.lineStarts.length - 1
      // an unclosed fence runs to the end of its container: the end is set by the last line added
      void last
    } else if (leaf.kind === 'html') {
      leaf.node.value = leaf.lines.join('\n')
    }
  }

  finishParagraph(leaf: ParagraphLeaf): void {
    const src = this.src
    let {starts, ends, bases} = leaf
    // link reference definitions at the start
    let i = 0
    while (i < starts.length && src.charCodeAt(starts[i]!) === 91 /* [ */) {
      const def = this.definition(starts[i]!, ends[i]!, i + 1 < starts.length ? starts[i + 1]! : -1)
      if (!def) break
      leaf.into.push(def)
      i++
    }
    if (i === starts.length) return
    if (i > 0) {
      starts = starts.slice(i)
      ends = ends.slice(i)
      bases = bases.slice(i)
    }
    // trailing spaces of the last line belong to the paragraph, not its text
    const last = ends.length - 1
    const endAll = ends[last]!
    let trimmed = endAll
    while (trimmed > starts[last]! && src.charCodeAt(trimmed - 1) === SPACE) trimmed--
    const paragraph: Paragraph = {type: 'paragraph', children: [], position: this.pos(starts[0]!, endAll)}
    leaf.into.push(paragraph)
    ends = ends.slice()
    ends[last] = trimmed
    this.inlines.push({into: paragraph.children, starts, ends, bases, contained: leaf.into !== this.root.children})
  }

  /** A one-line link reference definition, or undefined. */
  definition(s: number, e: number, nextLineStart: number): Definition | undefined {
    const text = this.src.slice(s, e)
    const m = /^\[([^\[\]\\]{1,999})\]:[ ]*(?:<([^<>\\\n]*)>|([^ <\\\x00-\x1f][^ \\\x00-\x1f]*))(?:[ ]+(?:"([^"\\]*)"|'([^'\\]*)'|\(([^()\\]*)\)))?[ ]*$/.exec(text)
    if (!m) {
      if (/^\[[^\]]*\]:/.test(text) || text.includes('\\')) bail('definition form')
      return undefined
    }
    const label = m[1]!
    if (!/[^ ]/.test(label)) bail('blank label')
    const url = m[2] ?? m[3]!
    if (m[3] !== undefined && !balancedParens(url)) bail('definition destination parens')
    if (/&[#A-Za-z0-9]/.test(text)) bail('character reference in definition')
    if (nextLineStart >= 0) {
      const c = this.src.charCodeAt(nextLineStart)
      if (c === 34 || c === 39 || c === 40) bail('title may continue on the next line')
    }
    const title = m[4] ?? m[5] ?? m[6] ?? null
    const identifier = normalizeLabel(label)
    if (!this.definitions.has(identifier)) this.definitions.set(identifier, true)
    this.hasDefinitions = true
    return {type: 'definition', identifier, label, title, url, position: this.pos(s, e)}
  }

  /** Process one line [s, e) with index l. */
  line(s: number, e: number, l: number): void {
    const src = this.src
    const stack = this.stack
    let p = s
    let matched = 1
    // 1. continue open containers
    for (; matched < stack.length; matched++) {
      const box = stack[matched]!
      if (box.kind === 'quote') {
        let q = p
        while (q < e && q - p < 3 && src.charCodeAt(q) === SPACE) q++
        if (q < e && src.charCodeAt(q) === 62 /* > */) {
          p = q + 1
          if (p < e && src.charCodeAt(p) === SPACE) p++
          box.lastEnd = e
          if (matched < stack.length - 1 && isBlankFrom(src, p, e)) bail('blank line in a block quote holding containers')
          continue
        }
        break
      } else if (box.kind === 'list') {
        continue
      } else if (box.kind === 'item') {
        if (isBlankFrom(src, p, e)) continue
        let q = p
        while (q < e && src.charCodeAt(q) === SPACE && q - p < box.width) q++
        if (q - p >= box.width) {
          p = q
          continue
        }
        break
      }
    }
    // the list box before an unmatched item is matched only through its item; step back onto the list
    let matchedAll = matched === stack.length
    if (!matchedAll && stack[matched]!.kind === 'item' && stack[matched - 1]!.kind === 'list') {
      // keep matched pointing at the item (unmatched): the list itself may continue with a new item
    }
    const leaf = this.leaf
    const blank = isBlankFrom(src, p, e)

    // 2. leaves that take any line
    if (leaf?.kind === 'table') {
      if (l === leaf.delimiterLine) return
      if (!matchedAll) bail('table in a container')
      if (isBlankFrom(src, p, e)) {
        this.closeLeaf()
        this.markBlank()
        return
      }
      let q = p
      while (q < e && src.charCodeAt(q) === SPACE) q++
      if (src.charCodeAt(q) !== 124 || q - p > 3) bail('line after a table')
      this.buildRow(leaf.node, this.row(q, e), q, e)
      return
    }
    if (matchedAll && leaf?.kind === 'fence') {
      this.fenceLine(leaf, p, e, l)
      return
    }
    if (matchedAll && leaf?.kind === 'html') {
      leaf.lines.push(src.slice(p, e))
      leaf.node.position!.end = this.point(e)
      if (src.slice(p, e).includes('-->')) this.closeLeaf()
      return
    }
    if (!matchedAll && leaf?.kind === 'fence' && leaf.lines.length === 0) bail('empty fence ended by its container')

    if (blank) {
      if (!matchedAll) {
        // a block quote not continued by a blank line closes
        const box = stack[matched]!
        if (box.kind === 'quote' || this.insideQuoteFrom(matched)) {
          this.closeLeaf()
          this.closeContainers(matched)
        }
      }
      this.closeLeaf()
      this.markBlank()
      return
    }

    // 3. lazy paragraph continuation
    if (!matchedAll && leaf?.kind === 'paragraph') {
      // (the last matched container is not the paragraph: any block may start here)
      const start = this.blockStart(p, e, false)
      if (start === 'text') {
        if (isSetextOrDelimiter(src, p, e)) bail('setext underline or table delimiter as lazy line')
        let q = p
        while (q < e && src.charCodeAt(q) === SPACE) q++
        if (src.charCodeAt(q) === 124) bail('lazy line with a pipe')
        for (const box of stack) if (box.kind === 'quote') box.lastEnd = e
        leaf.starts.push(q)
        leaf.ends.push(e)
        leaf.bases.push(p)
        return
      }
    }

    // 4. close what did not continue (a list stays while a new item of the same kind may follow)
    this.closedSome = !matchedAll
    if (!matchedAll) {
      this.closeLeaf()
      this.closeContainersKeepingList(matched, p, e)
      matchedAll = true
    }
    this.openBlocks(p, e, l)
  }

  insideQuoteFrom(from: number): boolean {
    for (let i = from; i < this.stack.length; i++) if (this.stack[i]!.kind === 'quote') return true
    return false
  }

  /** The current line closed containers that did not continue. */
  closedSome = false
  /** Blank-line bookkeeping for list and item spread. */
  pendingBlank = false
  /**
   * Where the line after a table head whose cells its delimiter row does not match starts (-1 for none): that row is
   * no table's, and no setext underline (it holds a pipe), so it goes on the paragraph the head line is in, as in
   * micromark.
   */
  notDelimiter = -1
  markBlank(): void {
    this.pendingBlank = true
  }

  closeContainersKeepingList(matched: number, p: number, e: number): void {
    // stack[matched] did not continue. If it is an item and the line starts a sibling item, keep the list.
    const box = this.stack[matched]!
    if (box.kind === 'item') {
      const list = this.stack[matched - 1] as ListBox
      const m = this.listMarker(p, e)
      if (m && m.marker === list.marker && !isThematicBreak(this.src, p, e)) {
        this.closeContainers(matched)
        return
      }
      this.closeContainers(matched - 1)
      return
    }
    this.closeContainers(matched)
  }

  /**
   * What a line at `p` starts: 'text' for a paragraph line. `interrupt`: a paragraph was open when the line's new
   * containers began, so a list item opened after another on the same line interrupts it too (as in micromark).
   */
  blockStart(p: number, e: number, paragraphOpen: boolean, interrupt = false): string {
    const src = this.src
    let q = p
    while (q < e && src.charCodeAt(q) === SPACE) q++
    const indent = q - p
    if (indent >= 4) return 'text'
    const c = src.charCodeAt(q)
    if (c === 62) return 'quote'
    if (paragraphOpen && isSetextOrDelimiter(src, q, e) && !(p === this.notDelimiter && src.slice(q, e).includes('|'))) bail('setext underline or table delimiter row')
    if (c === 35 && /^#{1,6}(?:[ ]|$)/.test(src.slice(q, Math.min(e, q + 8)))) return 'heading'
    if ((c === 96 || c === 126) && fenceAt(src, q, e)) return 'fence'
    if (isThematicBreak(src, p, e)) return 'break'
    const m = this.listMarker(p, e)
    // an item that interrupts a paragraph is not blank and, when ordered, is numbered with the one digit 1
    if (m && (!(paragraphOpen || interrupt) || (!m.empty && (m.start === null || (m.start === 1 && src.charCodeAt(m.markerStart) === 49))))) return 'list'
    if (c === 60 && htmlBlockKind(src, q, e, paragraphOpen) !== 0) return 'html'
    if (c === 124 && paragraphOpen) return 'maybe-table'
    return 'text'
  }

  listMarker(p: number, e: number): {marker: number; start: number | null; width: number; empty: boolean; markerStart: number} | undefined {
    const src = this.src
    let q = p
    while (q < e && src.charCodeAt(q) === SPACE && q - p < 3) q++
    if (q < e && src.charCodeAt(q) === SPACE) return undefined
    const c = src.charCodeAt(q)
    let after: number
    let start: number | null = null
    let marker: number
    if (c === 45 || c === 43 || c === 42) {
      after = q + 1
      marker = c
    } else if (c >= 48 && c <= 57) {
      let d = q
      while (d < e && d - q < 10 && src.charCodeAt(d) >= 48 && src.charCodeAt(d) <= 57) d++
      if (d - q > 9) return undefined
      const delim = src.charCodeAt(d)
      if (delim !== 46 && delim !== 41) return undefined
      start = Number(src.slice(q, d))
      after = d + 1
      marker = delim
    } else return undefined
    if (after < e && src.charCodeAt(after) !== SPACE) return undefined
    let r = after
    while (r < e && src.charCodeAt(r) === SPACE) r++
    const empty = r === e
    const spaces = r - after
    if (!empty && spaces > 4) bail('list item starting with indented code')
    return {marker, start, width: empty ? after - p + 1 : r - p, empty, markerStart: q}
  }

  openBlocks(p: number, e: number, l: number): void {
    const src = this.src
    const interrupt = this.leaf?.kind === 'paragraph'
    for (;;) {
      const top = this.stack[this.stack.length - 1]!
      const leaf = this.leaf
      const paragraphOpen = leaf?.kind === 'paragraph'
      const kind = this.blockStart(p, e, paragraphOpen, interrupt)
      let q = p
      while (q < e && src.charCodeAt(q) === SPACE) q++

      if (kind !== 'text' && kind !== 'maybe-table') this.closeLeaf()
      if (kind !== 'list') this.spreadFor(top, false)

      if (kind === 'quote') {
        if (this.closedSome && this.stack[this.stack.length - 1]!.kind === 'quote') bail('container opened in a block quote as another closes')
        if (top.kind === 'list') this.closeContainers(this.stack.length - 1)
        const parent = this.stack[this.stack.length - 1]!
        const node: Blockquote = {type: 'blockquote', children: [], position: this.pos(q, e)}
        this.contentOf(parent).push(node)
        this.stack.push({kind: 'quote', node, children: node.children, lastEnd: e})
        p = q + 1
        if (p < e && src.charCodeAt(p) === SPACE) p++
        if (isBlankFrom(src, p, e)) bail('block quote line without content')
        continue
      }
      if (kind === 'list') {
        const m = this.listMarker(p, e)!
        if (m.empty) bail('list item starting blank')
        let list: ListBox
        if (this.closedSome && top.kind === 'quote') bail('container opened in a block quote as another closes')
        if (top.kind === 'list' && top.marker === m.marker) {
          list = top
          if (this.pendingBlank) list.node.spread = true
        } else {
          if (top.kind === 'list') this.closeContainers(this.stack.length - 1)
          const parent = this.stack[this.stack.length - 1]!
          this.spreadFor(parent, false)
          const node: List = {type: 'list', ordered: m.start !== null, start: m.start, spread: false, children: [], position: this.pos(m.markerStart, e)}
          this.contentOf(parent).push(node)
          list = {kind: 'list', node, marker: m.marker, children: [], blankBefore: false}
          this.stack.push(list)
        }
        this.pendingBlank = false
        const item: ListItem = {type: 'listItem', spread: false, checked: null, children: [], position: this.pos(m.markerStart, e)}
        list.children.push(item)
        this.stack.push({kind: 'item', node: item, children: item.children, width: m.width, blankBefore: false, hasContent: true})
        p = p + m.width
        continue
      }
      if (top.kind === 'list') {
        // a list not continued by an item closes
        this.closeContainers(this.stack.length - 1)
        continue
      }
      this.pendingBlank = false
      const into = this.contentOf(this.stack[this.stack.length - 1]!)
      if (kind === 'heading') {
        this.heading(q, e, into)
        return
      }
      if (kind === 'fence') {
        const f = fenceAt(src, q, e)!
        const info = src.slice(q + f.size, e).replace(/^[ ]+|[ ]+$/g, '')
        if (/[\\&]/.test(info)) bail('escape or reference in info string')
        let lang: string | null = null
        let meta: string | null = null
        if (info) {
          const sp = info.indexOf(' ')
          lang = sp === -1 ? info : info.slice(0, sp)
          meta = sp === -1 ? null : info.slice(sp + 1).replace(/^[ ]+/, '') || null
        }
        const node: Code = {type: 'code', lang, meta, value: '', position: this.pos(q, e)}
        into.push(node)
        this.leaf = {kind: 'fence', node, marker: f.marker, size: f.size, indent: q - p, lines: [], into}
        void l
        return
      }
      if (kind === 'break') {
        into.push({type: 'thematicBreak', position: this.pos(q, e)})
        return
      }
      if (kind === 'html') {
        const k = htmlBlockKind(src, q, e, paragraphOpen)
        if (k !== 2) bail('HTML block other than a comment')
        const node: Html = {type: 'html', value: '', position: this.pos(p, e)}
        into.push(node)
        const leafHtml: HtmlLeaf = {kind: 'html', node, lines: [src.slice(p, e)], into}
        if (/^<!--->?/.test(src.slice(q, q + 6))) bail('empty comment')
        if (src.slice(q + 4, e).includes('-->')) node.value = leafHtml.lines[0]!
        else this.leaf = leafHtml
        return
      }
      if (kind === 'maybe-table' || (kind === 'text' && !paragraphOpen && src.charCodeAt(q) === 124)) {
        if (this.tableStart(q, e, l, into)) return
      }
      // paragraph text
      if (paragraphOpen) {
        if (isSetextOrDelimiter(src, q, e) && !(p === this.notDelimiter && src.slice(q, e).includes('|'))) bail('setext underline or table delimiter row')
        leaf.starts.push(q)
        leaf.ends.push(e)
        leaf.bases.push(p)
        return
      }
      if (q - p >= 4) bail('indented code')
      if (this.stack.length === 1 && this.leaf === undefined && isTableDelimiterAhead(this, l) && this.lineStarts[l + 1] !== this.notDelimiter) bail('table without leading pipe')
      this.leaf = {kind: 'paragraph', starts: [q], ends: [e], bases: [p], into}
      return
    }
  }

  /** Record a pending blank line against the container that continues after it. */
  spreadFor(top: Container, newItem: boolean): void {
    if (!this.pendingBlank) return
    if (newItem) return
    if (top.kind === 'item') top.node.spread = true
    this.pendingBlank = false
  }

  contentOf(box: Container): RootContent[] {
    if (box.kind === 'list') bail('content directly in a list')
    return box.children
  }

  heading(q: number, e: number, into: RootContent[]): void {
    const src = this.src
    let depth = 0
    while (src.charCodeAt(q + depth) === 35) depth++
    let cs = q + depth
    while (cs < e && src.charCodeAt(cs) === SPACE) cs++
    let ce = e
    while (ce > cs && src.charCodeAt(ce - 1) === SPACE) ce--
    // closing sequence: spaces then #s at the end
    let h = ce
    while (h > cs && src.charCodeAt(h - 1) === 35) h--
    if (h < ce && (h === cs || src.charCodeAt(h - 1) === SPACE)) {
      if (h > cs && src.charCodeAt(h - 2) === 92) bail('escaped closing #')
      ce = h
      while (ce > cs && src.charCodeAt(ce - 1) === SPACE) ce--
    }
    const node: Heading = {type: 'heading', depth: depth as 1, children: [], position: this.pos(q, e)}
    into.push(node)
    if (ce > cs) this.inlines.push({into: node.children, starts: [cs], ends: [ce]})
  }

  fenceLine(leaf: FenceLeaf, p: number, e: number, _l: number): void {
    const src = this.src
    let q = p
    while (q < e && src.charCodeAt(q) === SPACE) q++
    if (q - p < 4 && src.charCodeAt(q) === leaf.marker) {
      let r = q
      while (r < e && src.charCodeAt(r) === leaf.marker) r++
      if (r - q >= leaf.size && isBlankFrom(src, r, e)) {
        leaf.node.position!.end = this.point(e)
        this.closeLeaf()
        return
      }
    }
    // strip up to the fence's indent
    let strip = p
    while (strip < e && strip - p < leaf.indent && src.charCodeAt(strip) === SPACE) strip++
    leaf.lines.push(src.slice(strip, e))
    leaf.node.position!.end = this.point(e)
  }

  tableStart(q: number, e: number, l: number, into: RootContent[]): boolean {
    const src = this.src
    if (this.stack.length !== 1) {
      if (l + 1 < this.lineStarts.length && /^[ |:-]+$/.test(src.slice(this.lineStarts[l + 1]!, this.lineEnd(l + 1))) && src.slice(this.lineStarts[l + 1]!, this.lineEnd(l + 1)).includes('-'))
        bail('table inside a container')
      return false
    }
    if (l + 1 >= this.lineStarts.length) return false
    const ds = this.lineStarts[l + 1]!
    const de = this.lineEnd(l + 1)
    const delimiter = src.slice(ds, de)
    if (!/^[ ]{0,3}\|?[ ]*:?-+:?[ ]*(?:\|[ ]*:?-+:?[ ]*)*\|?[ ]*$/.test(delimiter) || !/[|:]/.test(delimiter)) {
      if (/^[ |:-]+$/.test(delimiter) && delimiter.includes('-') && delimiter.includes('|')) bail('table delimiter row variant')
      return false
    }
    if (!/^[ ]{0,3}\|/.test(delimiter)) bail('delimiter row without leading pipe')
    if (this.lineStarts[l] === this.notDelimiter) bail('a delimiter row read as text over another')
    const head = this.row(q, e)
    const align = delimiterCells(delimiter)
    if (head.length !== align.length) {
      // no table: the head line is a paragraph's, and so is the delimiter row after it
      this.notDelimiter = ds
      return false
    }
    this.closeLeaf()
    const table: Table = {type: 'table', align, children: [], position: this.pos(q, de)}
    into.push(table)
    this.buildRow(table, head, q, e)
    let dEnd = de
    while (dEnd > ds && src.charCodeAt(dEnd - 1) === SPACE) dEnd--
    table.position!.end = this.point(dEnd)
    this.leaf = {kind: 'table', node: table, delimiterLine: l + 1}
    return true
  }

  /** Cells of a row: [start, end) of each cell's source including its pipes, and of its content. */
  row(s: number, e: number): Array<{s: number; e: number; cs: number; ce: number}> {
    const src = this.src
    let q = s
    while (q < e && src.charCodeAt(q) === SPACE) q++
    let end = e
    while (end > q && src.charCodeAt(end - 1) === SPACE) end--
    if (src.slice(q, end).includes('\\')) bail('backslash in a table row')
    if (src.charCodeAt(q) !== 124) bail('row without leading pipe')
    const cells: Array<{s: number; e: number; cs: number; ce: number}> = []
    let at = q
    for (;;) {
      // at is a pipe
      const next = src.indexOf('|', at + 1)
      const stop = next === -1 || next >= end ? end : next
      if (stop === end && (next === -1 || next >= end)) {
        // last cell (no closing pipe) if it has content
        let cs = at + 1
        while (cs < end && src.charCodeAt(cs) === SPACE) cs++
        if (cs < end) cells.push({s: at, e: end, cs, ce: end})
        break
      }
      let cs = at + 1
      while (cs < stop && src.charCodeAt(cs) === SPACE) cs++
      let ce = stop
      while (ce > cs && src.charCodeAt(ce - 1) === SPACE) ce--
      const isLast = stop === end - 1 && src.charCodeAt(stop) === 124
      cells.push({s: at, e: isLast ? end : stop, cs, ce})
      if (isLast) break
      at = stop
    }
    return cells
  }

  buildRow(table: Table, cells: Array<{s: number; e: number; cs: number; ce: number}>, s: number, e: number): void {
    let rs = s
    while (this.src.charCodeAt(rs) === SPACE) rs++
    let re = e
    while (re > rs && this.src.charCodeAt(re - 1) === SPACE) re--
    const row: TableRow = {type: 'tableRow', children: [], position: this.pos(rs, re)}
    for (const cell of cells) {
      const node: TableCell = {type: 'tableCell', children: [], position: this.pos(cell.s, cell.e)}
      row.children.push(node)
      if (cell.ce > cell.cs) this.inlines.push({into: node.children, starts: [cell.cs], ends: [cell.ce]})
    }
    table.children.push(row)
    table.position!.end = this.point(re)
  }
}

function balancedParens(url: string): boolean {
  let depth = 0
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i)
    if (c === 40) depth++
    else if (c === 41 && --depth < 0) return false
  }
  return depth === 0
}

function isBlankFrom(src: string, p: number, e: number): boolean {
  for (let i = p; i < e; i++) if (src.charCodeAt(i) !== SPACE) return false
  return true
}

function isThematicBreak(src: string, p: number, e: number): boolean {
  let q = p
  while (q < e && src.charCodeAt(q) === SPACE && q - p < 3) q++
  const c = src.charCodeAt(q)
  if (c !== 42 && c !== 45 && c !== 95) return false
  let n = 0
  for (let i = q; i < e; i++) {
    const d = src.charCodeAt(i)
    if (d === c) n++
    else if (d !== SPACE) return false
  }
  return n >= 3
}

function fenceAt(src: string, q: number, e: number): {marker: number; size: number} | undefined {
  const c = src.charCodeAt(q)
  let r = q
  while (r < e && src.charCodeAt(r) === c) r++
  if (r - q < 3) return undefined
  if (c === 96 && src.indexOf('`', r) !== -1 && src.indexOf('`', r) < e) return undefined
  return {marker: c, size: r - q}
}

/** Setext underlines and table delimiter rows after a paragraph line are left to remark-parse. */
function isSetextOrDelimiter(src: string, q: number, e: number): boolean {
  const text = src.slice(q, e)
  if (/^[ ]{0,3}(?:=+|-+)[ ]*$/.test(text)) return true
  return /^[ |:-]+$/.test(text) && text.includes('-') && (text.includes('|') || text.includes(':'))
}

function isTableDelimiterAhead(p: Parser, l: number): boolean {
  if (l + 1 >= p.lineStarts.length) return false
  const text = p.src.slice(p.lineStarts[l + 1]!, p.lineEnd(l + 1))
  return /^[ |:-]+$/.test(text) && text.includes('-') && (text.includes('|') || text.includes(':'))
}

function delimiterCells(text: string): Array<'left' | 'right' | 'center' | null> {
  let t = text.trim()
  if (t.startsWith('|')) t = t.slice(1)
  if (t.endsWith('|')) t = t.slice(0, -1)
  return t.split('|').map((cell) => {
    const c = cell.trim()
    const left = c.startsWith(':')
    const right = c.endsWith(':')
    return left && right ? 'center' : left ? 'left' : right ? 'right' : null
  })
}

/**
 * Which HTML block (CommonMark types 1–7) a line starting with `<` at q opens; 0 for none. Type 7 cannot
 * interrupt a paragraph.
 */
function htmlBlockKind(src: string, q: number, e: number, paragraphOpen: boolean): number {
  const rest = src.slice(q + 1, e)
  if (HTML_RAW_NAMES.test(rest)) return 1
  if (rest.startsWith('!--')) return 2
  if (rest.startsWith('?')) return 3
  if (/^![A-Za-z]/.test(rest)) return 4
  if (rest.startsWith('![CDATA[')) return 5
  const m = TAG_NAME.exec(rest)
  if (m) {
    const after = rest.charCodeAt(m[0].length)
    const name = m[1]!.toLowerCase()
    if (HTML_BLOCK_NAMES.has(name) && (Number.isNaN(after) || after === SPACE || after === 62 || (after === 47 && rest.charCodeAt(m[0].length + 1) === 62))) return 6
    if (!paragraphOpen) {
      const line = src.slice(q, e)
      const t = OPEN_TAG.exec(line) ?? CLOSE_TAG.exec(line)
      if (t && /^[ ]*$/.test(line.slice(t[0].length))) return 7
      // a tag that is not closed on its line may still be one across lines
      if (!line.includes('>')) return 7
    }
  }
  return 0
}

// ---------------------------------------------------------------------------------------------------------------
// Inline

const enum K {
  Text,
  Delim,
  Node,
  Bracket,
}

interface Item {
  k: K
  prev: Item | undefined
  next: Item | undefined
  /** Virtual start and end (indexes into the joined text). */
  s: number
  e: number
  /** Text: its value. */
  value: string
  /** Delimiter run. */
  ch: number
  n: number
  canOpen: boolean
  canClose: boolean
  idx: number
  prevD: Item | undefined
  nextD: Item | undefined
  removed: boolean
  /** Node (code, break, html, link …) or the children of a built span. */
  node: PhrasingContent | undefined
  /** Bracket: still able to open a link. */
  active: boolean
  prevB: Item | undefined
  /** Delimiter stack top when the bracket was pushed. */
  delimAtBracket: Item | undefined
}

function item(k: K, s: number, e: number): Item {
  return {
    k, prev: undefined, next: undefined, s, e, value: '', ch: 0, n: 0, canOpen: false, canClose: false, idx: 0,
    prevD: undefined, nextD: undefined, removed: false, node: undefined, active: true, prevB: undefined, delimAtBracket: undefined,
  }
}

class Inline {
  readonly p: Parser
  readonly v: string
  /** For each line of the joined text: its start in v and in the source. */
  readonly vStarts: number[]
  readonly sStarts: number[]
  readonly sEnds: number[]
  head: Item
  tail: Item
  delimTop: Item | undefined
  bracketTop: Item | undefined
  delimCount = 0

  readonly contained: boolean
  /** Where each line starts inside its containers (code spans keep the indentation after it). */
  readonly bases: number[]

  constructor(p: Parser, starts: number[], ends: number[], bases: number[], contained: boolean) {
    this.p = p
    this.bases = bases
    this.contained = contained
    const parts: string[] = []
    this.vStarts = []
    let at = 0
    for (let i = 0; i < starts.length; i++) {
      this.vStarts.push(at)
      const piece = p.src.slice(starts[i]!, ends[i]!)
      parts.push(piece)
      at += piece.length + 1
    }
    this.v = parts.join('\n')
    this.sStarts = starts
    this.sEnds = ends
    this.head = item(K.Text, 0, 0)
    this.tail = this.head
  }

  /** Source offset of a virtual index; a line end maps to the end of that line's content. */
  src(vi: number, lineHint = -1): number {
    const vs = this.vStarts
    const lo = lineHint >= 0 ? lineHint : lastAtMost(vs, vi)
    return this.sStarts[lo]! + (vi - vs[lo]!)
  }

  lineOf(vi: number): number {
    return lastAtMost(this.vStarts, vi)
  }

  /** Source offset for the end of a span ending at virtual index vi (exclusive). */
  srcEnd(vi: number): number {
    if (vi === 0) return this.src(0)
    const vs = this.vStarts
    // the end belongs to the line of vi - 1
    const lo = lastAtMost(vs, vi - 1)
    // (a span ending just after a line ending ends at the start of the next source line)
    return this.sStarts[lo]! + (vi - vs[lo]!)
  }

  pos(vs: number, ve: number): Position {
    return {start: this.p.point(this.src(vs)), end: this.p.point(this.srcEnd(ve))}
  }

  append(it: Item): void {
    it.prev = this.tail
    this.tail.next = it
    this.tail = it
  }

  text(s: number, e: number, value: string): void {
    if (e <= s && value === '') return
    const t = item(K.Text, s, e)
    t.value = value
    this.append(t)
  }

  run(): PhrasingContent[] {
    const v = this.v
    const len = v.length
    let textStart = 0
    const flush = (to: number): void => {
      if (to > textStart) this.text(textStart, to, v.slice(textStart, to))
    }
    let i = 0
    while (i < len) {
      const c = v.charCodeAt(i)
      if (c === 42 || c === 95) {
        flush(i)
        let j = i + 1
        while (j < len && v.charCodeAt(j) === c) j++
        const before = classify(i > 0 ? v.charCodeAt(i - 1) : -1)
        const after = classify(j < len ? v.charCodeAt(j) : -1)
        const open = after === 0 || (after === 2 && before !== 0)
        const close = before === 0 || (before === 2 && after !== 0)
        const d = item(K.Delim, i, j)
        d.ch = c
        d.n = j - i
        d.canOpen = c === 42 ? open : open && (before !== 0 || !close)
        d.canClose = c === 42 ? close : close && (after !== 0 || !open)
        d.idx = ++this.delimCount
        d.value = v.slice(i, j)
        this.append(d)
        this.pushDelim(d)
        i = j
        textStart = i
        continue
      }
      if (c === 96) {
        flush(i)
        textStart = i
        const j = this.codeSpan(i)
        if (j > i) {
          i = j
          textStart = i
        } else {
          // unmatched run: literal (micromark then ends the next line ending after the container prefix)
          if (this.contained && this.vStarts.length > 1) bail('unmatched backtick in a paragraph inside a container')
          let k = i
          while (k < len && v.charCodeAt(k) === 96) k++
          i = k
        }
        continue
      }
      if (c === 92) {
        const n = v.charCodeAt(i + 1)
        if (n === LF) {
          flush(i)
          const br = item(K.Node, i, i + 2)
          br.node = {type: 'break', position: this.pos(i, i + 2)}
          this.append(br)
          i += 2
          textStart = i
          continue
        }
        if (i + 1 < len && isAsciiPunct(n)) {
          // the escaped character joins the text
          flush(i)
          this.text(i, i + 2, v[i + 1]!)
          i += 2
          textStart = i
          continue
        }
        i++
        continue
      }
      if (c === LF) {
        // trailing spaces before a line ending: a hard break (2+) or dropped
        let k = i
        while (k > textStart && v.charCodeAt(k - 1) === SPACE) k--
        const spaces = i - k
        if (spaces >= 2) {
          flush(k)
          const br = item(K.Node, k, i + 1)
          br.node = {type: 'break', position: this.pos(k, i + 1)}
          this.append(br)
          i++
          textStart = i
          continue
        }
        if (spaces === 1) {
          // drop the space from the value, keep the span
          flush(k)
          this.text(i, i + 1, '\n')
          i++
          textStart = i
          continue
        }
        i++
        continue
      }
      if (c === 91) {
        flush(i)
        const b = item(K.Bracket, i, i + 1)
        b.value = '['
        b.prevB = this.bracketTop
        b.delimAtBracket = this.delimTop
        this.bracketTop = b
        this.append(b)
        i++
        textStart = i
        continue
      }
      if (c === 33 && v.charCodeAt(i + 1) === 91) bail('image')
      if (c === 93) {
        flush(i)
        const j = this.closeBracket(i)
        i = j
        textStart = i
        continue
      }
      if (c === 60) {
        flush(i)
        textStart = i
        const j = this.angle(i)
        if (j > i) {
          i = j
          textStart = i
          continue
        }
        i++
        continue
      }
      if (c === 38) {
        if (/^&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/.test(v.slice(i, i + 40))) bail('character reference')
        i++
        continue
      }
      i++
    }
    flush(len)
    this.processEmphasis(undefined)
    return this.children(this.head.next, undefined)
  }

  pushDelim(d: Item): void {
    d.prevD = this.delimTop
    if (this.delimTop) this.delimTop.nextD = d
    this.delimTop = d
  }

  removeDelim(d: Item): void {
    if (d.removed) return
    d.removed = true
    if (d.prevD) d.prevD.nextD = d.nextD
    if (d.nextD) d.nextD.prevD = d.prevD
    if (this.delimTop === d) this.delimTop = d.prevD
  }

  /** A code span at i (a backtick run); returns the index after it, or i when the run has no closer. */
  codeSpan(i: number): number {
    const v = this.v
    let j = i
    while (j < v.length && v.charCodeAt(j) === 96) j++
    const size = j - i
    let k = j
    for (;;) {
      k = v.indexOf('`', k)
      if (k === -1) {
        // no closer: the whole run is literal, and no later run of this size can close it either
        return i
      }
      let m = k
      while (m < v.length && v.charCodeAt(m) === 96) m++
      if (m - k === size) break
      k = m
    }
    // mdast keeps line endings and the indentation of continuation lines
    let value = v.slice(j, k)
    if (value.includes('\n')) {
      let line = this.lineOf(j)
      let out = ''
      let at = j
      for (let nl = v.indexOf('\n', j); nl !== -1 && nl < k; nl = v.indexOf('\n', nl + 1)) {
        line++
        out += v.slice(at, nl + 1) + this.p.src.slice(this.bases[line]!, this.sStarts[line]!)
        at = nl + 1
      }
      value = out + v.slice(at, k)
    }
    const raw = value
    if (raw.length > 2 && isPad(raw.charCodeAt(0)) && isPad(raw.charCodeAt(raw.length - 1)) && /[^ \n]/.test(raw)) {
      value = raw.slice(1, -1)
    }
    const it = item(K.Node, i, k + size)
    it.node = {type: 'inlineCode', value, position: this.pos(i, k + size)} as InlineCode
    this.append(it)
    return k + size
  }

  /** Autolink or inline HTML at i; returns the index after it, or i. */
  angle(i: number): number {
    const v = this.v
    const rest = v.slice(i, i + 4096)
    let m = AUTOLINK_URL.exec(rest)
    if (m) {
      const inner = m[0].slice(1, -1)
      if (/[\\&]/.test(inner)) bail('escape or reference in autolink')
      const it = item(K.Node, i, i + m[0].length)
      it.node = {type: 'link', title: null, url: inner, children: [{type: 'text', value: inner, position: this.pos(i + 1, i + m[0].length - 1)}], position: this.pos(i, i + m[0].length)} as Link
      this.append(it)
      return i + m[0].length
    }
    m = AUTOLINK_EMAIL.exec(rest)
    if (m) {
      const inner = m[0].slice(1, -1)
      const it = item(K.Node, i, i + m[0].length)
      it.node = {type: 'link', title: null, url: 'mailto:' + inner, children: [{type: 'text', value: inner, position: this.pos(i + 1, i + m[0].length - 1)}], position: this.pos(i, i + m[0].length)} as Link
      this.append(it)
      return i + m[0].length
    }
    const c = v.charCodeAt(i + 1)
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 33 || c === 63)) return i
    m = OPEN_TAG.exec(rest) ?? CLOSE_TAG.exec(rest)
    if (m) {
      if (m[0].includes('\n')) bail('inline HTML across lines')
      const it = item(K.Node, i, i + m[0].length)
      it.node = {type: 'html', value: m[0], position: this.pos(i, i + m[0].length)}
      this.append(it)
      return i + m[0].length
    }
    if (c === 33 || c === 63) bail('inline HTML comment, declaration or instruction')
    if (rest.length === 4096) bail('long tag')
    // a failed attempt ends the next line ending after the container prefix in micromark
    if (this.contained && this.vStarts.length > 1) bail('unmatched < in a paragraph inside a container')
    return i
  }

  /** `]` at i: a link, a reference, or text. Returns the index after what it consumed. */
  closeBracket(i: number): number {
    const opener = this.bracketTop
    const v = this.v
    if (!opener) {
      this.text(i, i + 1, ']')
      return i + 1
    }
    this.bracketTop = opener.prevB
    if (!opener.active) {
      this.text(i, i + 1, ']')
      this.toText(opener)
      return i + 1
    }
    // inline link
    let end = -1
    let url = ''
    let title: string | null = null
    let kind: 'link' | 'full' | 'collapsed' | 'shortcut' | undefined
    let label = ''
    if (v.charCodeAt(i + 1) === 40) {
      const r = this.resource(i + 1)
      if (!r && this.contained && this.vStarts.length > 1) bail('failed resource in a paragraph inside a container')
      if (r) {
        end = r.end
        url = r.url
        title = r.title
        kind = 'link'
      }
    }
    if (!kind && this.p.hasDefinitions) {
      const inner = v.slice(opener.e, i)
      if (/[\\\[\]]/.test(inner)) bail('label with brackets or escapes')
      if (v.charCodeAt(i + 1) === 91) {
        const close = v.indexOf(']', i + 2)
        const lbl = close === -1 ? '' : v.slice(i + 2, close)
        if (close !== -1 && /[\\\[]/.test(lbl)) bail('reference label with brackets or escapes')
        if (close !== -1 && lbl.length > 0 && /[^ \n]/.test(lbl)) {
          if (lbl.length > 999) bail('long label')
          if (this.p.definitions.has(normalizeLabel(lbl))) {
            kind = 'full'
            label = lbl
            end = close + 1
          } else if (inner.length <= 999 && /[^ \n]/.test(inner) && this.p.definitions.has(normalizeLabel(inner))) {
            bail('undefined full reference after a defined shortcut')
          }
        } else if (close === i + 2) {
          if (inner.length <= 999 && /[^ \n]/.test(inner) && this.p.definitions.has(normalizeLabel(inner))) {
            kind = 'collapsed'
            label = inner
            end = close + 1
          }
        }
      } else if (inner.length <= 999 && /[^ \n]/.test(inner) && this.p.definitions.has(normalizeLabel(inner))) {
        kind = 'shortcut'
        label = inner
        end = i + 1
      }
    }
    if (!kind) {
      this.toText(opener)
      this.text(i, i + 1, ']')
      return i + 1
    }
    // emphasis inside the link text first
    this.processEmphasis(opener.delimAtBracket)
    const children = this.children(opener.next, undefined)
    let node: Link | LinkReference
    if (kind === 'link') node = {type: 'link', title, url, children, position: this.pos(opener.s, end)}
    else node = {type: 'linkReference', children, position: this.pos(opener.s, end), label, identifier: normalizeLabel(label), referenceType: kind} as LinkReference
    // replace opener..tail with one node
    const it = item(K.Node, opener.s, end)
    it.node = node
    const before = opener.prev!
    before.next = undefined
    this.tail = before
    this.append(it)
    // no links inside links
    for (let b = this.bracketTop; b; b = b.prevB) b.active = false
    // delimiters inside the link are gone
    this.delimTop = opener.delimAtBracket
    if (this.delimTop) this.delimTop.nextD = undefined
    return end
  }

  toText(b: Item): void {
    b.k = K.Text
  }

  /** An inline link's `(destination "title")` at i (the `(`). */
  resource(i: number): {end: number; url: string; title: string | null} | undefined {
    const v = this.v
    let j = i + 1
    j = skipWs(v, j)
    if (j < 0) return undefined
    let url = ''
    const c = v.charCodeAt(j)
    if (c === 60) {
      const close = v.indexOf('>', j + 1)
      if (close === -1) return undefined
      url = v.slice(j + 1, close)
      if (/[<\n]/.test(url)) return undefined
      if (/[\\&]/.test(url)) bail('escape or reference in destination')
      j = close + 1
    } else if (c !== 41) {
      let depth = 0
      const start = j
      while (j < v.length) {
        const d = v.charCodeAt(j)
        if (d <= 32 || d === 127) break
        if (d === 92 || d === 38) bail('escape or reference in destination')
        if (d === 40) depth++
        else if (d === 41) {
          if (depth === 0) break
          depth--
        }
        j++
      }
      if (depth !== 0) return undefined
      if (j - start > 0 && depth > 32) bail('deep parens')
      url = v.slice(start, j)
    }
    const afterDest = j
    j = skipWs(v, j)
    if (j < 0) return undefined
    let title: string | null = null
    const t = v.charCodeAt(j)
    if ((t === 34 || t === 39 || t === 40) && j > afterDest) {
      const closeCh = t === 40 ? ')' : String.fromCharCode(t)
      const close = v.indexOf(closeCh, j + 1)
      if (close === -1) return undefined
      title = v.slice(j + 1, close)
      if (/[\\&]/.test(title)) bail('escape or reference in title')
      if (t === 40 && title.includes('(')) bail('paren in title')
      if (title.includes('\n\n')) return undefined
      j = skipWs(v, close + 1)
      if (j < 0) return undefined
    }
    if (v.charCodeAt(j) !== 41) return undefined
    if (title !== null && title.includes('\n')) bail('title across lines')
    return {end: j + 1, url, title}
  }

  processEmphasis(bottom: Item | undefined): void {
    const bottomIdx = bottom ? bottom.idx : 0
    let closer = bottom ? bottom.nextD : this.firstDelim()
    if (!closer) return
    // per closer kind (marker, can open, size mod 3): the index at or below which every opener is known to fail
    const floors = [bottomIdx, bottomIdx, bottomIdx, bottomIdx, bottomIdx, bottomIdx, bottomIdx, bottomIdx, bottomIdx, bottomIdx, bottomIdx, bottomIdx]
    while (closer) {
      if (!closer.canClose) {
        closer = closer.nextD
        continue
      }
      const key = (closer.ch === 42 ? 0 : 6) + (closer.canOpen ? 3 : 0) + (closer.n % 3)
      const floor = floors[key]!
      let opener = closer.prevD
      let found: Item | undefined
      while (opener && opener.idx > floor) {
        if (opener.ch === closer.ch && opener.canOpen) {
          const odd = (opener.canClose || closer.canOpen) && closer.n % 3 !== 0 && (opener.n + closer.n) % 3 === 0
          if (!odd) {
            found = opener
            break
          }
        }
        opener = opener.prevD
      }
      if (!found) {
        floors[key] = closer.prevD ? closer.prevD.idx : bottomIdx
        const next = closer.nextD
        if (!closer.canOpen) this.removeDelim(closer)
        closer = next
        continue
      }
      const use = found.n > 1 && closer.n > 1 ? 2 : 1
      // span: found's last `use` chars .. closer's first `use` chars
      const os = found.s + found.n - use
      const ce = closer.s + use
      const children = this.children(found.next, closer)
      const node = {type: use === 2 ? 'strong' : 'emphasis', children, position: this.pos(os, ce)} as PhrasingContent
      const span = item(K.Node, os, ce)
      span.node = node
      // delimiters between are gone
      for (let d = closer.prevD; d && d !== found; d = d.prevD) d.removed = true
      found.nextD = closer
      closer.prevD = found
      // link span into the list between found and closer
      found.next = span
      span.prev = found
      span.next = closer
      closer.prev = span
      found.n -= use
      found.e = found.s + found.n
      found.value = found.value.slice(0, found.n)
      closer.n -= use
      closer.s += use
      closer.value = closer.value.slice(use)
      // the opener's size changed: kinds that skipped it must look at it again
      for (let k = 0; k < floors.length; k++) if (floors[k]! >= found.idx) floors[k] = found.idx - 1
      if (found.n === 0) {
        this.removeDelim(found)
        this.unlink(found)
      }
      if (closer.n === 0) {
        const next = closer.nextD
        this.removeDelim(closer)
        this.unlink(closer)
        closer = next
      }
    }
  }

  firstDelim(): Item | undefined {
    let d = this.delimTop
    if (!d) return undefined
    while (d.prevD) d = d.prevD
    return d
  }

  unlink(it: Item): void {
    if (it.prev) it.prev.next = it.next
    if (it.next) it.next.prev = it.prev
    if (this.tail === it) this.tail = it.prev!
  }

  /** mdast children for the items from `from` up to (not including) `to`, merging adjacent text. */
  children(from: Item | undefined, to: Item | undefined): PhrasingContent[] {
    const out: PhrasingContent[] = []
    let textS = -1
    let textE = -1
    let textV = ''
    const flush = (): void => {
      if (textS < 0) return
      out.push({type: 'text', value: textV, position: this.pos(textS, textE)} as Text)
      textS = -1
      textV = ''
    }
    for (let it = from; it && it !== to; it = it.next) {
      if (it.k === K.Node) {
        flush()
        out.push(it.node!)
        continue
      }
      // text, unmatched delimiters and brackets
      if (it.e <= it.s && it.value === '') continue
      if (textS < 0) textS = it.s
      textE = it.e
      textV += it.k === K.Text ? it.value : it.value
    }
    flush()
    return out
  }
}

function isPad(c: number): boolean {
  return c === SPACE || c === LF
}

/** Skip spaces and at most one line ending; -1 when a blank line would be crossed. */
function skipWs(v: string, j: number): number {
  let lines = 0
  while (j < v.length) {
    const c = v.charCodeAt(j)
    if (c === SPACE) j++
    else if (c === LF) {
      if (++lines > 1) return -1
      j++
    } else break
  }
  return j
}

// what may start inline syntax or change a text's value: emphasis and code marks, escapes, brackets (links; `!` matters
// only before one), angle brackets (autolinks, HTML), character references, and spaces before a line ending (breaks)
const INLINE_SYNTAX = /[*_`\\[\]<&]| \n/

function inlineParse(p: Parser, into: PhrasingContent[], starts: number[], ends: number[], bases: number[], contained: boolean): void {
  // one line with none of it is one text node of the whole line, as the run below would make it (without its items)
  if (starts.length === 1) {
    const v = p.src.slice(starts[0]!, ends[0]!)
    if (!INLINE_SYNTAX.test(v)) {
      if (v.length > 0) into.push({type: 'text', value: v, position: p.pos(starts[0]!, ends[0]!)})
      return
    }
  }
  const inline = new Inline(p, starts, ends, bases, contained)
  const v = inline.v
  // and so is a text of several lines
  if (!INLINE_SYNTAX.test(v)) {
    if (v.length > 0) into.push({type: 'text', value: v, position: inline.pos(0, v.length)})
    return
  }
  for (const node of inline.run()) into.push(node)
}
