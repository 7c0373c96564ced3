// Rules as data: YAML rule files a contracts team writes (require-clause, forbid-phrase, require-with), and, with
// --allow-js-config, JavaScript rule modules shaped like the built-in rules.
import {crypto} from './deps.js'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {ClauseMessages} from './clauses.js'
import {clauseMessages, REQUIRABLE, REQUIRABLE_WHAT, requireClause as requireClauseRule} from './data-rules.js'
import {ConfigError, firstLine, parseYamlText, severityOf, SEVERITY_VALUES, show, showKey, showKind} from './config-error.js'
import {recordRuleDigest} from './custom-rule-digest.js'
import {allowedHit, compileTerms} from './reading/terms.js'
import type {AnyRule, JsonSchema, Rule, RuleCategory} from './rule.js'
import {phraseProblem, phraseSource, phrasesRegExp} from './reading/phrases.js'
import type {Block, Section, Severity} from './types.js'
import {schemaProblem, validateAgainst} from './validate.js'
import {withFlags} from './user-regex.js'

export const CUSTOM_RULE_KINDS = ['require-clause', 'forbid-phrase', 'require-with'] as const
export type CustomRuleKind = (typeof CUSTOM_RULE_KINDS)[number]

/** Typed values a require-clause rule can insist on. */
export const REQUIRED_VALUES = {duration: REQUIRABLE.duration, frequency: REQUIRABLE.frequency, percentage: REQUIRABLE.percentage, money: REQUIRABLE.money} as const
export type RequiredValue = keyof typeof REQUIRED_VALUES

const ID = '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$'

const phrases = (description: string): JsonSchema => ({type: 'array', items: {type: 'string', minLength: 1}, minItems: 1, description})
const COMMON: Record<string, JsonSchema> = {
  id: {type: 'string', pattern: ID, description: 'Rule id, kebab-case; used in config and suppressions like a built-in id'},
  kind: {enum: [...CUSTOM_RULE_KINDS], description: 'What the rule checks'},
  description: {type: 'string', minLength: 1, description: 'One line saying what the rule checks'},
  severity: {enum: [...SEVERITY_VALUES], description: 'Default severity, written as in config: off, info, warn (or warning) or error; or 0 (off), 1 (warn) or 2 (error). Config can change it; an off rule runs only where config turns it on'},
  suggestion: {type: 'string', minLength: 1, description: 'What to write instead, shown after the finding'},
}

/** The schema of each kind of YAML rule (all keys of a rule file). */
export const CUSTOM_RULE_SCHEMAS: Readonly<Record<CustomRuleKind, JsonSchema>> = {
  'require-clause': {
    type: 'object',
    required: ['id', 'kind', 'headings'],
    additionalProperties: false,
    properties: {
      ...COMMON,
      name: {type: 'string', minLength: 1, description: 'What the clause is called in messages ("data protection terms"); default: the id in words'},
      headings: phrases('Section titles that are the clause\'s home: plain text matched case-insensitively as words, or /regex/'),
      patterns: phrases('Body text that addresses the clause wherever it sits (default: the headings)'),
      parents: phrases('Section titles where a missing clause should be added (default: the document title)'),
      requires: {enum: Object.keys(REQUIRED_VALUES), description: 'A typed value the clause must state to count as present; without it the clause is vague'},
      messages: {
        type: 'object',
        additionalProperties: false,
        properties: {missing: {type: 'string', minLength: 1}, vague: {type: 'string', minLength: 1}, delegated: {type: 'string', minLength: 1}},
        description: 'Message templates replacing the generated ones; {text} is the quoted text, {target} the other document',
      },
    },
  },
  'forbid-phrase': {
    type: 'object',
    required: ['id', 'kind', 'phrases'],
    additionalProperties: false,
    properties: {
      ...COMMON,
      phrases: phrases('Phrases to flag: plain text matched case-insensitively as words, or /regex/'),
      allow: phrases('Exceptions: a match inside (or around) one of these is not flagged'),
      message: {type: 'string', minLength: 1, description: 'Message template; {text} is the phrase found, {suggestion} the suggestion'},
    },
  },
  'require-with': {
    type: 'object',
    required: ['id', 'kind', 'if', 'then'],
    additionalProperties: false,
    properties: {
      ...COMMON,
      if: phrases('When any of these appears…'),
      then: phrases('…at least one of these must appear too'),
      within: {enum: ['document', 'section'], description: 'Where the second must appear: anywhere in the document (default) or in the same section'},
      message: {type: 'string', minLength: 1, description: 'Message template; {text} is the first phrase found, {required} the phrases missing, {suggestion} the suggestion'},
    },
  },
}

