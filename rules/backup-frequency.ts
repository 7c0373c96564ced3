// backup-frequency: how often backups run (interval or schedule); retention is expected too.
import {needs} from '../src/text.js'
import {clauseRule, keptJudgement, type ClauseOptions, type Finding, type Reader, type Unit, type Verdict} from '../src/clauses.js'
import {withheldWork} from '../src/reading/reach.js'
import {indexOf} from '../src/reading/wording.js'
import type {Stated} from '../src/reading/metrics.js'
import {formatMinutes, parseDurationOption, type Values} from '../src/reading/values/index.js'
import {durationSchema, ruleOptions, type RuleContext} from '../src/rule.js'
import type {Reading} from '../src/reading/index.js'
import type {Block, Section} from '../src/types.js'
import data from './data/clauses.json' with {type: 'json'}

const TOPIC = new RegExp(data['backup-frequency'].topic, 'i')
// "backup" naming a standby of something other than data, the thing it modifies or the supply it is: spare stock ("a
// backup toner cartridge", "backup handsets"), a second supply or route ("backup power", "the backup SIP trunk", "a
// backup 4G link"), a number calls are diverted to ("the practice's backup numbers"), a stand-in person ("backup contact",
// "a backup agent", "a backup on-call engineer", "Sinéad acts as my backup whenever I am away")
// (with the words that say which kind before the thing: "a backup diesel generator", "the back-up 4G LTE router", "a
// backup cordless handset"); and a backup named as a standby or a failover, whatever the thing ("the hot-standby backup PC",
// "Failover / backup routing"): a second thing that takes over, not a copy of data
const NOT = /\bback[- ]?up\)? (?:(?!(?:of|and|or|to|for|from|the|an?|your|our|its|their|data|files?|cop(?:y|ies)|jobs?|runs?|sets?|is|are|will|shall|must|was|were|be|with|in|on|at|each|every|daily|weekly|nightly|monthly|hourly|storage|retention|schedule|policy|plan)\b)[\w-]+\s+){0,2}?(?:power|generators?|internet|connections?|connectivity|links?|lines?|circuits?|isps?|carriers?|(?:sip )?trunks?|routes?|routers?|modems?|4g|5g|lte|sims?|(?:phone |telephone |mobile |contact |call[- ]?forwarding )?numbers?|mobiles?|dsl|broadband|fibre|fiber|wan|sites? only|personnel|contacts?|staff|engineers?|technicians?|agents?|deput(?:y|ies)|on[- ]call (?:engineers?|technicians?|staff|agents?)|toner|ink|cartridges?|paper|consumables?|parts?|spares?|stock|handsets?|phones?|batter(?:y|ies)|keys?|cards?|vehicles?|printers?|laptops? for loan)\b|\b(?:UPS|power|battery|generator|inverter)\s+back[- ]?ups?\b|\b(?:acts?|acting|serves?|serving|stands?|standing|steps? in|stepping in)\s+as\s+(?:my|our|his|her|their|the|a|an)\s+back[- ]?up\b|\b(?:hot[- ]?standby|warm[- ]?standby|stand-?by|fail-?over|redundant)\s*(?:[/&,]\s*|(?:and|or)\s+)?back[- ]?ups?\b(?:\s+(?!(?:of|and|or|to|for|from|the|is|are|will|shall|must|was|were|be|with|in|on|at|each|every|daily|weekly|nightly|monthly|hourly)\b)[\w-]+){0,2}/gi
// support, not a copy: "the service desk is backed up by the on-call engineer"
const BACKED_BY = needs(/\bbacked up by\b/i)
/** What a backup copies: a frequency in a Backups section counts only in a sentence about copies of data. */
const COPY = /\b(?:cop(?:y|ies)|snapshots?|images?|replicat\w*|archiv\w*|retain\w*|retention|kept|restore points?|versions?|data|files?|folders?|servers?|databases?|mailbox\w*|systems?|devices?|workstations?|laptops?|pcs?|backed|run|runs|taken)\b/i
const RPO = needs(/\bRPO\b|recovery point/i)
// what a backup in its home copies when no backup word is left: "Snapshots … ", "copies of the database"
const COPY_OF_DATA = /\b(?:cop(?:y|ies)|snapshots?|images?|replicat\w*|restore points?|versions?)\b/i
// a party's act of backing up, the verb: "shall back up", "backs up", "is backed up"
const BACKS_UP = /\bback(?:s|ed)?\s+up\b/i
// Confidentiality and licence boilerplate that mentions backups without committing to any.
const BOILERPLATE = /\bretain\b[^.]{0,120}\bback ?ups?\b|\bback ?up (?:or|and) (?:record|archiv)|\b(?:right|licen[cs]e)\b[^.]{0,80}\b(?:make|making) (?:incidental )?(?:copies|back ?ups)|\bmake back ?ups\b|\bremain in (?:encrypted |archived? )?back ?ups\b|\bbackup copies of (?:the )?(?:software|documentation)/i

