// --cache: results of unchanged files, kept between runs.
//
// The cache file is a compact index followed by the results of every entry, each as the JSON it was written as, and
// the report texts last made of them (one per report kind, the two most recent):
//
//   <sha-256 of the index line, hex>\n
//   {"clauselintCache":2,"entries":{"<absolute path>":{size, mtimeMs, ctimeMs, ino, hash, includes, key, at, length,
//     crc, totals, views: [{key, at, length, crc}, …]}}}\n
//   <results JSON of entry 1><report texts of entry 1><results JSON of entry 2>…
//
// Each piece after the index carries the CRC-32 of its bytes (`crc`), checked when the piece is used: the index line
// is covered by the sha-256 before it, so a piece's checksum need only tell damaged or edited bytes from the ones it was
// made of (a warm run checks every byte it prints, 20 MB for a JSON report of 1,000 agreements, and a sha-256 of them
// was ~10% of that run's CPU).
// A warm run stats each file: when size, modification time, change time and inode are those of the index, the
// recorded content hash is taken without reading the file (otherwise the file is read and hashed). An entry is used
// when its key, computed by this run from the file's content hash, the settings that apply (rule options, profile, the
// content of every custom rule), the members of its document set and the tool version, is the recorded one; only then
// are its results parsed, or, when the run's report is one whose text per file was kept, that text used as it is (the
// results are then not parsed at all); nothing else is. A file whose first line is not the hash of
// the index, a piece whose bytes are not its `crc`, or an entry of any other shape, is not used (a miss, never an
// error). An unchanged cache is not written again.
//
// The hash holds no secret: it detects a damaged or hand-edited cache, not one forged by someone who runs the same
// code. Keep the cache where the repository under test cannot put one (see the README's "Security").
import {crc32, crypto} from './deps.js'
import {closeSync, existsSync, fstatSync, openSync, readSync, type Stats} from 'node:fs'
import {makeFolder} from './make-folder.js'
import {lstat, readlink, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import type {Settings} from './config.js'
import {customRuleDigest} from './custom-rule-digest.js'
import {OutputError, writeFileAtomic} from './output.js'
import {addTotals, noTotals, type Totals} from './reporters/stylish.js'
import type {LintResult} from './types.js'

/** The default cache file name (in the current folder, or inside a --cache-location that is a folder). */
export const CACHE_FILE = '.clauselintcache'

/**
 * The cache file's format: 3 since pieces carry a CRC-32 and JSON report pieces end with the separator that follows
 * them in the report; 4 since JSON messages carry their rule's documentation `url` (a cache of another format is a
 * miss, and is written again, so an older cache never serves a report without it).
 */
export const CACHE_VERSION = 4

/** A cache location that cannot be used (a symbolic link out of the repository, an input file, a folder that cannot be made). */
export class CacheError extends Error {}

const sha256 = (text: string | Buffer): string => crypto().createHash('sha256').update(text).digest('hex')

/** What the index records of one file. */
interface Entry {
  readonly size: number
  readonly mtimeMs: number
  readonly ctimeMs: number
  readonly ino: number
  /** sha-256 of the file's text. */
  readonly hash: string
  /** The document-set members its front matter declares (absolute paths). */
  readonly includes: readonly string[]
  /** The key its results were made under ('' when only the file's text is known, e.g. a member of a set). */
  readonly key: string
  /** The results as JSON, when there are results (read from the file when first asked for). */
  readonly json?: Piece
  /** What the results count (for the summary line and the exit code), when there are results. */
  readonly totals?: Totals
  /** The results as reports show them (`key` names the report: format, colour, paths as shown), most recent first. */
  readonly views?: ReadonlyArray<{readonly key: string; readonly text: Piece}>
}

/** Report texts kept per entry: a terminal's stylish report and a CI's JSON report, say, without rewriting each other. */
const MAX_VIEWS = 2

/**
 * The pieces after the index, read from the cache file only when used (a warm run reads the report texts it prints, not
 * the results it does not parse). The file stays open from load until the report is written, so a cache replaced
 * meanwhile by another run is not mixed in; it is closed by ResultCache.close() (or when the cache is dropped).
 */
export class Blob {
  private static readonly closer = new FinalizationRegistry<{fd: number | undefined}>((held) => {
    if (held.fd !== undefined) closeQuietly(held.fd)
  })

  private readonly held: {fd: number | undefined}

  constructor(
    fd: number,
    private readonly start: number,
    readonly length: number,
  ) {
    this.held = {fd}
    Blob.closer.register(this, this.held)
  }

  /**
   * The bytes at `at` (from the start of the pieces), or undefined when they cannot be read. They lie in a buffer this
   * blob reads into again (see holds()): valid until the next read that does not find its bytes there, so a caller
   * that keeps them copies them.
   */
  read(at: number, length: number): Buffer | undefined {
    if (this.held.fd === undefined || at + length > this.length) return undefined
    const w = this.window
    if (w && at >= w.at && at + length <= w.at + w.length) return w.bytes.subarray(at - w.at, at - w.at + length)
    try {
      // read ahead: the report pieces a warm run prints lie one after another (see save()), so one read serves many;
      // into the same buffer each time, since fresh memory costs a page fault per 4 KB touched (a JSON report of
      // 1,000 agreements is 20 MB of pieces: read into new buffers, ~5,000 faults, most of that run's system time)
      const size = Math.min(this.length - at, Math.max(length, WINDOW))
      const bytes = this.reusable && w && w.bytes.length >= size ? w.bytes : Buffer.allocUnsafe(Math.max(size, Math.min(WINDOW, this.length)))
      this.window = undefined
      if (readSync(this.held.fd, bytes, 0, size, this.start + at) !== size) return undefined
      this.window = {at, bytes, length: size}
      this.reusable = true
      return bytes.subarray(0, length)
    } catch {
      return undefined
    }
  }

  /** Whether the bytes at `at` lie in the buffer last read, so that read() returns them without reading again. */
  holds(at: number, length: number): boolean {
    const w = this.window
    return w !== undefined && at >= w.at && at + length <= w.at + w.length
  }

  /** The bytes last read are still held by someone (a write that has not finished): the next read takes a new buffer. */
  keepWindow(): void {
    this.reusable = false
  }

  /** The bytes last read ahead (`length` of them, at the start of `bytes`). */
  private window: {at: number; bytes: Buffer; length: number} | undefined

  /** Whether the buffer of the last read may be read into again. */
  private reusable = true

  close(): void {
    if (this.held.fd !== undefined) closeQuietly(this.held.fd)
    this.held.fd = undefined
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd)
  } catch {
    // already closed
  }
}

