// The HTML report: its markup and escaping as text, then the real page in headless Chromium (skipped when
// /usr/bin/chromium is absent): matrix, links, filters by mouse, keyboard and URL fragment, no network, a screenshot.
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {Chalk} from 'chalk'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {lint, lintFiles} from '../src/lint.js'
import {escapeHtml, html} from '../src/reporters/html.js'
import {reporters, type ReporterContext} from '../src/reporters/index.js'
import type {LintResult} from '../src/types.js'
import {profileRules} from '../src/profiles.js'
import {AGREEMENTS_DIR, sampleAgreements} from './tiers.js'

const root = path.join(import.meta.dirname, '..')
const CHROMIUM = '/usr/bin/chromium'
const hasChromium = fs.existsSync(CHROMIUM)
const metas = rules.map((r) => r.meta)
// the columns of a run under auto: the msa clause rules
const clauseRuleIds = new Set(profileRules('msa').filter((r) => r.meta.category === 'clause').map((r) => r.meta.id))
const context: ReporterContext = {chalk: new Chalk({level: 0}), clauseRuleIds, cwd: root, version: '0.0.0-test', rules: metas}

/** Text an agreement could well contain, and markup that must stay text. */
const HOSTILE = `<img src=x onerror="document.title='pwned'">&amp; "quoted" 'single' </script><script>document.title='pwned'</script>`
const hostileText = [
  `# Managed Services Agreement ${HOSTILE}`,
  '',
  '## Support Hours',
  '',
  `Support is available during business hours <b>&</b> "as needed" [TBD] ${HOSTILE}.`,
  '',
].join('\n')
const hostile = lint(hostileText, {filePath: `contracts/<b>"Acme" & 'Sons'</b>.md`, profile: 'msa'})

