// Configuration: find config files beside and above each linted file, read and check them, resolve extends, presets,
// overrides and front matter, and turn the result into the rules, severities and options the engine runs with.
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import ignore, {type Ignore} from 'ignore'
import {builtinRules} from '../rules/meta.js'
import {ConfigError, didYouMean, firstLine, parseYamlText, severityOf, show, showKey, showKind, type SeverityWord} from './config-error.js'
import {Confinement, printable} from './confine.js'
import {PROFILES, parseProfile, profileHint, profileRules, type ProfileName} from './profiles.js'
import {PARSERS, type ParserName} from './parse.js'
import type {AnyRule} from './rule.js'
import {DIRECTIVE_RULES} from './suppressions.js'
import type {SeveritySetting} from './types.js'
import {keyPath, validateRuleOptions} from './validate.js'
import {yaml} from './deps.js'

export {SEVERITY_VALUES, SEVERITY_WORDS, type SeverityWord} from './config-error.js'
const TO_WORD: Readonly<Record<SeveritySetting, SeverityWord>> = {off: 'off', info: 'info', warning: 'warn', error: 'error'}

/** Config file names, in the order they are looked for in each directory (the first found wins in that directory). */
export const CONFIG_FILES = ['.clauselintrc.json', '.clauselintrc.yaml', '.clauselintrc.yml', 'clauselint.config.json', 'package.json'] as const
/** JavaScript config files: found like the others, loaded only with `--allow-js-config`. */
export const JS_CONFIG_FILES = ['.clauselintrc.js', '.clauselintrc.mjs', 'clauselint.config.js', 'clauselint.config.mjs'] as const

/** Names a config is easily given that clauselint does not read (ESLint's and markdownlint's older names among them): an error, not ignored. */
const NEAR_CONFIG_FILES = ['.clauselintrc', '.clauselint.json', '.clauselint.yaml', '.clauselint.yml', 'clauselint.config.yaml', 'clauselint.config.yml'] as const

const TOP_KEYS = ['$schema', 'root', 'extends', 'profile', 'parser', 'rules', 'overrides', 'ignorePatterns', 'customRules'] as const
const OVERRIDE_KEYS = ['files', 'excludedFiles', 'profile', 'rules'] as const
// `includes` names the members of a document set (src/docset.ts)
const FRONTMATTER_KEYS = ['profile', 'rules', 'includes'] as const

// ---------------------------------------------------------------------------------------------------------------
// Presets

