// Generated documents from rule meta: the JSON Schema of config files (schema/clauselint.schema.json) and the README
// section on rule options. `npm run schema` and `npm run docs` write them; tests fail when they are stale.
import {PRESETS, SEVERITY_VALUES} from './config.js'
import {customRuleFileSchema} from './custom-rules.js'
import {PROFILES} from './profiles.js'
import type {AnyRule, JsonSchema} from './rule.js'
import {DIRECTIVE_RULES} from './suppressions.js'

export const OPTIONS_START = '<!-- options:start -->'
export const OPTIONS_END = '<!-- options:end -->'

const globs = (description: string): JsonSchema => ({
  description,
  anyOf: [{type: 'string', minLength: 1}, {type: 'array', items: {type: 'string', minLength: 1}}],
})

/** The schema of one rule's entry under `rules`: a severity, `[severity]`, `[severity, options]` or options alone. */
function ruleEntrySchema(rule: AnyRule | undefined, description: string): JsonSchema {
  const severity = {$ref: '#/definitions/severity'}
  const only: JsonSchema[] = [severity, {type: 'array', items: [severity], minItems: 1, maxItems: 1}]
  const options = rule?.meta.options?.schema
  if (!options) return {description, anyOf: only}
  return {description, anyOf: [...only, {type: 'array', items: [severity, options], minItems: 2, maxItems: 2}, options]}
}

/** The JSON Schema of a clauselint config file, from the rules' meta. */
export function buildConfigSchema(rules: readonly AnyRule[]): JsonSchema {
  const ruleProps: Record<string, JsonSchema> = {}
  for (const rule of rules) ruleProps[rule.meta.id] = ruleEntrySchema(rule, `${rule.meta.description} (default: ${rule.meta.severity})`)
  for (const [id, severity] of Object.entries(DIRECTIVE_RULES)) ruleProps[id] = ruleEntrySchema(undefined, `Suppression comments: ${DIRECTIVE_DESCRIPTIONS[id] ?? id} (default: ${severity})`)
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'clauselint configuration',
    description: 'A .clauselintrc.json / .clauselintrc.yaml / clauselint.config.json file, or the "clauselint" key of package.json (see "Configuration" in the README)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: {type: 'string', description: 'The schema of this file, for editors'},
      root: {type: 'boolean', description: 'Stop looking for config files in folders further up'},
      extends: {
        description: 'Configs this one builds on, in order: a preset or a path relative to this file',
        anyOf: [{$ref: '#/definitions/extend'}, {type: 'array', items: {$ref: '#/definitions/extend'}}],
      },
      profile: {$ref: '#/definitions/profile'},
      parser: {enum: ['fast', 'remark'], description: 'Which Markdown parser builds the tree: fast (the default; it hands what it does not cover to remark-parse) or remark (remark-parse for everything, the reference)'},
      rules: {$ref: '#/definitions/rules'},
      overrides: {
        type: 'array',
        description: 'Settings for some files only, applied in order after the rest of this config',
        items: {
          type: 'object',
          required: ['files'],
          additionalProperties: false,
          properties: {
            files: globs('Files it applies to: globs (gitignore syntax) relative to the config file that was found'),
            excludedFiles: globs('Files among those it does not apply to'),
            profile: {$ref: '#/definitions/profile'},
            rules: {$ref: '#/definitions/rules'},
          },
        },
      },
      ignorePatterns: globs('Files not to lint: globs (gitignore syntax) relative to the config file that was found'),
      customRules: globs('YAML rule files (or, with --allow-js-config, JavaScript rule modules), relative to this file'),
    },
    definitions: {
      severity: {enum: [...SEVERITY_VALUES], description: 'off, info, warn (or warning) or error; or, as in ESLint, 0 (off), 1 (warn) or 2 (error)'},
      profile: {
        description:
          'Which rules run: auto (chosen per document), msa (managed services: the operational checklist, then the commercial core), sla (service levels), agreement (any commercial agreement) or language (language rules only); or a list of several to combine, e.g. [msa, sla]',
        anyOf: [{enum: [...PROFILES]}, {type: 'array', items: {enum: PROFILES.filter((p) => p !== 'auto')}, minItems: 1, uniqueItems: true}],
      },
      extend: {
        anyOf: [
          {enum: Object.keys(PRESETS), description: Object.entries(PRESETS).map(([name, p]) => `${name}: ${p.description}`).join('\n')},
          {type: 'string', pattern: '^(?:\\.{1,2}[\\\\/]|/)', description: 'A config file, relative to this one ("./team.yaml")'},
        ],
      },
      rules: {
        type: 'object',
        description: 'Severity and options per rule id: "warn", ["error", {options}], or {options}; a severity is off, info, warn, warning, error, or 0, 1, 2',
        properties: ruleProps,
        // custom rules have ids of their own
        additionalProperties: ruleEntrySchema(undefined, 'A custom rule (from customRules)'),
      },
    },
  }
}

