// Label-preserving rewrites: the same agreement in another shape a real author produces (headings, lists, tables, wording-neutral marks).
//
// Each rewrite returns the new text and, for every new line, the line of the original it came from (0 for a blank
// line it inserted), so findings on the rewritten text can be compared line for line with the original's.
import type {Heading, List, ListItem, Nodes, Paragraph, Root, Table} from 'mdast'
import {parseMarkdown} from '../src/parse.js'

export interface Reshaped {
  readonly text: string
  /** origin[i] = the 1-based line of the original that new line i + 1 came from; 0 for an inserted blank line. */
  readonly origin: readonly number[]
}

export interface Rewrite {
  readonly name: string
  /** What a reviewer sees: the shape written instead. */
  readonly description: string
  readonly apply: (text: string) => Reshaped
}

interface NewLine {
  readonly text: string
  readonly origin: number
}

/** Replace the original lines from..to (1-based, inclusive) with new lines. */
interface Edit {
  readonly from: number
  readonly to: number
  readonly lines: readonly NewLine[]
}

const blank = (): NewLine => ({text: '', origin: 0})
const isBlank = (s: string | undefined): boolean => s === undefined || s.trim() === ''

function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
}

function applyEdits(lines: readonly string[], edits: readonly Edit[]): Reshaped {
  const sorted = [...edits].sort((a, b) => a.from - b.from)
  const out: NewLine[] = []
  let next = 1
  for (const e of sorted) {
    if (e.from < next) continue // overlapping edits: keep the first
    for (; next < e.from; next++) out.push({text: lines[next - 1]!, origin: next})
    out.push(...e.lines)
    next = e.to + 1
  }
  for (; next <= lines.length; next++) out.push({text: lines[next - 1]!, origin: next})
  return {text: out.map((l) => l.text).join('\n'), origin: out.map((l) => l.origin)}
}

function identity(text: string): Reshaped {
  const lines = splitLines(text)
  return {text: lines.join('\n'), origin: lines.map((_, i) => i + 1)}
}

function parse(text: string): Root {
  return parseMarkdown(text, {parser: 'remark'})
}

const startLine = (n: Nodes): number => n.position?.start.line ?? 0
const endLine = (n: Nodes): number => n.position?.end.line ?? 0

// ---------------------------------------------------------------- headings

/** The text of a top-level heading as written in the source (inline marks kept, # and underline removed). */
function headingText(h: Heading, lines: readonly string[]): string {
  const first = lines[startLine(h) - 1] ?? ''
  if (/^ {0,3}#/.test(first)) return first.replace(/^ {0,3}#{1,6}[ \t]*/, '').replace(/[ \t]+#+[ \t]*$/, '').trim()
  return lines
    .slice(startLine(h) - 1, endLine(h) - 1)
    .map((l) => l.trim())
    .join(' ')
}

const NUMBER = /^((?:Section|Clause|Article|Schedule|Part|Appendix|Annex)\s+)?\d+(?:\.\d+)*\.?(?=\s)/i

function headingEdits(text: string, shape: (h: Heading, title: string, number: string) => string[] | undefined): Reshaped {
  const lines = splitLines(text)
  const tree = parse(text)
  const edits: Edit[] = []
  const counters = [0, 0, 0, 0, 0, 0, 0]
  for (const node of tree.children) {
    if (node.type !== 'heading') continue
    counters[node.depth]!++
    for (let d = node.depth + 1; d < counters.length; d++) counters[d] = 0
    const number = node.depth === 1 ? '' : counters.slice(2, node.depth + 1).map((n) => Math.max(n, 1)).join('.') + (node.depth === 2 ? '.' : '')
    const title = headingText(node, lines)
    if (!title) continue
    const shaped = shape(node, title, number)
    if (!shaped) continue
    const from = startLine(node)
    const to = endLine(node)
    const out: NewLine[] = []
    if (!isBlank(lines[from - 2]) && from > 1) out.push(blank())
    shaped.forEach((s) => out.push({text: s, origin: from}))
    if (!isBlank(lines[to]) && to < lines.length) out.push(blank())
    edits.push({from, to, lines: out})
  }
  return applyEdits(lines, edits)
}

const stripBold = (s: string): string => s.replace(/\*\*|__/g, '')

/** A heading line that Markdown would read as a list item if written bare: escape its marker. */
const escapeMarker = (s: string): string => s.replace(/^(\d+)([.)])(\s)/, '$1\\$2$3').replace(/^([-+*])(\s)/, '\\$1$2')

