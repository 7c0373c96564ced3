// The GitHub Actions reporter: workflow commands that become annotations on the pull request's files.
import type {LintResult, Severity} from '../types.js'
import {bySeverity, region, reportPath} from './common.js'

export interface GithubOptions {
  /** Paths are made relative to this directory (the workspace root). */
  readonly cwd?: string | undefined
}

const COMMAND: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = {error: 'error', warning: 'warning', info: 'notice'}

/** Escape a command's message, as GitHub's toolkit does: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a command property value: as data, plus `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * Format results as `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` lines, most severe
 * first (GitHub shows a limited number of annotations per step). Columns are given only for a one-line range,
 * as GitHub ignores them otherwise. Info findings become `::notice`.
 */
export function github(results: readonly LintResult[], options: GithubOptions = {}): string {
  const lines = bySeverity(results).map(({result, message: m}) => {
    const r = region(m)
    const props: Array<[string, string | number]> = [['file', reportPath(result.filePath, options.cwd)], ['line', r.startLine]]
    if (r.endLine === r.startLine) props.push(['col', r.startColumn], ['endLine', r.endLine], ['endColumn', r.endColumn])
    else props.push(['endLine', r.endLine])
    const section = m.sectionPath.join(' › ')
    props.push(['title', `clauselint ${m.ruleId}${section ? ` (${section})` : ''}`])
    return `::${COMMAND[m.severity]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(m.message)}`
  })
  return lines.length ? `${lines.join('\n')}\n` : ''
}