const KIND_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['kind'],
  properties: {kind: COMMON['kind']!},
}

/** A JSON Schema for YAML rule files, for editors (shipped as schema/custom-rule.schema.json). */
export function customRuleFileSchema(): JsonSchema {
  const one: JsonSchema = {
    type: 'object',
    required: ['kind'],
    properties: {kind: COMMON['kind']!},
    allOf: CUSTOM_RULE_KINDS.map((kind) => ({if: {properties: {kind: {const: kind}}, required: ['kind']}, then: CUSTOM_RULE_SCHEMAS[kind]})),
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'clauselint custom rule file',
    description: 'One rule, or `rules:` with a list of rules. Kinds: require-clause, forbid-phrase, require-with (see the README, "Custom rules")',
    anyOf: [one, {type: 'object', required: ['rules'], additionalProperties: false, properties: {rules: {type: 'array', minItems: 1, items: one}}}],
  }
}

const words = (id: string): string => id.replace(/-/g, ' ')
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function checkPhrases(list: readonly string[] | undefined, where: string, key: string): void {
  list?.forEach((p, i) => {
    const problem = phraseProblem(p)
    if (problem) throw new ConfigError(`${where}: ${key}[${i}]: ${show(p)} ${problem}`)
  })
}

/** Build a rule from the data of one YAML rule. Throws a one-line ConfigError naming `where` and the key. */
export function customRuleFromData(data: unknown, where: string, base = ''): AnyRule {
  const k = (key: string): string => (base ? `${base}.${key}` : key)
  if (!isObject(data)) throw new ConfigError(`${where}: ${base || '(top level)'}: a rule must be an object with id and kind, got ${showKind(data)}`)
  validateAgainst(KIND_SCHEMA, data, where, base)
  const kind = data['kind'] as CustomRuleKind
  // the severities config accepts, checked first so that a bad one gets config's message
  const setting = data['severity'] === undefined ? undefined : severityOf(data['severity'], where, k('severity'))
  validateAgainst(CUSTOM_RULE_SCHEMAS[kind], data, where, base)
  for (const key of ['headings', 'patterns', 'parents', 'phrases', 'allow', 'if', 'then']) checkPhrases(data[key] as string[] | undefined, where, k(key))
  const id = data['id'] as string
  // off: the rule is known (config may turn it on) but does not run; turned on with no severity, it has its kind's default
  const severity: Severity = setting === undefined || setting === 'off' ? (kind === 'require-clause' ? 'error' : 'warning') : setting
  const suggestion = data['suggestion'] as string | undefined
  const rule = buildRule(kind, data, id, severity, suggestion)
  return setting === 'off' ? {...rule, meta: {...rule.meta, defaultOff: true}} : rule
}

function buildRule(kind: CustomRuleKind, data: Record<string, unknown>, id: string, severity: Severity, suggestion: string | undefined): AnyRule {
  switch (kind) {
    case 'require-clause':
      return requireClause(data, id, severity, suggestion)
    case 'forbid-phrase':
      return forbidPhrase(data, id, severity, suggestion)
    case 'require-with':
      return requireWith(data, id, severity, suggestion)
  }
}

function requireClause(data: Record<string, unknown>, id: string, severity: Severity, suggestion: string | undefined): AnyRule {
  const headings = data['headings'] as string[]
  const requires = data['requires'] as RequiredValue | undefined
  const name = (data['name'] as string | undefined) ?? words(id)
  const own = (data['messages'] ?? {}) as Partial<ClauseMessages>
  const what = requires ? `state ${REQUIRABLE_WHAT[requires]}` : 'state it in measurable terms'
  return requireClauseRule({
    id,
    description: (data['description'] as string | undefined) ?? `The agreement has ${name}`,
    headings,
    patterns: data['patterns'] as string[] | undefined,
    parents: data['parents'] as string[] | undefined,
    requires: requires ? [requires] : [],
    messages: clauseMessages(name, own, suggestion ?? `add a section on ${name}`, suggestion ?? what),
    severity,
    linear: true,
  })
}

