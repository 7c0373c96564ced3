// What readings may keep across documents: answers that depend on a text alone (the typed values of a sentence, the
// key of a term). Agreements repeat their boilerplate, so a run over many files, or an editor re-linting after each
// edit, reads most sentences again. No module keeps such a cache: the caller that lints many documents (a command-line
// run, a worker thread, the language server, a comparison) owns one TextCache and passes it to every read(doc).
import {termKey} from './definitions.js'
import {DelegationMatches} from './delegation.js'
import type {Party} from './parties.js'
import {TitleRoles} from './reach.js'
import {expandTitle} from './terse.js'
import {lazyValues, type Values} from './values/index.js'
import type {Block, BlockKind} from '../types.js'

/**
 * Texts kept at most, per kind of answer, between documents: a kind past its bound starts again empty when the next
 * document's reading starts (see startDocument), so memory stays bounded on huge runs. Never while a document is read:
 * emptied in the middle of one, a cache smaller than the document's own texts has every later pass over the document
 * (each rule's) compute its answers again.
 */
const MAX_VALUE_TEXTS = 20_000
const MAX_TERM_KEYS = 50_000
const MAX_BLOCK_TEXTS = 20_000
const MAX_KINDS = 20_000
/** Files whose last columns of block readings are kept (see TextCache.columns): an editor's open documents. */
const MAX_COLUMN_FILES = 8
/** Columns kept at most per file. */
const MAX_COLUMNS = 2_000

export interface TextCacheOptions {
  /**
   * Keep the readings of each block's text (its term hits, which clause topics its sentences name) for the next lint:
   * for a caller that lints one document again and again (an editor after each edit), where all blocks but the edited
   * one come back unchanged. A run over many different files gains little from it and does not ask for it.
   */
  readonly blocks?: boolean
  /** Texts kept at most per kind of answer between documents, for every kind (default: 20,000 or 50,000 by kind). */
  readonly limit?: number
}

export class TextCache {
  private readonly valueMap = new Map<string, Values>()
  private readonly keyMap = new Map<string, string>()
  private readonly blockMap = new Map<string, Map<unknown, unknown>>()
  private readonly kinds = new Map<string, object>()
  private readonly delegations = new Map<string, DelegationMatches>()
  private readonly titles = new Map<string, string>()
  private readonly digests = new Map<string, {readonly digest: string; readonly token: object}>()
  /** Titles read in the parties' roles without names (pronouns and role words alone): they depend on the title alone. */
  readonly plainRoles = new TitleRoles()
  private namedRoles: {readonly key: string; readonly roles: TitleRoles} | undefined
  // by the reader object, which may be dropped (a custom rule of a config read again): its answers go with it
  private readonly titles_ = new WeakMap<object, {readonly names: string; readonly answers: Map<string, boolean>}>()
  /** Whether block readings are kept (see TextCacheOptions.blocks). */
  readonly keepsBlocks: boolean
  /** How many block readings were computed rather than found kept, over this cache's life (tests count re-reading). */
  blockReadings = 0
  /** How many judges' verdicts were taken as kept, their questions answered as before (see keptJudgement), over this cache's life. */
  keptVerdicts = 0
  // by file: the last column of each kind of block reading (see columns)
  private readonly columnSets = new Map<string, FileColumns>()

  private readonly limit: number | undefined

  constructor(options: TextCacheOptions = {}) {
    this.keepsBlocks = options.blocks === true
    this.limit = options.limit
  }

  /**
   * A document's reading starts (read(doc, cache) calls this): each kind of answer kept past its bound starts again
   * empty, here between documents and not while one is read (see MAX_VALUE_TEXTS). A 10 MB agreement asks the typed
   * values of ~37,000 texts; kept at most 20,000 within it, the rules after the cache emptied read the values again.
   */
  startDocument(): void {
    const limit = (max: number): number => this.limit ?? max
    const over = (map: {readonly size: number; clear(): void}, max: number): void => {
      if (map.size > limit(max)) map.clear()
    }
    over(this.valueMap, MAX_VALUE_TEXTS)
    over(this.delegations, MAX_VALUE_TEXTS)
    over(this.keyMap, MAX_TERM_KEYS)
    over(this.titles, MAX_TERM_KEYS)
    this.plainRoles.trim(limit(MAX_TERM_KEYS))
    this.namedRoles?.roles.trim(limit(MAX_TERM_KEYS))
    over(this.blockMap, MAX_BLOCK_TEXTS)
    // the block readings are kept by kind object: new kinds leave the old entries unreachable, so both start again
    if (this.kinds.size > limit(MAX_KINDS)) {
      this.kinds.clear()
      this.blockMap.clear()
      this.columnSets.clear()
    }
  }