/** How much a read of the cache's pieces reads ahead. */
const WINDOW = 1 << 20

/** Text held in the cache: made by this run, or a slice of the file (with the CRC-32 it must have) read on demand. */
type Piece = string | CachedPiece

/** A slice of the cache file, with the CRC-32 its bytes must have: opaque outside this module. */
export interface CachedPiece {
  readonly blob: Blob
  readonly at: number
  readonly length: number
  readonly crc: number
}

/** A piece's bytes when they are those its checksum was made of, else undefined (valid until the blob's next read: see Blob.read). */
function bytesOf(piece: CachedPiece): Buffer | undefined {
  const bytes = piece.blob.read(piece.at, piece.length)
  return bytes && crc32(bytes) === piece.crc ? bytes : undefined
}

/** A piece's text, or undefined when its bytes are not those its checksum was made of. */
function textOf(piece: Piece): string | undefined {
  return typeof piece === 'string' ? piece : bytesOf(piece)?.toString('utf8')
}

function pieceOf(raw: Record<string, unknown>, blob: Blob): Piece | undefined {
  const {at, length, crc} = raw
  if (!isCount(at) || !isCount(length) || at + length > blob.length || !isCount(crc) || crc > 0xffffffff) return undefined
  return {blob, at, length, crc}
}

/** What a run knows about a file's text without (or after) reading it. */
export interface TextInfo {
  readonly hash: string
  readonly includes: readonly string[]
}

