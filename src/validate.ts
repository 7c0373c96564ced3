// Validation against JSON Schemas (rule options, custom rule files) with one-line messages that name the key.
import type {Ajv, ErrorObject, ValidateFunction} from 'ajv'
import {ConfigError, didYouMean, firstLine, show, showKey} from './config-error.js'
import {ajv as ajvPackage} from './deps.js'
import type {AnyRule, JsonSchema} from './rule.js'
import {DURATION_FORMAT, isDurationOption} from './rule.js'
import {phraseProblem} from './reading/phrases.js'
import {isPlaybookClause, playbookConflict} from './compare/playbook.js'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** `base.key`, or `base[0]` for an index. */
export const keyPath = (base: string, key: string | number): string => (typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key)

// made on first use: most runs have no options to check, and setting ajv up costs start-up time
let instance: Ajv | undefined
function ajv(): Ajv {
  if (!instance) {
    instance = new (ajvPackage().Ajv)({allErrors: false, strict: true, logger: false, verbose: true})
    instance.addFormat(DURATION_FORMAT, {type: 'string', validate: isDurationOption})
  }
  return instance
}
const validators = new WeakMap<AnyRule, ValidateFunction>()

function validatorFor(rule: AnyRule): ValidateFunction | undefined {
  const schema = rule.meta.options?.schema
  if (!schema) return undefined
  let v = validators.get(rule)
  if (!v) {
    try {
      v = ajv().compile(schema)
    } catch (error) {
      throw new ConfigError(`rule "${rule.meta.id}" has an invalid options schema (${firstLine(error)})`)
    }
    validators.set(rule, v)
  }
  return v
}

/** Check a rule's options against its schema; throws a one-line ConfigError naming `where` and the key. */
export function validateRuleOptions(rule: AnyRule, value: unknown, where: string, key: string): void {
  const validate = validatorFor(rule)
  if (!validate) throw new ConfigError(`${where}: ${key}: rule "${rule.meta.id}" takes no options`)
  check(validate, value, where, key, 'option')
  // tiers of a playbook that ask more at a later tier than at an earlier one
  const playbook = isObject(value) ? value['playbook'] : undefined
  if (isObject(playbook) && isPlaybookClause(rule.meta.id)) {
    const conflict = playbookConflict(playbook)
    if (conflict) throw new ConfigError(`${where}: ${key}.playbook.${conflict.path}: ${conflict.message}`)
  }
  checkPhrases(value, where, key)
}

/** Option keys whose strings are phrases or `/regex/` patterns (`add` entries may be `{phrase, suggestion}`). */
const PHRASE_KEYS = ['add', 'allow', 'headings'] as const

/** Phrases in options must compile, run in linear time and never match the empty string: checked at load, not per file. */
function checkPhrases(value: unknown, where: string, key: string): void {
  if (!isObject(value)) return
  for (const name of PHRASE_KEYS) {
    const list = value[name]
    if (!Array.isArray(list)) continue
    list.forEach((entry: unknown, i) => {
      const phrase = typeof entry === 'string' ? entry : isObject(entry) && typeof entry['phrase'] === 'string' ? entry['phrase'] : undefined
      const problem = phrase === undefined ? undefined : phraseProblem(phrase)
      if (problem) throw new ConfigError(`${where}: ${keyPath(keyPath(key, name), i)}${typeof entry === 'string' ? '' : '.phrase'}: ${show(phrase)} ${problem}`)
    })
  }
}

const compiled = new WeakMap<JsonSchema, ValidateFunction>()

/** Check a value against a schema; throws a one-line ConfigError naming `where` and the key under `base`. */
export function validateAgainst(schema: JsonSchema, value: unknown, where: string, base: string): void {
  let validate = compiled.get(schema)
  if (!validate) compiled.set(schema, (validate = ajv().compile(schema)))
  check(validate, value, where, base, 'key')
}