  /** One object per distinct name of a kind of block reading (a long name is then compared once, not per block). */
  kind(name: string): object {
    let k = this.kinds.get(name)
    // names that say what a reading depends on besides the text (a table row's cells) grow with the edits (bounded by
    // startDocument)
    if (!k) this.kinds.set(name, (k = {name}))
    return k
  }

  /**
   * One object per owner (a function, a pattern) and name, for a kind of block reading that the owner makes and that
   * depends on what `name` says besides the text (the parties' names): dropped with the owner.
   */
  kindOf(owner: object, name: string): object {
    let named = this.owned.get(owner)
    if (!named) this.owned.set(owner, (named = new Map()))
    let k = named.get(name)
    if (!k) {
      // one per owner is enough: an editor reads one agreement by one set of names at a time
      named.clear()
      named.set(name, (k = {name}))
    }
    return k
  }
  private readonly owned = new WeakMap<object, Map<string, object>>()

  /**
   * A token for the document-wide inputs (`digest`) of a kind of block reading (`name`): the same object while the
   * digest stays the same, a new one when it changes (only the latest is kept per name). A reading kept with
   * `Reading.blockReadingWith` is made again when its token is not the one it was made with.
   */
  inputs(name: string, digest: string): object {
    const last = this.digests.get(name)
    if (last && last.digest === digest) return last.token
    const token = {name}
    this.digests.set(name, {digest, token})
    return token
  }

  /**
   * What `owner` read of the inputs whose token is `token` (see inputs): kept while the token is the latest of its name
   * (an older token, and what was kept with it, is let go), made by `make` on first use.
   */
  byInputs<T>(token: object, owner: object, make: () => T): T {
    let kept = this.byToken.get(token)
    if (!kept) this.byToken.set(token, (kept = new WeakMap()))
    if (kept.has(owner)) return kept.get(owner) as T
    const value = make()
    kept.set(owner, value)
    return value
  }
  private readonly byToken = new WeakMap<object, WeakMap<object, unknown>>()

  /**
   * The readings kept for a block's text, by kind of reading (a key the reader owns: a pattern, a term list's
   * signature); each depends on the text alone. Undefined when this cache keeps no block readings.
   */
  blockEntry(text: string): Map<unknown, unknown> | undefined {
    if (!this.keepsBlocks) return undefined
    let entry = this.blockMap.get(text)
    if (!entry) this.blockMap.set(text, (entry = new Map()))
    return entry
  }

  /**
   * Blocks a document may have for its readings to be kept by place (see Reading.placeColumn): as many as block texts
   * are kept, beyond which a document's readings are looked up by text alone.
   */
  get placesKept(): number {
    return this.limit ?? MAX_BLOCK_TEXTS
  }

  /**
   * What the last lints of the file `file` read by place (see Reading.blockColumn and Reading.placeColumn): kept for the
   * files linted last, when this cache keeps block readings.
   */
  columns(file: string): FileColumns {
    let set = this.columnSets.get(file)
    // (kinds whose names changed, the parties' names, leave their columns behind: a file's start again past a bound)
    if (set && set.columns.size > MAX_COLUMNS) set.columns.clear()
    if (set && set.flags.size > MAX_COLUMNS) set.flags.clear()
    if (set) {
      // the file linted last is kept longest
      if (this.columnSets.size > 1) {
        this.columnSets.delete(file)
        this.columnSets.set(file, set)
      }
      return set
    }
    this.columnSets.set(file, (set = {columns: new Map(), flags: new Map(), lint: 0, texts: undefined, kinds: undefined}))
    if (this.columnSets.size > MAX_COLUMN_FILES) this.columnSets.delete(this.columnSets.keys().next().value!)
    return set
  }

  /** The typed values of a text, each kind extracted on first use and kept for the next document that has the text. */
  values(text: string): Values {
    let v = this.valueMap.get(text)
    if (!v) {
      v = lazyValues(text)
      this.valueMap.set(text, v)
    }
    return v
  }

  /** What the patterns of delegation find in a text ("as set out in the Order Form"), each looked for once per text. */
  delegationMatches(text: string): DelegationMatches {
    let d = this.delegations.get(text)
    if (!d) {
      d = new DelegationMatches(text)
      this.delegations.set(text, d)
    }
    return d
  }