/** A lowercase hex sha-256 (checked by hand: the index holds thousands, and this runs on every warm start). */
const isHex64 = (v: unknown): v is string => {
  if (typeof v !== 'string' || v.length !== 64) return false
  for (let i = 0; i < 64; i++) {
    const c = v.charCodeAt(i)
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false
  }
  return true
}
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Settings as stable JSON: maps as entries, rule functions by their source, custom rules by their file's content. */
function settingsJson(settings: Settings): string {
  return JSON.stringify(settings, (_key, value: unknown) => {
    if (value instanceof Map) return {map: [...value.entries()]}
    if (value instanceof Set) return {set: [...value]}
    if (typeof value === 'function') return `fn:${value.toString()}`
    if (value instanceof RegExp) return `re:${value.toString()}`
    return value
  })
}

const settingsDigests = new WeakMap<Settings, string>()
const digestsByText = new Map<string, string>()

/** A digest of everything in the settings that can change a result, custom rules' content included. */
export function settingsDigest(settings: Settings): string {
  let digest = settingsDigests.get(settings)
  if (digest === undefined) {
    // A YAML rule's phrases live in its closure, not in its source text: the digest of its file stands for them.
    const rules = settings.customRules.map((rule) => `${rule.meta.id}:${customRuleDigest(rule) ?? 'unknown'}`)
    const text = `${settingsJson(settings)}\u0000${rules.join('\u0001')}`
    // files in one folder have equal settings, not the same object
    digest = digestsByText.get(text)
    if (digest === undefined) {
      digest = sha256(text)
      if (digestsByText.size > 1000) digestsByText.clear()
      digestsByText.set(text, digest)
    }
    settingsDigests.set(settings, digest)
  }
  return digest
}

/** The cache key of a job: its text's hash, its settings, the tool version, its set's members (paths and hashes). */
export function cacheKey(
  job: {readonly hash: string; readonly members?: ReadonlyArray<{readonly filePath: string; readonly hash: string}>},
  settings: Settings,
  version: string,
  requireReason: boolean,
): string {
  // each part as its length, ":" and itself, hashed as one text (one call into the hash per file, not twelve)
  let text = ''
  for (const part of [job.hash, settingsDigest(settings), version, String(requireReason), ...(job.members ?? []).flatMap((m) => [m.filePath, m.hash])]) {
    text += `${part.length}:${part}`
  }
  return sha256(text)
}

/** The hash of a file's text, as the index records it. */
export const textHash = (text: string): string => sha256(text)

/** Whether a stat is the one an entry was recorded under. */
function sameFile(entry: Entry, s: Stats): boolean {
  return s.isFile() && entry.size === s.size && entry.mtimeMs === s.mtimeMs && entry.ctimeMs === s.ctimeMs && entry.ino === s.ino
}

