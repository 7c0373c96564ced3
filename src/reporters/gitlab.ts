// The GitLab Code Quality reporter: a JSON array of issues (a subset of the Code Climate format).
import {createHash} from 'node:crypto'
import type {LintMessage, LintResult} from '../types.js'
import {fingerprints, region, reportPath} from './common.js'

export interface GitlabOptions {
  /** Paths are made relative to this directory (the repository root). */
  readonly cwd?: string | undefined
}

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker'

export interface GitlabIssue {
  readonly type: 'issue'
  readonly description: string
  readonly check_name: string
  readonly fingerprint: string
  readonly severity: GitlabSeverity
  readonly categories: readonly string[]
  readonly location: {readonly path: string; readonly lines: {readonly begin: number; readonly end: number}}
}

/** error → major, warning → minor, info → info; a file that could not be linted → blocker. */
function severity(m: LintMessage): GitlabSeverity {
  if (m.ruleId === 'fatal') return 'blocker'
  return m.severity === 'error' ? 'major' : m.severity === 'warning' ? 'minor' : 'info'
}

/** Format results as a GitLab Code Quality report. Fingerprints are unique per file and finding, and survive renumbering. */
export function gitlab(results: readonly LintResult[], options: GitlabOptions = {}): string {
  const issues: GitlabIssue[] = results.flatMap((result) => {
    const file = reportPath(result.filePath, options.cwd)
    const prints = fingerprints(result)
    return result.messages.map((m, i): GitlabIssue => {
      const r = region(m)
      const section = m.sectionPath.join(' › ')
      return {
        type: 'issue',
        description: section ? `${m.message} (${section})` : m.message,
        check_name: m.ruleId,
        fingerprint: createHash('sha256').update(`${file}\u001f${prints[i]!}`).digest('hex'),
        severity: severity(m),
        categories: [m.outcome === 'missing' || m.ruleId === 'fatal' ? 'Bug Risk' : 'Clarity'],
        location: {path: file, lines: {begin: r.startLine, end: r.endLine}},
      }
    })
  })
  return `${JSON.stringify(issues, null, 2)}\n`
}
