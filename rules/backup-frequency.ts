// backup-frequency: how often backups run (interval or schedule); retention is expected too.
import {clauseRule} from '../src/clauses.js'
import {indexOf} from '../src/reading/wording.js'
import {backupFrequencyMessages, backupFrequencyOptions, reviewBackupFrequency} from '../src/rule-options.js'
import data from './data/clauses.json' with {type: 'json'}

const TOPIC = new RegExp(data['backup-frequency'].topic, 'i')
const NOT = /\bback[- ]?up (?:power|generators?|internet|connections?|links?|lines?|circuits?|isps?|sites? only|personnel|contacts?|staff)\b|\bbacked up by\b/i
const RPO = /\bRPO\b|recovery point/i
// Confidentiality and licence boilerplate that mentions backups without committing to any.
const BOILERPLATE = /\bretain\b[^.]{0,120}\bback ?ups?\b|\bback ?up (?:or|and) (?:record|archiv)|\b(?:right|licen[cs]e)\b[^.]{0,80}\b(?:make|making) (?:incidental )?(?:copies|back ?ups)|\bmake back ?ups\b|\bremain in (?:encrypted |archived? )?back ?ups\b|\bbackup copies of (?:the )?(?:software|documentation)/i

export default clauseRule({
  id: 'backup-frequency',
  description: 'The agreement states how often backups run (interval or schedule), and ideally how long they are kept',
  data: data['backup-frequency'],
  messages: {
    missing: 'Missing backup frequency; say how often backups run and how long they are kept (e.g. "daily at 01:00 UTC, kept 30 days")',
    vague: 'Vague backup frequency "{text}"; say how often backups run (e.g. "every 4 hours")',
    delegated: 'Backup frequency is set in {target}; lint it with this agreement or state it here',
    ...backupFrequencyMessages,
  },
  options: backupFrequencyOptions,
  review: reviewBackupFrequency,
  judge(unit, reader) {
    const t = unit.text
    const at = indexOf(t, TOPIC)
    if (at < 0 && !unit.inHome) return undefined
    if (at >= 0 && NOT.test(t) && !/\bdata\b/i.test(t)) return undefined
    if (BOILERPLATE.test(t)) return undefined
    const v = reader.reading.values(t)
    if ((at >= 0 || unit.inHome) && (v.frequencies.length || (RPO.test(t) && v.durations.length))) {
      return reader.party(unit, Math.max(at, 0)) === 'customer' ? {outcome: 'vague', detail: 'the customer runs the backups'} : {outcome: 'present'}
    }
    // "Backups. Snapshots are taken every 6 hours" split over two sentences of one paragraph
    if (at >= 0 && unit.next && /^(?:they|these|this|such|each|backups?)\b/i.test(unit.next) && !TOPIC.test(unit.next) && reader.reading.values(unit.next).frequencies.length) return {outcome: 'present'}
    const delegated = reader.delegated(unit, /back ?up/i)
    if (delegated) return delegated
    if (at >= 0 || unit.inHome) return {outcome: 'vague'}
    return undefined
  },
})