describe('html report: markup', () => {
  const page = html([hostile], context)

  it('escapes every piece of agreement text: file names, section titles, messages and evidence', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;')
    expect(page).not.toContain('<img')
    expect(page).not.toContain('<b>')
    expect(page).not.toContain(`<script>document.title`)
    // the only script element is the report's own
    expect(page.match(/<script\b/g)).toHaveLength(1)
    expect(page).toContain(escapeHtml(`contracts/<b>"Acme" & 'Sons'</b>.md`))
    expect(page).toContain(escapeHtml('Managed Services Agreement <img src=x'))
  })

  it('is self-contained: no external resource, and a Content-Security-Policy that allows only its own style and script', () => {
    expect(page).not.toMatch(/\b(?:src|href|action)=["']?(?:https?:|\/\/)/i)
    expect(page).not.toMatch(/@import|url\(/i)
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1]
    expect(csp).toMatch(/^default-src 'none'; /)
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!
    const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    expect(csp).toContain(`style-src ${hash(style)};`)
    expect(csp).toContain(`script-src ${hash(script)};`)
  })

  it('has a matrix table with a caption, column and row headers, and a labelled, symbolled link in each cell', () => {
    expect(page).toContain('<caption id="matrix-caption">Clause coverage of 1 agreement, worst first')
    // msa: the 11 operational clauses, then the 10 of the commercial core, under a header row of the two groups
    expect(page.match(/<th scope="col" class="clause"/g)).toHaveLength(21)
    expect(page.match(/<td class="cell o-(?:present|vague|missing|delegated)"><a href="#a1-[a-z-]+"/g)).toHaveLength(21)
    expect(page).toContain('<th scope="colgroup" colspan="11" class="group">Operational checklist</th><th scope="colgroup" colspan="10" class="group">Commercial core</th>')
    // the details list each group under its own title, the operational checklist first
    const titles = [...page.matchAll(/<tr class="group"><th colspan="4" scope="rowgroup">([^<]+)/g)].map((m) => m[1]!.trim())
    expect(titles).toEqual(['Operational checklist', 'Commercial core'])
    expect(page.indexOf('<tr id="a1-scope-of-services">')).toBeLessThan(page.indexOf('<tr id="a1-parties">'))
    expect(page).toMatch(/<td class="cell o-vague"><a href="#a1-service-hours" title="Service hours: vague, line 5"><span aria-hidden="true">~<\/span><span class="vh">Service hours: vague<\/span><\/a><\/td>/)
    expect(page).toMatch(/<tr id="a1-service-hours">/)
    expect(page).toContain('<th scope="row"><a href="#a1">')
  })

  it('is the same for the same results, and is registered as a format', () => {
    expect(reporters['html']?.([hostile], context)).toBe(page)
    expect(html([hostile], context)).toBe(page)
  })

  it('shows files that could not be linted and agreements with no clause rule', () => {
    const fatal: LintResult = {
      filePath: 'broken.md',
      fatal: true,
      messages: [{ruleId: 'fatal', severity: 'error', message: 'is not valid UTF-8 text <?>', messageId: 'fatal', line: 1, column: 1, endLine: 1, endColumn: 1, sectionPath: []}],
      errorCount: 1,
      warningCount: 0,
      infoCount: 0,
      coverage: [],
    }
    // terms of service get the language rules only (an NDA gets the agreement clause rules)
    const nda = lint('# Terms of Service\n\nYou will promptly tell us if your password is lost.\n', {filePath: 'nda.md'})
    expect(nda.coverage).toEqual([])
    const text = html([nda, fatal, hostile], context)
    expect(text).toContain('<td class="score">—</td><td colspan="21">Could not be linted: is not valid UTF-8 text &lt;?&gt;</td>')
    expect(text.match(/<td class="cell o-none">/g)).toHaveLength(21)
    expect(text).toContain('<p class="note">Profile language: ')
    // worst first: the file that could not be read, then by score, the agreement with no clause checked last
    expect([...text.matchAll(/<th scope="row"><a href="#a(\d)">([^<]+)<\/a>/g)].map((m) => m[2])).toEqual(['broken.md', escapeHtml(hostile.filePath), 'nda.md'])
    expect(html([], context)).toContain('<p>No agreements linted.</p>')
  })
})

describe.skipIf(!hasChromium)('html report in headless Chromium', () => {
  let dir = ''
  let reportFile = ''
  let hostileFile = ''
  let screenshot = ''
  // the report of a seeded sample of the agreements in `npm test` (the vague one among them, for findings of each
  // severity to filter), of every one in `npm run test:exhaustive`: the page, and the browser's work, grow with them
  const files = sampleAgreements(20, ['a-vague-everything.md', 'sample-msa.md']).map((f) => path.join(AGREEMENTS_DIR, f))
  let results: LintResult[] = []
  let browser: Browser
  let page: Page
  const requests: string[] = []
  const problems: string[] = []

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-html-'))
    reportFile = path.join(dir, 'report.html')
    hostileFile = path.join(dir, 'hostile.html')
    // CLAUSELINT_SCREENSHOT=path keeps the screenshot for a person to look at.
    screenshot = process.env['CLAUSELINT_SCREENSHOT'] ?? path.join(dir, 'report.png')
    results = await lintFiles(files, {profile: 'msa'})
    fs.writeFileSync(reportFile, reporters['html']!(results, context))
    fs.writeFileSync(hostileFile, html([hostile], context))
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
    page = await browser.newPage({viewport: {width: 1280, height: 900}})
    page.on('request', (request) => requests.push(request.url()))
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`)
      void dialog.dismiss()
    })
    await page.goto(pathToFileURL(reportFile).href)
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    if (dir) fs.rmSync(dir, {recursive: true, force: true})
  })

  const visibleFindings = (): Promise<Array<{rule: string; severity: string; agreement: string}>> =>
    page.$$eval('tr.finding', (rows) =>
      rows
        .filter((r) => r.offsetParent !== null)
        .map((r) => ({rule: r.getAttribute('data-rule') ?? '', severity: r.getAttribute('data-severity') ?? '', agreement: r.getAttribute('data-agreement') ?? ''})),
    )

  it('shows the matrix: one row per agreement, 21 clause columns (operational, then commercial), each cell a labelled link to that clause', async () => {
    expect(results).toHaveLength(files.length)
    expect(await page.locator('table.matrix caption').textContent()).toContain(`Clause coverage of ${files.length} agreements, worst first`)
    await expect.poll(() => page.locator('table.matrix tbody tr').count()).toBe(files.length)
    expect(await page.locator('table.matrix thead th.clause').count()).toBe(21)
    const rows = await page.$$eval('table.matrix tbody tr', (trs) =>
      trs.map((tr) => ({
        name: tr.querySelector('th[scope="row"]')?.textContent ?? '',
        cells: [...tr.querySelectorAll('td.cell a')].map((a) => ({href: a.getAttribute('href') ?? '', label: a.textContent ?? '', target: a.ownerDocument.getElementById((a.getAttribute('href') ?? '').slice(1)) !== null})),
      })),
    )
    expect(rows.map((r) => r.name).sort()).toEqual(results.map((r) => path.relative(root, r.filePath)).sort())
    for (const row of rows) {
      expect(row.cells).toHaveLength(21)
      for (const cell of row.cells) {
        // the symbol (hidden from screen readers) and the accessible text "Clause: outcome"
        expect(cell.label).toMatch(/^[✓~✗→][A-Z][a-z ]+: (present|vague|missing|delegated)$/)
        expect(cell.target, cell.href).toBe(true)
      }
    }
    // a cell link leads to the clause's row in the agreement's details, with the quoted evidence
    const cell = page.locator('table.matrix tbody tr').first().locator('td.cell a').first()
    const href = (await cell.getAttribute('href'))!
    await cell.click()
    expect(new URL(page.url()).hash).toBe(href)
    const target = page.locator(`tr${href}`)
    await expect.poll(() => target.isVisible()).toBe(true)
    expect(await target.locator('td.where').textContent()).toMatch(/line \d+/)
  })

  it('filters the findings by rule and severity, and keeps the filter in the URL', async () => {
    const total = results.reduce((n, r) => n + r.messages.length, 0)
    const vague = results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId === 'no-vague-terms').length, 0)
    expect(vague).toBeGreaterThan(0)
    expect(await visibleFindings()).toHaveLength(total)
    await page.selectOption('#filter-rule', 'no-vague-terms')
    const shown = await visibleFindings()
    expect(shown).toHaveLength(vague)
    expect(shown.every((f) => f.rule === 'no-vague-terms')).toBe(true)
    expect(await page.locator('#filter-status').textContent()).toBe(`Showing ${vague} of ${total} findings`)
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#filter?rule=no-vague-terms')

    await page.selectOption('#filter-rule', '')
    await page.selectOption('#filter-severity', 'info')
    const infos = await visibleFindings()
    expect(infos).toHaveLength(results.reduce((n, r) => n + r.infoCount, 0))
    expect(infos.every((f) => f.severity === 'info')).toBe(true)

    await page.fill('#filter-text', 'no such text anywhere')
    expect(await visibleFindings()).toHaveLength(0)
    expect(await page.locator('#no-match').isVisible()).toBe(true)
    await page.click('#filter-reset')
    expect(await visibleFindings()).toHaveLength(total)

    // the fragment alone restores a filter (a link to a filtered view)
    const one = results.find((r) => r.messages.some((m) => m.severity === 'warning'))!
    const name = path.relative(root, one.filePath)
    await page.goto(`${pathToFileURL(reportFile).href}#filter?${new URLSearchParams({severity: 'warning', agreement: name})}`)
    const restored = await visibleFindings()
    expect(restored).toHaveLength(one.warningCount)
    expect(restored.every((f) => f.severity === 'warning' && f.agreement === name)).toBe(true)
    expect(await page.inputValue('#filter-severity')).toBe('warning')
    await page.click('#filter-reset')
  })

  it('is usable from the keyboard: a skip link leads to the filters, and a select changes with the keys', async () => {
    await page.goto(pathToFileURL(reportFile).href)
    // evaluated in the page (the test is compiled without the DOM library)
    const focused = async (): Promise<string> => String(await page.evaluate("document.activeElement.id || document.activeElement.textContent"))
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('Skip to the coverage matrix')
    // the skip link is shown when it has focus
    expect((await page.locator('a.skip').first().boundingBox())!.y).toBeGreaterThanOrEqual(0)
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('Skip to the findings and filters')
    await page.keyboard.press('Enter')
    // let the skip link's navigation settle before moving on, so its hashchange cannot land mid-way
    await page.waitForFunction("location.hash === '#findings'")
    await page.waitForTimeout(100)
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('filter-rule')
    const outline = await page.$eval('#filter-rule', (el) => el.ownerDocument.defaultView!.getComputedStyle(el).outlineStyle)
    expect(outline).toBe('solid')
    // choose a rule with the arrow keys only
    for (let i = 0; i < 40 && (await page.inputValue('#filter-rule')) !== 'no-vague-terms'; i++) {
      await page.keyboard.press('ArrowDown')
      await page.waitForTimeout(20)
    }
    expect(await page.inputValue('#filter-rule')).toBe('no-vague-terms')
    const shown = await visibleFindings()
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.every((f) => f.rule === 'no-vague-terms')).toBe(true)
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('filter-severity')
  })

  it('makes no network request, logs no error, and renders agreement markup as text', async () => {
    await page.goto(pathToFileURL(reportFile).href)
    await page.screenshot({path: screenshot})
    expect(fs.readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG')
    await page.goto(pathToFileURL(hostileFile).href)
    expect(await page.title()).not.toBe('pwned')
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('table.matrix th[scope="row"]').textContent()).toBe(`contracts/<b>"Acme" & 'Sons'</b>.md`)
    expect(await page.locator('#agreements h3').textContent()).toBe(`contracts/<b>"Acme" & 'Sons'</b>.md`)
    const title = hostile.messages[0]!.sectionPath[0]!
    expect(title).toContain(`<img src=x onerror="document.title='pwned'">& "quoted"`)
    expect(await page.locator('tr.finding').first().locator('td.path').textContent()).toBe(title)
    expect(await page.locator('#a1-service-hours blockquote').textContent()).toBe(`“${hostile.coverage.find((c) => c.ruleId === 'service-hours')!.evidence!}”`)
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([])
    expect(problems).toEqual([])
  })
})