/** The built-in presets, for `extends`. Each is a config like a file's. */
export const PRESETS: Readonly<Record<string, {readonly description: string; readonly config: Readonly<Record<string, unknown>>}>> = {
  'clauselint:recommended': {
    description: 'What clauselint does with no config: profile `auto` (per document: the msa rules for a services agreement, sla for another service level agreement, agreement for other commercial agreements, the language rules for a document it does not recognise), every rule at its default severity and options',
    config: {profile: 'auto'},
  },
  'clauselint:msa': {
    description: 'The msa rules on every document (profile `msa`), at the default severities and options: for a folder that holds only managed-services agreements',
    config: {profile: 'msa'},
  },
  'clauselint:strict': {
    description:
      'For a gate before signature: `clauselint:msa`, with every rule at `error` (vague clauses still warn), and tighter house standards: P1 response within 30 minutes, P2 2 hours, P3 8 hours, backups at least daily and retention stated, availability at least 99.9%',
    config: {
      extends: 'clauselint:msa',
      rules: {
        ...Object.fromEntries(builtinRules.map((r) => [r.meta.id, 'error'])),
        'response-times': ['error', {maxResponse: {P1: '30m', P2: '2h', P3: '8h'}}],
        'backup-frequency': ['error', {maxInterval: '24h', requireRetention: true}],
        'performance-targets': ['error', {minUptime: 99.9}],
        'service-hours': ['error', {requireTimeZone: true}],
      },
    },
  },
  'clauselint:playbook-strict': {
    description:
      'A worked MSP playbook over `clauselint:msa`: per clause a preferred position, a fallback that needs the approval of `@msp/legal` (or `@msp/ops`, `@msp/finance`), and a walk-away beyond which a finding is an error. P1 response 1 hour / 2 hours / 4 hours, P2 4 / 8 / 1 business day; P1 resolution 4 hours / 8 hours / 1 day; uptime 99.9% / 99.5% / 99% per month; backups daily / daily / weekly, kept 30 / 14 / 7 days; service hours 5 days of 10 / 9 / 8 hours; after-hours work included / at 1.5× / at 2×',
    config: {
      extends: 'clauselint:msa',
      rules: {
        'response-times': ['error', {playbook: {preferred: {P1: '1h', P2: '4h'}, fallback: {P1: '2h', P2: '8h', approver: '@msp/legal'}, walkAway: {P1: '4h', P2: '1d'}}}],
        'resolution-times': ['error', {playbook: {preferred: {P1: '4h'}, fallback: {P1: '8h', approver: '@msp/legal'}, walkAway: {P1: '1d'}}}],
        'performance-targets': ['error', {playbook: {preferred: {uptime: 99.9, period: 'month'}, fallback: {uptime: 99.5, approver: '@msp/legal'}, walkAway: {uptime: 99, period: 'month'}}}],
        'backup-frequency': ['error', {playbook: {preferred: {interval: '24h', retention: '30d'}, fallback: {interval: '24h', retention: '14d', approver: '@msp/ops'}, walkAway: {interval: '1w', retention: '7d'}}}],
        'service-hours': ['error', {playbook: {preferred: {days: 5, span: '10h'}, fallback: {days: 5, span: '9h', approver: '@msp/ops'}, walkAway: {days: 5, span: '8h'}}}],
        'after-hours-support': ['error', {playbook: {preferred: {included: true}, fallback: {multiplier: 1.5, approver: '@msp/finance'}, walkAway: {multiplier: 2}}}],
      },
    },
  },
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const toPosix = (p: string): string => p.split(path.sep).join('/')

// ---------------------------------------------------------------------------------------------------------------
// Reading config files

/** One rule setting as written: severity and/or options, and where it was written (for errors). */
interface RuleSetting {
  readonly severity?: SeveritySetting
  readonly options?: Readonly<Record<string, unknown>>
  readonly where: string
  readonly key: string
}

interface Override {
  readonly files: Ignore
  readonly excluded: Ignore | undefined
  readonly profile?: ProfileName
  readonly rules: ReadonlyMap<string, RuleSetting>
}

/** One config, flattened: a file, an extended file or a preset. Patterns are relative to `base`. */
interface Layer {
  readonly source: string
  readonly base: string
  readonly profile?: ProfileName
  readonly parser?: ParserName
  readonly rules: ReadonlyMap<string, RuleSetting>
  readonly overrides: readonly Override[]
  readonly ignore: Ignore | undefined
  readonly customRules: readonly string[]
}

interface LoadedFile {
  readonly root: boolean
  /** The file's extends (in order), then the file itself, before `base` is known. */
  readonly layers: ReadonlyArray<(base: string) => Layer>
}

export interface ConfigLoaderOptions {
  /** Paths in messages are relative to this. */
  readonly cwd: string
  /** `--config PATH`: use this file only, no lookup. */
  readonly configFile?: string
  /** `--no-config`: no config files at all (front matter still applies). */
  readonly noConfig?: boolean
  /** `--allow-js-config`: load JavaScript config files and custom rule modules (they run code). */
  readonly allowJs?: boolean
  /** `--profile`: wins over the profile of config files and front matter. */
  readonly profile?: ProfileName
  /** Where `profile` was set, for the reason a result gives (default `--profile`; the editor server names its setting). */
  readonly profileSource?: string
  /**
   * The lint root (a real path). A config file inside it must resolve inside it, and its `extends` and `customRules`
   * must too; a config above it or a `--config` outside it is the user's and is not confined. No checks when unset (the
   * library, given its caller's own files).
   */
  readonly root?: string
  /** `--no-inline-config`: front matter settings and suppression comments are ignored. */
  readonly noInlineConfig?: boolean
  /** `--rule id:severity`: over every config file (front matter still wins), as rule entries of a config file. */
  readonly cliRules?: Readonly<Record<string, unknown>>
}

/** What applies to one file: the settings before front matter, and whether the file is ignored. */
export interface FileConfig {
  readonly settings: Settings
  /** Matched by `ignorePatterns`: not linted. */
  readonly ignored: boolean
}

/** Resolved settings: a profile, the rule settings that config changed, and the custom rules loaded. */
export interface Settings {
  readonly profile: ProfileName
  /** Forced by `--profile`: front matter cannot change it. */
  readonly profileLocked: boolean
  /** Where the profile was set ("--profile", ".clauselintrc.yaml", "front matter"), for the report. */
  readonly profileFrom?: string
  /** Rule id → severity and validated options (only the rules config mentions). */
  readonly rules: ReadonlyMap<string, {readonly severity?: SeveritySetting; readonly options?: Readonly<Record<string, unknown>>}>
  readonly customRules: readonly AnyRule[]
  /** `parser` from config: `remark` selects the reference parser (default: the fast one). */
  readonly parser?: ParserName
  /** Config files that applied, nearest last (paths relative to the cwd). */
  readonly sources: readonly string[]
  /** `--no-inline-config`: front matter settings and suppression comments are ignored. */
  readonly noInlineConfig?: boolean
  /** The custom rule files loaded (absolute paths): an editor re-reads config when one changes. */
  readonly customRuleFiles?: readonly string[]
}

/** The default settings: no config. */
export function defaultSettings(profile?: ProfileName): Settings {
  return {profile: profile ?? 'auto', profileLocked: profile !== undefined, rules: new Map(), customRules: [], sources: []}
}

/** Finds, loads and caches config per directory; resolves the settings for each linted file. */
export class ConfigLoader {
  private readonly files = new Map<string, Promise<LoadedFile>>()
  private readonly dirs = new Map<string, Promise<Array<{layer: Layer}>>>()
  private readonly resolved = new Map<string, Promise<ResolvedCascade>>()

  private readonly confine: Confinement | undefined

  constructor(readonly options: ConfigLoaderOptions) {
    this.confine = options.root === undefined ? undefined : new Confinement(options.root)
  }

  /** Is this config file the repository's (inside the root), so that what it names is confined? */
  private untrusted(file: string): boolean {
    return this.confine !== undefined && !file.startsWith('clauselint:') && this.confine.holds(file)
  }

  /** Refuse a file named by an untrusted config that resolves outside the lint root. */
  private confined(target: string, referrer: string, where: string, key: string, written: string): void {
    if (!this.untrusted(referrer) || this.confine!.allows(target)) return
    throw new ConfigError(`${where}: ${key}: ${show(written)} is outside the lint root (after symbolic links); a config in the repository may only name files inside it (set the root with --root)`)
  }

  private label(file: string): string {
    if (file.startsWith('clauselint:')) return file
    const rel = path.relative(this.options.cwd, file)
    return toPosix(rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file)
  }

  /** The config of every file of a folder, for a folder where it does not depend on the file (see forFile). */
  private readonly sameInFolder = new Map<string, FileConfig>()

  /** The config for a file (it need not exist). Throws ConfigError. */
  async forFile(filePath: string): Promise<FileConfig> {
    const abs = path.resolve(this.options.cwd, filePath)
    const folder = this.sameInFolder.get(path.dirname(abs))
    if (folder) return folder
    const layers = await this.layersFor(path.dirname(abs))
    const cascade = await this.resolve(layers)
    let ignored = false
    let profile: ProfileName | undefined
    let profileFrom: string | undefined
    let parser: ParserName | undefined
    const rules = new Map(cascade.rules)
    for (const layer of layers) {
      if (layer.profile) {
        profile = layer.profile
        profileFrom = layer.source
      }
      if (layer.parser) parser = layer.parser
      // globs only match files below the config's folder
      const rel = relativeTo(layer.base, abs)
      if (rel === undefined) continue
      if (layer.ignore?.ignores(rel)) ignored = true
      for (const o of layer.overrides) {
        if (!o.files.ignores(rel) || o.excluded?.ignores(rel)) continue
        if (o.profile) {
          profile = o.profile
          profileFrom = `an override in ${layer.source}`
        }
        for (const [id, s] of o.rules) rules.set(id, merge(rules.get(id), checkSetting(id, s, cascade.known)))
      }
    }
    for (const [id, entry] of Object.entries(this.options.cliRules ?? {})) rules.set(id, merge(rules.get(id), checkSetting(id, ruleEntry(entry, '--rule', id), cascade.known)))
    const locked = this.options.profile
    const config: FileConfig = {
      ignored,
      settings: {
        profile: locked ?? profile ?? 'auto',
        profileLocked: locked !== undefined,
        ...(locked ? {profileFrom: this.options.profileSource ?? '--profile'} : profileFrom ? {profileFrom} : {}),
        rules,
        customRules: cascade.customRules,
        ...(cascade.files.length ? {customRuleFiles: cascade.files} : {}),
        ...(parser ? {parser} : {}),
        sources: [...new Set(layers.map((l) => l.source))].filter((s) => !s.startsWith('clauselint:')),
        ...(this.options.noInlineConfig ? {noInlineConfig: true} : {}),
      },
    }
    // A file's path matters only to ignorePatterns and overrides: without them every file of the folder has this config,
    // one object (so that, among others, the result cache digests its settings once per folder, not once per file).
    if (layers.every((l) => l.ignore === undefined && l.overrides.length === 0)) this.sameInFolder.set(path.dirname(abs), config)
    return config
  }

  private async layersFor(dir: string): Promise<Layer[]> {
    if (this.options.noConfig) return []
    if (this.options.configFile !== undefined) {
      const file = path.resolve(this.options.cwd, this.options.configFile)
      if (!existsSync(file)) throw new ConfigError(`--config: ${this.label(file)} does not exist`)
      const loaded = await this.load(file, [])
      return loaded.layers.map((l) => l(path.dirname(file)))
    }
    return (await this.dirLayers(dir)).map((x) => x.layer)
  }

  private dirLayers(dir: string): Promise<Array<{layer: Layer}>> {
    let p = this.dirs.get(dir)
    if (!p) {
      p = (async () => {
        const file = this.configIn(dir)
        const parent = path.dirname(dir)
        const loaded = file ? await this.load(file, []) : undefined
        const above = (loaded?.root || parent === dir) ? [] : await this.dirLayers(parent)
        return [...above, ...(loaded?.layers.map((l) => ({layer: l(dir)})) ?? [])]
      })()
      this.dirs.set(dir, p)
    }
    return p
  }

  /** The config file of a directory, if any. */
  private configIn(dir: string): string | undefined {
    for (const name of [...CONFIG_FILES, ...JS_CONFIG_FILES]) {
      const file = path.join(dir, name)
      let isFile = false
      try {
        isFile = statSync(file).isFile()
      } catch {
        continue
      }
      if (!isFile) continue
      if (name === 'package.json') {
        let pkg: unknown
        try {
          pkg = JSON.parse(readFileSync(file, 'utf8'))
        } catch {
          continue // a broken package.json is not ours to report
        }
        if (!isObject(pkg) || !('clauselint' in pkg)) continue
      }
      return file
    }
    // A config under a name clauselint does not read would be silently ignored: say so, naming the file
    for (const name of NEAR_CONFIG_FILES) {
      const file = path.join(dir, name)
      try {
        if (!statSync(file).isFile()) continue
      } catch {
        continue
      }
      throw new ConfigError(`${this.label(file)}: not a config file name clauselint reads; rename it to ${/json/.test(name) ? '.clauselintrc.json' : '.clauselintrc.yaml'}`)
    }
    return undefined
  }

  private load(file: string, chain: readonly string[]): Promise<LoadedFile> {
    if (chain.includes(file)) {
      const loop = [...chain.slice(chain.indexOf(file)), file].map((f) => this.label(f)).join(' → ')
      return Promise.reject(new ConfigError(`${this.label(chain[chain.length - 1]!)}: extends: circular: ${loop}`))
    }
    // Cache only top-level loads: an extends chain is checked for cycles on every path that reaches it.
    const cached = chain.length === 0 ? this.files.get(file) : undefined
    if (cached) return cached
    const p = this.read(file).then((data) => this.parse(file, data, chain))
    if (chain.length === 0) this.files.set(file, p)
    return p
  }

  private async read(file: string): Promise<unknown> {
    const where = this.label(file)
    const base = path.basename(file)
    if (this.untrusted(file) && !this.confine!.allows(file)) throw new ConfigError(`${where}: is a symbolic link out of the lint root; not read`)
    if (/\.[cm]?js$/.test(base)) {
      if (!this.options.allowJs) throw new ConfigError(`${where}: a JavaScript config runs code; pass --allow-js-config to load it, or use .clauselintrc.yaml`)
      let mod: {default?: unknown}
      try {
        mod = (await import(pathToFileURL(file).href)) as {default?: unknown}
      } catch (error) {
        throw new ConfigError(`${where}: could not be loaded (${firstLine(error)})`)
      }
      return mod.default
    }
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      const code = (error as {code?: string}).code
      throw new ConfigError(`${where}: ${code === 'EISDIR' ? 'is a directory, not a config file' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? firstLine(error)})`}`)
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    if (base === 'package.json') {
      const pkg = parseJson(text, where) as Record<string, unknown>
      return pkg['clauselint']
    }
    // A config file that sets nothing (empty, blank or only comments) is refused, as ESLint and markdownlint do: it is
    // most often a write that failed or an edit not saved, and linting on with the defaults would hide that. `{}` is
    // how to say "no options here".
    const data = /\.ya?ml$/.test(base) ? parseYamlText(text, where) : text.trim() === '' ? undefined : parseJson(text, where)
    if (data === null || data === undefined) throw new ConfigError(`${where}: the config file is empty; write {} in it for a config with no options, or delete it`)
    return data
  }

  private async parse(file: string, data: unknown, chain: readonly string[]): Promise<LoadedFile> {
    const where = this.label(file)
    const dir = path.dirname(file)
    const parsed = checkShape(data, where, path.basename(file) === 'package.json' ? 'clauselint' : '')
    parsed.customRules.forEach((p, i) => this.confined(path.resolve(dir, p), file, where, Array.isArray((data as Record<string, unknown> | null)?.['customRules']) ? keyPath('customRules', i) : 'customRules', p))
    const layers: Array<(base: string) => Layer> = []
    for (const [i, ext] of parsed.extends.entries()) layers.push(...(await this.extend(ext, dir, where, parsed.extendsKey(i), [...chain, file])))
    layers.push(this.layerOf(parsed, where, dir))
    return {root: parsed.root, layers}
  }

  private async extend(ext: string, dir: string, where: string, key: string, chain: readonly string[]): Promise<Array<(base: string) => Layer>> {
    if (ext.startsWith('clauselint:')) {
      const preset = PRESETS[ext]
      if (!preset) throw new ConfigError(`${where}: ${key}: unknown preset ${show(ext)}${didYouMean(ext, Object.keys(PRESETS)) || `; use ${Object.keys(PRESETS).join(', ')}`}`)
      if (chain.includes(ext)) return []
      const parsed = checkShape(preset.config, ext)
      const layers: Array<(base: string) => Layer> = []
      for (const inner of parsed.extends) layers.push(...(await this.extend(inner, dir, ext, 'extends', [...chain, ext])))
      layers.push(this.layerOf(parsed, ext, dir))
      return layers
    }
    if (!/^\.{1,2}[\\/]/.test(ext) && !path.isAbsolute(ext)) {
      throw new ConfigError(`${where}: ${key}: ${show(ext)} is not a preset or a file; use ${Object.keys(PRESETS).join(', ')}, or a path starting with "./"`)
    }
    const file = path.resolve(dir, ext)
    this.confined(file, chain[chain.length - 1]!, where, key, ext)
    if (!existsSync(file)) throw new ConfigError(`${where}: ${key}: ${show(ext)} does not exist (looked for ${printable(this.label(file))})`)
    if (!/\.(?:json|ya?ml|[cm]?js)$/.test(file)) throw new ConfigError(`${where}: ${key}: ${show(ext)} is not a .json, .yaml or .yml file`)
    const loaded = await this.load(file, chain)
    return [...loaded.layers]
  }

  private layerOf(parsed: ParsedConfig, where: string, dir: string): (base: string) => Layer {
    const customRules = parsed.customRules.map((p) => path.resolve(dir, p))
    return (base) => ({
      source: where,
      base,
      ...(parsed.profile ? {profile: parsed.profile} : {}),
      ...(parsed.parser ? {parser: parsed.parser} : {}),
      rules: parsed.rules,
      overrides: parsed.overrides,
      ignore: parsed.ignorePatterns.length ? ignore().add(parsed.ignorePatterns) : undefined,
      customRules,
    })
  }

  /** Load the custom rules of a cascade and merge its rule settings, checking every id and option. Cached per cascade. */
  private resolve(layers: readonly Layer[]): Promise<ResolvedCascade> {
    const key = layers.map((l) => `${l.source}\u0000${l.base}`).join('\u0001')
    let p = this.resolved.get(key)
    if (!p) {
      p = (async () => {
        const customRules: AnyRule[] = []
        const seen = new Set<string>()
        for (const layer of layers) {
          for (const file of layer.customRules) {
            if (seen.has(file)) continue
            seen.add(file)
            // the loader brings the rule kit with it: loaded only for a config that names custom rules
            const {loadCustomRules} = await import('./custom-rules.js')
            for (const rule of await loadCustomRules(file, {allowJs: this.options.allowJs ?? false, label: this.label(file), configLabel: layer.source})) {
              const clash = [...builtinRules, ...customRules].find((r) => r.meta.id === rule.meta.id)
              if (clash) throw new ConfigError(`${this.label(file)}: id: "${rule.meta.id}" is already ${builtinRules.includes(clash) ? 'a built-in rule' : 'the id of another custom rule'}; choose another id`)
              customRules.push(rule)
            }
          }
        }
        const known = knownRules(customRules)
        const rules = new Map<string, ResolvedSetting>()
        for (const layer of layers) for (const [id, s] of layer.rules) rules.set(id, merge(rules.get(id), checkSetting(id, s, known)))
        // overrides are checked now too, so a mistake shows whichever file is linted
        for (const layer of layers) for (const o of layer.overrides) for (const [id, s] of o.rules) checkSetting(id, s, known)
        return {customRules, known, rules, files: [...seen]}
      })()
      this.resolved.set(key, p)
    }
    return p
  }
}

interface ResolvedSetting {
  readonly severity?: SeveritySetting
  readonly options?: Readonly<Record<string, unknown>>
}

interface ResolvedCascade {
  readonly files: readonly string[]
  readonly customRules: readonly AnyRule[]
  readonly known: ReadonlyMap<string, AnyRule | undefined>
  readonly rules: ReadonlyMap<string, ResolvedSetting>
}

/** Every rule id config may name: built-in rules, custom rules, and the suppression checks (no rule object). */
function knownRules(customRules: readonly AnyRule[]): Map<string, AnyRule | undefined> {
  const known = new Map<string, AnyRule | undefined>()
  for (const r of [...builtinRules, ...customRules]) known.set(r.meta.id, r)
  for (const id of Object.keys(DIRECTIVE_RULES)) known.set(id, undefined)
  return known
}

const checkedSettings = new WeakMap<RuleSetting, WeakMap<AnyRule, true>>()

function checkSetting(id: string, s: RuleSetting, known: ReadonlyMap<string, AnyRule | undefined>): ResolvedSetting {
  if (!known.has(id)) throw new ConfigError(`${s.where}: ${s.key}: unknown rule "${id}"${didYouMean(id, known.keys())}`)
  const rule = known.get(id)
  if (s.options !== undefined) {
    if (!rule) throw new ConfigError(`${s.where}: ${s.key}: "${id}" takes a severity only`)
    let done = checkedSettings.get(s)
    if (!done?.has(rule)) {
      validateRuleOptions(rule, s.options, s.where, s.key)
      if (!done) checkedSettings.set(s, (done = new WeakMap()))
      done.set(rule, true)
    }
  }
  return {...(s.severity ? {severity: s.severity} : {}), ...(s.options ? {options: s.options} : {})}
}

/** A later setting over an earlier one: severity replaces; options merge key by key (arrays replace). */
function merge(prev: ResolvedSetting | undefined, next: ResolvedSetting): ResolvedSetting {
  if (!prev) return next
  const severity = next.severity ?? prev.severity
  const options = prev.options && next.options ? mergeDeep(prev.options, next.options) : (next.options ?? prev.options)
  return {...(severity ? {severity} : {}), ...(options ? {options} : {})}
}

function mergeDeep(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {...a}
  for (const [k, v] of Object.entries(b)) out[k] = isObject(out[k]) && isObject(v) ? mergeDeep(out[k] as Record<string, unknown>, v) : v
  return out
}

function relativeTo(base: string, abs: string): string | undefined {
  const rel = path.relative(base, abs)
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined
  return toPosix(rel)
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing and checking the shape of a config

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    // Node's messages quote the whole text ("… is not valid JSON"); keep the reason, and find the line with the YAML parser
    const reason = firstLine(error)
      .replace(/, ".*$/, '')
      .replace(/\s*in JSON at position \d+.*$/, '')
    const located = yaml().parseDocument(text, {prettyErrors: true}).errors[0]?.linePos?.[0]
    const pos = /position (\d+)/.exec(firstLine(error))
    // "Unexpected token '#', "# Managed"… is not valid JSON": no position given, but the token's first place is it
    const token = /Unexpected token '(.)'/.exec(firstLine(error))?.[1]
    const tokenAt = token !== undefined ? text.indexOf(token) : -1
    const at = pos ? lineColumn(text, Number(pos[1])) : tokenAt >= 0 ? lineColumn(text, tokenAt) : located ? {line: located.line, col: located.col} : undefined
    throw new ConfigError(`${where}: ${at ? `line ${at.line}, column ${at.col}: ` : ''}invalid JSON (${reason})`)
  }
}

function lineColumn(text: string, offset: number): {line: number; col: number} {
  const before = text.slice(0, offset)
  return {line: before.split('\n').length, col: before.length - before.lastIndexOf('\n')}
}

interface ParsedConfig {
  readonly root: boolean
  readonly extends: readonly string[]
  readonly extendsKey: (index: number) => string
  readonly profile?: ProfileName
  readonly parser?: ParserName
  readonly rules: ReadonlyMap<string, RuleSetting>
  readonly overrides: readonly Override[]
  readonly ignorePatterns: readonly string[]
  readonly customRules: readonly string[]
}

function stringList(value: unknown, where: string, key: string, allowOne = false): string[] {
  if (allowOne && typeof value === 'string') return [value]
  if (!Array.isArray(value)) throw new ConfigError(`${where}: ${key}: must be a list of strings${allowOne ? ' (or one string)' : ''}, got ${show(value)}`)
  return value.map((v, i) => {
    if (typeof v !== 'string' || !v.trim()) throw new ConfigError(`${where}: ${keyPath(key, i)}: must be a non-empty string, got ${show(v)}`)
    return v
  })
}

function parserOf(value: unknown, where: string, key: string): ParserName {
  if (typeof value !== 'string' || !PARSERS.includes(value as ParserName)) {
    throw new ConfigError(`${where}: ${key}: unknown parser ${show(value)}${(typeof value === 'string' && didYouMean(value, PARSERS)) || `; use ${PARSERS.join(' or ')}`}`)
  }
  return value as ParserName
}

/** A profile: one name, or a list of listed profiles to combine (`profile: [msa, sla]`). */
function profileOf(value: unknown, where: string, key: string): ProfileName {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (typeof v !== 'string' || !(PROFILES as readonly string[]).includes(v)) {
        throw new ConfigError(`${where}: ${keyPath(key, i)}: unknown profile ${show(v)}${(typeof v === 'string' && profileHint(v)) || `; use ${PROFILES.join(', ')}`}`)
      }
    })
    const parsed = parseProfile(value)
    if ('error' in parsed) throw new ConfigError(`${where}: ${key}: ${parsed.error}`)
    return parsed.profile
  }
  if (typeof value !== 'string' || !PROFILES.includes(value as ProfileName)) {
    throw new ConfigError(`${where}: ${key}: unknown profile ${show(value)}${(typeof value === 'string' && profileHint(value)) || `; use ${PROFILES.join(', ')}, or a list of several of them`}`)
  }
  return value as ProfileName
}

function checkKeys(data: Record<string, unknown>, allowed: readonly string[], where: string, base: string): void {
  for (const key of Object.keys(data)) {
    if (!allowed.includes(key)) {
      throw new ConfigError(`${where}: ${keyPath(base, showKey(key))}: unknown key${didYouMean(key, allowed.filter((k) => k !== '$schema')) || `; use ${allowed.filter((k) => k !== '$schema').join(', ')}`}`)
    }
  }
}

/** Check the shape of a config object (not yet rule ids or options, which need the custom rules). Keys are named under `prefix`. */
function checkShape(data: unknown, where: string, prefix = ''): ParsedConfig {
  const k = (key: string): string => keyPath(prefix, key)
  if (data === null || data === undefined) data = {}
  if (!isObject(data)) throw new ConfigError(`${where}: ${prefix ? `${prefix}: ` : ''}must be an object of settings, got ${showKind(data)}`)
  checkKeys(data, TOP_KEYS, where, prefix)
  if (data['root'] !== undefined && typeof data['root'] !== 'boolean') throw new ConfigError(`${where}: ${k('root')}: must be true or false, got ${show(data['root'])}`)
  const ext = data['extends'] === undefined ? [] : stringList(data['extends'], where, k('extends'), true)
  return {
    root: data['root'] === true,
    extends: ext,
    extendsKey: (i) => (Array.isArray(data['extends']) ? keyPath(k('extends'), i) : k('extends')),
    ...(data['profile'] !== undefined ? {profile: profileOf(data['profile'], where, k('profile'))} : {}),
    ...(data['parser'] !== undefined ? {parser: parserOf(data['parser'], where, k('parser'))} : {}),
    rules: ruleSettings(data['rules'], where, k('rules')),
    overrides: data['overrides'] === undefined ? [] : overridesOf(data['overrides'], where, k('overrides')),
    ignorePatterns: data['ignorePatterns'] === undefined ? [] : stringList(data['ignorePatterns'], where, k('ignorePatterns'), true),
    customRules: data['customRules'] === undefined ? [] : stringList(data['customRules'], where, k('customRules'), true),
  }
}

function overridesOf(value: unknown, where: string, base: string): Override[] {
  if (!Array.isArray(value)) throw new ConfigError(`${where}: ${base}: must be a list of {files, rules}, got ${show(value)}`)
  return value.map((o, i) => {
    const key = keyPath(base, i)
    if (!isObject(o)) throw new ConfigError(`${where}: ${key}: must be an object with "files", got ${show(o)}`)
    checkKeys(o, OVERRIDE_KEYS, where, key)
    if (o['files'] === undefined) throw new ConfigError(`${where}: ${key}: missing "files" (the globs it applies to)`)
    const files = stringList(o['files'], where, `${key}.files`, true)
    const excluded = o['excludedFiles'] === undefined ? undefined : stringList(o['excludedFiles'], where, `${key}.excludedFiles`, true)
    return {
      files: ignore().add(files),
      excluded: excluded ? ignore().add(excluded) : undefined,
      ...(o['profile'] !== undefined ? {profile: profileOf(o['profile'], where, `${key}.profile`)} : {}),
      rules: ruleSettings(o['rules'], where, `${key}.rules`),
    }
  })
}

function ruleSettings(value: unknown, where: string, base: string): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>()
  if (value === undefined || value === null) return out
  if (!isObject(value)) throw new ConfigError(`${where}: ${base}: must be an object of rule ids, got ${show(value)}`)
  for (const [id, entry] of Object.entries(value)) {
    const key = keyPath(base, id)
    out.set(id, ruleEntry(entry, where, key))
  }
  return out
}

/** `"warn"`, `["error", {…}]`, `["warn"]` or `{…}` (options, default severity). */
function ruleEntry(entry: unknown, where: string, key: string): RuleSetting {
  if (Array.isArray(entry)) {
    if (entry.length < 1 || entry.length > 2) throw new ConfigError(`${where}: ${key}: must be [severity] or [severity, options], got a list of ${entry.length}`)
    const severity = severityOf(entry[0], where, `${key}[0]`)
    if (entry.length === 1) return {severity, where, key}
    if (!isObject(entry[1])) throw new ConfigError(`${where}: ${key}[1]: options must be an object, got ${show(entry[1])}`)
    return {severity, options: entry[1], where, key: `${key}[1]`}
  }
  if (isObject(entry)) return {options: entry, where, key}
  return {severity: severityOf(entry, where, key), where, key}
}

// ---------------------------------------------------------------------------------------------------------------
// Front matter, and what the engine runs

/** Apply a document's `clauselint:` front matter (profile, rules) over the file's settings. Throws ConfigError. */
export function applyFrontmatter(settings: Settings, frontmatter: Readonly<Record<string, unknown>>, filePath: string): Settings {
  const data = frontmatter['clauselint']
  if (data === undefined || data === null) return settings
  const where = `${filePath} (front matter)`
  if (!isObject(data)) throw new ConfigError(`${where}: clauselint: must be an object with profile and rules, got ${show(data)}`)
  for (const key of Object.keys(data)) {
    if (!(FRONTMATTER_KEYS as readonly string[]).includes(key)) {
      const known = (TOP_KEYS as readonly string[]).includes(key)
      throw new ConfigError(`${where}: clauselint.${key}: ${known ? 'not allowed in front matter (only profile and rules; put it in a config file)' : `unknown key${didYouMean(key, FRONTMATTER_KEYS) || '; use profile, rules'}`}`)
    }
  }
  const known = knownRules(settings.customRules)
  const rules = new Map(settings.rules)
  for (const [id, s] of ruleSettings(data['rules'], where, 'clauselint.rules')) rules.set(id, merge(rules.get(id), checkSetting(id, s, known)))
  let profile = settings.profile
  if (data['profile'] !== undefined) {
    const p = profileOf(data['profile'], where, 'clauselint.profile')
    if (!settings.profileLocked) profile = p
  }
  const from = data['profile'] !== undefined && !settings.profileLocked ? {profileFrom: 'front matter'} : {}
  return {...settings, profile, rules, ...from}
}

/** What the engine runs with. */
export interface RuleSet {
  readonly rules: readonly AnyRule[]
  readonly severities: Readonly<Record<string, SeveritySetting>>
  readonly options: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  /** Every rule that could run (built-in and custom), for suppression checks. */
  readonly known: ReadonlySet<string>
}

/**
 * The rules to run for a profile (already chosen: not `auto`) and settings: the profile's built-in rules and the custom
 * rules (custom clause rules only where the profile runs clause rules), minus those turned off. Settings give the
 * others their severity and options; they do not add rules to a profile.
 */
export function ruleSet(settings: Settings, profile: Exclude<ProfileName, 'auto'>): RuleSet {
  // in the profile's order: the clause rules run, and their coverage is listed, in the order of its checklist
  const ordered = profileRules(profile)
  const inProfile = new Set(ordered)
  const clauses = ordered.some((r) => r.meta.category === 'clause')
  const severities: Record<string, SeveritySetting> = {}
  const options: Record<string, Readonly<Record<string, unknown>>> = {}
  const rules: AnyRule[] = []
  for (const rule of [...ordered, ...builtinRules.filter((r) => !inProfile.has(r)), ...settings.customRules]) {
    const s = settings.rules.get(rule.meta.id)
    const custom = settings.customRules.includes(rule)
    if (custom ? rule.meta.category === 'clause' && !clauses : !inProfile.has(rule)) continue
    if (s?.severity === 'off' || (s?.severity === undefined && rule.meta.defaultOff)) continue
    rules.push(rule)
    if (s?.severity) severities[rule.meta.id] = s.severity
    if (s?.options) options[rule.meta.id] = s.options
  }
  for (const id of Object.keys(DIRECTIVE_RULES)) {
    const severity = settings.rules.get(id)?.severity
    if (severity) severities[id] = severity
  }
  return {rules, severities, options, known: new Set([...builtinRules, ...settings.customRules].map((r) => r.meta.id))}
}

/** The resolved config of a file as plain data, for `--print-config`: every rule with its severity word and options. */
export function describeSettings(settings: Settings, profile: ProfileName, filePath: string, ignored: boolean, detectedReason?: string): Record<string, unknown> {
  const chosen = profile === 'auto' ? undefined : profile
  // under auto, the rules shown are those of msa (see profileNote)
  const set = ruleSet(settings, chosen ?? 'msa')
  const rules: Record<string, unknown> = {}
  for (const rule of [...builtinRules, ...settings.customRules]) {
    const id = rule.meta.id
    const s = settings.rules.get(id)
    const running = set.rules.includes(rule)
    const severity = running ? TO_WORD[s?.severity ?? rule.meta.severity] : 'off'
    const merged = rule.meta.options ? mergeDeep(rule.meta.options.defaults, s?.options ?? {}) : undefined
    rules[id] = merged && severity !== 'off' ? [severity, merged] : severity
  }
  for (const [id, def] of Object.entries(DIRECTIVE_RULES)) rules[id] = TO_WORD[settings.rules.get(id)?.severity ?? def]
  return {
    filePath,
    ignored,
    configFiles: settings.sources,
    profile: settings.profile,
    // auto read from the file: the profile it chose and why (the rules shown are that profile's)
    ...(settings.profile === 'auto' && profile !== 'auto' ? {detectedProfile: {name: profile, reason: detectedReason ?? ''}} : {}),
    ...(profile === 'auto' ? {profileNote: 'auto: msa, sla, agreement or language is chosen per document; rules shown are those of msa unless turned off'} : {}),
    parser: settings.parser ?? 'fast',
    rules,
    customRules: settings.customRules.map((r) => r.meta.id),
  }
}

export {ConfigError}
