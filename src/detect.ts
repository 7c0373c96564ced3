// Recognises what kind of agreement a document is, to choose a profile for `--profile auto`.
import type {Document} from './types.js'

export type AgreementKind = 'msa' | 'sla' | 'nda' | 'dpa' | 'terms' | 'other'

export interface Detection {
  /** The profile to apply: a clause set (msa, sla, agreement), or the language rules only. */
  readonly profile: 'msa' | 'sla' | 'agreement' | 'language'
  readonly kind: AgreementKind
  /** One line saying why, for the report. */
  readonly reason: string
}

/** A title naming IT work for a client: the thing looked after, then within a few words the work or the document. */
const IT_WORK_TITLE =
  /\b(?:it|ict|tech|computers?|information technology|network|website|web|backups?|hosting|hosted|voice|telephony|print|endpoints?|microsoft 365|m365)\b[^:.?!]{0,30}?\b(?:support|care|services?|plans?|maintenance|operations|outsourcing|assistance|agreement|contract|arrangement|schedule|retainer|addendum)\b|\bmanaged (?:[\w-]+ ){0,2}?(?:services?|backups?|print|detection|security|network|application|it|voice|wi-?fi)\b|\b(?:mdr|soc|detection and response|security operations)\b|\bsupport (?:policy|plan|arrangement|schedule)\b|\bbreak[- /]?fix\b/i

const KINDS: ReadonlyArray<{kind: AgreementKind; re: RegExp}> = [
  {kind: 'nda', re: /\bnon[- ]?disclosure\b|\bconfidentiality agreement\b|\bnda\b/i},
  {kind: 'dpa', re: /\bdata (?:processing|protection) (?:agreement|addendum|terms)\b|\bdpa\b|\bbusiness associate\b|\bbaa\b/i},
  {kind: 'sla', re: /\bservice[- ]level (?:agreement|schedule|terms)\b|\bsla\b/i},
  {
    kind: 'msa',
    re: /\bmanaged (?:it |security |network |cloud )?services?\b|\bmaster services\b|\b(?:it |technology )?services? agreement\b|\bsupport (?:and maintenance )?(?:agreement|terms|contract)\b|\bmaintenance (?:agreement|contract)\b|\bhelp ?desk\b|\bstatement of work\b|\bcloud (?:service )?(?:terms|agreement)\b|\bsoftware licen[cs]e (?:and support )?agreement\b|\bhosting agreement\b/i,
  },
  // A title that names IT work done for a client names a services agreement, however the document calls itself: "IT
  // Outsourcing Contract", "Website Care Agreement", "Managed Backup Service Terms", "Hosted Voice Support Addendum",
  // "Sentrywell MDR: Service Description", "Contract for the Provision of Information Technology Assistance Services".
  {kind: 'msa', re: IT_WORK_TITLE},

  {kind: 'terms', re: /\bterms of (?:service|use)\b|\bterms and conditions\b|\bprivacy (?:policy|notice)\b|\bacceptable use\b|\buser agreement\b|\bcookie policy\b/i},
  {kind: 'other', re: /\bpartnership\b|\bpilot\b|\bdesign partner\b|\baddendum\b|\bemployment\b|\blease\b|\bloan\b|\bpurchase agreement\b|\breseller\b|\breferral\b/i},
]