function entryOf(raw: unknown, blob: Blob): Entry | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined
  const e = raw as Record<string, unknown>
  if (!isCount(e['size']) || !isTime(e['mtimeMs']) || !isTime(e['ctimeMs']) || !isCount(e['ino']) || !isHex64(e['hash'])) return undefined
  if (!Array.isArray(e['includes']) || !e['includes'].every((p) => typeof p === 'string' && path.isAbsolute(p))) return undefined
  if (e['key'] !== '' && !isHex64(e['key'])) return undefined
  let json: Piece | undefined
  if (e['key'] !== '') {
    json = pieceOf(e, blob)
    if (!json) return undefined
  }
  let totals: Totals | undefined
  const views: Array<{key: string; text: Piece}> = []
  if (json !== undefined && isObj(e['totals'])) {
    const t = e['totals']
    const keys = Object.keys(noTotals()) as Array<keyof Totals>
    if (keys.every((k) => isCount(t[k])) && Object.keys(t).length === keys.length) totals = Object.fromEntries(keys.map((k) => [k, t[k]])) as unknown as Totals
    for (const v of Array.isArray(e['views']) && totals ? e['views'].slice(0, MAX_VIEWS) : []) {
      const text = isObj(v) ? pieceOf(v, blob) : undefined
      if (isObj(v) && typeof v['key'] === 'string' && text) views.push({key: v['key'], text})
    }
  }
  return {
    size: e['size'],
    mtimeMs: e['mtimeMs'],
    ctimeMs: e['ctimeMs'],
    ino: e['ino'],
    hash: e['hash'],
    includes: e['includes'] as string[],
    key: e['key'] as string,
    ...(json !== undefined ? {json} : {}),
    ...(totals ? {totals} : {}),
    ...(views.length ? {views} : {}),
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info'])
const OUTCOMES = new Set(['present', 'vague', 'missing', 'delegated'])
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v)
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Whether parsed JSON has the shape of the results a lint gives; anything else is a miss. */
export function isResultList(value: unknown, filePaths: ReadonlySet<string>): value is LintResult[] {
  if (!Array.isArray(value) || value.length === 0) return false
  for (const r of value) {
    if (!isObj(r) || typeof r['filePath'] !== 'string' || !filePaths.has(r['filePath'])) return false
    if (!isCount(r['errorCount']) || !isCount(r['warningCount']) || !isCount(r['infoCount'])) return false
    if (!Array.isArray(r['messages']) || !Array.isArray(r['coverage'])) return false
    const counts = {error: 0, warning: 0, info: 0}
    for (const m of r['messages']) {
      if (!isObj(m) || typeof m['ruleId'] !== 'string' || typeof m['message'] !== 'string' || !SEVERITIES.has(m['severity'] as string)) return false
      if (!isInt(m['line']) || !isInt(m['column']) || !isInt(m['endLine']) || !isInt(m['endColumn'])) return false
      if (!Array.isArray(m['sectionPath']) || !m['sectionPath'].every((s) => typeof s === 'string')) return false
      if (m['outcome'] !== undefined && !OUTCOMES.has(m['outcome'] as string)) return false
      counts[m['severity'] as 'error' | 'warning' | 'info']++
    }
    if (counts.error !== r['errorCount'] || counts.warning !== r['warningCount'] || counts.info !== r['infoCount']) return false
    for (const c of r['coverage']) if (!isObj(c) || typeof c['ruleId'] !== 'string' || !OUTCOMES.has(c['outcome'] as string)) return false
  }
  return true
}

/** Results cached per file (absolute path). */
export class ResultCache {
  private dirty = false

  private constructor(
    readonly location: string,
    private readonly entries: Map<string, Entry>,
    private readonly blob?: Blob,
  ) {}

  /**
   * Load the cache at `location`; a missing, unreadable, damaged or hand-edited cache is an empty one. The location
   * must already have been checked with `cacheLocation`.
   */
  static async load(location: string): Promise<ResultCache> {
    const entries = new Map<string, Entry>()
    let fd: number | undefined
    let blob: Blob | undefined
    try {
      fd = openSync(location, 'r')
      const size = fstatSync(fd).size
      // the hash line and the index line; the pieces after them are read when used
      // (read in growing parts, each searched for the line breaks once, and joined once at the end)
      const parts: Buffer[] = []
      let read = 0
      let first = -1
      let second = -1
      while (second < 0 && read < size) {
        const more = Buffer.allocUnsafe(Math.min(size - read, Math.max(1 << 16, read)))
        const n = readSync(fd, more, 0, more.length, read)
        if (n <= 0) break
        const got = more.subarray(0, n)
        const from = first < 0 ? got.indexOf(10) : -1
        if (first < 0 && from >= 0) first = read + from
        const next = first < 0 ? -1 : got.indexOf(10, from >= 0 ? from + 1 : 0)
        if (next >= 0) second = read + next
        parts.push(got)
        read += n
      }
      const head = parts.length === 1 ? parts[0]! : Buffer.concat(parts, read)
      if (first === 64 && second > 0 && head.toString('latin1', 0, 64) === sha256(head.subarray(65, second))) {
        const index = JSON.parse(head.toString('utf8', 65, second)) as unknown
        blob = new Blob(fd, second + 1, size - (second + 1))
        fd = undefined
        if (isObj(index) && index['clauselintCache'] === CACHE_VERSION && isObj(index['entries'])) {
          for (const [file, raw] of Object.entries(index['entries'])) {
            const entry = path.isAbsolute(file) ? entryOf(raw, blob) : undefined
            if (entry) entries.set(file, entry)
          }
        }
      }
    } catch {
      entries.clear()
    } finally {
      if (fd !== undefined) closeQuietly(fd)
    }
    return new ResultCache(location, entries, blob)
  }