  /** A title with its terse forms in full ("Hrs & resp." → "Hours & response"), once per title. */
  expandTitle(title: string): string {
    let v = this.titles.get(title)
    if (v === undefined) this.titles.set(title, (v = expandTitle(title)))
    return v
  }

  /**
   * Titles read in the parties' roles by the given names (`key`: a digest of them), kept for the latest names: an
   * editor re-linting a document reads its titles by the same names each time.
   */
  roles(key: string, names: ReadonlyMap<string, Party>): TitleRoles {
    if (this.namedRoles?.key !== key) this.namedRoles = {key, roles: new TitleRoles(names)}
    return this.namedRoles.roles
  }

  /**
   * Answers about titles of one reader of titles (`owner`, e.g. a clause's compiled patterns), each depending on the
   * title and on the party names the reader reads by (`names`: a digest of them, '' for a reader that reads none):
   * kept for the latest names only.
   */
  titleAnswers(owner: object, names: string): Map<string, boolean> {
    let kept = this.titles_.get(owner)
    if (kept?.names !== names) this.titles_.set(owner, (kept = {names, answers: new Map()}))
    else if (kept.answers.size > (this.limit ?? MAX_TERM_KEYS)) kept.answers.clear()
    return kept.answers
  }

  /** The key of a term (lower case, no quotes, singular), once per distinct term. */
  termKey(term: string): string {
    let key = this.keyMap.get(term)
    if (key === undefined) {
      key = termKey(term)
      this.keyMap.set(term, key)
    }
    return key
  }
}

/** What the lints of one file read by place: the columns by kind, and the blocks of the last lint that placed them. */
export interface FileColumns {
  readonly columns: Map<unknown, Column | PlacedColumn | ValuesByPlace | ItemsColumn>
  /** Flags of a kind by place (see Reading.placeFlags), as the lint `lint` of the file placed the blocks. */
  readonly flags: Map<object, {readonly lint: number; readonly flags: Uint8Array}>
  /** How many lints have placed the file's blocks (see Reading.placeColumn). */
  lint: number
  /** The texts and kinds of the blocks of the last lint that placed them. */
  texts: readonly string[] | undefined
  kinds: readonly BlockKind[] | undefined
  /** The party names the last lint read, with what they were read from (see Reading.keptParties). */
  parties?: KeptParties
}

/** The party names a lint of a file read, and what they were read from (see Reading.keptParties). */
export interface KeptParties {
  readonly lint: number
  readonly names: Map<string, Party>
  readonly read: {readonly opening: number; readonly whole: boolean; readonly subjects: boolean}
  /** The titles the names may have been read from (see titlesRead). */
  readonly titles: readonly string[]
  readonly front: string
  /** How many blocks each pass over the whole text may read (see partyNamesAsks). */
  readonly asked: readonly number[]
  readonly blocks: number
}

/** A reading of one kind by the place of the block read (see Reading.placeColumn): the text and kind read, and the reading. */
export interface Placed {
  readonly text: string
  readonly kind: BlockKind
  /** What else the reading read (see Reading.blockReadingIn), if anything. */
  readonly context: string | undefined
  readonly value: unknown
}

/** One kind of block reading by place, as the lint `lint` of its file placed the blocks. */
export interface PlacedColumn {
  readonly lint: number
  readonly slots: Array<Placed | undefined>
}

/** One kind of reading of the items of a list, in order, as the last lint of the file read them (see Reading.keptAlong). */
export interface ItemsColumn {
  readonly items: readonly unknown[]
  readonly values: readonly unknown[]
}

/** One kind of block reading of the document's blocks, by place, as the lint `lint` of its file placed them (see Reading.blockColumn). */
export interface ValuesByPlace {
  readonly lint: number
  readonly placed: readonly unknown[]
  /** The test of the blocks read (see Reading.blockColumn), undefined for every block. */
  readonly only: ((block: Block) => boolean) | undefined
}

/** One kind of block reading of a list of blocks, in order: the blocks' texts and the readings (see Reading.blockColumn). */
export interface Column {
  readonly texts: readonly string[]
  readonly kinds: readonly BlockKind[]
  readonly values: readonly unknown[]
  /** The test of the blocks read (see Reading.blockColumn), undefined for every block. */
  readonly only: ((block: Block) => boolean) | undefined
}