function forbidPhrase(data: Record<string, unknown>, id: string, severity: Severity, suggestion: string | undefined): AnyRule {
  const terms = compileTerms(
    (data['phrases'] as string[]).map((p) => ({pattern: phraseSource(p), suggestion: suggestion ?? 'rephrase it'})),
    true,
  )
  const allow = phrasesRegExp((data['allow'] as string[] | undefined) ?? [], 'gi', true)
  return {
    meta: {
      id,
      description: (data['description'] as string | undefined) ?? `Flags ${(data['phrases'] as string[]).map((p) => `"${p}"`).join(', ')}`,
      category: 'language',
      severity,
      messages: {phrase: (data['message'] as string | undefined) ?? 'Forbidden phrase "{text}"; {suggestion}'},
    },
    check(context) {
      for (const hit of context.reading.termHits(terms)) {
        if (allowedHit(hit, allow)) continue
        context.report({messageId: 'phrase', block: hit.block, start: hit.start, end: hit.end, data: {text: hit.text, suggestion: hit.term.suggestion}})
      }
    },
  } satisfies Rule<'phrase'>
}

function requireWith(data: Record<string, unknown>, id: string, severity: Severity, suggestion: string | undefined): AnyRule {
  const first = phrasesRegExp(data['if'] as string[], 'gi', true)!
  const second = phrasesRegExp(data['then'] as string[], 'i', true)!
  const firstOnce = withFlags(first, 'i')
  const required = (data['then'] as string[]).map((p) => `"${p}"`).join(' or ')
  const bySection = data['within'] === 'section'
  const category: RuleCategory = 'integrity'
  return {
    meta: {
      id,
      description: (data['description'] as string | undefined) ?? `Where the agreement mentions ${(data['if'] as string[]).map((p) => `"${p}"`).join(' or ')}, it also mentions ${required}`,
      category,
      severity,
      messages: {missingWith: (data['message'] as string | undefined) ?? `Missing {required} to go with "{text}"; {suggestion}`},
    },
    check(context) {
      const {doc} = context
      const report = (block: Block, m: RegExpMatchArray): void =>
        context.report({messageId: 'missingWith', block, start: m.index!, end: m.index! + m[0].length, data: {text: m[0], required, suggestion: suggestion ?? `add ${required}`}})
      if (!bySection) {
        if (doc.blocks.some((b) => second.test(b.text))) return
        for (const block of doc.blocks) {
          const m = block.text.match(firstOnce)
          if (m) return report(block, m)
        }
        return
      }
      const done = new Set<Section>()
      for (const block of doc.blocks) {
        if (done.has(block.section)) continue
        const m = block.text.match(firstOnce)
        if (!m) continue
        done.add(block.section)
        if (!subtree(block.section).some((b) => second.test(b.text))) report(block, m)
      }
    },
  } satisfies Rule<'missingWith'>
}

function subtree(section: Section): Block[] {
  return [...section.blocks, ...section.children.flatMap(subtree)]
}

// ---------------------------------------------------------------------------------------------------------------
// Loading rule files

export interface CustomRuleLoadOptions {
  /** Load JavaScript modules (they run code). */
  readonly allowJs: boolean
  /** The rule file as shown in messages. */
  readonly label: string
  /** The config that lists it, for "does not exist" messages. */
  readonly configLabel: string
}

const cache = new Map<string, Promise<AnyRule[]>>()
export {customRuleDigest} from './custom-rule-digest.js'

function withDigest(rules: AnyRule[], text: string | Buffer): AnyRule[] {
  recordRuleDigest(rules, crypto().createHash('sha256').update(text).digest('hex'))
  return rules
}

/** Forget loaded rule files (an editor saw one change): the next load reads them again. */
export function clearCustomRuleCache(): void {
  cache.clear()
}

/** The rules of one custom rule file (YAML, or a JavaScript module with --allow-js-config). Cached per path. */
export function loadCustomRules(file: string, options: CustomRuleLoadOptions): Promise<AnyRule[]> {
  // A YAML file is cached by its content as well, so an edited rule file is read again (a module stays as imported).
  let content = ''
  if (/\.ya?ml$/.test(file)) {
    try {
      content = crypto().createHash('sha256').update(readFileSync(file)).digest('hex')
    } catch {
      // load() reports it
    }
  }
  const key = `${file}\u0000${options.allowJs}\u0000${content}`
  let p = cache.get(key)
  if (!p) {
    p = load(file, options)
    cache.set(key, p)
    // a failed load is not cached: the next run (e.g. in a watch or a test) reads the file again
    p.catch(() => cache.delete(key))
  }
  return p
}