/** Upper-case the words of a heading, not link targets or inline code. */
function upper(s: string): string {
  return s.replace(/(`[^`]*`)|(\]\([^)]*\))|([^`\]]+|\])/g, (m, code: string | undefined, link: string | undefined) => (code || link ? m : m.toUpperCase()))
}

export const headingSetext: Rewrite = {
  name: 'heading-setext',
  description: 'ATX headings of level 1 and 2 written as setext headings (underlined with = or -)',
  apply: (text) =>
    headingEdits(text, (h, title) => {
      if (h.depth > 2 || !/^ {0,3}#/.test(splitLines(text)[startLine(h) - 1] ?? '')) return undefined
      const t = escapeMarker(title)
      return [t, (h.depth === 1 ? '=' : '-').repeat(Math.max(3, Math.min(t.length, 60)))]
    }),
}

export const headingBold: Rewrite = {
  name: 'heading-bold',
  description: 'every heading written as a bold line on its own ("**4. Response Times**")',
  apply: (text) => headingEdits(text, (_h, title) => [`**${stripBold(title).trim()}**`]),
}

export const headingCaps: Rewrite = {
  name: 'heading-caps',
  description: 'every heading written as a plain capital line ("4. RESPONSE TIMES")',
  apply: (text) => headingEdits(text, (_h, title) => [upper(stripBold(title)).trim()]),
}

export const headingWord: Rewrite = {
  name: 'heading-word',
  description: 'every heading written as a Word export\'s numbered paragraph ("4.2 Response Times"), numbered when it was not',
  apply: (text) =>
    headingEdits(text, (h, title, number) => {
      const t = stripBold(title).trim()
      return [h.depth === 1 || NUMBER.test(t) ? t : `${number} ${t}`]
    }),
}

// ---------------------------------------------------------------- lists

type ListStyle = 'dash' | 'star' | 'numbered' | 'lettered' | 'paragraphs' | 'flat'

const letter = (i: number): string => (i < 26 ? String.fromCharCode(97 + i) : letter(Math.floor(i / 26) - 1) + letter(i % 26))

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]
  let out = ''
  for (const [v, s] of table) for (; n >= v; n -= v) out += s
  return out
}

/** Whether a list can be rewritten from its items: paragraphs and nested lists only. */
function simpleList(list: List): boolean {
  return list.children.every((item) => item.children.every((c) => c.type === 'paragraph' || (c.type === 'list' && simpleList(c))))
}

/** The source lines of a paragraph, the first from where the paragraph starts, the rest without their indent. */
function paragraphLines(p: Paragraph, lines: readonly string[]): NewLine[] {
  const out: NewLine[] = []
  for (let l = startLine(p); l <= endLine(p); l++) {
    const src = lines[l - 1] ?? ''
    out.push({text: l === startLine(p) ? src.slice((p.position?.start.column ?? 1) - 1) : src.trimStart(), origin: l})
  }
  return out
}

function emitList(list: List, lines: readonly string[], style: ListStyle, depth: number, indent: string, out: NewLine[], top: List): void {
  const start = list.start ?? 1
  list.children.forEach((item: ListItem, i) => {
    const prev = list.children[i - 1]
    const gap = style === 'paragraphs' || (prev !== undefined && startLine(item) > endLine(prev) + 1)
    if (gap && out.length > 0) out.push(blank())
    let marker: string
    if (style === 'dash') marker = '-'
    else if (style === 'star') marker = /^\s*\*/.test(lines[startLine(top) - 1] ?? '') ? '-' : '*'
    else if (style === 'numbered') marker = `${(list.ordered ? start : 1) + i}.`
    else if (style === 'lettered') marker = depth % 2 === 0 ? `${letter(i)})` : `(${roman(i + 1)})`
    else if (style === 'flat') marker = top.ordered ? `${out.filter((l) => /^\d+\./.test(l.text)).length + (top.start ?? 1)}.` : '-'
    else marker = ''
    const markdownList = style === 'dash' || style === 'star' || style === 'numbered' || style === 'flat'
    const lead = markdownList ? indent : ''
    const cont = markdownList ? indent + ' '.repeat(marker.length + 1) : ''
    let first = true
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        const ps = paragraphLines(child, lines)
        if (!first) {
          out.push(blank())
          ps.forEach((p) => out.push({text: cont + p.text, origin: p.origin}))
        } else {
          ps.forEach((p, k) => out.push({text: k === 0 ? lead + (marker ? marker + ' ' : '') + p.text : cont + p.text, origin: p.origin}))
        }
        first = false
      } else if (child.type === 'list') {
        if (first) out.push({text: lead + marker, origin: startLine(item)})
        first = false
        const nested = style === 'flat' ? indent : cont
        emitList(child, lines, style, style === 'flat' ? depth : depth + 1, nested, out, top)
      }
    }
  })
}