const DIRECTIVE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'unused-suppression': 'a suppression that silences nothing',
  'unknown-rule': 'a rule id that does not exist',
  'suppression-reason': 'a suppression without a reason, with --require-reason',
}

/** The schema of custom rule files, for editors. */
export function buildCustomRuleSchema(): JsonSchema {
  return customRuleFileSchema()
}

/** A schema's type in words, for the options table. */
export function typeName(schema: JsonSchema): string {
  if (Array.isArray(schema['anyOf'])) return (schema['anyOf'] as JsonSchema[]).map(typeName).join(' or ')
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')
  switch (schema['type']) {
    case 'array':
      return `list of ${plural(typeName((schema['items'] ?? {}) as JsonSchema))}`
    case 'object': {
      const patterns = Object.entries((schema['patternProperties'] ?? {}) as Record<string, JsonSchema>)
      if (patterns.length) return `object: ${patterns.map(([p, s]) => `${readable(p)} → ${typeName(s)}`).join(', ')}`
      const props = Object.keys((schema['properties'] ?? {}) as object)
      return props.length ? `{${props.join(', ')}}` : 'object'
    }
    case 'string':
      return schema['format'] === 'clauselint-duration' ? 'duration' : 'string'
    case 'number':
      return schema['minimum'] !== undefined && schema['maximum'] !== undefined ? `number (${String(schema['minimum'])}–${String(schema['maximum'])})` : 'number'
    default:
      return String(schema['type'] ?? 'any')
  }
}

const plural = (t: string): string => t.replace(/^string\b/, 'strings').replace(/^duration\b/, 'durations')
const readable = (pattern: string): string => {
  const m = /^\^(\w*)\[(\d)-(\d)\]\$$/.exec(pattern)
  return m ? `${m[1]}${m[2]}…${m[1]}${m[3]}` : pattern
}

/** Table cell text that keeps `code`: one line, `|`, `<`, `*` and `_` escaped. */
const text = (t: string): string => t.replace(/\s*\n\s*/g, ' ').trim().replace(/[\\|<*_]/g, (c) => `\\${c}`)

/** The README section on rule options: one table per rule that takes options. Ends with a newline. */
export function optionsDoc(rules: readonly AnyRule[]): string {
  const out: string[] = []
  for (const rule of rules) {
    const options = rule.meta.options
    if (!options) continue
    // every clause rule takes `headings`; the README says so once
    const props = Object.fromEntries(Object.entries((options.schema['properties'] ?? {}) as Record<string, JsonSchema>).filter(([name]) => !(name === 'headings' && rule.meta.category === 'clause')))
    if (!Object.keys(props).length) continue
    out.push(`#### \`${rule.meta.id}\``, '', '| Option | Type | Default | Meaning |', '| --- | --- | --- | --- |')
    for (const [name, schema] of Object.entries(props)) {
      const def = options.defaults[name]
      out.push(`| \`${name}\` | ${text(typeName(schema))} | ${def === undefined ? '' : `\`${JSON.stringify(def).replace(/\|/g, '\\|')}\``} | ${text(String(schema['description'] ?? ''))} |`)
    }
    out.push('')
  }
  return `${out.join('\n')}`
}

/** Put `content` between two markers of a text (appended with the markers when they are missing). */
export function replaceBetween(text: string, start: string, end: string, content: string): string {
  const block = `${start}\n${content}${end}`
  const a = text.indexOf(start)
  const b = a < 0 ? -1 : text.indexOf(end, a + start.length)
  if (a < 0 || b < 0) return `${text.replace(/\n*$/, '\n\n')}${block}\n`
  return `${text.slice(0, a)}${block}${text.slice(b + end.length)}`
}

/** The text between two markers, or undefined when they are missing. */
export function readBetween(text: string, start: string, end: string): string | undefined {
  const a = text.indexOf(start)
  const b = a < 0 ? -1 : text.indexOf(end, a + start.length)
  if (a < 0 || b < 0) return undefined
  return text.slice(a + start.length, b).replace(/^\r?\n/, '')
}

/** Files written by `npm run schema`, relative to the package root. */
export function schemaFiles(rules: readonly AnyRule[]): Record<string, string> {
  return {
    'schema/clauselint.schema.json': `${JSON.stringify(buildConfigSchema(rules), null, 2)}\n`,
    'schema/custom-rule.schema.json': `${JSON.stringify(buildCustomRuleSchema(), null, 2)}\n`,
  }
}