// Backups named as a kind of data the provider holds, in text about personal data ("We process your staff's personal data
// (names, … and the contents of mailboxes and backups) only to provide the services"): no backup is agreed there
const PERSONAL_DATA = needs(/\bpersonal (?:data|information)\b/i)
const BACKUP_RUN = /\bback(?:s|ed|ing)? up\b|\bbackups? (?:are |will be )?(?:run|taken|made|performed|kept|retained|stored)\b/i
function personalDataOnly(text: string): boolean {
  return PERSONAL_DATA.test(text) && !BACKUP_RUN.test(text)
}
// Reading: under a data-protection title, text about the law of personal data or about secrecy ("Each party shall comply
// with the GDPR", "The Provider acts as processor", "keep the other party's Confidential Information secret") speaks of
// privacy, not of backups: with nothing else there, the section says nothing of backups (missing, not vague)
const PRIVACY_LAW = /\bGDPR\b|\bdata protection (?:acts?|laws?|legislation|regulations?|directive)\b|\b(?:data )?(?:processor|controller|sub-?processor)s?\b|\bdata processing (?:agreement|addendum|terms)\b|\bprocessing terms\b|\bconfidential(?:ity)?\b|\bprivacy (?:laws?|policy|notice)\b/i
function privacyLawOnly(text: string): boolean {
  return PRIVACY_LAW.test(text) && !BACKUP_RUN.test(text) && !BACKUP.test(text)
}
// The provider declines to back up ("We do not back up your data; that is your responsibility", "Backups are not part of
// this plan") or points to someone else's product ("We can recommend a backup service"): no backup is agreed
const DECLINED = /\b(?:we|i|provider|supplier|contractor|msp|[A-Z][\w&-]+)\s+(?:do(?:es)?\s+not|do(?:es)?n['’]t|will\s+not|won['’]t|cannot|can['’]t)\s+(?:back\s?up|take\s+backups|provide\s+(?:any\s+)?backups?|perform\s+backups)\b|\bbackups?\s+(?:are|is)(?:\s+not|n['’]t)\s+(?:part of|included in|covered by|provided)\b|\b(?:recommend|suggest|advise on|point you to|refer you to)\s+(?:a|an|some)\s+(?:[\w-]+\s+)?back\s?up\s+(?:service|provider|product|solution|system|company|tool)s?\b/i

type BackupFrequencyOptions = {readonly maxInterval?: string; readonly requireRetention: boolean}

// the longest acceptable interval, and retention
const options = ruleOptions<BackupFrequencyOptions>({
  schema: {
    type: 'object',
    properties: {
      maxInterval: durationSchema('Longest acceptable time between backups; when every stated backup frequency is less often than this, it is reported'),
      requireRetention: {type: 'boolean', description: 'Report an agreement that states how often backups run but not how long they are kept'},
    },
    additionalProperties: false,
  },
  defaults: {maxInterval: '24h', requireRetention: true},
})