/** Does the schema compile (for rules loaded from modules)? The reason when it does not. */
export function schemaProblem(schema: JsonSchema): string | undefined {
  try {
    ajv().compile(schema)
    return undefined
  } catch (error) {
    return firstLine(error)
  }
}

function check(validate: ValidateFunction, value: unknown, where: string, base: string, noun: string): void {
  if (validate(value)) return
  const error = pickError(validate.errors ?? [])
  if (!error) throw new ConfigError(`${where}: ${base}: is not valid`)
  throw new ConfigError(`${where}: ${describeAjvError(error, value, base, noun)}`)
}

function pickError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  // With anyOf, ajv lists each branch's failure and then the anyOf itself: the anyOf says it best.
  return errors.find((e) => e.keyword === 'anyOf') ?? errors[0]
}

function valueAt(data: unknown, pointer: string): unknown {
  let v = data
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    v = Array.isArray(v) ? v[Number(part)] : isObject(v) ? v[part] : undefined
  }
  return v
}

function describeAjvError(e: ErrorObject, data: unknown, base: string, noun: string): string {
  const where = (at: string): string => at || '(top level)'
  let at = base
  let cur = data
  for (const raw of e.instancePath.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    at = Array.isArray(cur) ? keyPath(at, Number(part)) : keyPath(at, part)
    cur = Array.isArray(cur) ? cur[Number(part)] : isObject(cur) ? cur[part] : undefined
  }
  const value = valueAt(data, e.instancePath)
  const params = e.params as Record<string, unknown>
  const schema = (e.parentSchema ?? {}) as JsonSchema
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String(params['additionalProperty'])
      const known = Object.keys((schema['properties'] ?? {}) as object)
      const patterns = Object.keys((schema['patternProperties'] ?? {}) as object)
      const hint = known.length ? didYouMean(extra, known) || `; use ${known.map((k) => `"${k}"`).join(', ')}` : patterns.length ? `; use ${patterns.map(readablePattern).join(', ')}` : ''
      return `${keyPath(at, showKey(extra))}: unknown ${noun}${hint}`
    }
    case 'type':
      return `${where(at)}: must be ${article(String(params['type']))}, got ${show(value)}`
    case 'format':
      return params['format'] === DURATION_FORMAT ? `${at}: ${show(value)} is not a duration (use e.g. "1h", "30m", "4 business hours")` : `${at}: ${show(value)} is not a valid ${String(params['format'])}`
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${where(at)}: must be ${String(params['comparison'])} ${String(params['limit'])}, got ${show(value)}`
    case 'minLength':
      return `${where(at)}: must not be empty`
    case 'enum':
      return `${where(at)}: ${show(value)} is not one of ${((params['allowedValues'] ?? []) as unknown[]).map(show).join(', ')}${typeof value === 'string' ? didYouMean(value, ((params['allowedValues'] ?? []) as unknown[]).map(String)) : ''}`
    case 'required':
      return `${where(at)}: missing "${String(params['missingProperty'])}"`
    case 'anyOf':
    case 'oneOf': {
      const branches = ((schema[e.keyword] ?? []) as JsonSchema[]).map((b) => (b['type'] === 'object' && isObject(b['properties']) ? `{${Object.keys(b['properties']).join(', ')}}` : article(String(b['type']))))
      return `${where(at)}: must be ${branches.join(' or ')}, got ${show(value)}`
    }
    default:
      return `${where(at)}: ${e.message ?? 'is not valid'}`
  }
}

function article(type: string): string {
  if (type === 'array') return 'a list'
  if (type === 'object') return 'an object'
  if (type === 'integer') return 'a whole number'
  return `a ${type}`
}


/** "^P[1-5]$" → "P1 to P5"; other patterns as they are. */
function readablePattern(pattern: string): string {
  const m = /^\^(\w*)\[(\d)-(\d)\]\$$/.exec(pattern)
  return m ? `${m[1]}${m[2]} to ${m[1]}${m[3]}` : `a key matching ${pattern}`
}
