// no-empty-sections: a heading with nothing under it, or a "the following:" that introduces nothing.
import type {Rule, RuleContext} from '../src/rule.js'
import type {Block, Document, Section} from '../src/types.js'

// "… will provide the following:", "… are as follows:", "… include:" at the very end of a block
const LEAD_IN = /\b(?:(?:the|these|as)\s+follows?(?:ing)?|the following(?:\s+[a-z]+){0,3})\s*:\s*$/i

/** Does the section or any section below it hold prose? */
function hasContent(section: Section): boolean {
  return section.blocks.some((b) => b.kind !== 'heading') || section.children.some(hasContent)
}

/**
 * Is there anything visible in the source between the section's marker and the next section?
 * Code blocks, images and thematic breaks carry no block of prose but are still content (a diagram, a sample).
 */
function hasSourceContent(source: string, section: Section, next: Section | undefined): boolean {
  const from = section.headingPosition.end.offset
  const to = next ? next.headingPosition.start.offset : source.length
  const between = source
    .slice(from, to)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    // the opening of the next clause's HTML title ("1. <span class="header_3">Uptime") belongs to that clause
    .replace(/<span\b[^>]*>[^<]*$/i, '')
    // markers of an empty list item or of the next bold/list title, thematic breaks, stray emphasis
    .replace(/^[ \t>]*(?:[-*+]|\d{1,3}[.)])?[ \t]*$/gm, '')
    .replace(/^[ \t]*(?:[-*_=][ \t]*){3,}$/gm, '')
    .replace(/[*_#:.\s|]+/g, '')
  // An empty next list item or heading leaves only its own markers; anything else (text, an image, code) is content.
  return /[^\s]/.test(between) && /!\[|```|~~~|^ {4}\S|[A-Za-z0-9]/m.test(between)
}

export default {
  meta: {
    id: 'no-empty-sections',
    description: 'Flags headings with nothing under them before the next heading, and "the following:" lead-ins with no list after them',
    category: 'integrity',
    severity: 'warning',
    messages: {
      emptySection: 'Empty section "{title}"; add its content or remove the heading',
      emptyList: 'Nothing follows "{text}"; add the items it introduces or remove the lead-in',
    },
  },
  check(context) {
    const {doc} = context
    // each file of a document set is read on its own: offsets are per file
    for (const file of [doc, ...(doc.set ?? [])]) checkSections(context, file)
    for (let i = 0; i < doc.blocks.length; i++) {
      const block = doc.blocks[i]!
      if (block.kind === 'heading' || block.kind === 'table-row') continue
      const m = LEAD_IN.exec(block.text.trimEnd())
      if (!m) continue
      if (introducesSomething(block, doc.blocks[i + 1])) continue
      // "the parties agree as follows:" in the preamble introduces the whole agreement
      const preamble = block.section.kind === 'root' || block.section === doc.title || block.section.path.some((p) => /^(?:preamble|recitals?|background)\b/i.test(p))
      if ((preamble || /\bagree(?:s|d)?\s+as\s+follows/i.test(block.text.slice(Math.max(0, m.index - 20)))) && i + 1 < doc.blocks.length) continue
      const start = m.index + m[0].search(/\S/)
      context.report({messageId: 'emptyList', block, start, end: start + m[0].trim().length, data: {text: m[0].trim()}})
    }
  },
} satisfies Rule<'emptySection' | 'emptyList'>

/** Report the empty sections of one file. */
function checkSections(context: RuleContext<'emptySection' | 'emptyList'>, file: Document): void {
  const order = file.sections.filter((s) => s.kind !== 'root' && s.file.path === file.filePath).sort((a, b) => a.headingPosition.start.offset - b.headingPosition.start.offset)
  order.forEach((section, i) => {
    if (section.children.length > 0 || hasContent(section)) return
    // "**Disclaimer. Information is provided AS IS.**", "5.1<TAB>The help desk operates during Business Hours.": the clause is its own title
    if (isSentence(section.title)) return
    // a list of bold names ("1. **Firewall**") is a list, not a run of empty clauses: only flag a titled item whose siblings have text
    if (section.kind === 'list-item') {
      const siblings = section.parent?.children.filter((c) => c.kind === 'list-item') ?? []
      if (siblings.filter((c) => hasContent(c)).length * 2 <= siblings.length) return
    }
    if (hasSourceContent(file.source, section, order[i + 1])) return
    const title = section.title || section.number || ''
    context.report({messageId: 'emptySection', section, data: {title}})
  })
}

/** Is a title really a sentence: two sentences in one, or mostly lower-case words? */
function isSentence(title: string): boolean {
  if (/[a-z)”"]\.\s+\S/.test(title)) return true
  const words = title.split(/\s+/).filter((w) => /^[A-Za-z]{4,}/.test(w))
  return words.length >= 4 && words.filter((w) => /^[a-z]/.test(w)).length * 2 > words.length
}

/** Is the next block part of what the lead-in introduces: in the same section, or in a section below it? */
function introducesSomething(block: Block, next: Block | undefined): boolean {
  if (!next) return false
  for (let s: Section | undefined = next.section; s; s = s.parent) if (s === block.section) return true
  return false
}