const messages = {
  missing: 'Missing backup frequency; say how often backups run and how long they are kept (e.g. "daily at 01:00 UTC, kept 30 days")',
  vague: 'Vague backup frequency "{text}"; say how often backups run (e.g. "every 4 hours")',
  delegated: 'Backup frequency is set in {target}; lint it with this agreement or state it here',
  infrequent: 'Infrequent backups "{text}"; the house maximum interval is {max}',
  noRetention: 'Missing backup retention; say how long backups are kept (e.g. "daily backups kept for 30 days")',
} as const

export default clauseRule({
  id: 'backup-frequency',
  description: 'The agreement states how often backups run (interval or schedule), and ideally how long they are kept',
  data: data['backup-frequency'],
  messages,
  options,
  review,
  aside: (text) => DECLINED.test(text) || personalDataOnly(text) || privacyLawOnly(text) || standbyOnly(text),
  // in an editor, a verdict is kept with the questions its judge asked of the document (see keptJudgement)
  judge: (unit, reader) => keptJudgement(JUDGEMENTS, unit, reader.reading, questionsOf(unit, reader), (ask) => judgeUnit(unit, ask, (text) => reader.reading.values(text))),
})

/**
 * Reading: text under a title of backups whose every backup is a standby of something other than data ("the comms rack
 * runs from the camp's backup generator", "a backup 4G router takes over"), and which names no data, speaks of that
 * standby, not of backups: with nothing else under the title, the clause is missing, not vague.
 */
function standbyOnly(text: string): boolean {
  const t = text.replace(NOT, (m) => ' '.repeat(m.length))
  return t !== text && indexOf(t, TOPIC) < 0 && !/\bdata\b/i.test(text) && !COPY_OF_DATA.test(t)
}

/** What the judge asks of the document beyond its unit. */
type Questions = ReturnType<typeof questionsOf>
function questionsOf(unit: Unit, reader: Reader) {
  return {
    /** The terms named for a backup and defined as no copy of data, as one pattern (undefined when there are none). */
    standby: () => standbyTerms(reader.reading),
    /** Is the unit under a title of data protection and no title of backups? */
    privacyHome: () => privacyHome(unit, reader),
    /** The party that the statement at `index` of `text` binds. */
    boundParty: (text: string, index: number) => reader.reading.boundParty(text, index),
    /** The party that the statement at `index` of the unit binds (a table row read without its wh-titled columns' labels). */
    party: (index: number) => reader.party(unit, index),
    /** The unit's backups put in another document. */
    delegated: () => reader.delegated(unit, DELEGATED_TOPIC),
  }
}
const JUDGEMENTS = {name: 'backup-frequency: verdicts kept with their questions'}
const DELEGATED_TOPIC = /back ?up/i

/**
 * Judge one unit: it reads the unit's text, home, next sentence and lead-in, the typed values of a text (`valuesOf`), and
 * the document through `ask` alone (see keptJudgement).
 */
