// The HTML reporter: one self-contained page (inline CSS and JS, no network) with the coverage matrix, each agreement's clauses and score, and the findings with filters.
import {createHash} from 'node:crypto'
import {OTHER_GROUP, type ClauseGroup, type RuleMeta} from '../rule.js'
import {ruleDocs} from '../package-info.js'
import type {ClauseCoverage, LintMessage, LintResult, Outcome, Severity} from '../types.js'
import {clauseColumns, columnGroups, completeness, NOT_CHECKED, OUTCOME_LEGEND, OUTCOMES, percent, tally, worstFirst, type ClauseColumn, type Ranked, type Tally} from './checklist.js'
import {humanise, RANK, region, reportPath} from './common.js'
import {SCRIPT} from './html/script.js'
import {STYLE} from './html/style.js'
import {MARK} from './markdown.js'

export interface HtmlOptions {
  /** Clause rules that ran: the matrix columns (with `rules`, and any rule id found in coverage). */
  readonly clauseRuleIds?: ReadonlySet<string> | undefined
  /** Meta of the rules that ran; gives the column order, and each clause rule's group. */
  readonly rules?: readonly RuleMeta[] | undefined
  /** Meta of other rules whose ids may appear in the results (the built-in ones): their groups. */
  readonly knownRules?: readonly RuleMeta[] | undefined
  /** Paths are made relative to this directory. */
  readonly cwd?: string | undefined
  /** clauselint's version, named in the page. */
  readonly version?: string | undefined
}

const ENTITIES: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\n': '&#10;', '\r': '&#13;'}

/**
 * Escape text for HTML content and quoted attribute values. Line breaks become character references (the same to a
 * browser), so text from an agreement or a file name never starts a line of its own when the page is printed to a CI
 * log (where a line such as `::error …` is a command).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\n\r]/g, (c) => ENTITIES[c]!)
}

const e = escapeHtml

const SEVERITY_MARK: Readonly<Record<Severity, string>> = {error: '✖', warning: '⚠', info: 'ℹ'}
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

let docsOf: ((ruleId: string) => string | undefined) | undefined

/** A rule id, linked to its documentation page when it has one. */
function ruleLink(ruleId: string): string {
  // the page at this package's version, as the JSON and SARIF reports link it (looked up once per id and report)
  docsOf ??= ruleDocs()
  const uri = docsOf(ruleId)
  return uri ? `<a href="${e(uri)}"><code>${e(ruleId)}</code></a>` : `<code>${e(ruleId)}</code>`
}

/** A rule id as an id fragment: kebab-case ids pass unchanged. */
function slug(ruleId: string): string {
  return ruleId.replace(/[^A-Za-z0-9_-]/g, '_')
}

/** The CSP source for an inline element's exact text. */
function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

function meter(score: number): string {
  // The meter repeats the percentage beside it, so it is hidden from assistive technology.
  return `<meter aria-hidden="true" min="0" max="1" low="0.6" high="0.9" optimum="1" value="${score.toFixed(3)}"></meter>`
}

function counts(errors: number, warnings: number, infos: number): string {
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')]
  if (infos) parts.push(`${infos} info`)
  return parts.join(', ')
}

function tallyText(t: Tally): string {
  const bits = [`${t.present} present`, `${t.vague} vague`, `${t.missing} missing`]
  if (t.delegated) bits.push(`${t.delegated} delegated`)
  return `${bits.join(', ')} of ${plural(t.checked, 'clause')}`
}

function outcomeSymbol(outcome: Outcome): string {
  return `<span class="sym o-${outcome}" aria-hidden="true">${MARK[outcome]}</span>`
}

interface Agreement extends Ranked {
  /** Element id of the agreement's section. */
  readonly id: string
  readonly path: string
}

function legend(): string {
  const items = OUTCOMES.map((o) => `<li><span class="sym o-${o}">${MARK[o]}</span> ${e(OUTCOME_LEGEND[o])}</li>`)
  items.push(`<li><span class="sym o-none">${NOT_CHECKED}</span> not checked (no such rule ran for the agreement)</li>`)
  return `<ul class="legend" aria-label="What the symbols mean">${items.join('')}</ul>`
}

