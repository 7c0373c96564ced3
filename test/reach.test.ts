// The structural readings that reach a clause whatever its words (src/reading/reach.ts).
import {describe, expect, it} from 'vitest'
import {declinesWork, scopeTitle} from '../src/reading/reach.js'

describe('scopeTitle', () => {
  it('reads a title that says what a party other than the customer takes on, or will not take on', () => {
    expect(scopeTitle('What our crew will handle for you')).toBe('provides')
    expect(scopeTitle('Things the helpers look after')).toBe('provides')
    expect(scopeTitle('4. What Brightwater does')).toBe('provides')
    expect(scopeTitle("Jobs our technicians won't take on")).toBe('withholds')
    expect(scopeTitle('Work the studio does not get involved in')).toBe('withholds')
    expect(scopeTitle('What we cannot assist with')).toBe('withholds')
  })

  it('leaves titles about the customer, questions and other subjects alone', () => {
    expect(scopeTitle('What the practice must do')).toBeUndefined()
    expect(scopeTitle("What you can't do")).toBeUndefined()
    expect(scopeTitle('What the client will provide')).toBeUndefined()
    expect(scopeTitle('What happens when we cannot fix it')).toBeUndefined()
    expect(scopeTitle('What we do with your data')).toBeUndefined()
    expect(scopeTitle('Fees')).toBeUndefined()
  })
})

describe('declinesWork', () => {
  it('finds a negated scope verb, not one inside a condition', () => {
    expect(declinesWork('Our engineers will not deal with cabling.')).toBeGreaterThan(0)
    expect(declinesWork("We can't help with personal devices:")).toBeGreaterThan(0)
    expect(declinesWork('If the Client does not provide access, targets are paused.')).toBe(-1)
    expect(declinesWork('The service covers 20 PCs.')).toBe(-1)
  })
})
