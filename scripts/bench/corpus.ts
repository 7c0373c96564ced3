// Deterministic benchmark corpus: realistic managed-services agreements from a seeded PRNG (mulberry32).
// The same seeds give the same bytes on every machine, so `npm run bench -- --check` prints a hash that
// two generations (or two machines) can compare.
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** mulberry32: a tiny, fast 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Gen {
  readonly rnd: () => number
  constructor(seed: number) {
    this.rnd = mulberry32(seed)
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1))
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)]!
  }
  chance(p: number): boolean {
    return this.rnd() < p
  }
}

const PROVIDERS = ['Northgate Technology Partners, LLC', 'Bluepeak IT Services Ltd', 'Cedar Ridge Managed IT, Inc.', 'Harbourline Systems Pty Ltd', 'Ironbark Networks LLC', 'Summit Lane Computing Ltd', 'Westfield Tech Group, Inc.', 'Riverstone Digital LLP']
const CLIENTS = ['Harbor Street Dental Group, P.C.', 'Maple & Finch Accountants LLP', 'Greenway Logistics Ltd', 'St. Brigid Community Clinic', 'Okafor Architecture Studio', 'Lakeside Credit Union', 'Brightwater Veterinary Hospital', 'Kestrel Legal Services Ltd']
const TITLES = ['Managed Services Agreement', 'Master Services Agreement', 'Managed IT Support Agreement', 'IT Services and Support Agreement', 'Service Level Agreement']
const ZONES = ['Pacific Time', 'Eastern Time (ET)', 'UK time', 'AEST', 'Central European Time', 'GMT', 'Mountain Time']
const DAYS = ['Monday to Friday', 'Monday through Friday', 'Mon–Fri', 'weekdays other than public holidays']
const CLOCKS = [['08:00', '18:00'], ['7:30 a.m.', '5:30 p.m.'], ['09:00', '17:30'], ['8 a.m.', '6 p.m.'], ['08:30', '17:00']]
const SERVICES = ['Help desk', 'Workstation management', 'Server management', 'Network monitoring', 'Microsoft 365 administration', 'Endpoint security', 'Backup and recovery', 'Vendor coordination', 'Patch management', 'Firewall management', 'Asset inventory', 'Onboarding and offboarding', 'Email filtering', 'Wireless network support']
const EXCLUSIONS = ['projects, including server replacements and office relocations', 'purchase of hardware, software or licenses', 'structured cabling and electrical work', 'support for personal devices', 'training beyond the onboarding session', 'forensic investigation following a security breach', 'custom software development', 'recovery of data not covered by the backup service']
const VAGUE = ['promptly', 'in a timely manner', 'as soon as reasonably practicable', 'using commercially reasonable efforts', 'in line with industry best practices', 'regularly', 'from time to time', 'as needed', 'with minimal downtime', 'on a periodic basis']
const MEASURED = ['within 4 business hours', 'within 1 hour', 'every night at 01:00', 'within 2 Business Days', 'at least 99.9% of each calendar month', 'within 30 minutes', 'every 15 minutes', 'weekly on Sunday evenings']
const NOUNS = ['the Provider', 'the Client', 'each party', 'the Provider', 'the Provider']
const VERBS = ['will maintain', 'shall monitor', 'will review', 'shall provide', 'will document', 'must notify', 'will restore', 'shall keep', 'will report on', 'will test']
const OBJECTS = ['the Covered Devices', 'the backup logs', 'all Incidents', 'the network configuration', 'the ticketing system records', 'firewall rules', 'the asset register', 'security alerts', 'user accounts', 'licence assignments', 'the disaster recovery plan']
const TAILS = ['as described in this Agreement', 'during Business Hours', 'at its own cost', 'and keep records for twelve (12) months', 'using the tools listed in Appendix 1', 'subject to Section 9', 'in accordance with the change process', 'after written approval from the Authorized Contact']
const SECTION_TITLES = ['Term and Renewal', 'Fees and Payment', 'Client Responsibilities', 'Backups', 'Security', 'Confidentiality', 'Data Protection', 'Change Management', 'Escalation', 'Reporting', 'Termination', 'Limitation of Liability', 'Warranties', 'Insurance', 'Subcontractors', 'Hardware Failure', 'Governing Law', 'Notices', 'Force Majeure', 'Disaster Recovery', 'Onboarding', 'Offboarding and Exit', 'Support Hours', 'After-Hours Support', 'Service Reviews']
const DEFINED_AS = ['the workstations, servers, network devices and printers listed in Appendix 1', 'the named Client staff listed in Appendix 1', 'an unplanned interruption to, or reduction in the quality of, a Covered Device', 'a request for information, a change, or a new user setup', 'the time from the moment a ticket is logged to the moment a technician begins work', 'the time from the moment a ticket is logged to the moment the affected service is restored', '$165.00 per hour, billed in 15-minute increments', 'the Client staff member named in Appendix 1', 'work announced at least five (5) Business Days in advance', 'work outside Business Hours that the Authorized Contact asks for', 'the fee stated in the Order Form, payable monthly in advance']
const TERMS = ['Business Hours', 'Business Day', 'Covered Devices', 'Covered Users', 'Incident', 'Service Request', 'Response Time', 'Resolution Time', 'Standard Rate', 'Authorized Contact', 'Scheduled Maintenance', 'Emergency Work', 'Monthly Fee']