function matrix(agreements: readonly Agreement[], columns: readonly ClauseColumn[]): string {
  const head = columns
    .map((c) => `<th scope="col" class="clause" title="${e(`${humanise(c.ruleId)} (${c.ruleId})`)}"><span aria-hidden="true">${e(c.label)}</span><span class="vh">${e(humanise(c.ruleId))}</span></th>`)
    .join('')
  const rows = agreements.map((a) => {
    const name = `<th scope="row"><a href="#${a.id}">${e(a.path)}</a></th>`
    if (a.result.fatal) {
      const why = a.result.messages[0]?.message ?? 'unreadable'
      return `<tr>${name}<td class="score">—</td><td colspan="${Math.max(1, columns.length)}">Could not be linted: ${e(why)}</td></tr>`
    }
    const score = a.score === undefined ? '<td class="score">—<span class="vh"> (no clause checked)</span></td>' : `<td class="score">${meter(a.score)}${percent(a.score)}</td>`
    const byRule = new Map(a.result.coverage.map((c) => [c.ruleId, c]))
    const cells = columns.map((col) => {
      const c = byRule.get(col.ruleId)
      const clause = humanise(col.ruleId)
      if (!c) return `<td class="cell o-none"><span class="plain" title="${e(`${clause}: not checked`)}"><span aria-hidden="true">${NOT_CHECKED}</span><span class="vh">not checked</span></span></td>`
      const where = c.outcome === 'missing' ? '' : `, line ${c.line}`
      return `<td class="cell o-${c.outcome}"><a href="#${a.id}-${slug(c.ruleId)}" title="${e(`${clause}: ${c.outcome}${where}`)}"><span aria-hidden="true">${MARK[c.outcome]}</span><span class="vh">${e(`${clause}: ${c.outcome}`)}</span></a></td>`
    })
    return `<tr>${name}${score}${cells.join('')}</tr>`
  })
  const labels = columns.map((c) => `<div><dt>${e(c.label)}</dt><dd>${e(c.ruleId)}</dd></div>`).join('')
  // with clauses of more than one group (msa: the operational checklist, then the commercial core), a header row of groups
  const groups = columnGroups(columns)
  const groupRow =
    groups.length > 1
      ? `<tr><td colspan="2"></td>${groups.map((g) => `<th scope="colgroup" colspan="${g.columns.length}" class="group">${e(g.group.title)}</th>`).join('')}</tr>`
      : ''
  return [
    '<div class="scroll" role="region" aria-labelledby="matrix-caption" tabindex="0">',
    '<table class="matrix">',
    `<caption id="matrix-caption">Clause coverage of ${plural(agreements.length, 'agreement')}, worst first; each cell links to the clause in the agreement’s details</caption>`,
    `<thead>${groupRow}<tr><th scope="col">Agreement</th><th scope="col">Completeness</th>${head}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
    '</div>',
    columns.length ? `<dl class="labels" aria-label="Column labels">${labels}</dl>` : '',
  ].join('\n')
}

/** A message's location: line and column, and the member file when it points into another file of a document set. */
function where(m: LintMessage, cwd: string | undefined): string {
  const r = region(m)
  return `${m.filePath ? `${reportPath(m.filePath, cwd)} ` : ''}${r.startLine}:${r.startColumn}`
}

function quote(text: string): string {
  return `<blockquote class="evidence"><p>“${e(text)}”</p></blockquote>`
}

function severityLabel(severity: Severity): string {
  return `<span class="sev sev-${severity}"><span aria-hidden="true">${SEVERITY_MARK[severity]}</span> ${severity}</span>`
}

const TIER_TEXT: Readonly<Record<string, string>> = {preferred: 'preferred', fallback: 'fallback', walkAway: 'walk-away', beyond: 'beyond walk-away'}

/** The tier cell of a clause row (with a playbook): the worst tier, and each value's tier as its title. */
const PLAYBOOK_IDS = new Set(['fallback', 'walkAway', 'beyondWalkAway'])

function tierCell(c: ClauseCoverage): string {
  if (c.tier === undefined) return '<td class="tier"></td>'
  return `<td class="tier tier-${e(c.tier)}" title="${e((c.tiers ?? []).join('; '))}">${e(TIER_TEXT[c.tier] ?? c.tier)}${(c.tiers ?? []).map((t) => `<br><small>${e(t)}</small>`).join('')}</td>`
}

function clauseRow(a: Agreement, c: ClauseCoverage, messages: readonly LintMessage[], tiers: boolean): string {
  const path = c.sectionPath.join(' › ')
  const location =
    c.outcome === 'missing'
      ? `not found; belongs ${path ? `under ${e(path)}, ` : ''}line ${c.line}`
      : `${path ? `${e(path)}, ` : ''}line ${c.line}`
  const detail = [c.evidence ? quote(c.evidence) : '', ...messages.map((m) => `<p class="finding-text">${severityLabel(m.severity)} ${e(m.message)}</p>`)].join('')
  return [
    `<tr id="${a.id}-${slug(c.ruleId)}">`,
    `<td class="outcome">${outcomeSymbol(c.outcome)} ${c.outcome}</td>`,
    `<th scope="row">${e(humanise(c.ruleId))}<br><code>${e(c.ruleId)}</code></th>`,
    tiers ? tierCell(c) : '',
    `<td class="where">${location}</td>`,
    `<td>${detail || '<span class="vh">no evidence</span>'}</td>`,
    '</tr>',
  ].join('')
}

/** The clause rows, one tbody per group with a title row when there is more than one group. */
function clauseBodies(a: Agreement, coverage: readonly ClauseCoverage[], columns: readonly ClauseColumn[], tiers: boolean): string[] {
  const row = (c: ClauseCoverage): string => clauseRow(a, c, a.result.messages.filter((m) => m.ruleId === c.ruleId && (m.outcome !== undefined || PLAYBOOK_IDS.has(m.messageId))), tiers)
  // every clause in coverage has its column (clauseColumns adds the rule ids found in coverage)
  const groupOf = (id: string): ClauseGroup => columns.find((c) => c.ruleId === id)?.group ?? OTHER_GROUP
  const groups: Array<{group: ClauseGroup; rows: ClauseCoverage[]}> = []
  for (const c of coverage) {
    const group = groupOf(c.ruleId)
    const last = groups[groups.length - 1]
    if (last && last.group.id === group.id) last.rows.push(c)
    else groups.push({group, rows: [c]})
  }
  if (groups.length <= 1) return ['<tbody>', ...coverage.map(row), '</tbody>']
  return groups.flatMap((g) => {
    const t = tally(g.rows)
    const score = completeness(t)
    const title = `${e(g.group.title)}${score === undefined ? '' : ` <span class="note">(${percent(score)}: ${tallyText(t)})</span>`}`
    return ['<tbody>', `<tr class="group"><th colspan="${tiers ? 5 : 4}" scope="rowgroup">${title}</th></tr>`, ...g.rows.map(row), '</tbody>']
  })
}

function details(a: Agreement, columns: readonly ClauseColumn[]): string {
  const {result} = a
  const out = [`<section class="agreement" id="${a.id}" aria-labelledby="${a.id}-h">`, `<h3 id="${a.id}-h">${e(a.path)}</h3>`]
  if (result.fatal) {
    out.push(`<p>Could not be linted: ${e(result.messages[0]?.message ?? 'unreadable')}</p>`, '</section>')
    return out.join('\n')
  }
  const findings = counts(result.errorCount, result.warningCount, result.infoCount)
  if (a.score === undefined) out.push(`<p class="score-line">No clause rule ran for this agreement · ${findings}</p>`)
  else out.push(`<p class="score-line">${meter(a.score)}Completeness <strong>${percent(a.score)}</strong>: ${tallyText(a.tally)} · ${findings}</p>`)
  if (result.profile && result.profile.name !== 'msa') out.push(`<p class="note">Profile ${e(result.profile.name)}: ${e(result.profile.reason)}</p>`)
  if (result.coverage.length) {
    const order = new Map(columns.map((c, i) => [c.ruleId, i]))
    const coverage = [...result.coverage].sort((x, y) => (order.get(x.ruleId) ?? Infinity) - (order.get(y.ruleId) ?? Infinity))
    // a tier column only when config states a playbook
    const tiers = coverage.some((c) => c.tier !== undefined)
    out.push(
      '<div class="scroll">',
      '<table class="clauses">',
      `<caption>Clauses of ${e(a.path)}</caption>`,
      `<thead><tr><th scope="col">Outcome</th><th scope="col">Clause</th>${tiers ? '<th scope="col">Playbook tier</th>' : ''}<th scope="col">Where</th><th scope="col">Evidence and finding</th></tr></thead>`,
      ...clauseBodies(a, coverage, columns, tiers),
      '</table>',
      '</div>',
    )
  }
  if (result.messages.length) {
    const fragment = new URLSearchParams({agreement: a.path}).toString()
    out.push(`<p><a href="#filter?${e(fragment)}">Show the ${plural(result.messages.length, 'finding')} of this agreement</a></p>`)
  }
  out.push('</section>')
  return out.join('\n')
}

function options(values: ReadonlyArray<{value: string; label: string}>, all: string): string {
  return [`<option value="">${e(all)}</option>`, ...values.map((v) => `<option value="${e(v.value)}">${e(v.label)}</option>`)].join('')
}

function findings(agreements: readonly Agreement[], cwd: string | undefined): string {
  const all = agreements.flatMap((a) => a.result.messages)
  const out = ['<section id="findings" aria-labelledby="findings-heading">', '<h2 id="findings-heading" tabindex="-1">Findings</h2>']
  if (!all.length) {
    out.push('<p>No findings.</p>', '</section>')
    return out.join('\n')
  }
  const byRule = new Map<string, number>()
  for (const m of all) byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1)
  const rules = [...byRule].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([id, n]) => ({value: id, label: `${id} (${n})`}))
  const severities = SEVERITIES.filter((s) => all.some((m) => m.severity === s)).map((s) => ({value: s, label: `${s} (${all.filter((m) => m.severity === s).length})`}))
  const withFindings = agreements.filter((a) => a.result.messages.length).map((a) => ({value: a.path, label: `${a.path} (${a.result.messages.length})`}))
  out.push(
    // Hidden until the script runs: without JavaScript every finding is listed and there is nothing to filter with.
    '<form id="filters" class="filters" role="search" aria-label="Filter findings" hidden>',
    `<div><label for="filter-rule">Rule</label><select id="filter-rule" name="rule">${options(rules, 'All rules')}</select></div>`,
    `<div><label for="filter-severity">Severity</label><select id="filter-severity" name="severity">${options(severities, 'All severities')}</select></div>`,
    `<div><label for="filter-agreement">Agreement</label><select id="filter-agreement" name="agreement">${options(withFindings, 'All agreements')}</select></div>`,
    '<div><label for="filter-text">Text contains</label><input type="search" id="filter-text" name="q" autocomplete="off" spellcheck="false"></div>',
    '<button type="button" id="filter-reset">Show all</button>',
    '</form>',
    `<p id="filter-status" role="status">Showing all ${plural(all.length, 'finding')}</p>`,
    '<p id="no-match" hidden>No findings match these filters.</p>',
    '<div class="scroll">',
    '<table class="findings">',
    '<caption>Findings by agreement (worst first), most severe first within a line</caption>',
    '<thead><tr><th scope="col">Line</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Finding</th><th scope="col">Section</th></tr></thead>',
  )
  for (const a of agreements) {
    if (!a.result.messages.length) continue
    out.push(`<tbody class="finding-group" data-agreement="${e(a.path)}">`, `<tr class="group"><th colspan="5" scope="rowgroup"><a href="#${a.id}">${e(a.path)}</a></th></tr>`)
    // Document order, and at one line the most severe first.
    const messages = a.result.messages.map((m, i) => ({m, i})).sort((x, y) => x.m.line - y.m.line || RANK[y.m.severity] - RANK[x.m.severity] || x.i - y.i)
    for (const {m, i} of messages) {
      const evidence = m.evidence && !m.message.includes(m.evidence) ? quote(m.evidence) : ''
      out.push(
        [
          `<tr class="finding" id="${a.id}-f${i + 1}" data-agreement="${e(a.path)}" data-rule="${e(m.ruleId)}" data-severity="${m.severity}">`,
          `<td class="line">${e(where(m, cwd))}</td>`,
          `<td>${severityLabel(m.severity)}</td>`,
          `<td class="rule">${ruleLink(m.ruleId)}</td>`,
          `<td><p class="finding-text">${e(m.message)}</p>${evidence}</td>`,
          `<td class="path">${e(m.sectionPath.join(' › '))}</td>`,
          '</tr>',
        ].join(''),
      )
    }
    out.push('</tbody>')
  }
  out.push('</table>', '</div>', '</section>')
  return out.join('\n')
}

/**
 * Format results as one self-contained HTML page: the coverage matrix (agreements × clause rules, worst first,
 * each cell linking to the clause's details), per agreement its completeness score and each clause's outcome with
 * the quoted evidence and message, and every finding, filterable by rule, severity, agreement and text. CSS and
 * script are inline and a Content-Security-Policy forbids every fetch, so the page works offline from file://.
 */
export function html(results: readonly LintResult[], options: HtmlOptions = {}): string {
  const columns = clauseColumns(results, options)
  const agreements: Agreement[] = worstFirst(results).map((r, i) => ({...r, id: `a${i + 1}`, path: reportPath(r.result.filePath, options.cwd)}))
  const errors = results.reduce((n, r) => n + r.errorCount, 0)
  const warnings = results.reduce((n, r) => n + r.warningCount, 0)
  const infos = results.reduce((n, r) => n + r.infoCount, 0)
  const scores = agreements.map((a) => a.score).filter((s): s is number => s !== undefined)
  const mean = scores.length ? scores.reduce((x, y) => x + y, 0) / scores.length : undefined
  const title = `clauselint: clause coverage of ${plural(results.length, 'agreement')}`
  const summary = [`<strong>${plural(results.length, 'agreement')}</strong>`]
  if (mean !== undefined) summary.push(`mean completeness <strong>${percent(mean)}</strong>`, `${scores.filter((s) => s === 1).length} complete`)
  summary.push(`${errors ? '✖' : warnings ? '⚠' : '✔'} ${counts(errors, warnings, infos)}`)
  if (options.version) summary.push(`clauselint ${e(options.version)}`)
  const csp = `default-src 'none'; img-src data:; style-src ${cspHash(STYLE)}; script-src ${cspHash(SCRIPT)}; base-uri 'none'; form-action 'none'`
  const body = results.length
    ? [
        '<section id="matrix" aria-labelledby="matrix-heading">',
        '<h2 id="matrix-heading">Coverage matrix</h2>',
        legend(),
        matrix(agreements, columns),
        '</section>',
        '<section id="agreements" aria-labelledby="agreements-heading">',
        '<h2 id="agreements-heading">Agreements</h2>',
        ...agreements.map((a) => details(a, columns)),
        '</section>',
        findings(agreements, options.cwd),
      ]
    : ['<p>No agreements linted.</p>']
  return `${[
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<meta name="generator" content="clauselint${options.version ? ` ${e(options.version)}` : ''}">`,
    `<title>${e(title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#matrix">Skip to the coverage matrix</a>',
    '<a class="skip" href="#findings">Skip to the findings and filters</a>',
    '<header>',
    '<h1>Clause coverage report</h1>',
    `<p class="summary">${summary.join(' · ')}</p>`,
    '<p class="note">Completeness = (present + delegated + ½ × vague) ÷ clauses checked. A clause delegated to another document (an order form, a schedule that was not linted with the agreement) counts as present but is shown with → so that document gets checked too.</p>',
    '</header>',
    '<main>',
    ...body,
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n')}\n`
}
