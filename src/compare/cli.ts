// The `compare` and `learn` subcommands: arguments → files → comparison or proposal → report → exit code.
import path from 'node:path'
import {parseArgs} from 'node:util'
import {Chalk} from 'chalk'
import {ConfigError, ConfigLoader} from '../config.js'
import {readFile} from 'node:fs/promises'
import {FileError, readSource, DEFAULT_MAX_FILE_SIZE} from '../lint.js'
import {OutputError, writeFileAtomic} from '../output.js'
import {reporters} from '../reporters/index.js'
import {clauseRules} from './registry.js'
import {compare, CompareError} from './compare.js'
import {comparisonJson, comparisonRuleMetas, comparisonStylish, redlineJson, redlineLintResults, redlineStylish, toLintResult} from './report.js'
import {DocxError, type DocxReading} from './adapter.js'
import {annotateRedline, inWordTerms, redline, type Redline} from './redline.js'
import {learnFiles, LearnError, writeProposal} from './learn.js'

export interface SubcommandIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly isTTY: boolean
}

/**
 * The formats compare writes: its own stylish and json, and the lint reports made of its findings (json-with-metadata
 * is the lint's json with rule metadata, which compare's json shape does not have).
 */
function compareFormats(): string[] {
  return Object.keys(reporters).filter((f) => f !== 'json-with-metadata')
}

const COMPARE_HELP = `Usage: clauselint compare AGREEMENT --template TEMPLATE [options]
       clauselint compare AGREEMENT.docx --changes [--annotate OUT.docx] [options]

Compare an agreement with the house template, clause by clause: clauses missing from the
agreement, values weaker or stronger than the template's, new delegations to other documents,
new vague wording, and the word changes of each clause.

Options:
  -t, --template PATH      The template to compare with (Markdown or .docx)
      --changes            For a .docx with tracked changes: what each author's changes did, compared with the
                           document as it was before them (instead of --template)
      --annotate OUT.docx  With --changes: write a copy with those differences as Word comments on the changed
                           paragraphs (never over the input)
  -f, --format NAME        stylish (default), json, ${compareFormats().filter((f) => f !== 'stylish' && f !== 'json').join(', ')}
  -o, --output-file PATH   Write the report to PATH (atomically); the terminal gets the summary line
  -c, --config PATH        Use this config file only (its rules' playbook options place the agreement's values in tiers)
      --no-config          Use no config files
      --color, --no-color  Force colour on or off
  -h, --help               Print this help

Exit codes: 0 nothing missing or weaker, 1 a clause missing or weaker than the template (or a value beyond
the walk-away position of the playbook in config), 2 the run failed.
`

const LEARN_HELP = `Usage: clauselint learn FOLDER [options]

Read the values that past agreements commit to (response and resolution times per priority,
uptime, backup interval and retention, service hours, after-hours charges) and propose a
playbook: a config file with preferred, fallback and walk-away positions per clause, and the
median and spread found, for the team to edit. An existing file is never overwritten.

Options:
  -o, --output-file PATH   Where to write the proposal (default clauselint.playbook.yaml)
  -h, --help               Print this help

Exit codes: 0 written, 2 the run failed (no agreement read, the file exists, bad option).
`

function colourLevel(values: {color?: boolean | undefined; 'no-color'?: boolean | undefined}, io: SubcommandIo): 0 | 1 {
  const forced = io.env['FORCE_COLOR']
  if (values['no-color']) return 0
  if (values.color) return 1
  if (forced !== undefined) return forced === '0' || forced === 'false' ? 0 : 1
  return io.isTTY && !io.env['NO_COLOR'] ? 1 : 0
}

function argError(error: unknown, command: string): string {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.split(/\.\s/)[0]!.replace(/\.$/, '')
  return `${command}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}; see clauselint ${command} --help`
}

/** Run `clauselint compare …` or `clauselint learn …`; resolves to the exit code. */
export async function runSubcommand(command: 'compare' | 'learn', argv: readonly string[], io: SubcommandIo, version: string): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`clauselint: ${message}\n`)
    return 2
  }
  return command === 'compare' ? runCompare(argv, io, version, fail) : runLearn(argv, io, fail)
}