  /** Files this run found (by a stat): save() need not ask again whether they exist. */
  private readonly found = new Set<string>()

  /** The recorded hash and includes of a file, when its stat is the recorded one (so it need not be read). */
  known(file: string, s: Stats): TextInfo | undefined {
    this.found.add(file)
    const entry = this.entries.get(file)
    return entry && sameFile(entry, s) ? entry : undefined
  }

  /** Record what a run learnt of a file's text (after reading it); keeps its results while the hash is the same. */
  note(file: string, s: Stats, info: TextInfo): void {
    this.found.add(file)
    const old = this.entries.get(file)
    if (old && sameFile(old, s) && old.hash === info.hash) return
    const keep = old && old.hash === info.hash ? {key: old.key, ...(old.json !== undefined ? {json: old.json} : {}), ...(old.totals ? {totals: old.totals} : {}), ...(old.views ? {views: old.views} : {})} : {key: ''}
    this.entries.set(file, {size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino, hash: info.hash, includes: [...info.includes], ...keep})
    this.dirty = true
  }

  /** The results cached for a file under `key` (fresh objects, parsed from the cache), or undefined. */
  get(file: string, key: string, filePaths: ReadonlySet<string>): LintResult[] | undefined {
    const entry = this.entries.get(file)
    if (!entry || entry.key !== key || entry.json === undefined) return undefined
    const json = textOf(entry.json)
    if (json === undefined) return undefined
    let results: unknown
    try {
      results = JSON.parse(json)
    } catch {
      return undefined
    }
    if (!isResultList(results, filePaths)) return undefined
    // the counts kept beside them (for the summary of a later run) must be theirs
    const totals = addTotals(noTotals(), results)
    if (!entry.totals || (Object.keys(totals) as Array<keyof Totals>).some((k) => totals[k] !== entry.totals![k])) return undefined
    return results
  }

  /** Whether results are cached for a file under `key` (without reading them). */
  has(file: string, key: string): boolean {
    const entry = this.entries.get(file)
    return entry !== undefined && entry.key === key && entry.json !== undefined
  }

  /**
   * The cached report text and totals of a file's results under `key`, for the report named `viewKey` (the results
   * themselves are not parsed), or undefined. A piece of the cache file is not read here: its bytes are read, and
   * checked against their CRC-32, when the report is written (pieceBytes()), so that they are read once, into one
   * buffer used again, as the report goes out; a piece found damaged then is made again from the results.
   */
  view(file: string, key: string, viewKey: string): {text: string | CachedPiece; totals: Totals} | undefined {
    const entry = this.entries.get(file)
    const view = entry?.views?.find((v) => v.key === viewKey)
    if (!entry || entry.key !== key || !entry.totals || !view) return undefined
    return {text: view.text, totals: entry.totals}
  }

  /**
   * A cached piece's bytes (UTF-8, as kept) when they are those its checksum was made of, else undefined. They are
   * valid until the next read of this cache that does not find its bytes in the buffer last read (see holds()): write
   * or copy them before.
   */
  pieceBytes(piece: CachedPiece): Uint8Array | undefined {
    return bytesOf(piece)
  }

  /** Whether a piece's bytes are in the buffer last read, so that pieceBytes() reads nothing. */
  holds(piece: CachedPiece): boolean {
    return piece.blob.holds(piece.at, piece.length)
  }

  /** The bytes pieceBytes() gave last are still held by a write: the next read goes into a new buffer. */
  keepLastRead(): void {
    this.blob?.keepWindow()
  }

  /** Keep the report text of a file's results under `key`, for the report named `viewKey` (the two most recent reports). */
  setView(file: string, key: string, viewKey: string, text: string): void {
    const entry = this.entries.get(file)
    if (!entry || entry.key !== key || entry.json === undefined) return
    const same = entry.views?.find((v) => v.key === viewKey)
    if (same && typeof same.text === 'string' && same.text === text) return
    const views = [{key: viewKey, text}, ...(entry.views ?? []).filter((v) => v.key !== viewKey)].slice(0, MAX_VIEWS)
    this.entries.set(file, {...entry, views})
    this.dirty = true
  }

