// The shape of a value kind: an extractor from text to typed spans, and a cheap test that rules the kind out.
import type {Match} from './common.js'

export interface ValueKind<T extends Match> {
  /** Every value of this kind in a text, in order. */
  readonly extract: (text: string) => T[]
  /** False when `extract` would find nothing: far cheaper, for callers that visit many texts. */
  readonly mayHold: (text: string) => boolean
}
