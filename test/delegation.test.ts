// Whether "the Agreement" is this document or another one (src/reading/delegation.ts).
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document.js'
import {agreementIsOther} from '../src/reading/delegation.js'

describe('agreementIsOther', () => {
  it('reads an agreement named by its date as another document than this one', () => {
    const letter = buildDocument('# Renewal\n\nYour Support Agreement with us dated 1 May 2025 (the "Agreement") ends soon.\n', 'letter.md')
    expect(agreementIsOther(letter)).toBe(true)
  })

  it('reads an agreement that names itself as this one, whatever its date', () => {
    const msa = buildDocument('# Support Agreement\n\nThis Support Agreement (the "Agreement") is made on 1 May 2025 between A Ltd and B Ltd.\n', 'msa.md')
    expect(agreementIsOther(msa)).toBe(false)
  })
})
