// The SARIF 2.1.0 reporter: for GitHub code scanning and any other SARIF viewer.
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {RuleMeta} from '../rule.js'
import {informationUri, ruleDocUri} from '../package-info.js'
import type {LintMessage, LintResult, Severity, SuppressedMessage} from '../types.js'
import {fingerprints, humanise, INFORMATION_URI, region, reportPath, ruleMetas} from './common.js'

export interface SarifOptions {
  /** Paths are made relative to this directory (the repository root in CI). */
  readonly cwd?: string | undefined
  /** clauselint's version, for `tool.driver.version`. */
  readonly version?: string | undefined
  /** Meta of the rules that ran; default the built-in rules. */
  readonly rules?: readonly RuleMeta[] | undefined
  /** Meta of other rules whose ids may appear in the results (a profile detected per file runs rules of its own). */
  readonly knownRules?: readonly RuleMeta[] | undefined
}

/** The base id that artifact URIs are relative to. */
export const SRCROOT = '%SRCROOT%'

/** The key of our entry in `partialFingerprints`; bump the version if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'clauselint/v1'

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {error: 'error', warning: 'warning', info: 'note'}
const AS: Readonly<Record<Severity, string>> = {error: 'an error', warning: 'a warning', info: 'a note'}

function sentence(text: string): string {
  const t = text.trim()
  return /[.!?]$/.test(t) ? t : `${t}.`
}

function shortDescription(meta: RuleMeta): string {
  if (meta.id === 'fatal') return 'File could not be linted'
  return meta.category === 'clause' ? `${humanise(meta.id)} clause` : humanise(meta.id)
}

function helpText(meta: RuleMeta): string {
  const how =
    meta.category === 'clause'
      ? `A missing clause is reported as ${AS[meta.severity]} at the section that should hold it (or the title); a vague one, mentioned with nothing measurable committed, as a warning; one delegated to another document as a note naming that document.`
      : meta.id === 'fatal'
        ? 'Check that the file is UTF-8 Markdown text and not too large.'
        : `Reported as ${AS[meta.severity]} at the words concerned.`
  return `${sentence(meta.description)} ${how} Configure or suppress it with the rule id "${meta.id}".`
}

/** A relative URI reference for a path relative to the base, each segment percent-encoded. */
function encodeSegments(relative: string): string {
  return relative
    .split('/')
    .map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s)))
    .join('/')
}

/** The artifact location of a file: relative to %SRCROOT% (cwd) when it is inside it, else a file: URI. */
export function artifactLocation(filePath: string, cwd: string | undefined): {uri: string; uriBaseId?: string} {
  const shown = reportPath(filePath, cwd)
  // `<stdin>`, `<text>` and relative paths inside cwd stay relative; reportPath made inside-cwd absolute paths relative.
  if (!path.isAbsolute(shown) && !shown.startsWith('../') && shown !== '..') return {uri: encodeSegments(shown), uriBaseId: SRCROOT}
  if (cwd === undefined && !path.isAbsolute(filePath)) return {uri: encodeSegments(shown), uriBaseId: SRCROOT}
  return {uri: pathToFileURL(cwd === undefined ? filePath : path.resolve(cwd, filePath)).href}
}

/** The rule's documentation page (docs/rules/<id>.md), when it has one. */
function withHelpUri(id: string, version: string): {helpUri?: string} {
  const uri = ruleDocUri(id, version)
  return uri ? {helpUri: uri} : {}
}

/**
 * The run's invocation (SARIF 2.1.0 §3.20): it succeeded when every file could be linted; each file that could not
 * (read, decoded, parsed or linted in its budget: a fatal result) is a tool execution notification naming the file.
 */
function invocation(results: readonly LintResult[], artifacts: ReadonlyArray<{location: {uri: string; uriBaseId?: string}}>, fatalIndex: number | undefined, cwd: string | undefined) {
  const notifications = results.flatMap((r, fileIndex) => {
    if (!r.fatal) return []
    const why = r.messages.find((m) => m.ruleId === 'fatal')?.message ?? 'could not be linted'
    return [
      {
        level: 'error',
        message: {text: `${reportPath(r.filePath, cwd)} could not be linted: ${why}`},
        locations: [{physicalLocation: {artifactLocation: {...artifacts[fileIndex]!.location, index: fileIndex}}}],
        ...(fatalIndex !== undefined ? {associatedRule: {id: 'fatal', index: fatalIndex}} : {}),
      },
    ]
  })
  return {executionSuccessful: notifications.length === 0, ...(notifications.length ? {toolExecutionNotifications: notifications} : {})}
}

/** Format results as a SARIF 2.1.0 log with one run. */
export function sarif(results: readonly LintResult[], options: SarifOptions = {}): string {
  const metas = ruleMetas(results, options.rules, options.knownRules)
  const index = new Map(metas.map((m, i) => [m.id, i]))
  const artifacts = results.map((r) => ({location: artifactLocation(r.filePath, options.cwd), sourceLanguage: 'markdown'}))
  const sarifResults = results.flatMap((result, fileIndex) => {
    // suppressed and baselined findings too, marked as such (their fingerprints come after the reported ones')
    const all: Array<LintMessage | SuppressedMessage> = [...result.messages, ...(result.suppressed ?? [])]
    const prints = fingerprints({...result, messages: all})
    return all.map((m, i) => {
      const section = m.sectionPath.join(' › ')
      return {
        ruleId: m.ruleId,
        ruleIndex: index.get(m.ruleId) ?? 0,
        level: LEVEL[m.severity],
        message: {text: m.message},
        locations: [
          {
            physicalLocation: {artifactLocation: {...artifacts[fileIndex]!.location, index: fileIndex}, region: region(m)},
            ...(section ? {logicalLocations: [{name: m.sectionPath.at(-1)!, fullyQualifiedName: section, kind: 'section'}]} : {}),
          },
        ],
        partialFingerprints: {[FINGERPRINT_KEY]: prints[i]!},
        ...('suppression' in m ? {suppressions: [{kind: m.suppression.kind === 'baseline' ? 'external' : 'inSource', status: 'accepted', ...(m.suppression.justification ? {justification: m.suppression.justification} : {})}]} : {}),
        properties: {sectionPath: m.sectionPath, ...(m.outcome ? {outcome: m.outcome} : {}), ...(m.policy ? {policy: true} : {})},
      }
    })
  })
  const version = options.version ?? '0.0.0'
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'clauselint',
            version,
            ...(/^\d+\.\d+\.\d+/.test(version) ? {semanticVersion: version} : {}),
            informationUri: informationUri() ?? INFORMATION_URI,
            rules: metas.map((meta) => ({
              id: meta.id,
              ...withHelpUri(meta.id, version),
              shortDescription: {text: shortDescription(meta)},
              fullDescription: {text: sentence(meta.description)},
              help: {text: helpText(meta)},
              defaultConfiguration: {level: LEVEL[meta.severity]},
              properties: {category: meta.category, tags: [meta.category]},
            })),
          },
        },
        invocations: [invocation(results, artifacts, index.get('fatal'), options.cwd)],
        ...(options.cwd !== undefined ? {originalUriBaseIds: {[SRCROOT]: {uri: pathToFileURL(options.cwd.endsWith(path.sep) ? options.cwd : `${options.cwd}${path.sep}`).href}}} : {}),
        artifacts,
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