function sentence(g: Gen): string {
  const parts = [g.pick(NOUNS), g.pick(VERBS), g.pick(OBJECTS)]
  if (g.chance(0.45)) parts.push(g.chance(0.5) ? g.pick(VAGUE) : g.pick(MEASURED))
  if (g.chance(0.5)) parts.push(g.pick(TAILS))
  let s = parts.join(' ')
  // emphasis, strong, inline code, links, as real agreements have them
  if (g.chance(0.12)) s = s.replace(/(\w+)$/, '*$1*')
  if (g.chance(0.08)) s += ' (see [Section ' + g.int(1, 20) + '](#section-' + g.int(1, 20) + '))'
  if (g.chance(0.05)) s += ', as published at [example.com/policies](https://example.com/policies)'
  if (g.chance(0.04)) s += ' via the `' + g.pick(['portal', 'support@', 'rmm-agent', 'psa']) + '` channel'
  if (g.chance(0.03)) s = s.replace(/^the (\w+)/i, '**The $1**')
  return s.charAt(0).toUpperCase() + s.slice(1) + '.'
}

function paragraph(g: Gen, min = 2, max = 6): string {
  const n = g.int(min, max)
  let p = ''
  for (let i = 0; i < n; i++) p += (i ? ' ' : '') + sentence(g)
  if (g.chance(0.01)) p += ' TODO: confirm with the Client.'
  return p
}

function definitions(g: Gen, n: number): string {
  const [from, to] = g.pick(CLOCKS)
  const out = ['## ' + n + '. Definitions', '']
  out.push(`- **Business Hours** means ${from} to ${to} ${g.pick(ZONES)}, ${g.pick(DAYS)}, excluding public holidays.`)
  out.push('- **Business Day** means a day from Monday through Friday that is not a public holiday.')
  for (const term of TERMS.slice(2)) if (g.chance(0.7)) out.push(`- **${term}** means ${g.pick(DEFINED_AS)}${g.chance(0.3) ? `; ${sentence(g).replace(/^\w/, (c) => c.toLowerCase())}` : '.'}`)
  return out.join('\n')
}

function services(g: Gen, n: number): string {
  const out = [`## ${n}. Services`, '', `### ${n}.1 Managed Services`, '', 'For the Monthly Fee, the Provider will deliver the following services (the "Services"):', '']
  const chosen = SERVICES.filter(() => g.chance(0.6))
  chosen.forEach((s, i) => out.push(`${i + 1}. **${s}.** ${sentence(g)}`))
  out.push('', `### ${n}.2 Excluded Services`, '', 'The following are not part of the Services and are billed at the Standard Rate:', '')
  for (const e of EXCLUSIONS) if (g.chance(0.6)) out.push(`- ${e};`)
  return out.join('\n')
}