function judgeUnit(unit: Unit, ask: Questions, valuesOf: (text: string) => Values): Verdict | undefined {
  // each mention is read in its role: a standby ("backup power", "the backup SIP trunk") is no backup of data, though
  // the sentence names data elsewhere ("Where the Client does not provide such backup power, … data loss …")
  const standby = ask.standby()
  const blank = (m: string): string => ' '.repeat(m.length)
  const t = standby ? unit.text.replace(NOT, blank).replace(standby, blank) : unit.text.replace(NOT, blank)
  // a backup the provider declines or leaves to someone else, and backups named only as a kind of personal data held,
  // agree no backup: with nothing else, the clause is missing, not vague
  if (DECLINED.test(t) || personalDataOnly(t)) return undefined
  const at = indexOf(t, TOPIC)
  if (at < 0 && !unit.inHome) return undefined
  // under a data-protection title (a heading or a bold label), only a sentence that names backups speaks of
  // backups: "Your data is fully secure with us" there is about privacy and security
  if (at < 0 && ask.privacyHome()) return undefined
  if (at < 0 && indexOf(unit.text, TOPIC) >= 0 && !COPY_OF_DATA.test(t)) return undefined
  // a sentence about a standby that never speaks of data ("a backup tunnel …, so traffic moves to the 4G backup link")
  if (t !== unit.text && !/\bdata\b/i.test(unit.text)) return undefined
  // Reading: "backed up by" a service that keeps copies ("the Azure VM is backed up by Azure Backup every day …, with 30
  // daily … recovery points retained") is a backup of data, as the copies it keeps say; backed up by a standby that
  // keeps none ("the line is backed up by a 4G router") is no backup
  if (at >= 0 && BACKED_BY.test(t) && !/\bdata\b/i.test(t) && !COPIES_KEPT.test(t)) return undefined
  // a backup named in work the agreement withholds ("The following are not part of the service: … restoring data from
  // backup") is an excluded service, not a backup commitment
  if (at >= 0 && withheldWork(t, at, unit.intro, (text, i) => ask.boundParty(text, i) === 'customer')) return undefined
  // a sync or mirror of files to another place, with no copies kept, is no backup ("Your files sync to your online
  // storage every night": a deleted or damaged file is synced too): it touches the topic without a backup frequency
  if (at >= 0 && SYNC.test(t) && !BACKUP_KEPT.test(t) && !COPIES_KEPT.test(t)) return {outcome: 'vague', detail: 'a sync, not a backup'}
  const v = valuesOf(t)
  // "may retain copies in backups" is boilerplate; "backs up … daily and retains the backups for 28 days" is the clause
  const retain = t.search(/\bretain/i)
  // Reading: a party that backs data up before the sentence speaks of retaining the backups ("The Provider shall back up
  // the database …, and shall retain and test those backups, in accordance with Schedule 3") commits to backups; the
  // boilerplate names backups only as where copies are kept
  if (BOILERPLATE.test(t) && !(at >= 0 && retain > at && (v.frequencies.some((f) => f.start < retain) || BACKS_UP.test(t.slice(0, retain))))) return undefined
  // "Firewall logs are reviewed every 10 minutes" under Backups is a frequency of something else
  const aboutCopies = at >= 0 || COPY.test(t)
  // a frequency of something done to the backups ("test a restore of each server once per quarter") is not how often
  // backups run
  // and the period an availability percentage is measured over ("available for 99.5% of each calendar month") is not one
  // and a frequency that labels or follows an amount ("Monthly: $180.00", "$180.00 monthly") is how often the amount is
  // charged, not how often backups run
  const runs = v.frequencies.filter((f) => !NOT_BACKUP_RUN.test(t.slice(lastBackupBefore(t, f.start), f.start)) && !otherRun(t, f, v))
  if (aboutCopies && (runs.length || (RPO.test(t) && v.durations.length))) {
    return ask.party(Math.max(at, 0)) === 'customer' ? {outcome: 'vague', detail: 'the customer runs the backups'} : {outcome: 'present'}
  }
  // "Backups. Snapshots are taken every 6 hours" split over two sentences of one paragraph
  if (at >= 0 && unit.next && /^(?:they|these|this|such|each|backups?)\b/i.test(unit.next) && !TOPIC.test(unit.next) && valuesOf(unit.next).frequencies.length) return {outcome: 'present'}
  const delegated = ask.delegated()
  if (delegated) return delegated
  if (at >= 0 || unit.inHome) return {outcome: 'vague'}
  return undefined
}

const notHeading = (b: Block): boolean => b.kind !== 'heading'
const BACKUP = needs(/\bback(?:s|ed|ing)?[- ]?ups?\b|\bsnapshots?\b/i)

const STANDBY_TERMS = {name: 'backup-frequency: terms named for a backup and defined as no copy of data'}
const DATA_WORD = /\b(?:data|files?|restor\w*|recover\w*)\b/i

