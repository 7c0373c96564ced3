// Lint one open document for the server: the config that applies to its path, its document set, and timing.
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {ConfigError, ConfigLoader, type Settings} from '../config.js'
import {Confinement, defaultRoot, printable} from '../confine.js'
import {clearCustomRuleCache} from '../custom-rules.js'
import {declaredIncludes} from '../docset.js'
import {budgetFor, DEFAULT_MAX_FILE_SIZE, FileError, formatBytes, lint, lintSet, readAgreement, TimeoutError, withTimeout} from '../lint.js'
import {parseProfile, PROFILES, type ProfileName} from '../profiles.js'
import {ParseCache} from '../parse.js'
import {jobSize, lintJobs, planJobs, readJob, type Job} from '../plan.js'
import {TextCache} from '../reading/index.js'
// the language server lints on every change: the built-in rules' code is loaded with it (see loadRuleCode in plan.ts)
import '../../rules/index.js'
import type {LintResult} from '../types.js'

/** Editor settings (`clauselint.*` in the client's configuration, or `initializationOptions`). */
export interface ServerSettings {
  /** `--profile`: wins over config files and front matter. */
  readonly profile?: ProfileName
  /** `--require-reason`. */
  readonly requireReason?: boolean
  /** `--config PATH` (relative to the workspace folder). */
  readonly configFile?: string
  /** `--no-config`. */
  readonly noConfig?: boolean
  /** `--allow-js-config`: load JavaScript config files and custom rules (they run code). */
  readonly allowJsConfig?: boolean
  /** `--timeout-per-file`, in seconds (0: none): a lint over it gives one diagnostic saying so. */
  readonly timeoutPerFile?: number
}

/** Read settings from whatever the client sent; unknown or ill-typed keys are dropped. */
export function readSettings(value: unknown): {settings: ServerSettings; problems: string[]} {
  const problems: string[] = []
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const out: {-readonly [K in keyof ServerSettings]: ServerSettings[K]} = {}
  const profile = v['profile']
  if (typeof profile === 'string' && profile !== '') {
    const parsed = parseProfile(profile)
    if ('profile' in parsed) out.profile = parsed.profile
    else if (!/[+,]/.test(profile)) problems.push(`unknown profile "${profile}" in settings; use one of ${PROFILES.join(', ')}`)
    else problems.push(`${parsed.error} (in settings)`)
  }
  for (const key of ['requireReason', 'noConfig', 'allowJsConfig'] as const) if (typeof v[key] === 'boolean') out[key] = v[key]
  if (typeof v['configFile'] === 'string' && v['configFile'].trim()) out.configFile = v['configFile']
  if (typeof v['timeoutPerFile'] === 'number' && v['timeoutPerFile'] >= 0) out.timeoutPerFile = v['timeoutPerFile']
  return {settings: out, problems}
}

export type LintOutcome =
  | {
      readonly kind: 'result'
      readonly result: LintResult
      readonly ms: number
      readonly members: readonly string[]
      readonly customRules: Settings['customRules']
      /** Custom rule files the document's config loaded: a change to one re-reads config. */
      readonly ruleFiles: readonly string[]
      /** The config files that apply to the document (absolute paths), nearest last: what the server logs. */
      readonly configFiles: readonly string[]
    }
  | {readonly kind: 'ignored'}
  /** The run could not happen: a config error, a file too large. One diagnostic at the top says why. */
  | {readonly kind: 'problem'; readonly message: string; readonly ruleId: string}

export interface LintRequest {
  readonly text: string
  /** The file's path on disk, or undefined for an unsaved document (no config lookup, no document set). */
  readonly filePath: string | undefined
  /** The name reported for an unsaved document. */
  readonly name: string
  /** The text of another open document, by path (members of a set are read from the editor before the disk). */
  readonly openText?: (filePath: string) => string | undefined
}

/**
 * Lints documents with the config that applies to them. Config files are read once per folder and cached, like the
 * CLI does; `reset()` drops the cache when a config file or the settings change.
 *
 * The seam for config resolution is `settingsFor()`: it asks src/config.ts's `ConfigLoader.forFile()` (the same
 * resolution as the CLI: config files beside and above the file, extends, overrides, ignorePatterns).
 */
export class Linter {
  private loader: ConfigLoader
  /** Parsed parts of each open document, so a re-lint after an edit parses only the parts that changed. */
  private readonly parseCaches = new Map<string, ParseCache>()
  /**
   * Answers per text (typed values, term keys) and the readings of each block's text (term hits, clause topics), kept
   * across edits and documents: most blocks survive an edit, and a re-lint reads only the blocks that changed.
   */
  private readonly textCache = new TextCache({blocks: true})

  /** The lint root (the workspace's git work tree, else the workspace folder): members and config references stay inside it. */
  private readonly root: string

  constructor(
    private readonly cwd: string,
    private settings: ServerSettings = {},
    /** Time budget of one lint in milliseconds (0: none); over it the document gets one diagnostic saying so. */
    private readonly timeoutMs = 0,
  ) {
    this.root = defaultRoot(cwd)
    this.loader = this.makeLoader()
  }