  /** Cache the results of a file (whose text was noted) under `key`. */
  set(file: string, key: string, results: readonly LintResult[]): void {
    const entry = this.entries.get(file)
    if (!entry) return
    const {views: _old, ...rest} = entry
    this.entries.set(file, {...rest, key, json: JSON.stringify(results), totals: addTotals(noTotals(), results)})
    this.dirty = true
  }

  /**
   * Write the cache atomically when something changed, dropping entries of files that no longer exist (those this run
   * found are not looked for again). A failed write is not an error. The file read stays open for the pieces a report
   * still prints (the one written replaces it by a rename): close() closes it.
   */
  async save(): Promise<void> {
    for (const file of this.entries.keys()) {
      if (!this.found.has(file) && !existsSync(file)) {
        this.entries.delete(file)
        this.dirty = true
      }
    }
    if (!this.dirty) return
    const index: Record<string, unknown> = {}
    const blob: Buffer[] = []
    let at = 0
    const place = (piece: Piece): {at: number; length: number; crc: number} | undefined => {
      // a damaged piece read from the old file is not written again; one read is copied (the blob reads into one buffer)
      const read = typeof piece === 'string' ? undefined : bytesOf(piece)
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : read && Buffer.from(read)
      if (!bytes) return undefined
      const crc = typeof piece === 'string' ? crc32(bytes) : piece.crc
      blob.push(bytes)
      const placed = {at, length: bytes.length, crc}
      at += bytes.length
      return placed
    }
    // the results first, then every entry's most recent report piece, then the others: a warm run that prints the same
    // report as the last one reads one stretch of the file
    const files = [...this.entries.keys()].sort()
    const placedResults = new Map<string, {at: number; length: number; crc: number}>()
    for (const file of files) {
      const json = this.entries.get(file)!.json
      const results = json === undefined ? undefined : place(json)
      if (results) placedResults.set(file, results)
    }
    const shown = new Map<string, Array<{key: string; at: number; length: number; crc: number}>>()
    for (let k = 0; k < MAX_VIEWS; k++) {
      for (const file of files) {
        const v = placedResults.has(file) ? this.entries.get(file)!.views?.[k] : undefined
        const placed = v ? place(v.text) : undefined
        if (v && placed) shown.set(file, [...(shown.get(file) ?? []), {key: v.key, ...placed}])
      }
    }
    for (const file of files) {
      const {json: _json, views: _views, ...entry} = this.entries.get(file)!
      const results = placedResults.get(file)
      if (!results) {
        const {totals: _totals, ...known} = entry
        index[file] = {...known, key: ''}
        continue
      }
      const views = shown.get(file)
      index[file] = {...entry, ...results, ...(views ? {views} : {})}
    }
    const head = JSON.stringify({clauselintCache: CACHE_VERSION, entries: index})
    try {
      await writeFileAtomic(this.location, (function* () {
        yield `${sha256(head)}\n${head}\n`
        yield* blob
      })())
      this.dirty = false
    } catch {
      // a cache that cannot be written only makes the next run slower
    }
  }

  /** Close the cache file read at load (its pieces can no longer be read). */
  close(): void {
    this.blob?.close()
  }
}

/** The repository a path is in: the nearest folder above it holding `.git`, else the folder itself. */
export function repositoryRoot(dir: string): string {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d
    if (path.dirname(d) === d) return path.resolve(dir)
  }
}