function listRewrite(text: string, style: ListStyle): Reshaped {
  const lines = splitLines(text)
  const tree = parse(text)
  const edits: Edit[] = []
  for (const node of tree.children) {
    if (node.type !== 'list' || !simpleList(node)) continue
    if (style === 'flat' && !node.children.some((i) => i.children.some((c) => c.type === 'list'))) continue
    // "*" and "-" swap the marks of bullet lists; a numbered list stays numbered
    if (style === 'star' && node.ordered) continue
    // a numbered list of titles ("1. SERVICES" over its text, "1. **Fees**") is a row of numbered headings, not a list
    if (style === 'dash' && node.ordered && node.children.some((i) => i.children.length > 1 || /^(?:\*\*|__|[^a-z]*$)/.test(lines[startLine(i) - 1]!.replace(/^\s*\d+[.)]\s*/, '')))) continue
    const out: NewLine[] = []
    emitList(node, lines, style, 0, ' '.repeat((node.position?.start.column ?? 1) - 1), out, node)
    edits.push({from: startLine(node), to: endLine(node), lines: out})
  }
  return applyEdits(lines, edits)
}

export const listDash: Rewrite = {name: 'list-dash', description: 'every list item marked "-", numbered lists too (not a numbered row of titles)', apply: (t) => listRewrite(t, 'dash')}
export const listStar: Rewrite = {name: 'list-star', description: 'bullet lists marked "*" (or "-" where they were marked "*")', apply: (t) => listRewrite(t, 'star')}
export const listNumbered: Rewrite = {name: 'list-numbered', description: 'every list item numbered "1." "2." …', apply: (t) => listRewrite(t, 'numbered')}
export const listLettered: Rewrite = {
  name: 'list-lettered',
  description: 'list items as lettered lines "a)" "b)", nested ones "(i)" "(ii)", as typed in a plain editor',
  apply: (t) => listRewrite(t, 'lettered'),
}
export const listParagraphs: Rewrite = {
  name: 'list-paragraphs',
  description: 'each list item a paragraph of its own, without a marker',
  apply: (t) => listRewrite(t, 'paragraphs'),
}
export const listFlat: Rewrite = {name: 'list-flat', description: 'nested list items moved up to their parent list', apply: (t) => listRewrite(t, 'flat')}

// ---------------------------------------------------------------- tables

/** The cells of one GFM table row, as written (inline marks kept). */
export function rowCells(line: string): string[] {
  let s = line.trim()
  if (s.startsWith('|')) s = s.slice(1)
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1)
  return s.split(/(?<!\\)\|/).map((c) => c.trim())
}

function tableRewrite(text: string, row: (header: readonly string[], cells: readonly string[], table: Table) => string, html: boolean): Reshaped {
  const lines = splitLines(text)
  const tree = parse(text)
  const edits: Edit[] = []
  for (const node of tree.children) {
    if (node.type !== 'table') continue
    const from = startLine(node)
    const to = endLine(node)
    const header = rowCells(lines[from - 1] ?? '')
    const out: NewLine[] = []
    const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\\\|/g, '|')
    if (html) out.push({text: `<table><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`, origin: from})
    for (const r of node.children.slice(1)) {
      const l = startLine(r)
      const cells = rowCells(lines[l - 1] ?? '')
      out.push({text: html ? `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>` : row(header, cells, node), origin: l})
    }
    if (html) out.push({text: '</table>', origin: to})
    edits.push({from, to, lines: out})
  }
  return applyEdits(lines, edits)
}

