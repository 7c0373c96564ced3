// Rules own their policy, typed: a message id a rule reports and the options it reads are checked by the compiler
// (npm test runs tsc over this file first; each @ts-expect-error fails the build if the line below it compiles).
import {describe, expect, it} from 'vitest'
import {clauseRule} from '../src/clauses.js'
import {lint} from '../src/lint.js'
import {ruleOptions, type Rule} from '../src/rule.js'

type Options = {readonly limit: number}

const options = ruleOptions<Options>({
  schema: {type: 'object', properties: {limit: {type: 'number', description: 'A limit'}}, additionalProperties: false},
  defaults: {limit: 3},
})

const messages = {
  missing: 'Missing widget terms',
  vague: 'Vague widget terms "{text}"',
  delegated: 'Widget terms are set in {target}',
  tooMany: 'Too many widgets; the house limit is {limit}',
} as const

const widgets = clauseRule({
  id: 'widget-terms',
  description: 'The agreement states its widget terms',
  data: {headings: ['^widgets$'], topic: '\\bwidgets?\\b'},
  messages,
  options,
  review(_finding, context) {
    const limit: number = context.options.limit
    const headings: readonly string[] = context.options.headings
    // @ts-expect-error an option the rule does not have
    void context.options.limits
    // @ts-expect-error a message id the rule does not have
    if (limit < 0) context.report({messageId: 'tooMny'})
    if (headings.length > 99) context.report({messageId: 'tooMany', data: {limit}})
  },
  judge(unit, reader) {
    // the judge reads the same typed options
    const limit: number = reader.options.limit
    return reader.reading.values(unit.text).durations.length > limit ? {outcome: 'present'} : undefined
  },
})

const plain = {
  meta: {id: 'plain-rule', description: 'A rule', category: 'language', severity: 'warning', messages: {found: 'Found "{text}"'}, options},
  check(context) {
    // @ts-expect-error a message id the rule does not have
    if (context.options.limit < 0) context.report({messageId: 'fund'})
  },
} satisfies Rule<'found', Options>

describe('typed rule policy', () => {
  it('a clause rule carries its own messages and options, with headings added', () => {
    expect(Object.keys(widgets.meta.messages)).toEqual(['missing', 'vague', 'delegated', 'tooMany'])
    expect(widgets.meta.options?.defaults).toEqual({headings: [], limit: 3})
    expect(plain.meta.options.defaults).toEqual({limit: 3})
  })

  it('runs with its typed options', () => {
    const result = lint('# Agreement\n\n## Widgets\n\nWidgets are delivered within 4 hours.\n', {rules: [widgets], ruleOptions: {'widget-terms': {limit: 0}}})
    expect(result.messages).toEqual([])
    const missing = lint('# Agreement\n\nNothing here.\n', {rules: [widgets]})
    expect(missing.messages.map((m) => m.messageId)).toEqual(['missing'])
  })
})
