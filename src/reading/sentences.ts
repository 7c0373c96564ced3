// The prose pass: one walk over a document's blocks that the language rules share (their sentences are split once,
// when the document is built). A Reading builds it once, on first use, and keeps it for the document's lint. It holds
// each block's text lower-cased (once per block, not once per rule and block) and which blocks contain a given
// literal string: one pass over the whole text finds every literal of a term list, and the answer is kept for every
// rule that asks again. A rule then runs its regular expressions only on the sentences of the blocks that hold one of
// their literals.
import {lastAtMost} from '../text.js'
import type {Block} from '../types.js'

const NONE: readonly number[] = Object.freeze([])

interface Joined {
  readonly text: string
  readonly starts: Int32Array
}

export class Prose {
  private readonly lowers: Array<string | undefined>
  private lowerJoin: Joined | undefined
  private exactJoin: Joined | undefined
  private readonly lowerHits = new Map<string, readonly number[]>()
  private readonly exactHits = new Map<string, readonly number[]>()

  constructor(readonly blocks: readonly Block[]) {
    this.lowers = new Array<string | undefined>(blocks.length)
  }

  /** Block `i`'s text, lower-cased (computed once). */
  lower(i: number): string {
    return (this.lowers[i] ??= this.blocks[i]!.text.toLowerCase())
  }

  /**
   * Indices (ascending, each once) of the blocks whose text contains `literal`: lower-cased text when `exact` is false
   * (give a lower-case literal), the text as written when it is true. The literal must not hold a line break.
   */
  blocksWith(literal: string, exact = false): readonly number[] {
    const memo = exact ? this.exactHits : this.lowerHits
    const found = memo.get(literal)
    if (found) return found
    // one literal alone is looked for by indexOf over the joined text, which gives the same blocks in a fraction of the
    // one-pass search's time (that pass pays off for a whole term list at once)
    if (literal === '') this.find([literal], exact)
    else memo.set(literal, this.sweep(literal, exact))
    return memo.get(literal)!
  }