async function runCompare(argv: readonly string[], io: SubcommandIo, version: string, fail: (m: string) => number): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        template: {type: 'string', short: 't'},
        changes: {type: 'boolean', default: false},
        annotate: {type: 'string'},
        format: {type: 'string', short: 'f', default: 'stylish'},
        'output-file': {type: 'string', short: 'o'},
        config: {type: 'string', short: 'c'},
        'no-config': {type: 'boolean', default: false},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        help: {type: 'boolean', short: 'h', default: false},
      },
    })
  } catch (error) {
    return fail(argError(error, 'compare'))
  }
  const {values, positionals} = parsed
  if (values.help) {
    io.stdout(COMPARE_HELP)
    return 0
  }
  if (values.changes && values.template !== undefined) return fail('compare: use --template or --changes, not both')
  if (!values.changes && (values.template === undefined || !values.template.trim())) return fail('compare: --template PATH is required (the house template to compare with), or --changes for a .docx redline')
  if (values.annotate !== undefined && !values.changes) return fail('compare: --annotate needs --changes (it comments the changed paragraphs of a .docx)')
  if (values.annotate !== undefined && !values.annotate.trim()) return fail('compare: --annotate needs a path')
  if (positionals.length !== 1) return fail(`compare: give one agreement to compare, got ${positionals.length}`)
  const format = values.format
  if (!compareFormats().includes(format)) return fail(`compare: unknown format "${format}"; use one of ${compareFormats().join(', ')}`)
  const outputFile = values['output-file']
  if (outputFile !== undefined && !outputFile.trim()) return fail('compare: --output-file needs a path')
  if (values.config !== undefined && values['no-config']) return fail('compare: use --config or --no-config, not both')
  const agreementPath = positionals[0]!
  if (values.changes && !/\.docx$/i.test(agreementPath)) return fail(`compare: --changes reads the tracked changes of a .docx; ${agreementPath} is not one`)
  // the playbooks of the config that applies to the agreement, as for linting it
  const playbooks: Record<string, unknown> = {}
  try {
    const loader = new ConfigLoader({cwd: io.cwd, ...(values.config !== undefined ? {configFile: values.config} : {}), noConfig: values['no-config']})
    const {settings} = await loader.forFile(agreementPath)
    for (const [id, s] of settings.rules) if (s.options?.['playbook'] !== undefined && s.severity !== 'off') playbooks[id] = s.options['playbook']
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message)
    throw error
  }
  const chalk = new Chalk({level: outputFile === undefined ? colourLevel(values, io) : 0})
  const descriptions = new Map(clauseRules().map((r) => [r.id, r.description]))
  const emit = async (text: string, summary: () => string): Promise<number | undefined> => {
    if (outputFile === undefined) {
      io.stdout(text)
      return undefined
    }
    try {
      await writeFileAtomic(path.resolve(io.cwd, outputFile), text, outputFile)
    } catch (error) {
      if (error instanceof OutputError) return fail(error.message)
      throw error
    }
    io.stdout(`${summary().trimEnd().split('\n').at(-1) ?? ''}\n`)
    return undefined
  }

  if (values.changes) {
    // a redline: each author's tracked changes against the document as it was
    let bytes: Uint8Array
    let r: Redline
    try {
      await readSource(path.resolve(io.cwd, agreementPath), DEFAULT_MAX_FILE_SIZE)
      bytes = await readFile(path.resolve(io.cwd, agreementPath))
      r = redline(bytes, agreementPath, {playbooks})
    } catch (error) {
      if (error instanceof FileError) return fail(`${agreementPath} ${error.message}`)
      if (error instanceof DocxError) return fail(`${agreementPath} ${error.message}`)
      if (error instanceof CompareError) return fail(error.message)
      throw error
    }
    if (values.annotate !== undefined) {
      const out = path.resolve(io.cwd, values.annotate)
      if (path.resolve(out) === path.resolve(io.cwd, agreementPath)) return fail(`compare: --annotate would write over the input ${agreementPath}; name another file`)
      try {
        const annotated = annotateRedline(bytes, r)
        await writeFileAtomic(out, annotated.bytes, values.annotate, 'the reviewed copy')
        io.stderr(`clauselint: wrote ${values.annotate} (${annotated.comments} comment${annotated.comments === 1 ? '' : 's'})\n`)
      } catch (error) {
        if (error instanceof OutputError) return fail(error.message)
        if (error instanceof DocxError) return fail(`cannot annotate ${agreementPath}: it ${error.message}`)
        throw error
      }
    }
    const results = redlineLintResults(r)
    const text =
      format === 'stylish'
        ? redlineStylish(r, chalk)
        : format === 'json'
          ? redlineJson(r)
          : reporters[format]!(results, {chalk, clauseRuleIds: new Set(r.authors.flatMap((a) => a.comparison.clauses.map((c) => c.ruleId))), cwd: io.cwd, version, rules: r.authors[0] ? comparisonRuleMetas(r.authors[0].comparison, descriptions) : []})
    const failed = await emit(text, () => redlineStylish(r, new Chalk({level: colourLevel(values, io)})))
    if (failed !== undefined) return failed
    return r.authors.some((a) => a.comparison.errorCount > 0) ? 1 : 0
  }

  const templatePath = values.template!
  const sources: Array<{text: string; docx?: DocxReading}> = []
  for (const file of [agreementPath, templatePath]) {
    try {
      sources.push(await readSource(path.resolve(io.cwd, file), DEFAULT_MAX_FILE_SIZE))
    } catch (error) {
      if (error instanceof FileError) return fail(`${file} ${error.message}`)
      throw error
    }
  }
  let comparison
  try {
    comparison = compare(sources[0]!.text, sources[1]!.text, {filePath: agreementPath, templatePath, playbooks})
  } catch (error) {
    if (error instanceof CompareError) return fail(error.message)
    throw error
  }
  // a Word agreement: differences named by paragraph
  if (sources[0]!.docx) comparison = inWordTerms(comparison, sources[0]!.docx)
  let text: string
  if (format === 'stylish') text = comparisonStylish(comparison, chalk)
  else if (format === 'json') text = comparisonJson(comparison)
  else {
    const result = toLintResult(comparison)
    text = reporters[format]!([result], {chalk, clauseRuleIds: new Set(comparison.clauses.map((c) => c.ruleId)), cwd: io.cwd, version, rules: comparisonRuleMetas(comparison, descriptions)})
  }
  const final = comparison
  const failed = await emit(text, () => comparisonStylish(final, new Chalk({level: colourLevel(values, io)})))
  if (failed !== undefined) return failed
  return comparison.errorCount > 0 ? 1 : 0
}

