// Config errors and "did you mean": shared by config files, front matter, custom rule files and suppression comments.
import {printable} from './confine.js'
import {yaml} from './deps.js'
import type {SeveritySetting} from './types.js'

/** A configuration problem: one line naming the file, the key and what is wrong. The CLI exits 2 on it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!
    prev[0] = i
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1))
      diag = up
    }
  }
  return prev[b.length]!
}

/** The nearest candidate, when it is near enough to be a likely typo (case-insensitive). */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  const w = word.toLowerCase()
  for (const c of candidates) {
    const l = c.toLowerCase()
    // a word with a candidate's ending ("warning" for "warn") counts as near
    const d = l.length >= 3 && w.startsWith(l) ? 1 : editDistance(w, l)
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined
}

/** `; did you mean "x"?`, or nothing when no candidate is near. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const n = nearest(word, candidates)
  return n ? `; did you mean "${n}"?` : ''
}

/** Longest string shown whole in an error; a longer one is cut (it may be a file's content that is not a config). */
export const SHOWN_MAX = 40

/**
 * A value as shown in an error: strings quoted (control characters escaped), a string over SHOWN_MAX characters or over
 * lines named by its length alone (it may be a file's content that is not a config: nothing of it is printed), lists
 * and objects named.
 */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing'
  if (v === null) return 'null'
  if (typeof v === 'string') {
    if (v.length <= SHOWN_MAX && !/[\r\n]/.test(v)) return `"${printable(v)}"`
    return `a text of ${v.length} characters`
  }
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'an object'
  return String(v)
}

/**
 * What a whole file holds when it should be an object and is not (a file named as a config or rule that is something
 * else: a secret, an environment): its kind and size, never its content.
 */
export function showKind(v: unknown): string {
  if (typeof v === 'string') return `a text of ${v.length} characters`
  if (typeof v === 'number') return 'a number'
  if (typeof v === 'boolean') return 'true or false'
  return show(v)
}

/** Longest unknown key shown whole in an error; a longer one (more likely a secret than a typo) is named by its length. */
export const KEY_SHOWN_MAX = 24

/** An unknown key as shown in an error: as written when short, else by its length. */
export function showKey(key: string): string {
  return key.length <= KEY_SHOWN_MAX ? printable(key) : `(a key of ${key.length} characters)`
}

/** The first line of an error's message. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim()
}

/** Parse YAML; a syntax error becomes one line with its position. */
export function parseYamlText(text: string, where: string): unknown {
  const doc = yaml().parseDocument(text, {prettyErrors: true, uniqueKeys: true})
  const error = doc.errors[0]
  if (error) {
    const at = error.linePos?.[0]
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    throw new ConfigError(`${where}: ${at ? `line ${at.line}, column ${at.col}: ` : ''}invalid YAML (${reason})`)
  }
  try {
    // an alias bomb (aliases of aliases, billions of nodes) is refused by the YAML library with a ReferenceError
    return doc.toJS({maxAliasCount: 1000}) as unknown
  } catch (error) {
    throw new ConfigError(`${where}: invalid YAML (${/alias/i.test(firstLine(error)) ? 'too many aliases: expanding them would exhaust memory' : printable(firstLine(error))})`)
  }
}

/** A severity as written in config, in clauselint's words (what `--print-config` writes). */
export type SeverityWord = 'off' | 'info' | 'warn' | 'error'
export const SEVERITY_WORDS: readonly SeverityWord[] = ['off', 'info', 'warn', 'error']
/**
 * Every severity config accepts, for built-in and custom rules alike: clauselint's words, `"warning"` (the word the
 * reports use, and markdownlint's), and ESLint's numbers 0 (off), 1 (warn) and 2 (error). There is no number for info.
 */
export const SEVERITY_VALUES: readonly (string | number)[] = [...SEVERITY_WORDS, 'warning', 0, 1, 2]

const TO_SETTING: Readonly<Record<string, SeveritySetting>> = {off: 'off', info: 'info', warn: 'warning', warning: 'warning', error: 'error', 0: 'off', 1: 'warning', 2: 'error'}

/** A severity as config writes it, read; anything else is a one-line ConfigError naming `where`, the key and the value. */
export function severityOf(value: unknown, where: string, key: string): SeveritySetting {
  if (SEVERITY_VALUES.includes(value as string | number)) return TO_SETTING[String(value)]!
  const hint = typeof value === 'string' ? didYouMean(value, [...SEVERITY_WORDS, 'warning']) : ''
  throw new ConfigError(`${where}: ${key}: ${show(value)} is not a severity${hint || `; use ${SEVERITY_WORDS.map((w) => `"${w}"`).join(', ')} (or 0, 1, 2: off, warn, error)`}`)
}