function serviceLevels(g: Gen, n: number): string {
  const [from, to] = g.pick(CLOCKS)
  const out = [`## ${n}. Service Levels`, '', `### ${n}.1 Support Hours`, '', `Support is available ${from}–${to} ${g.pick(DAYS)}, ${g.pick(ZONES)}. ${paragraph(g, 1, 3)}`, '']
  out.push(`### ${n}.2 Priority Levels`, '', 'The Provider assigns a priority to each ticket when it is logged:', '')
  out.push('- **Priority 1 (Critical):** the whole office cannot work, for example a failure of the server or the internet circuit affecting every user.')
  out.push('- **Priority 2 (High):** a business function is unavailable to two or more users and no workaround exists.')
  out.push('- **Priority 3 (Normal):** a single user is affected and a workaround exists.')
  out.push('- **Priority 4 (Low):** service requests, scheduled changes and questions.', '')
  out.push(`### ${n}.3 Response and Resolution Times`, '', 'The Provider will meet the following targets for at least 95% of tickets in each calendar month:', '')
  out.push('| Priority | Response Time | Resolution Time | Clock |', '|---|---|---|---|')
  const resp = [['30 minutes', '4 hours'], ['1 hour', '8 Business Hours'], ['4 Business Hours', '2 Business Days'], ['1 Business Day', '5 Business Days']]
  resp.forEach(([r, s], i) => out.push(`| P${i + 1} | ${g.chance(0.1) ? g.pick(VAGUE) : r} | ${s} | ${i === 0 ? '24x7' : 'Business Hours'} |`))
  out.push('', `### ${n}.4 Service Credits`, '', '| Monthly availability | Credit |', '|---|---|', '| 99.0% – 99.9% | 5% of the Monthly Fee |', '| 98.0% – 98.99% | 10% of the Monthly Fee |', '| below 98.0% | 20% of the Monthly Fee |', '')
  out.push(paragraph(g))
  if (g.chance(0.4)) out.push('', `> **Note:** ${sentence(g)}`)
  return out.join('\n')
}

function genericSection(g: Gen, n: number): string {
  const title = g.pick(SECTION_TITLES)
  const out = [`## ${n}. ${title}`, '']
  const subs = g.int(1, 4)
  for (let s = 1; s <= subs; s++) {
    const style = g.int(0, 5)
    if (style <= 2) {
      out.push(`### ${n}.${s} ${g.pick(SECTION_TITLES)}`, '', paragraph(g), '')
    } else if (style === 3) {
      // bold-numbered paragraph, no heading
      out.push(`**${n}.${s}. ${g.pick(SECTION_TITLES)}.** ${paragraph(g)}`, '')
    } else if (style === 4) {
      out.push(`${n}.${s} ${paragraph(g, 1, 3)}`, '', 'The Client will:', '')
      const k = g.int(2, 5)
      for (let i = 0; i < k; i++) out.push(`(${String.fromCharCode(97 + i)}) ${sentence(g).replace(/^\w/, (c) => c.toLowerCase())}`)
      out.push('')
    } else {
      out.push(`### ${n}.${s} ${g.pick(SECTION_TITLES)}`, '')
      const k = g.int(2, 5)
      for (let i = 0; i < k; i++) out.push(`- ${sentence(g)}`)
      out.push('', paragraph(g, 1, 3), '')
      if (g.chance(0.2)) out.push(`> ${sentence(g)}`, '')
    }
  }
  return out.join('\n').trimEnd()
}

