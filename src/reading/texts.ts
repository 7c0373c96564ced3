// What readings may keep across documents: answers that depend on a text alone (the typed values of a sentence, the
// key of a term). Agreements repeat their boilerplate, so a run over many files, or an editor re-linting after each
// edit, reads most sentences again. No module keeps such a cache: the caller that lints many documents (a command-line
// run, a worker thread, the language server, a comparison) owns one TextCache and passes it to every read(doc).
import {termKey} from './definitions.js'
import {lazyValues, type Values} from './values/index.js'

/** Texts kept at most, per kind of answer; past this the cache starts again empty (memory stays bounded on huge runs). */
const MAX_VALUE_TEXTS = 20_000
const MAX_TERM_KEYS = 50_000

export class TextCache {
  private readonly valueMap = new Map<string, Values>()
  private readonly keyMap = new Map<string, string>()

  /** The typed values of a text, each kind extracted on first use and kept for the next document that has the text. */
  values(text: string): Values {
    let v = this.valueMap.get(text)
    if (!v) {
      v = lazyValues(text)
      if (this.valueMap.size > MAX_VALUE_TEXTS) this.valueMap.clear()
      this.valueMap.set(text, v)
    }
    return v
  }

  /** The key of a term (lower case, no quotes, singular), once per distinct term. */
  termKey(term: string): string {
    let key = this.keyMap.get(term)
    if (key === undefined) {
      key = termKey(term)
      if (this.keyMap.size > MAX_TERM_KEYS) this.keyMap.clear()
      this.keyMap.set(term, key)
    }
    return key
  }
}