/**
 * Reading: a term named for a backup and defined as anything but a copy of data ("“Backup Device” means a loaner device
 * placed while a Device is repaired") is a standby wherever it is used, as "backup power" is. A pattern of those terms
 * (undefined when there are none), once per document.
 */
function standbyTerms(reading: Reading): RegExp | undefined {
  return reading.own(STANDBY_TERMS, () => {
    const names: string[] = []
    for (const d of reading.definitions.values()) {
      if (BACKUP_WORD.test(d.term) && !COPY_OF_DATA.test(d.text) && !DATA_WORD.test(d.text)) names.push(d.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    }
    return names.length ? new RegExp(`\\b(?:${names.join('|')})\\b`, 'gi') : undefined
  })
}
const BACKUP_WORD = needs(/\bback[- ]?ups?\b/i)
// Copying that keeps nothing of its own: a sync or a mirror of the live files
const SYNC = needs(/\b(?:sync(?:s|ed|ing|hroni[sz]ed|hroni[sz]es)?|mirror(?:s|ed|ing)?)\b/i)
// a backup, a snapshot or a replica named beside it is one (a sync alone is not)
const COPIES_KEPT = /\b(?:retain\w*|retention|kept|versions?|version history|restore points?|copies)\b/i
const BACKUP_KEPT = /\bback(?:s|ed|ing)?[- ]?ups?\b(?![^.]{0,40}\bnot\b)|\bsnapshots?\b|\breplicat\w*|\bRPO\b|\brecovery point\b/i
// A title of data protection or privacy, which is a home of backups only for what it says of them
const PRIVACY_TITLE = /\b(?:data protection|privacy|personal data|gdpr|data security|security)\b/i

/** Is the unit under a title of data protection (its section's heading, or a bold label alone on its line, above it or itself) and no title of backups? */
function privacyHome(unit: Unit, reader: Reader): boolean {
  const path = unit.block.section.path
  if (path.some((p) => BACKUP.test(p) || /\b(?:continuity|recovery)\b/i.test(p))) return false
  const blocks = reader.doc.blocks
  for (let i = reader.reading.blockIndex(unit.block); i >= 0; i--) {
    const b = blocks[i]!
    if (b.kind === 'heading') break
    const label = reader.reading.leadLabel(b)
    // (the unit's own paragraph titled by a run-in label: "**T7. Data protection.** We act as your processor …")
    if (label !== undefined && b === unit.block && b.kind === 'paragraph') return PRIVACY_TITLE.test(label) && !BACKUP.test(label)
    if (label !== undefined && b.kind === 'paragraph' && b.text.replace(/[\s.:;,?!*_]+$/, '').replace(/^[*_]+/, '').trim() === label.replace(/[?!]+$/, '')) return PRIVACY_TITLE.test(label) && !BACKUP.test(label)
  }
  // (the nearest title with words: a numbered paragraph, "8.1 Each party shall …", has none of its own)
  const titled = path.filter((p) => /[a-z]{2,}/i.test(p))
  return titled.length > 0 && PRIVACY_TITLE.test(titled[titled.length - 1]!)
}


// between a frequency and the amount it is the period of: a label's colon or a table's cell break, a slash, spaces
const PERIOD_GAP = /^[\s:|=/-]{0,4}$/

/** Is frequency `f` the period an amount of `money` next to it is charged for ("Monthly: $180.00", "$180.00 monthly")? */
function chargingPeriod(text: string, f: {start: number; end: number}, money: readonly {start: number; end: number}[]): boolean {
  return money.some((m) => (m.start >= f.end && PERIOD_GAP.test(text.slice(f.end, m.start))) || (m.end <= f.start && PERIOD_GAP.test(text.slice(m.end, f.start))))
}

// Reading: a frequency is not how often backups run when it is the period a percentage is measured over ("a backup job
// success rate of at least 98% each month", "available for 99.5% of each calendar month"), the period an amount is
// charged for, or how often the thing named right after it happens ("the monthly report", "weekly checks")
/** Is frequency `f` of text `t` the period of something other than a backup run? */
function otherRun(t: string, f: {start: number; end: number}, v: Values): boolean {
  return v.percentages.some((p) => p.end <= f.start && f.start - p.end <= 12) || chargingPeriod(t, f, v.money) || NOT_BACKUP_RUN.test(/^\s+([\w-]+)/.exec(t.slice(f.end, f.end + 24))?.[1] ?? '') || thingsFrequency(t, f)
}

// Reading: a frequency written as the adjective of a thing, between its article and its noun ("back up the staff drive and
// the weekly PowerSchool export", "copy its monthly payroll extract"), says how often that thing is made, not how often it
// is backed up; one whose noun is a backup, a copy or a run ("a daily backup", "the nightly job", "on a weekly basis") is
// the backup's own
const DETERMINER_BEFORE = /\b(?:the|a|an|its|their|our|your|each|this|that|these|those)\s+$/i
const OWN_RUN = /\b(?:back[- ]?ups?|cop(?:y|ies)|snapshots?|images?|jobs?|runs?|basis|schedule|cycle|rotation|intervals?|full|incremental|differential|replicat\w*|archives?|versions?|restore points?)\b/i
function thingsFrequency(t: string, f: {start: number; end: number}): boolean {
  if (!DETERMINER_BEFORE.test(t.slice(Math.max(0, f.start - 8), f.start))) return false
  // the noun phrase after the frequency: up to three words, to a preposition, a verb or a stop
  const phrase = /^\s+((?:(?!(?:to|in|on|at|for|of|with|from|and|or|is|are|will|shall|every|each)\b)[\w'’-]+\s*){1,3})/i.exec(t.slice(f.end, f.end + 60))?.[1]
  return phrase !== undefined && !OWN_RUN.test(phrase)
}

// Reading: retention stated as a count of copies kept ("30 restore points kept", "14 daily, 8 weekly and 12 monthly restore
// points", "we hold 20 nightly copies") says how long backups are kept, as a period does; a count of anything else ("12
// servers") does not, and a count alone names no frequency ("30 restore points kept" says nothing of how often they are made)
// (a count of exports or savings kept is one of copies: "keeps the last 14 exports")
const COUNTED_COPIES = /\b\d{1,4}\s+(?:(?:daily|nightly|weekly|monthly|quarterly|yearly|annual|hourly)\s+)?(?:(?:restore|recovery)\s+points?|cop(?:y|ies)|versions?|generations?|exports|savings)\b/i

/** Where the last mention of a backup before `end` starts (0 when none): what follows it is what the backups do. */
function lastBackupBefore(text: string, end: number): number {
  let at = 0
  for (const m of text.slice(0, end).matchAll(new RegExp(BACKUP.source, 'gi'))) at = m.index
  return at
}
// romanised Hindi too: "7 din tak rakha jayega" (kept for 7 days)
const RETAIN = /\b(?:retain\w*|retention|kept|keep\w*|rakh(?:a|e|i|enge|ega)|stor(?:ed|es|age)|held|holds?|preserv\w*|delet\w*|purg\w*|rotat\w*|expir\w*|versions?|history|restore points?|copies)\b/i
// a frequency of something done to backups, not of backups ("test a restore each quarter", "review the logs weekly")
const NOT_BACKUP_RUN = /\b(?:test\w*|restor\w*|verif\w*|review\w*|report\w*|audit\w*|check\w*|monitor\w*)\b/i
const ELSEWHERE = /\b(?:order form|schedule|appendix|exhibit|annex|policy|plan|statement of work|SOW)\b/i
/** The tests of a section's path (see review), each kept with the outline in an editor. */
const BACKUP_PATH = {name: 'backup-frequency: a title on the section\'s path names backups'}
const RETENTION_PATH = {name: 'backup-frequency: a title on the section\'s path names retention'}
const RETAIN_HEADER = needs(/\b(?:retention|retain\w*|kept|keep|stored for|held for)\b/i)

/** After the clause judgement: report backups less frequent than `maxInterval`, and a missing retention period. */
function review(finding: Finding, context: RuleContext<keyof typeof messages, BackupFrequencyOptions & ClauseOptions>): void {
  const {doc, options, reading} = context
  const valuesOf = (t: string) => reading.values(t)
  // both house checks speak only of backups found present: the walk below is for them alone
  if (finding.outcome !== 'present') return
  const max = options.maxInterval === undefined ? undefined : parseDurationOption(options.maxInterval)
  let best: (Stated & {minutes: number}) | undefined
  let retention = false
  // what the section path says, once per section rather than per block (in an editor, kept with the outline)
  const paths = new Map<Section, {inBackupSection: boolean; retentionSection: boolean}>()
  const backupPath = reading.outlineTest(BACKUP_PATH, (s) => s.path.some((p) => BACKUP.test(p)))
  const retentionPath = reading.outlineTest(RETENTION_PATH, (s) => s.path.some((p) => RETAIN_HEADER.test(p)))
  // whether a sentence names backups depends on its text alone: kept per block text in an editor
  const blocks = doc.blocks
  const backupMarks = reading.unitMarksColumn(BACKUP, blocks, notHeading)
  const topicMarks = reading.unitMarksColumn(TOPIC, blocks, notHeading)
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (block.kind === 'heading') continue
    let path = paths.get(block.section)
    if (!path) paths.set(block.section, (path = {inBackupSection: backupPath(block.section), retentionSection: retentionPath(block.section)}))
    const {inBackupSection, retentionSection} = path
    if (block.header?.some((h) => RETAIN_HEADER.test(h)) && (inBackupSection || BACKUP.test(block.text) || block.header.some((h) => BACKUP.test(h)))) retention = true
    for (let k = 0; k < block.sentences.length; k++) {
      const s = block.sentences[k]!
      const aboutBackups = reading.unitMatchesIn(backupMarks, i, BACKUP, block, k) || reading.unitMatchesIn(topicMarks, i, TOPIC, block, k) || (inBackupSection && block.kind !== 'paragraph')
      // a count of copies kept, under a backups title or beside the word ("Provider keeps 14 daily, 8 weekly and 12 monthly
      // restore points of each") is retention
      if (!retention && (aboutBackups || inBackupSection) && COUNTED_COPIES.test(s.text)) retention = true
      if (!aboutBackups && !(retentionSection && inBackupSection)) continue
      // a period, or retention put in another document ("Backup Plan (backup frequency and retention) | Order Form")
      if ((RETAIN.test(s.text) || retentionSection) && (valuesOf(s.text).durations.length || (/\bretention\b/i.test(s.text) && ELSEWHERE.test(s.text)))) retention = true
      if (!aboutBackups) continue
      const sv = valuesOf(s.text)
      for (const f of sv.frequencies) {
        const lead = s.text.slice(0, f.start)
        const lastBackup = Math.max(0, ...[...lead.matchAll(new RegExp(BACKUP.source, 'gi'))].map((m) => m.index))
        if (NOT_BACKUP_RUN.test(lead.slice(lastBackup)) || otherRun(s.text, f, sv)) continue
        if (!best || f.intervalMinutes < best.minutes) best = {block, start: s.start + f.start, end: s.start + f.end, text: f.text, minutes: f.intervalMinutes}
      }
    }
  }
  if (max !== undefined && best && best.minutes > max && finding.outcome === 'present') {
    context.report({messageId: 'infrequent', outcome: 'present', policy: true, block: best.block, start: best.start, end: best.end, data: {text: best.text, max: formatMinutes(max)}})
  }
  if (options.requireRetention === true && finding.outcome === 'present' && !retention) {
    const where = finding.unit ? {block: finding.unit.block, start: finding.unit.start, end: finding.unit.start + finding.unit.text.trimEnd().length} : finding.section ? {section: finding.section} : {}
    context.report({messageId: 'noRetention', severity: 'warning', ...where})
  }
}