/** One agreement of about `target` bytes (never more, unless the fixed parts alone are larger). */
export function agreement(seed: number, target: number): string {
  const g = new Gen(seed)
  const provider = g.pick(PROVIDERS)
  const client = g.pick(CLIENTS)
  const head = [
    `# ${g.pick(TITLES)}`,
    '',
    `This Agreement is made between **${provider}** (the "Provider") and **${client}** (the "Client"), effective from the date of the last signature. The Provider's ticket reference format is \`MSA-${g.int(1000, 9999)}\`.`,
  ].join('\n')
  const tail = ['## Signatures', '', '| Party | Name | Title | Date |', '|---|---|---|---|', `| Provider | ${g.pick(['J. Ortiz', 'A. Chen', 'R. Patel'])} | Director | |`, `| Client | ${g.pick(['M. Byrne', 'S. Novak', 'K. Mensah'])} | Practice Manager | |`].join('\n')
  const parts = [head, definitions(g, 1), services(g, 2), serviceLevels(g, 3)]
  let size = parts.reduce((n, p) => n + Buffer.byteLength(p) + 2, 0) + Buffer.byteLength(tail) + 1
  for (let n = 4; ; n++) {
    // every 25th section in big documents is another Service Levels section, so they keep their shape
    const next = n % 25 === 0 ? serviceLevels(g, n) : genericSection(g, n)
    const bytes = Buffer.byteLength(next) + 2
    if (size + bytes > target) break
    parts.push(next)
    size += bytes
  }
  return `${parts.join('\n\n')}\n\n${tail}\n`
}

export interface CorpusSpec {
  /** Number of ~15 KB files in many/. */
  readonly files: number
  /** Sizes in MB (2^20 bytes) of the single files in scale/. */
  readonly scaleMb: readonly number[]
}

export interface CorpusFile {
  readonly rel: string
  readonly text: string
}

export const KB = 1024
export const MB = 1024 * 1024

/** Every file of the corpus, in a fixed order. Seeds: 1000+i for many/, 50 for one/, 777 for scale/. */
export function* corpusFiles(spec: CorpusSpec): Generator<CorpusFile> {
  yield {rel: 'one/agreement.md', text: agreement(50, 50 * KB)}
  for (let i = 0; i < spec.files; i++) {
    // 10–22 KB, about 15 KB on average
    const size = Math.round((10 + mulberry32(1000 + i)() * 11) * KB)
    yield {rel: `many/agreement-${String(i).padStart(5, '0')}.md`, text: agreement(1000 + i, size)}
  }
  for (const mb of spec.scaleMb) yield {rel: `scale/scale-${mb}mb.md`, text: agreement(777, Math.round(mb * MB))}
}

export interface CorpusSummary {
  readonly files: number
  readonly bytes: number
  readonly sha256: string
  readonly byDir: Record<string, {files: number; bytes: number}>
}

/** Generate the corpus; write it below `dir` when given. The hash covers every path and byte in order. */
export function generateCorpus(spec: CorpusSpec, dir?: string): CorpusSummary {
  const hash = createHash('sha256')
  let files = 0
  let bytes = 0
  const byDir: Record<string, {files: number; bytes: number}> = {}
  for (const f of corpusFiles(spec)) {
    const buf = Buffer.from(f.text, 'utf8')
    hash.update(f.rel).update('\0').update(buf).update('\0')
    files++
    bytes += buf.length
    const top = f.rel.split('/')[0]!
    const d = (byDir[top] ??= {files: 0, bytes: 0})
    d.files++
    d.bytes += buf.length
    if (dir) {
      const full = path.join(dir, f.rel)
      fs.mkdirSync(path.dirname(full), {recursive: true})
      fs.writeFileSync(full, buf)
    }
  }
  return {files, bytes, sha256: hash.digest('hex'), byDir}
}

/** Generate into `dir` unless a finished generation of the same spec is already there. */
export function ensureCorpus(spec: CorpusSpec, dir: string): CorpusSummary {
  const stamp = path.join(dir, 'corpus.json')
  // a change to this generator makes a new corpus
  const generator = createHash('sha256').update(fs.readFileSync(import.meta.filename)).digest('hex')
  try {
    const saved = JSON.parse(fs.readFileSync(stamp, 'utf8')) as {spec: CorpusSpec; generator: string; summary: CorpusSummary}
    if (JSON.stringify(saved.spec) === JSON.stringify(spec) && saved.generator === generator) return saved.summary
  } catch {
    // not generated yet
  }
  fs.rmSync(dir, {recursive: true, force: true})
  fs.mkdirSync(dir, {recursive: true})
  const summary = generateCorpus(spec, dir)
  fs.writeFileSync(stamp, JSON.stringify({spec, generator, summary}, null, 2))
  return summary
}
