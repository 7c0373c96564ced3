// testAtWordStarts: a long alternation of word patterns regrouped under one word boundary must test true on exactly the
// texts the pattern as written does (it is a speed-up only).
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compileClause} from '../src/clauses.js'
import {testAtWordStarts} from '../src/text.js'
import clauses from '../rules/data/clauses.json' with {type: 'json'}

// patterns in the shapes the rules write: word alternatives with groups, classes holding "|" and "(", lookarounds,
// anchored and unanchored alternatives among them
const PATTERNS: readonly RegExp[] = [
  /\b(?:is|are|will be)\s+not\s+(?:obliged|liable)\b|\bforfeit\w*|(?:\b(?:may|will)|['’]ll)\s+(?:suspend|charge)|\bbillable\b(?!\s+(?!(?:at|to)\b)[a-z])|\bat [^.|(]{0,10}(?:per hour|\/\s*(?:hour|hr)\b)/i,
  /^\W*(?:if|where)\b|\bno longer (?:covered|supported)\b|\b(?<![\w-])fix(?:ed)?\b[^.;]{0,30}\bwithin\b|[$£]\s?\d+|\bnot (?:covered|included)\b/i,
  /\bcan['’]t\b|\b[A-Z]{2,}\b|\bthe\s+(?:client|customer)(?:'s|’s)?\b|\b(?:[(]|\|)x/,
]

const WORDS = ['is', 'are', 'will be', 'not', 'obliged', 'liable', 'forfeited', 'may', "we'll", 'we’ll', 'suspend', 'charge', 'billable', 'at', 'to', 'the', 'rate', 'per hour', '/ hr', 'if', 'where', 'no longer', 'covered', 'fixed', 'within', 'fix-it', '$40', '£ 9', "can't", 'NOT', 'SLA', 'client', "customer's", '(x', '|x', 'prefix', 'ablebillable', 'x']
const SEPARATORS = [' ', '  ', '. ', ', ', '-', '', '\n', '; ']

describe('testAtWordStarts', () => {
  it('regroups the word-start alternatives of a long pattern, and keeps the rest', () => {
    const re = testAtWordStarts(PATTERNS[0]!)
    expect(re.source).not.toBe(PATTERNS[0]!.source)
    expect(re.source.startsWith('\\b(?:(?:is|are|will be)')).toBe(true)
    expect(re.flags).toBe('i')
    expect(re.source).toContain("|(?:\\b(?:may|will)|['’]ll)")
  })

  it('returns a pattern it cannot regroup as it is', () => {
    for (const re of [/\bone|two/, /(a)\b\1|\bb|\bc/, /\b(?<w>a)\k<w>|\bb/, /\ba|\bb/g, /\ba|\bb/y]) expect(testAtWordStarts(re)).toBe(re)
  })

  it('tests true on the same texts, on text made of the patterns’ own words', () => {
    const text = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), {maxLength: 12}).map((parts) => parts.map(([w, s]) => w + s).join(''))
    fc.assert(
      fc.property(text, (t) => {
        for (const re of PATTERNS) expect(testAtWordStarts(re).test(t), `${re} on ${JSON.stringify(t)}`).toBe(re.test(t))
      }),
      {numRuns: 2000, seed: 14},
    )
  })

  it('tests true on the same sentences of the labelled agreements', () => {
    const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'agreements')
    let matched = 0
    let lines = 0
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
        lines++
        for (const re of PATTERNS) {
          const got = re.test(line)
          if (got) matched++
          expect(testAtWordStarts(re).test(line)).toBe(got)
        }
      }
    }
    // the patterns match some lines and not others
    expect(matched).toBeGreaterThan(100)
    expect(matched).toBeLessThan(lines)
  })

  it('gives each clause topic a test that is true on the same sentences of the labelled agreements', () => {
    const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'agreements')
    const lines = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
    const topics = Object.values(clauses as Record<string, {topic?: string}>).flatMap((c) => (c.topic ? [c.topic] : []))
    expect(topics.length).toBeGreaterThan(5)
    let regrouped = 0
    const differ: string[] = []
    for (const topic of topics) {
      const re = compileClause({headings: ['x'], topic})
      if (re.topicTest !== re.topic) regrouped++
      let matched = 0
      for (const line of lines) {
        const got = re.topic.test(line)
        if (got) matched++
        if (re.topicTest.test(line) !== got) differ.push(`${topic.slice(0, 40)} on ${JSON.stringify(line)}`)
      }
      expect(matched).toBeGreaterThan(0)
    }
    expect(differ).toEqual([])
    expect(regrouped).toBeGreaterThan(0)
    // a user's topic stays as written (matched in linear time)
    const user = compileClause({headings: ['x'], topic: String.raw`\bfoo|\bbar`, linear: true})
    expect(user.topicTest).toBe(user.topic)
  })
})