  private makeLoader(): ConfigLoader {
    const s = this.settings
    return new ConfigLoader({
      cwd: this.cwd,
      root: this.root,
      ...(s.configFile !== undefined ? {configFile: s.configFile} : {}),
      noConfig: s.noConfig === true,
      allowJs: s.allowJsConfig === true,
      ...(s.profile ? {profile: s.profile, profileSource: "the editor's clauselint.profile setting"} : {}),
    })
  }

  /** Forget cached config (a config file changed), and take new settings if given. */
  reset(settings?: ServerSettings): void {
    if (settings) this.settings = settings
    // custom rule files are read again too: an edited rule applies at once
    clearCustomRuleCache()
    this.loader = this.makeLoader()
  }

  /** The time budget of one lint in milliseconds: the `timeoutPerFile` setting, else the one given. */
  private budget(): number {
    return this.settings.timeoutPerFile !== undefined ? Math.round(this.settings.timeoutPerFile * 1000) : this.timeoutMs
  }

  /** Drop what is kept for a closed document. */
  forget(name: string): void {
    this.parseCaches.delete(name)
  }

  /** The settings for a file from config files; undefined for an unsaved document (defaults, plus the `profile` setting). */
  async settingsFor(filePath: string | undefined): Promise<{settings: Settings; ignored: boolean} | undefined> {
    if (filePath === undefined) return undefined
    return this.loader.forFile(filePath)
  }

  async lint(request: LintRequest): Promise<LintOutcome> {
    const {text, filePath} = request
    if (text.length > DEFAULT_MAX_FILE_SIZE) return {kind: 'problem', ruleId: 'fatal', message: `File is ${formatBytes(text.length)}, over the ${formatBytes(DEFAULT_MAX_FILE_SIZE)} limit; not linted`}
    try {
      const config = await this.settingsFor(filePath)
      if (config?.ignored) return {kind: 'ignored'}
      const started = performance.now()
      const options = {
        ...(config ? {settings: config.settings} : this.settings.profile ? {profile: this.settings.profile} : {}),
        ...(this.settings.requireReason ? {requireReason: true} : {}),
        textCache: this.textCache,
      }
      // the document and the members of its set: one job, planned as the command line plans it (src/plan.ts)
      const key = filePath ?? request.name
      const includes = filePath ? declaredIncludes(text, filePath) : []
      const members = includes.map((member) => path.resolve(path.dirname(filePath!), member))
      let job: Job = {file: key, text}
      if (filePath) {
        const texts = new Map<string, string | undefined>([[filePath, text]])
        // a member open in the editor is linted as it stands there, else as it is on disk; one that cannot be read is left out
        const readText = async (file: string): Promise<string | undefined> => {
          if (!texts.has(file)) {
            try {
              texts.set(file, request.openText?.(file) ?? (await readAgreement(file)))
            } catch (error) {
              if (!(error instanceof FileError)) throw error
              texts.set(file, undefined)
            }
          }
          return texts.get(file)
        }
        const planned = await planJobs(
          [filePath],
          {info: async (file) => (file === filePath ? {includes} : (await readText(file)) === undefined ? undefined : {includes: []}), textKnown: (file) => (file === filePath ? text : undefined)},
          {confine: new Confinement(this.root), cwd: this.cwd, shownAs: printable(path.basename(filePath)), memberName: (abs) => abs},
        )
        if ('problem' in planned) return {kind: 'problem', ruleId: 'config', message: planned.problem}
        job = (await readJob(planned.jobs[0]!, readText))!
      }
      const [outcome] = await lintJobs([job], {
        threads: 1,
        lintOne: (one) => {
          if (one.members) return {results: [withTimeout(() => lintSet({filePath: one.file, text: one.text}, one.members!, options)[0]!, budgetFor(jobSize(one), this.budget()))]}
          let parseCache = this.parseCaches.get(key)
          if (!parseCache) this.parseCaches.set(key, (parseCache = new ParseCache()))
          const cache = parseCache
          return {results: [withTimeout(() => lint(one.text, {...options, filePath: key, parseCache: cache}), budgetFor(one.text.length, this.budget()))]}
        },
      })
      const result = (outcome as {results: LintResult[]}).results[0]!
      return {kind: 'result', result, ms: performance.now() - started, members, customRules: config?.settings.customRules ?? [], ruleFiles: config?.settings.customRuleFiles ?? [], configFiles: config?.settings.sources ?? []}
    } catch (error) {
      if (error instanceof ConfigError) return {kind: 'problem', ruleId: 'config', message: error.message}
      if (error instanceof TimeoutError) {
        // the parse cache may hold a part parsed halfway: start it afresh
        this.parseCaches.delete(filePath ?? request.name)
        return {kind: 'problem', ruleId: 'fatal', message: `File ${error.message}`}
      }
      throw error
    }
  }
}