const labelled = (h: string | undefined, c: string): string => (h && h.trim() ? `${stripBold(h).trim()}: ${c}` : c)

export const tableLines: Rewrite = {
  name: 'table-lines',
  description: 'each table row a line of "Label: value" pairs, the labels taken from the header ("Priority: P1; Response: 1 hour")',
  apply: (text) =>
    tableRewrite(
      text,
      (header, cells) =>
        cells
          .map((c, i) => (c ? labelled(header[i], c) : ''))
          .filter(Boolean)
          .join('; '),
      false,
    ),
}

export const tableList: Rewrite = {
  name: 'table-list',
  description: 'each table row a list item "**first cell** — Label: value; …"',
  apply: (text) =>
    tableRewrite(
      text,
      (header, cells) => {
        const rest = cells
          .slice(1)
          .map((c, i) => (c ? labelled(header[i + 1], c) : ''))
          .filter(Boolean)
          .join('; ')
        const head = stripBold(cells[0] ?? '').trim()
        return `- ${head ? `**${head}**` : ''}${rest ? (head ? ' — ' : '') + rest : ''}`
      },
      false,
    ),
}

export const tableHtml: Rewrite = {
  name: 'table-html',
  description: 'each GFM table written as a raw HTML <table>, a row per line',
  apply: (text) => tableRewrite(text, () => '', true),
}

// ---------------------------------------------------------------- wording-neutral marks

/** Lines that hold prose: not code, front matter, HTML blocks or table delimiter rows. */
function proseLines(tree: Root): Set<number> {
  const skip = new Set<number>()
  for (const node of tree.children) {
    if (node.type === 'code' || node.type === 'yaml' || node.type === 'html') for (let l = startLine(node); l <= endLine(node); l++) skip.add(l)
  }
  return skip
}

/** Rewrites the text of every prose line outside inline code and link targets. */
function inlineRewrite(text: string, change: (s: string) => string): Reshaped {
  const lines = splitLines(text)
  const skip = proseLines(parse(text))
  const edits: Edit[] = []
  lines.forEach((line, i) => {
    if (skip.has(i + 1)) return
    const next = line.replace(/(`[^`]*`)|(\]\([^)]*\))|(<[^>]*>)|([^`\]<]+|[\]<])/g, (m, code: string | undefined, link: string | undefined, tag: string | undefined) =>
      code || link || tag ? m : change(m),
    )
    if (next !== line) edits.push({from: i + 1, to: i + 1, lines: [{text: next, origin: i + 1}]})
  })
  return applyEdits(lines, edits)
}