async function load(file: string, options: CustomRuleLoadOptions): Promise<AnyRule[]> {
  const where = options.label
  if (/\.[cm]?js$/.test(file)) return loadModule(file, options)
  if (!/\.ya?ml$/.test(file)) throw new ConfigError(`${options.configLabel}: customRules: ${where} is not a .yaml or .yml rule file (or a .js/.mjs module, with --allow-js-config)`)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as {code?: string}).code
    throw new ConfigError(code === 'ENOENT' ? `${options.configLabel}: customRules: ${where} does not exist` : `${where}: cannot be read (${code ?? firstLine(error)})`)
  }
  const data = parseYamlText(text, where)
  if (isObject(data) && 'rules' in data && !('kind' in data)) {
    const list = data['rules']
    const extra = Object.keys(data).find((key) => key !== 'rules')
    if (extra) throw new ConfigError(`${where}: ${showKey(extra)}: unknown key; a file with "rules:" holds only the list of rules`)
    if (!Array.isArray(list) || !list.length) throw new ConfigError(`${where}: rules: must be a list of rules, got ${show(list)}`)
    return withDigest(
      uniqueIds(
        list.map((r, i) => customRuleFromData(r, where, `rules[${i}]`)),
        where,
      ),
      text,
    )
  }
  return withDigest([customRuleFromData(data, where)], text)
}

function uniqueIds(rules: AnyRule[], where: string): AnyRule[] {
  const seen = new Set<string>()
  for (const r of rules) {
    if (seen.has(r.meta.id)) throw new ConfigError(`${where}: id: "${r.meta.id}" is used by two rules in this file`)
    seen.add(r.meta.id)
  }
  return rules
}

async function loadModule(file: string, options: CustomRuleLoadOptions): Promise<AnyRule[]> {
  const where = options.label
  if (!options.allowJs) throw new ConfigError(`${where}: a JavaScript rule runs code; pass --allow-js-config to load it, or write it as a YAML rule`)
  let mod: {default?: unknown}
  try {
    mod = (await import(pathToFileURL(path.resolve(file)).href)) as {default?: unknown}
  } catch (error) {
    const code = (error as {code?: string}).code
    if (code === 'ERR_MODULE_NOT_FOUND' && firstLine(error).includes(file)) throw new ConfigError(`${options.configLabel}: customRules: ${where} does not exist`)
    throw new ConfigError(`${where}: could not be loaded (${firstLine(error)})`)
  }
  const exported = mod.default
  const list = Array.isArray(exported) ? (exported as unknown[]) : [exported]
  const rules = uniqueIds(
    list.map((r, i) => checkModuleRule(r, where, Array.isArray(exported) ? `default[${i}]` : 'default')),
    where,
  )
  let source: Buffer | string
  try {
    source = readFileSync(file)
  } catch {
    source = `unreadable:${file}`
  }
  return withDigest(rules, source)
}

const CATEGORIES: readonly string[] = ['clause', 'language', 'integrity']

/** Check the shape of a rule exported by a module: meta (id, description, category, severity, messages, options) and check. */
function checkModuleRule(r: unknown, where: string, key: string): AnyRule {
  const fail = (k: string, what: string): never => {
    throw new ConfigError(`${where}: ${key}${k}: ${what}`)
  }
  if (!isObject(r)) return fail('', `must export a rule {meta, check}, got ${show(r)}`)
  const meta = r['meta']
  if (!isObject(meta)) return fail('.meta', `must be an object, got ${show(meta)}`)
  if (typeof r['check'] !== 'function') fail('.check', `must be a function, got ${show(r['check'])}`)
  if (typeof meta['id'] !== 'string' || !new RegExp(ID).test(meta['id'])) fail('.meta.id', `must be a kebab-case id, got ${show(meta['id'])}`)
  if (typeof meta['description'] !== 'string' || !meta['description'].trim()) fail('.meta.description', `must be a non-empty string, got ${show(meta['description'])}`)
  if (!CATEGORIES.includes(meta['category'] as string)) fail('.meta.category', `must be one of ${CATEGORIES.join(', ')}, got ${show(meta['category'])}`)
  if (!['error', 'warning', 'info'].includes(meta['severity'] as string)) fail('.meta.severity', `must be "error", "warning" or "info", got ${show(meta['severity'])}`)
  const messages = meta['messages']
  if (!isObject(messages) || !Object.keys(messages).length || Object.values(messages).some((m) => typeof m !== 'string')) fail('.meta.messages', 'must be an object of message templates (strings)')
  const opts = meta['options']
  if (opts !== undefined) {
    if (!isObject(opts) || !isObject(opts['schema']) || !isObject(opts['defaults'])) fail('.meta.options', 'must be {schema, defaults}')
    const problem = schemaProblem((opts as {schema: JsonSchema}).schema)
    if (problem) fail('.meta.options.schema', `is not a valid JSON Schema (${problem})`)
  }
  return r as unknown as AnyRule
}