const inside = (root: string, p: string): boolean => {
  const rel = path.relative(root, p)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** Is `p` inside the `.git` folder of `root`? */
const inGit = (root: string, p: string): boolean => inside(root, p) && path.relative(root, p).split(path.sep)[0] === '.git'

/** The real path of a folder that may not exist yet: the real path of its nearest existing ancestor, and the rest. */
async function realFolder(dir: string): Promise<string> {
  try {
    return await realpath(dir)
  } catch {
    const parent = path.dirname(dir)
    return parent === dir ? dir : path.join(await realFolder(parent), path.basename(dir))
  }
}

/**
 * Check a file clauselint is about to write (the cache, the report): it must not be one of the files being linted, and
 * a symbolic link on the way must not lead out of the repository, nor into its `.git` folder (a link committed in a pull
 * request would otherwise make a CI run replace a file elsewhere, or git's own config): neither a link at the target nor
 * a linked folder of a path into the repository. Throws OutputError with one line. `what` names it in the message.
 * `root` is the repository (default: the git work tree holding `cwd`).
 */
export async function checkWriteTarget(target: string, shownAs: string, what: string, cwd: string, inputs: Iterable<string>, root = repositoryRoot(cwd)): Promise<void> {
  let real: string | undefined
  try {
    real = await realpath(target)
  } catch {
    real = undefined
  }
  const rootReal = await realpath(root).catch(() => root)
  const resolvedTarget = path.resolve(cwd, target)
  // a path into the repository: its folders, after links, must stay there (and out of .git, unless named so)
  const folder = path.dirname(resolvedTarget)
  if (inside(root, folder) || inside(rootReal, folder)) {
    const realDir = await realFolder(folder)
    const named = path.join(rootReal, path.relative(inside(root, folder) ? root : rootReal, folder))
    if (!inside(rootReal, realDir) || (inGit(rootReal, realDir) && !inGit(rootReal, named))) {
      throw new OutputError(`${what} "${shownAs}" is in a folder that is a symbolic link ${inside(rootReal, realDir) ? "into the repository's .git folder" : 'out of the repository'} (${realDir}); remove the link or choose another path`)
    }
  }
  const link = await lstat(target).then(
    (s) => s.isSymbolicLink(),
    () => false,
  )
  if (link) {
    // a dangling link: where it would write
    const dest = real ?? path.resolve(path.dirname(resolvedTarget), await readlink(target))
    if (!inside(rootReal, dest)) throw new OutputError(`${what} "${shownAs}" is a symbolic link to a file outside the repository (${dest}); remove the link or choose another path`)
    if (inGit(rootReal, dest)) throw new OutputError(`${what} "${shownAs}" is a symbolic link into the repository's .git folder (${dest}); remove the link or choose another path`)
  }
  if (real === undefined) return
  const resolved = path.resolve(target)
  const base = path.basename(real)
  const resolvedBase = path.basename(resolved)
  for (const input of inputs) {
    // a file can be the target only under one of its names (resolved paths keep the last part of a normal path)
    if (!input.endsWith(base) && !input.endsWith(resolvedBase) && !input.endsWith('.')) continue
    const abs = path.resolve(cwd, input)
    // the same path, or (checked only for a name that could be it) the same file through a link
    const same = abs === resolved || abs === real || ((path.basename(abs) === base || path.basename(abs) === resolvedBase) && (await realpath(abs).catch(() => undefined)) === real)
    if (same) throw new OutputError(`${what} "${shownAs}" is one of the files being linted (${input}); choose another path`)
  }
}

/**
 * Where the cache goes: `--cache-location` (a file, or a folder to hold .clauselintcache, as in ESLint; a missing
 * folder is created), else .clauselintcache in `cwd`. Throws CacheError with one line when it cannot be used; `check`
 * (e.g. checkWriteTarget) runs on the file before any folder is made.
 */
export async function cacheLocation(given: string | undefined, cwd: string, check?: (file: string) => Promise<void>): Promise<string> {
  if (given === undefined) {
    const file = path.resolve(cwd, CACHE_FILE)
    await check?.(file)
    return file
  }
  const resolved = path.resolve(cwd, given)
  const existing = await stat(resolved).catch(() => undefined)
  const isFolder = existing ? existing.isDirectory() : /[\\/]$/.test(given)
  const file = isFolder ? path.join(resolved, CACHE_FILE) : resolved
  // checked before its folder is made: a folder is never made through a link out of the repository
  await check?.(file)
  try {
    await makeFolder(path.dirname(file))
  } catch (error) {
    const code = (error as {code?: string}).code
    throw new CacheError(`--cache-location "${given}": cannot create its folder (${code === 'EEXIST' || code === 'ENOTDIR' ? 'a part of the path is a file' : (code ?? 'unknown error')})`)
  }
  return file
}

export {OutputError}