export const quotes: Rewrite = {
  name: 'quotes',
  description: 'straight quotes and apostrophes made curly, or curly ones straight when the agreement uses them',
  apply: (text) => {
    if (/[“”‘’]/.test(text)) return inlineRewrite(text, (s) => s.replace(/[“”„]/g, '"').replace(/[‘’]/g, "'"))
    return inlineRewrite(text, (s) =>
      s
        .replace(/(^|[\s([{—–-])"/g, '$1“')
        .replace(/"/g, '”')
        .replace(/(^|[\s([{—–-])'(?=\w)/g, '$1‘')
        .replace(/'/g, '’'),
    )
  },
}

const DAY = '(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?'
const TIME = String.raw`\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.?m\.?)?`
const HYPHEN_RANGE = new RegExp(String.raw`(?<![\w\-/.:$£€])(${TIME}|${DAY})-(${TIME}|${DAY})(?![\w\-/]|[.:]\d)`, 'gi')
const DASH_RANGE = new RegExp(String.raw`(\d|[ap]\.?m\.?|\b${DAY})\s?–\s?(?=\d|${DAY}\b)`, 'gi')

export const dashes: Rewrite = {
  name: 'dashes',
  description: 'en dashes in ranges written as hyphens ("9–5" → "9-5"), or hyphen ranges as en dashes when there are none',
  apply: (text) => {
    const dashed = inlineRewrite(text, (s) => s.replace(DASH_RANGE, '$1-'))
    if (dashed.text !== identity(text).text) return dashed
    return inlineRewrite(text, (s) => s.replace(HYPHEN_RANGE, '$1–$2'))
  },
}

export const sectionClause: Rewrite = {
  name: 'section-clause',
  description: 'cross-references "Section 4" written "Clause 4" (and "Clause" as "Section")',
  apply: (text) =>
    inlineRewrite(text, (s) =>
      s.replace(/\b(Section|Clause|section|clause)(s?)(?=\s+\d)/g, (_m, w: string, pl: string) => {
        const swap = /^s/i.test(w) ? 'clause' : 'section'
        return (w[0] === w[0]!.toUpperCase() ? swap[0]!.toUpperCase() + swap.slice(1) : swap) + pl
      }),
    ),
}

export const sectionSign: Rewrite = {
  name: 'section-sign',
  description: 'cross-references "Section 4" and "Clause 4" written "§ 4" ("§§" for several)',
  apply: (text) => inlineRewrite(text, (s) => s.replace(/\b(?:Section|Clause)(s?)\s+(?=\d)/g, (_m, pl: string) => (pl ? '§§ ' : '§ '))),
}

// ---------------------------------------------------------------- hard line breaks

const WIDTH = 60
/** A word that would start a block or a list if it began a line. */
const BLOCK_START = /^(?:[-*+>#=|_]|\d+[.)]|\(?[a-z]{1,4}\)|\(\d+\))/i

/** Break one paragraph line into lines of at most WIDTH characters, at spaces outside inline code and link targets. */
export function wrapLine(line: string, indent: string): string[] {
  if (line.length <= WIDTH || /(?:\s{2}|\\)$/.test(line)) return [line]
  const out: string[] = []
  let rest = line
  let first = true
  while (rest.length > WIDTH) {
    let cut = -1
    let ticks = 0
    let paren = 0
    for (let i = 0; i < rest.length; i++) {
      const c = rest[i]
      if (c === '`') ticks++
      else if (c === '(' && rest[i - 1] === ']') paren++
      else if (c === ')' && paren > 0) paren--
      else if (c === ' ' && ticks % 2 === 0 && paren === 0 && i > indent.length + 10 && !BLOCK_START.test(rest.slice(i + 1))) {
        if (i <= WIDTH || cut < 0) cut = i
        if (i > WIDTH) break
      }
    }
    if (cut < 0) break
    out.push(rest.slice(0, cut).trimEnd())
    rest = indent + rest.slice(cut + 1).trimStart()
    first = false
  }
  if (!first || out.length === 0) out.push(rest)
  return out
}

export const hardBreaks: Rewrite = {
  name: 'hard-breaks',
  description: 'paragraph and list-item lines broken every 60 characters or so, as pasted from a PDF',
  apply: (text) => {
    const lines = splitLines(text)
    const tree = parse(text)
    const edits: Edit[] = []
    const visit = (node: Nodes, inList: boolean): void => {
      if (node.type === 'paragraph') {
        for (let l = startLine(node); l <= endLine(node); l++) {
          const src = lines[l - 1] ?? ''
          const indent = inList ? ' '.repeat(l === startLine(node) ? (node.position?.start.column ?? 1) - 1 : src.length - src.trimStart().length) : ''
          const wrapped = wrapLine(src, indent)
          if (wrapped.length > 1) edits.push({from: l, to: l, lines: wrapped.map((w) => ({text: w, origin: l}))})
        }
        return
      }
      if (node.type === 'list' || node.type === 'listItem') for (const c of node.children) visit(c, true)
    }
    for (const node of tree.children) visit(node, false)
    return applyEdits(lines, edits)
  },
}

/** Every rewrite the metamorphic check runs, in the order its table prints them. */
export const REWRITES: readonly Rewrite[] = [
  headingSetext,
  headingBold,
  headingCaps,
  headingWord,
  listDash,
  listStar,
  listNumbered,
  listLettered,
  listParagraphs,
  listFlat,
  tableLines,
  tableList,
  tableHtml,
  hardBreaks,
  quotes,
  dashes,
  sectionClause,
  sectionSign,
]