// Signals in the body that the document governs IT support or managed services.
// Each kind of IT work counts once: an agreement for IT support shows three kinds or more in its first 400 blocks.
const SERVICE_SIGNALS = [
  /\bhelp ?desk\b|\bservice desk\b/i,
  /\bresponse times?\b|\brespond(?:s|ed)? within\b|\b(?:attended|taken in charge) within\b|\bintervention times?\b/i,
  /\bback ?ups?\b/i,
  /\b(?:business|support|working|office) hours\b/i,
  /\btickets?\b|\bincidents?\b|\bfaults?\b|\boutages?\b/i,
  /\b(?:laptops?|desktops?|computers?|workstations?|servers?|PCs|printers?|routers?|firewalls?|wi-?fi)\b/i,
  /\b(?:microsoft|office) 365\b|\bm365\b|\banti-?virus\b|\bendpoint protection\b|\banti-?malware\b/i,
  /\b(?:P[1-4]|priority [1-4]|severity [1-4])\b/,
  /\buptime\b|\bavailability (?:target|of \d)/i,
  /\bmonitoring\b|\bpatch(?:ed|ing| management)\b/i,
  /\bon-?site\b|\bremote support\b/i,
  // An agreement to provide IT services says so in plain words, however informal (an e-mail, a letter, a chat): the
  // work of looking after the customer's IT ("I'll look after the computers", "keep the till PC patched"), the accounts
  // and connections it runs on, and security operations (a SOC's alerts, SIEM, EDR) are kinds of IT work too
  /\b(?:look(?:s|ing)? after|maintain\w*|manag(?:e|es|ed|ing)|monitor\w*|patch\w*|fix\w*|repair\w*|set(?:s|ting)? up|administer\w*|keep(?:s|ing)?)\s+(?:[\w'’-]+\s+){0,4}?(?:computers?|PCs?|laptops?|desktops?|servers?|networks?|IT systems|devices|printers?|tills?|e-?mail)\b/i,
  /\bbroadband\b|\binternet (?:connection|line|access|service)s?\b|\be-?mail accounts?\b|\bmailbox(?:es)?\b|\bgoogle workspace\b|\bvpn\b/i,
  /\b(?:SIEM|EDR|XDR|MDR|SOC)\b|\bthreat (?:hunting|detection|intelligence)\b|\bsecurity (?:alerts?|events?|operations)\b|\bvulnerability (?:scan\w*|management)\b/i,
]

// Signals that an SLA governs an IT support desk (a schedule of a managed services agreement) rather than a hosted
// service: a help or service desk, or two of backups, patching and on-site or remote support.
const DESK = /\bhelp ?desk\b|\bservice desk\b/i
const SUPPORT_WORK = [/\bback ?ups?\b/i, /\bpatch(?:ing| management)\b/i, /\bon-?site\b|\bremote support\b/i]

function titleOf(doc: Document): string {
  const fm = doc.frontmatter
  for (const key of ['type', 'kind', 'document_type', 'title']) {
    const v = fm[key]
    if (typeof v === 'string' && v.trim()) return v.trim()
  }
  if (doc.title) return doc.title.title
  const first = doc.sections.find((s) => s.kind === 'heading')
  return first?.title ?? ''
}

/** Decide which profile fits the document, and say why. */
export function detectProfile(doc: Document): Detection {
  const title = titleOf(doc)
  // the body and its service signals are read only when the title does not decide (most titles name the agreement)
  let joined: string | undefined
  const bodyText = (): string =>
    (joined ??= doc.blocks
      .slice(0, 400)
      .map((b) => b.text)
      .join('\n'))
  let counted: number | undefined
  const serviceSignals = (): number => (counted ??= SERVICE_SIGNALS.filter((re) => re.test(bodyText())).length)
  for (const {kind, re} of KINDS) {
    if (!re.test(title)) continue
    const quoted = `"${title.length > 60 ? `${title.slice(0, 57)}…` : title}"`
    if (kind === 'msa') return {profile: 'msa', kind, reason: `title ${quoted} names a services or support agreement`}
    if (kind === 'sla') {
      const body = bodyText()
      if (DESK.test(body) || SUPPORT_WORK.filter((re) => re.test(body)).length >= 2) {
        return {profile: 'msa', kind, reason: `title ${quoted} names a service level agreement for IT support (a service desk or support work), checked with the msa clause set`}
      }
      return {profile: 'sla', kind, reason: `title ${quoted} names a service level agreement`}
    }
    // a "terms" or other document that is really a support agreement still gets the clause set
    if ((kind === 'terms' || kind === 'other') && serviceSignals() >= 5) {
      const signals = serviceSignals()
      return {profile: 'msa', kind: 'msa', reason: `title ${quoted}, but the text governs support (${signals} service signals)`}
    }
    if (kind === 'terms') return {profile: 'language', kind, reason: `title ${quoted} names ${describe(kind)}; no clause profile fits, so only the language rules run`}
    return {profile: 'agreement', kind, reason: `title ${quoted} names ${describe(kind)}, checked with the general agreement clause set`}
  }
  // No telling title: the body decides.
  const named = title ? `title "${title.length > 60 ? `${title.slice(0, 57)}…` : title}" names no known kind; ` : ''
  const signals = serviceSignals()
  const nda = (bodyText().match(/\bconfidential information\b|\bdisclosing party\b|\breceiving party\b/gi) ?? []).length
  if (signals >= 3 && signals * 4 > nda) return {profile: 'msa', kind: 'msa', reason: `${named}the text governs IT support (${signals} service signals)`}
  if (nda >= 5) return {profile: 'agreement', kind: 'nda', reason: `${named}the text is about confidential information (a non-disclosure agreement), checked with the general agreement clause set`}
  return {profile: 'language', kind: 'other', reason: `${named}not recognised as a services agreement (${signals} service signals); only the language rules run`}
}

function describe(kind: AgreementKind): string {
  switch (kind) {
    case 'nda':
      return 'a non-disclosure agreement'
    case 'dpa':
      return 'a data processing agreement'
    case 'terms':
      return 'terms of service'
    default:
      return 'another kind of agreement'
  }
}
