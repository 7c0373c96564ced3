// Public types shared by the engine, the rules and the reporters.
import type {Root} from 'mdast'

/** 1-based line and column, 0-based offset into the source (unist style). */
export interface Point {
  readonly line: number
  readonly column: number
  readonly offset: number
}

export interface Position {
  readonly start: Point
  readonly end: Point
}

export type Severity = 'error' | 'warning' | 'info'
export type SeveritySetting = Severity | 'off'

/** What a clause rule decided about its clause. */
export type Outcome = 'present' | 'vague' | 'missing' | 'delegated'

/** How a section was marked in the source. */
/** The file a section or block comes from (a document set spans several). */
export interface SourceFile {
  readonly path: string
  positionAt(offset: number): Point
}

/** `line`: a line of capitals on its own, numbered or not ("8. FEES", "SUPPORT HOURS"), as plain-text agreements write headings. */
export type SectionKind = 'root' | 'heading' | 'bold' | 'list-item' | 'tab' | 'numbered' | 'line'

/** A clause of the agreement: a heading or heading-like marker and everything under it. */
export interface Section {
  readonly id: number
  readonly kind: SectionKind
  /** Title without its clause number or trailing punctuation. */
  readonly title: string
  /** Clause number as written ("4.2", "5"), if any. */
  readonly number: string | undefined
  /** Nesting depth in the tree: 0 for the root. */
  readonly depth: number
  /** Titles from the top-level section down to this one (the root is not included). */
  readonly path: readonly string[]
  /** From the start of the marker to the end of the last block in the subtree. */
  position: Position
  /** Where the marker (heading, bold title) itself is. */
  readonly headingPosition: Position
  /** Blocks directly in this section (not in child sections). */
  readonly blocks: Block[]
  readonly children: Section[]
  readonly parent: Section | undefined
  readonly file: SourceFile
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'html'

/** A unit of prose with its plain text and a map back to source offsets. */
export interface Block {
  readonly kind: BlockKind
  readonly text: string
  readonly position: Position
  readonly section: Section
  /** For table rows: the header cells of the table, aligned with `cells`. */
  readonly header?: readonly string[]
  readonly cells?: readonly string[]
  /** Text ranges that name a variable filled in another document (cover page, order form). */
  readonly variables: readonly TextRange[]
  /** Sorted map from text offsets to source offsets. */
  readonly segments: readonly Segment[]
  /** Sentences of `text`, computed once. */
  readonly sentences: readonly Sentence[]
  readonly file: SourceFile
  /**
   * In a chat: the sender of the message the block belongs to, as the chat names them ("Tom Berger (Brightwave)"). The
   * message's time and sender are not part of `text`.
   */
  readonly sender?: string
  /**
   * For the first block after a list item's bold title ("3. **We never lose your data.** Backups run …"), which titles
   * the item's section: the title as a block of its own, not among the document's blocks, so that the rules that read
   * wording read it as words of the item (a title block's own `title` is a title before it with no text between them).
   */
  readonly title?: Block
}

export interface TextRange {
  readonly start: number
  readonly end: number
  readonly kind: string
}

export interface Segment {
  readonly textStart: number
  readonly sourceStart: number
  readonly length: number
}

export interface Sentence {
  readonly block: Block
  readonly index: number
  readonly start: number
  readonly end: number
  readonly text: string
}

/** A defined term with the text of its definition. */
export interface Definition {
  readonly term: string
  readonly text: string
  readonly block: Block
}

/**
 * A node of the tree that a reading asks about after the document is built: a bold run or a link (the defined terms),
 * or HTML that may hold a suppression comment (its text names `clauselint-`).
 */
export interface TreeMark {
  readonly type: 'strong' | 'link' | 'html'
  /** The node's text (mdast-util-to-string's: a bold run's or link's words, an HTML node's value). */
  readonly text: string
  /** The value of the sibling before it and after it, where that sibling has one ('' otherwise). */
  readonly before: string
  readonly after: string
  /** Where the node starts in the source, when the node has a position. */
  readonly offset: number | undefined
}

/** The parsed agreement, built once and shared by every rule. */
export interface Document {
  readonly filePath: string
  readonly source: string
  /**
   * The mdast tree. A lint does not keep it once the document is built (it is ~40% of a built document's memory):
   * the first read of it after that parses the source again, and the document keeps that tree.
   */
  readonly tree: Root
  /** The bold runs, links and suppression-comment HTML of the tree, in document order (see TreeMark). */
  readonly marks: readonly TreeMark[]
  readonly frontmatter: Readonly<Record<string, unknown>>
  /** Why the front matter could not be read (invalid YAML), when it could not; linting reports it as a config error. */
  readonly frontmatterError?: string
  readonly root: Section
  readonly sections: readonly Section[]
  readonly blocks: readonly Block[]
  /** The document title (first heading), if any. */
  readonly title: Section | undefined
  positionAt(offset: number): Point
  /** The other members of a document set (schedules in separate files), when this document heads one. */
  readonly set?: readonly Document[]
}

export interface LintMessage {
  ruleId: string
  severity: Severity
  message: string
  messageId: string
  line: number
  column: number
  endLine: number
  endColumn: number
  sectionPath: readonly string[]
  outcome?: Outcome
  /**
   * A house-standard finding on a clause the agreement states (a P1 response slower than the configured maximum):
   * the clause is present, and this says it misses the house's position. Its outcome is `present`.
   */
  policy?: true
  /** Quoted document text the finding is about, when there is one. */
  evidence?: string
  /** Set when the finding points into another member of a document set. */
  filePath?: string
  url?: string
  /** For a Word (.docx) file: the paragraph the finding is on (`line` is then this paragraph's ordinal). */
  docx?: WordLocation
}

/** A paragraph of a Word document, as findings name it: `msa.docx ¶9 (2.2, Service Levels)`. */
export interface WordLocation {
  /** 1-based ordinal of the paragraph among all paragraphs (`w:p`) of the document, tables and text boxes included. */
  readonly paragraph: number
  /** Word's own paragraph id (`w14:paraId`), when the file has one. */
  readonly paraId?: string
  /** The clause number the paragraph has or falls under, as Word shows it ("2.2", "(a)"). */
  readonly number?: string
  /** The heading the paragraph falls under, without its number. */
  readonly heading?: string
}

/** What a clause rule found: the outcome and where. */
export interface ClauseCoverage {
  ruleId: string
  outcome: Outcome
  sectionPath: readonly string[]
  line: number
  evidence?: string
  /** With a playbook (rule option): the worst tier the clause's values land in (`preferred`, `fallback`, `walkAway`, `beyond`). */
  tier?: string
  /** With a playbook: each value and its tier ("P1 response time 2 hours: fallback (approver: @msp/legal)"). */
  tiers?: readonly string[]
}

export interface LintResult {
  filePath: string
  messages: LintMessage[]
  errorCount: number
  warningCount: number
  infoCount: number
  coverage: ClauseCoverage[]
  /** Set when the file could not be linted at all. */
  fatal?: boolean
  /** The profile applied, and why (when it was chosen automatically). */
  profile?: {name: string; reason: string}
  /** Findings silenced by `clauselint-disable…` comments, with the comment's reason (for SARIF `suppressions`). */
  suppressed?: SuppressedMessage[]
  /** The file's text with the fixes applied, when `--fix` or `--fix-dry-run` changed it (ESLint's `output`). */
  output?: string
}

/** A finding silenced by a suppression comment, or held by a baseline file (`--baseline`). */
export interface SuppressedMessage extends LintMessage {
  suppression: {
    kind: 'directive' | 'baseline'
    /** The comment's reason (after ` -- `), if it has one; for a baseline, which file holds it. */
    justification?: string
    /** Where the comment is (for a baseline, the finding itself). */
    line: number
    column: number
  }
}