async function runLearn(argv: readonly string[], io: SubcommandIo, fail: (m: string) => number): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'output-file': {type: 'string', short: 'o'},
        help: {type: 'boolean', short: 'h', default: false},
      },
    })
  } catch (error) {
    return fail(argError(error, 'learn'))
  }
  const {values, positionals} = parsed
  if (values.help) {
    io.stdout(LEARN_HELP)
    return 0
  }
  if (!positionals.length) return fail('learn: give a folder (or files) of past agreements to learn from')
  const out = values['output-file'] ?? 'clauselint.playbook.yaml'
  if (!out.trim()) return fail('learn: --output-file needs a path')
  try {
    const proposal = await learnFiles(positionals, io.cwd, (file, reason) => io.stderr(`clauselint: warning: ${file} ${reason}; skipped\n`))
    await writeProposal(path.resolve(io.cwd, out), proposal.yaml, out)
    io.stdout(`Wrote ${out}: a playbook proposed from ${proposal.agreements} agreement${proposal.agreements === 1 ? '' : 's'} (${proposal.positions} position${proposal.positions === 1 ? '' : 's'}); edit it before use\n`)
    return 0
  } catch (error) {
    if (error instanceof LearnError || error instanceof OutputError) return fail(error.message)
    throw error
  }
}