  /**
   * Find the blocks of every literal not yet looked for, in one pass over the document: each position whose first two
   * characters begin some literal is tested against those literals. Rules call this with all their literals first
   * (see scanTerms), so one pass serves a whole term list; blocksWith then answers from memory.
   */
  find(literals: readonly string[], exact = false): void {
    const memo = exact ? this.exactHits : this.lowerHits
    const todo: string[] = []
    // (each literal once: a Set, not a search of the list so far, which grew as the square of a long term list)
    const taken = new Set<string>()
    for (const l of literals) {
      if (memo.has(l) || taken.has(l)) continue
      taken.add(l)
      if (l === '') memo.set(l, this.blocks.map((_, i) => i))
      else if (!ascii(l)) memo.set(l, this.sweep(l, exact))
      else todo.push(l)
    }
    if (todo.length === 0) return
    const {text, starts} = exact ? (this.exactJoin ??= this.join(exact)) : (this.lowerJoin ??= this.join(exact))
    // the literals by their first character (one-character literals) and by their first two (the rest): head[key] is
    // the first literal of a key plus one (0: none), chain[j] the next literal of literal j's key plus one. A position
    // whose key has literals compares their characters in place.
    // (one table for every call, 66 KB: zeroed again below at the keys this call set; a call stopped part-way, by a
    // time budget, leaves it marked in use, and the next call makes a new one)
    const head = HEAD && !headInUse ? HEAD : (HEAD = new Int32Array(128 + 128 * 128))
    // and a bit per first three characters that begin some literal (a literal of two characters sets the bits of every
    // third character): a position whose first two characters begin a literal compares its literals only when the
    // first three do too (" t" and "re" begin several literals and most words)
    const tri = TRI && !headInUse ? TRI : (TRI = new Uint8Array((128 * 128 * 128) >> 3))
    headInUse = true
    const chain = new Int32Array(todo.length)
    const keyOf = (l: string): number => (l.length === 1 ? l.charCodeAt(0) : 128 + ((l.charCodeAt(0) << 7) | l.charCodeAt(1)))
    const triOf = (l: string): number => (l.charCodeAt(0) << 14) | (l.charCodeAt(1) << 7)
    const mark = (l: string, value: 0 | 1): void => {
      if (l.length < 2) return
      const at = triOf(l)
      if (l.length > 2) {
        const bit = at | l.charCodeAt(2)
        if (value) tri[bit >> 3] = tri[bit >> 3]! | (1 << (bit & 7))
        else tri[bit >> 3] = 0
      } else tri.fill(value ? 0xff : 0, at >> 3, (at + 128) >> 3)
    }
    todo.forEach((l, j) => {
      const key = keyOf(l)
      chain[j] = head[key]!
      head[key] = j + 1
      mark(l, 1)
    })
    const out: number[][] = todo.map(() => [])
    const n = text.length
    let b = 0
    let next = starts.length > 1 ? starts[1]! : n
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c >= 128) continue
      while (i >= next) next = starts[++b + 1]!
      for (let j = head[c]!; j > 0; j = chain[j - 1]!) push(out[j - 1]!, b)
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 128
      if (d >= 128) continue
      let j = head[128 + ((c << 7) | d)]!
      if (j === 0) continue
      // (a third character past the text, or not ASCII, ends no literal of three or more: the chain is walked)
      const e = i + 2 < n ? text.charCodeAt(i + 2) : 128
      if (e < 128) {
        const bit = (c << 14) | (d << 7) | e
        if ((tri[bit >> 3]! & (1 << (bit & 7))) === 0) continue
      }
      for (; j > 0; j = chain[j - 1]!) {
        const l = todo[j - 1]!
        let k = 2
        while (k < l.length && text.charCodeAt(i + k) === l.charCodeAt(k)) k++
        if (k === l.length) push(out[j - 1]!, b)
      }
    }
    for (const l of todo) {
      head[keyOf(l)] = 0
      mark(l, 0)
    }
    headInUse = false
    todo.forEach((l, j) => memo.set(l, out[j]!.length ? out[j]! : NONE))
  }

  /** One pass of indexOf over the joined text; after a hit, the search goes on at the next block. */
  private sweep(literal: string, exact: boolean): readonly number[] {
    const {text, starts} = exact ? (this.exactJoin ??= this.join(exact)) : (this.lowerJoin ??= this.join(exact))
    const last = starts.length - 2
    let out: number[] | undefined
    let b = 0
    for (let at = text.indexOf(literal); at >= 0; ) {
      // the block holding offset `at`: the last start ≤ at (hits come in order, so the search starts at b)
      const lo = lastAtMost(starts, at, b, last)
      ;(out ??= []).push(lo)
      if (lo >= last) break
      b = lo + 1
      at = text.indexOf(literal, starts[b]!)
    }
    return out ?? NONE
  }

  /**
   * The blocks' texts (lower-cased, or as written) joined with a line break after each; starts[i] is where block i
   * begins. Each block is lower-cased on its own (lower-casing may change a text's length), so its start is exact.
   */
  private join(exact: boolean): Joined {
    const n = this.blocks.length
    // a trailing empty part gives the last line break: join() makes one flat string (a concatenation after it would
    // make a rope, which every character read has to walk)
    const parts = new Array<string>(n + 1)
    parts[n] = ''
    const starts = new Int32Array(n + 1)
    let at = 0
    for (let i = 0; i < n; i++) {
      const t = exact ? this.blocks[i]!.text : this.lower(i)
      parts[i] = t
      starts[i] = at
      at += t.length + 1
    }
    starts[n] = at
    const text = n ? parts.join('\n') : ''
    // the lower-cased blocks, now kept once: each becomes a slice of the joined text instead of a copy of its own
    if (!exact) for (let i = 0; i < n; i++) this.lowers[i] = text.slice(starts[i]!, starts[i + 1]! - 1)
    return {text, starts}
  }
}

/** Prose.find's table of the literals by their first one or two characters, all zero between calls. */
let HEAD: Int32Array | undefined
/** Prose.find's bits of the first three characters that begin a literal, all zero between calls. */
let TRI: Uint8Array | undefined
let headInUse = false

/** Add block `b` to a list of ascending block indices, once. */
function push(list: number[], b: number): void {
  if (list[list.length - 1] !== b) list.push(b)
}

/** Is every character of the text ASCII (so the one-pass search can index it by character codes)? */
function ascii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false
  return true
}
