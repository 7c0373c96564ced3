// Who is bound by a statement, and the readings that take a promise away: negation, permission, disclaimers.
// The functions are pure; a Reading (index.ts) holds the per-document party names and the clause-start memo.
import {needs} from '../text.js'
import type {Block, Document} from '../types.js'

export type Party = 'provider' | 'customer' | 'mutual' | 'unknown'

// Either party: duties that bind both sides are procedure, not the provider's service promise.
const MUTUAL = /(?<!third )\b(?:the|each|either|any|neither|such|a) part(?:y|ies)\b|\b(?:each party|either party|both parties|the parties|the other party|a party|(?:receiving|disclosing|affected|notifying|indemnifying|indemnified|protected|breaching|non-breaching) party|each recipient|the recipient|recipient)\b/i
const OBLIGATION = /\b(?:shall|must|will|agrees? to|undertakes? to|is (?:required|responsible|obliged|obligated)|are (?:required|responsible|obliged|obligated)|has to|have to|needs? to|should|warrants?|represents?|commits? to|is expected to|['’]ll)\b/gi
// an enumerator opens a clause only after a break ("; (b)", ": (a)", "and (c)"), so "seventy-two (72) hours" is no boundary
const CLAUSE_BOUNDARY = /[;:]|(?:^|(?<=[;:,\n]\s{0,3})|(?<=\b(?:and|or)\s{1,3}))\(\s*(?:[a-z]|[ivx]{1,4}|\d{1,2})\s*\)|\bprovided(?:,)? (?:that|however)\b|\b(?:and|but|while|whereas)\s+(?=(?:the\s+)?(?:provider|client|customer|supplier|we|you)\b)/gi
// (a claim called dishonest or untrue to make is denied: "It would be dishonest to say your server will never fail")
const NEGATION = /\b(?:not|no|never|nothing|nobody|neither|nor|without|cannot|can't|won't|doesn't|don't|isn't|aren't|disclaims?|excludes?|except)\b|n't\b|\b(?:dishonest|untrue|misleading|unrealistic)\s+(?:of\s+(?:us|me|anyone|any\s+\w+)\s+)?to\b/i
const DISCLAIMER = /\b(?:disclaim(?:s|ed|er)?|makes? no (?:warrant|guarantee|representation|promise)|(?:does|do|will) not (?:warrant|guarantee|represent|promise)|no (?:warranty|guarantee) (?:is|that)|without (?:warranty|guarantee)|as[- ]is\b|as[- ]available\b|nothing in this (?:agreement|schedule|sla)[^.]{0,60}\b(?:guarantee|warrant|promise))/i

// The words each party's role is called by, and where each is read as a role. A word marked `label` also labels a party
// on a line or in a row of particulars ("Client:", "| Supplier | … |", "- **Customer (") and gives it its short name; a
// word marked `bracket` also gives a label its role in brackets ("**PARTY A (the Client):**"). (msp and subscriber label a
// line but are not read in the bracket: a difference kept as it was, not a reading of its own)
// A word marked `binds` names the party a statement binds (PROVIDER, CUSTOMER: the subject of a duty, "the Vendor shall
// …"); `asName` the party an agreement calls by its role word as a name, capitalised, before a duty ("Supplier shall …");
// `header` the customer on a label line of the header ("Client: Acme Dental Ltd"), `'caps'` there in capitals too
// ("CLIENT:"); `failing` the customer whose failing is a condition (customer-requirements: "if the Client does not …").
// (franchisor, franchisee, "contracted party", "contracting party" and "managed service provider" are read only where a
// name is tested whole, as PROVIDER_ROLE and CUSTOMER_ROLE do)
// (a translated contract calls the customer by its ordering role: "the Ordering Party", "the Commissioning Party")
// (a translation's "contracted party" is the one hired, its "contracting party" the one who hires: CONTRATADA, CONTRATANTE)
interface RoleWord {
  readonly word: string
  readonly label?: true
  readonly bracket?: true
  readonly binds?: true
  readonly asName?: true
  readonly header?: true | 'caps'
  readonly failing?: true
}
const PROVIDER_WORDS: readonly RoleWord[] = [
  {word: 'provider', label: true, bracket: true, binds: true, asName: true},
  {word: 'service provider', label: true, bracket: true, binds: true, asName: true},
  {word: 'msp', label: true, binds: true},
  {word: 'supplier', label: true, bracket: true, binds: true, asName: true},
  {word: 'vendor', label: true, bracket: true, binds: true, asName: true},
  {word: 'contractor', label: true, bracket: true, binds: true, asName: true},
  {word: 'consultant', binds: true, asName: true},
  {word: 'licensor', binds: true, asName: true},
  {word: 'franchisor'},
  {word: 'managed service provider'},
  {word: 'contracted party'},
]
const CUSTOMER_WORDS: readonly RoleWord[] = [
  {word: 'client', label: true, bracket: true, binds: true, asName: true, header: 'caps', failing: true},
  {word: 'customer', label: true, bracket: true, binds: true, asName: true, header: 'caps', failing: true},
  {word: 'licensee', binds: true, asName: true, header: true, failing: true},
  {word: 'franchisee'},
  {word: 'subscriber', label: true, binds: true, asName: true, header: true, failing: true},
  {word: 'buyer', binds: true, asName: true, header: true},
  {word: 'purchaser', binds: true, asName: true, header: true},
  {word: 'ordering party', binds: true, failing: true},
  {word: 'commissioning party', binds: true, failing: true},
  {word: 'contracting party'},
  {word: 'orderer', binds: true},
]
// the voice each party speaks in, a role only where a name is tested whole ("(“Kauri Point”, “we”)"), never a label
const PROVIDER_VOICE = ['we', 'us', 'our']
const CUSTOMER_VOICE = ['you', 'your']
const words = (list: readonly RoleWord[], keep: (w: RoleWord) => boolean = () => true): string[] => list.filter(keep).map((w) => w.word)
/** The role words read as a label, provider's then customer's, as one alternation. */
const LABEL_WORDS = [...words(PROVIDER_WORDS, (w) => w.label === true), ...words(CUSTOMER_WORDS, (w) => w.label === true)].join('|')
const BRACKET_WORDS = [...words(PROVIDER_WORDS, (w) => w.bracket === true), ...words(CUSTOMER_WORDS, (w) => w.bracket === true)].join('|')
const PROVIDER_ROLE = new RegExp(`^(?:${[...words(PROVIDER_WORDS), ...PROVIDER_VOICE].join('|')})$`, 'i')
const CUSTOMER_ROLE = new RegExp(`^(?:${[...words(CUSTOMER_WORDS), ...CUSTOMER_VOICE].join('|')})$`, 'i')
const VOICE = new RegExp(`^(?:${[...PROVIDER_VOICE, ...CUSTOMER_VOICE].join('|')})$`)
/** The role a label word gives (one of LABEL_WORDS): the provider's, or else the customer's. */
const labelRole = (word: string): Party => (PROVIDER_ROLE.test(word) ? 'provider' : 'customer')
// Who a statement binds: the role words marked `binds` and the voice of each party, where "your" is not read (whose thing
// it is, not who is bound: the customer's people are read by YOUR_PEOPLE) and "our" is, and two words beside the lists:
// "company" for the provider (a template's "the Company") and "user(s)" for the customer (a licence's "the User")
const PROVIDER = new RegExp(`\\b(?:${[...words(PROVIDER_WORDS, (w) => w.binds === true), ...PROVIDER_VOICE, 'company'].join('|')})\\b`, 'i')
const CUSTOMER = needs(new RegExp(`\\b(?:${[...words(CUSTOMER_WORDS, (w) => w.binds === true), ...CUSTOMER_VOICE.filter((v) => v !== 'your'), 'user', 'users'].join('|')})\\b`, 'i'))
/** The customer's role words read where its failing is a condition (customer-requirements), with "you": see RoleWord. */
export const FAILING_CUSTOMER_WORDS: readonly string[] = [...words(CUSTOMER_WORDS, (w) => w.failing === true), ...CUSTOMER_VOICE.filter((v) => v !== 'your')]
// The kind of organisation a customer is called by ("the School", "the Practice"): a provider is never named so
const CUSTOMER_KIND = /^(?:school|academy|college|university|institution|practice|clinic|surgery|hospital|trust|charity|council|member|tenant|subscriber|agency|firm|office|store|shop|restaurant|hotel|church|club|society|association|co-?operative|co-op|foundation)$/i
// A body's name that ends in the kind of organisation it is ("Glenmore Dairy Co-operative Society Ltd", "the Van Asperen
// Foundation"): one or more capitalised words before the kind (group 1), a legal form after it (not the kinds whose word
// is common in lower case: "trust", "practice", "council", "institution")
const NAMED_KIND = needs(/\b(?:[A-Z][\w'’&.-]*\s+){1,5}?(School|Academy|College|University|Clinic|Surgery|Hospital|Charity|Society|Association|Church|Club|Co-?operative|Co-op|Foundation)(?:\s+(?:Society|Association|Ltd|Limited|Inc|CLG|DAC|e\.?V\.?|Stichting))*\b/g)

/** The addressee line of a letter's header: "To: Harrowfield Dental Surgery, 22 Church Street". */
const LETTER_TO = /^[ \t]*to[ \t]*:[ \t]*([A-Z][^,\n(]{1,80})/im

/**
 * A parenthesis that may give names, or a quoted name given after "hereinafter" (group 1 or 2), or a name in capitals
 * given after it with no quotes, as translations give it ("hereinafter called CONTRACTING PARTY", group 3).
 */
/** A party's role as a line's label right before a bracket: "- **Customer (", "Provider (". */
const ROLE_BEFORE_NAME = new RegExp(String.raw`(?:^|\n)[\s*_>|-]*(${LABEL_WORDS})[\s*_]*$`, 'i')
/** A label of one to three words with a party's role in brackets before its colon: "**PARTY A (the Client):**" (groups 1, 2). */
const LABEL_WITH_ROLE = new RegExp(String.raw`^[ \t*_>|-]*([A-Za-z][\w&.'’-]*(?:[ \t]+[A-Za-z0-9][\w&.'’-]*){0,2})[ \t]*\((?:the[ \t]+)?(${BRACKET_WORDS})\)[ \t*_]*:`, 'gim')
/** A line opened by a party's role as its label: "**Client:** …", "Service Provider: …". */
/** The key of the key/value row or line that holds offset `at`: a two-cell row's first cell, or a line's label before "; " or " — ". */
function keyOfRow(block: Block, at: number): string | undefined {
  if (block.kind === 'table-row') return block.cells?.length === 2 ? block.cells[0]!.replace(/[*_]/g, '').trim() : undefined
  const from = block.text.lastIndexOf('\n', at) + 1
  return KEYED_LINE.exec(block.text.slice(from, at))?.[1]
}
const KEYED_LINE = /^[\s*_>-]*([A-Za-z][A-Za-z ]{1,30}?)[\s*_]*(?:;|\s[—–]\s)/
/** A key cell that is a party's role alone: "Client", "Supplier". */
const ROLE_KEY = new RegExp(`^(?:${LABEL_WORDS})$`, 'i')
const ROLE_LINE = new RegExp(String.raw`^[\s*_>|-]*(${LABEL_WORDS})[\s*_]*:`, 'i')
/** A role word labelling the name that runs to the end of the text: "customer: Brightwater Accounting LLC ". */
const ROLE_LABEL_BEFORE = new RegExp(String.raw`\b(${LABEL_WORDS})\s*:\s*[^:;()]{1,80}$`, 'i')

/** A line of particulars that gives a party a short name: a label, its colon, a name and a bracket ("Procuring Entity: … (the \"SDO\")"). */
const PARTY_LINE = /^[\s*_>|-]*[A-Za-z][\w&.'’-]*(?:[ \t]+[A-Za-z][\w&.'’-]*){0,3}[\s*_]*:[\s*_]*[A-Z][^\n]*\([^()\n]*[“"][^“”"\n]+[”"][^()\n]*\)/
/** Does a line (lower-cased) give the short name `name` in quotes ("(the \"sdo\")", "(“board”)")? */
function givesName(line: string, name: string): boolean {
  for (const open of ['"', '“']) {
    for (let at = line.indexOf(open); at >= 0; at = line.indexOf(open, at + 1)) {
      const inside = line.slice(at + 1).replace(/^the\s+/, '')
      if (inside.startsWith(name) && /^[,]?[”"]/.test(inside.slice(name.length))) return true
    }
  }
  return false
}

/**
 * Is `short` the name at the start of `line` shortened: its words all words of that name ("Vitalink" of "Vitalink Health
 * Pte. Ltd."), or the initials of its first words ("TCO" of "Tanjong Cloud Operations Pte. Ltd.")? The name runs to the
 * first bracket or comma.
 */
function shortened(short: string, line: string): boolean {
  const full = line.replace(/[*_]/g, '').split(/[(,]/)[0]!.trim().split(/\s+/).filter((w) => /^[A-Za-z]/.test(w))
  if (!full.length) return false
  const words = new Set(full.map((w) => w.toLowerCase()))
  const parts = short.split(/\s+/)
  if (parts.every((w) => words.has(w.toLowerCase())) && parts.length < full.length) return true
  // (a word in capitals gives all its letters: "Blackcountry Automation & IT Ltd" is "BAIT")
  const initials = full.map((w) => (/^[A-Z]{2,4}$/.test(w) ? w : w[0]!.toUpperCase())).join('')
  return /^[A-Z]{2,6}$/.test(short) && initials.startsWith(short)
}
// Reading: a short name in quotes set between dashes after a party's particulars ("Neckar Laborinformatik GmbH, Heidelberg
// – "Neckar" –", as German and Austrian agreements give it) is given as one in brackets is; read as the brackets, at the
// same offsets
const DASHED_NAME = /[–—]([ \t]*[“"][^“”"\n]{1,60}[”"][ \t]*)[–—]/g
function dashedNames(text: string): string {
  return text.replace(DASHED_NAME, (_, inner: string) => `(${inner})`)
}
const NAME_GIVEN = /\(([^()]{1,160})\)|\bhereinafter(?:,)?\s+(?:(?:called|designated|referred\s+to\s+as|named|denominated|also)\s+){0,2}(?:((?:[“"][^“”"]{1,60}[”"](?:,?\s+(?:or|and)\s+)?){1,3})|(?:the\s+|THE\s+)?([A-Z][A-Z-]+(?:\s+(?:[A-Z][A-Z-]+|[A-Z0-9](?![\w-]))){0,2})(?=[\s,.;)]|$))/g

/**
 * What partyNames read of a document beyond its section titles, bold runs, front matter and the blocks its passes over
 * the whole text look for (see partyNamesAsks): how many blocks of the opening it read, whether it read every block for
 * the parties' conduct, and whether it looked for a kind of organisation as the subject of a duty (subjectKinds, which
 * looks for none once a name is the customer's).
 */
export interface PartyNamesRead {
  opening: number
  whole: boolean
  subjects: boolean
}

/**
 * Which blocks the passes over the whole text may read for a name, when they stand past the opening, by the literal and
 * pattern tests the passes make before they read one: ASKS_DEFINED for definedPeople, ASKS_SUBJECT for subjectKinds (0
 * for a block that neither reads).
 */
export function partyNamesAsks(block: Block): number {
  if (block.kind === 'heading') return 0
  const text = block.text
  const defined = (text.includes('mean') || text.includes('refers to')) && (text.includes("'") || text.includes('’')) ? ASKS_DEFINED : 0
  return defined | (/\b[Tt]he\s/.test(text) && (SUBJECT_KIND_TEST.test(text) || OWNER_TEST.test(text)) ? ASKS_SUBJECT : 0)
}
const ASKS_DEFINED = 1
const ASKS_SUBJECT = 2

/** The titles titledKinds may read: the sections' and the bold runs', in order (see dutyTitlesOf). */
export function titlesRead(doc: Document): string[] {
  const out: string[] = []
  for (const s of doc.sections) out.push(s.title)
  for (const m of doc.marks) if (m.type === 'strong') out.push(m.text)
  return out
}

/** Of the titles titledKinds may read (titlesRead), those it reads: the ones that name duties, as titledKinds tells them. */
export function dutyTitlesOf(titles: readonly string[]): string[] {
  return titles.filter((title) => {
    if (title.length > 80) return false
    const lower = title.toLowerCase()
    return KIND_DUTY_WORDS.some((w) => lower.includes(w))
  })
}

/**
 * Names a document gives its parties ("Cascade", "Vendor", “Acme”), with their role. Terms defined in
 * one parenthesis share a role ("(“Cascade,” “Vendor,” or “Service Provider”)"); when the preamble
 * names two parties and only one has a role word, the other takes the opposite role.
 */
export function partyNames(doc: Document, read?: PartyNamesRead): Map<string, Party> {
  const names = new Map<string, Party>()
  let blocks = 0
  const unknown: string[] = []
  const owned: Array<[string, string]> = []
  const known = new Set<Party>()
  let between: readonly string[] | undefined
  // the opening's lines of particulars that declare a party: labelled by a role word ("Contractor: Mabini Digital …"),
  // or labelled otherwise and giving a short name ("Procuring Entity: … (the \"SDO\")")
  const labelled = new Set<Party>()
  const partyLines: string[] = []
  // the unknown names given as the last word of the proper name before them ("Lower Salinas Water District (the
  // \"District\")"): a body called by the kind its own name ends in
  const ownName = new Set<string>()
  for (const block of doc.blocks) {
    if (read) read.opening++
    if (blocks < 12) namedKinds(block.text, names)
    if (block.kind === 'heading') continue
    if (++blocks > 12) break
    between ??= betweenNames(block.text)
    // "School: St Aidan's Primary School" on a label line of the header: the customer is "the school"
    if (block.text.includes(':')) {
      for (const line of block.text.split('\n')) {
        const role = ROLE_LINE.exec(line)
        if (role) labelled.add(labelRole(role[1]!))
        if (role || PARTY_LINE.test(line)) partyLines.push(line.toLowerCase())
      }
      for (const m of block.text.matchAll(/^[ \t]*([A-Za-z]+)[ \t]*:[ \t]*[A-Z]/gm)) {
        const kind = m[1]!.toLowerCase()
        if (CUSTOMER_KIND.test(kind) && kind !== 'office' && !names.has(kind)) names.set(kind, 'customer')
      }
      // "To: Harrowfield Dental Surgery, 22 Church Street" on a letter's header: the letter is addressed to the customer,
      // who is then called by the kind of organisation its name ends with ("the surgery"); a provider is never named so
      const to = LETTER_TO.exec(block.text)
      const kind = to?.[1]!.trim().split(/\s+/).pop()?.toLowerCase()
      if (kind && CUSTOMER_KIND.test(kind) && kind !== 'office' && !names.has(kind)) names.set(kind, 'customer')
      labelledCustomer(block.text, names)
    }
    // (and a name given after "hereinafter", as translated agreements give it without brackets: hereinafter "the
    // CLINIC", hereinafter designated "the HOTEL", hereinafter referred to as "THE PROVIDER")
    for (const group of (block.text.includes('–') || block.text.includes('—') ? dashedNames(block.text) : block.text).matchAll(NAME_GIVEN)) {
      // ("the School"), ("the Practice"): a name given with its article is the name without it
      // (a translation writes the article in capitals too: "THE PROVIDER", "THE COOPERATIVE")
      // (a name may be written with letters beyond ASCII: ("Kōwhai"), ("Tūī"), ("Société"))
      const quoted = group[3] !== undefined ? [] : [...(group[1] ?? group[2]!).matchAll(/[“"](?:(?:the|THE|The)\s+)?([A-Za-z\u00C0-\u024F][\w\u00C0-\u024F&.' -]{0,40}?)[,]?[”"]/g)]
      const terms = group[3] !== undefined ? [group[3]] : quoted.filter((m) => /^[“"]the\s/i.test(m[0]) || capitalised(m[1]!)).map((m) => m[1]!.trim())
      // "Harbour Street Dental Practice (the Practice)", "Kestrel IT Ltd (Kestrel)": unquoted, the short name is given by
      // brackets right after the full name it is taken from
      if (!terms.length && group[1] !== undefined) {
        const short = shortName(group[1], block.text.slice(Math.max(0, (group.index ?? 0) - 120), group.index))
        if (short) terms.push(short)
      }
      if (!terms.length) continue
      let role: Party = 'unknown'
      // ("Kauri Point", "we"): the pronoun a name is given with says its role
      for (const t of [...terms, ...quoted.map((m) => m[1]!.trim()).filter((p) => /^(?:we|us|you)$/.test(p))]) {
        if (PROVIDER_ROLE.test(t)) role = 'provider'
        else if (CUSTOMER_ROLE.test(t) || CUSTOMER_KIND.test(t)) role = 'customer'
      }
      // "customer: Brightwater Accounting LLC ("Brightwater")": the role word labels the name that follows it
      if (role === 'unknown') {
        const label = ROLE_LABEL_BEFORE.exec(block.text.slice(Math.max(0, (group.index ?? 0) - 90), group.index))
        if (label) role = labelRole(label[1]!)
      }
      // Reading: a party line whose role label carries the short name in brackets before its colon ("- **Customer
      // ("B&S"):** Bracken & Sole Builders, Inc.", "Provider (“Kea”): Kea Field IT Ltd") gives that name the role
      if (role === 'unknown' && group[1] !== undefined) {
        const at = group.index ?? 0
        const lead = ROLE_BEFORE_NAME.exec(block.text.slice(Math.max(0, at - 40), at))
        if (lead && /^[\s*_]*:/.test(block.text.slice(at + group[0].length, at + group[0].length + 6))) role = labelRole(lead[1]!)
      }
      // Reading: a line labelled by a party's role gives that party the short name in quotes at the line's end, however long
      // the particulars before it ("**Client:** Vitalink Health Pte. Ltd. (UEN 2022…), 1 Fusionopolis Way, #09-03,
      // Singapore 138632 ("Vitalink")", "**Provider:** Tanjong Cloud Operations Pte. Ltd. (…), … ("TCO")"), when it is the
      // labelled name shortened (some of its words, or its initials); a name given there to anything else ("… owner of the
      // booking website ("Portal")") is not given the line's role
      if (role === 'unknown' && group[1] !== undefined && terms.length === 1) {
        const at = group.index ?? 0
        const from = block.text.lastIndexOf('\n', at) + 1
        const to = block.text.indexOf('\n', at)
        const lineLabel = ROLE_LINE.exec(block.text.slice(from, at))
        const atEnd = /^[\s.,;*_]*$/.test(block.text.slice(at + group[0].length, to < 0 ? block.text.length : to))
        if (lineLabel && atEnd && shortened(terms[0]!, block.text.slice(from + lineLabel[0].length, at))) role = labelRole(lineLabel[1]!)
      }
      // Reading: a key/value row or line whose key is a party's role alone and whose value ends with the short name in quotes
      // ("| Client | Red Gum Gathering Pty Ltd (ABN …), PO Box 221 … ("the Festival") |", the same row written as a line
      // "Client; Red Gum …" or an item "**Client** — Red Gum …") gives that name the role, as the row's key labels its
      // value; the key names what the row is about, so the name need not shorten the one before it
      if (role === 'unknown' && group[1] !== undefined && terms.length === 1) {
        const at = group.index ?? 0
        const key = keyOfRow(block, at)
        const lineEnd = block.text.indexOf('\n', at)
        const rest = block.text.slice(at + group[0].length, lineEnd < 0 ? block.text.length : lineEnd)
        if (key !== undefined && ROLE_KEY.test(key) && /^[\s.,;*_|]*$/.test(rest)) role = labelRole(key)
      }
      // "The Credit Union keeps its own IT team ("Internal IT")": a name for something a party has is that party's
      const owner = role === 'unknown' ? OWNED.exec(block.text.slice(Math.max(0, (group.index ?? 0) - 200), group.index)) : null
      const before = block.text.slice(Math.max(0, (group.index ?? 0) - 120), group.index)
      for (const t of terms) {
        if (owner) owned.push([t, owner[1]!])
        else if (role === 'unknown') {
          unknown.push(t)
          if (endsName(before, t)) ownName.add(t.toLowerCase())
        }
        else if (!names.has(t.toLowerCase())) names.set(t.toLowerCase(), role)
      }
      if (role !== 'unknown') known.add(role)
    }
    // Reading: a party's label that is given its role in brackets before the colon ("**PARTY A (the Client):** Phu An
    // Garment JSC", "Party B (the Provider): …", "Contractor (Customer): …") names that party by the label wherever the
    // agreement uses it ("Party A shall: …")
    if (block.text.includes('(')) {
      for (const m of block.text.matchAll(LABEL_WITH_ROLE)) {
        const label = m[1]!.replace(/\s+/g, ' ').toLowerCase()
        const role: Party = labelRole(m[2]!)
        if (!names.has(label) && !PROVIDER_ROLE.test(label) && !CUSTOMER_ROLE.test(label)) names.set(label, role)
        known.add(role)
      }
    }
    // (a translated preamble gives each party its name after its particulars: "…, represented by …, as Provider," and
    // "…, as Beneficiary.")
    const as = AS_ROLE.exec(block.text)
    if (as) {
      const term = as[1]!.toLowerCase()
      const role: Party = PROVIDER_ROLE.test(term) ? 'provider' : CUSTOMER_ROLE.test(term) || CUSTOMER_KIND.test(term) ? 'customer' : 'unknown'
      if (role === 'unknown') unknown.push(term)
      else {
        if (!names.has(term)) names.set(term, role)
        known.add(role)
      }
    }
  }
  // the preamble names two parties and only one by its role: the other has the other role
  // (the terms that name the agreement, a date or a document are no party: "the \"Agreement\"", "the \"Start Date\"")
  // (the parties clause names the two parties: a name it gives anything else, "the operator of location no. 12 (the
  // \"Location\")", names no party)
  // Reading: where the opening declares its parties on lines of particulars, one of them labelled by a role word, the
  // parties are the ones those lines give (a name given later to a third party, "The telemetry carrier, Tayside Radio
  // Ltd (the \"Carrier\")", is none), and a short name given on the other line ("Procuring Entity: … (the \"SDO\")" beside
  // "Contractor: Mabini Digital Solutions, Inc.") names the other party, with the other role
  const declared = labelled.size > 0 && partyLines.length >= 2
  const rest = [...new Set(unknown.map((u) => u.toLowerCase()))].filter((u) => !names.has(u) && !NOT_A_PARTY.test(u) && (!between || between.includes(u)) && (!declared || partyLines.some((l) => givesName(l, u))))
  if (known.size === 0 && labelled.size === 1 && declared && rest.length === 1) known.add([...labelled][0]!)
  if (known.size === 1 && rest.length === 1) names.set(rest[0]!, known.has('provider') ? 'customer' : 'provider')
  // one party named with no role word, the other called only by its role throughout ("Supplier shall …" beside
  // "(the \"District\")"): the name has the other role
  else if (known.size === 0 && rest.length === 1 && ownName.has(rest[0]!)) {
    if (read) read.whole = true
    const role = counterpartRole(doc)
    if (role) names.set(rest[0]!, role === 'provider' ? 'customer' : 'provider')
  }
  // no role word for either party: each takes the role of what it does in the agreement
  else if (known.size === 0 && rest.length >= 2) {
    if (read) read.whole = true
    for (const [name, role] of rolesByConduct(doc, rest)) names.set(name, role)
  }
  for (const [term, owner] of owned) {
    const role = firstParty(owner, names)
    if ((role === 'provider' || role === 'customer') && !names.has(term.toLowerCase())) names.set(term.toLowerCase(), role)
  }
  titledKinds(doc, names)
  boundTogether(doc, names)
  subjectKinds(doc, names, read)
  attendees(doc, names)
  definedPeople(doc, names)
  const fm = doc.frontmatter
  for (const [key, role] of [['provider', 'provider'], ['customer', 'customer'], ['client', 'customer']] as const) {
    const v = fm[key]
    if (typeof v === 'string' && v.trim()) names.set(v.trim().toLowerCase(), role)
  }
  for (const [name, role] of names) if ((PROVIDER_ROLE.test(name) && role !== 'provider') || VOICE.test(name)) names.delete(name)
  return names
}

// Minutes' list of who was there: "**Present:** Mary Kerr (practice manager, for the Practice), Tom Ashworth (Kestrel IT,
// account manager)". A person whose bracket names a party acts for it, and the minutes call them by name or initials
// ("MK will tell Kestrel promptly"): their duties are that party's
const PRESENT_LINE = needs(/^[^\w\n]*(?:present|attendees|attending|in attendance|participants)[^\w\n]*:[^\w\n]*([^\n]+)/gim)
const PERSON = /(?:^|[,;]\s*|\band\s+)((?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s*\(([^()]{1,120})\)/g
function attendees(doc: Document, names: Map<string, Party>): void {
  let blocks = 0
  for (const block of doc.blocks) {
    if (++blocks > 12) break
    if (!/:/.test(block.text)) continue
    for (const line of block.text.matchAll(PRESENT_LINE)) {
      for (const m of line[1]!.matchAll(PERSON)) {
        const role = roleOfBracket(m[2]!, names)
        if (role === 'unknown') continue
        const person = m[1]!.replace(/^(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+/, '')
        const initials = person.split(/\s+/).map((w) => w[0]).join('').toLowerCase()
        for (const key of [person.toLowerCase(), initials]) if (!names.has(key)) names.set(key, role)
      }
    }
  }
}

// Reading: a name the agreement defines as one party's person or people ("**[ITM]** means Coastline's IT Manager or the
// person acting in that role", '"Site Lead" means the Customer's nominated site contact') is bound as that party is: the
// term, in quotes or a short code in square brackets, then the party's name in the possessive and a word for its people
const DEFINED_PERSON = /(?:^|\n)[ \t>*_-]*(?:(?:\d+(?:\.\d+)*\.?|\(?[a-z]\))\s+)?[*_]*(?:\[([A-Z][A-Za-z0-9]{1,7})\]|["“]([A-Z][\w'’&-]*(?:\s+[A-Za-z][\w'’&-]*){0,3})["”])[*_]*\s+(?:means|shall mean|refers to)\s+((?:the\s+)?[^.;:\n]{1,60}?)(?:'s|’s|s'|s’)\s+([^\n]{1,40})/g
const PERSON_WORD = /^(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:members?\s+of\s+staff|staff|employees|personnel|team|people|users|administrators?|managers?|representatives?|contacts?|agents?|officers?|workers?|supervisors?|leads?|coordinators?|champions?)\b/i
function definedPeople(doc: Document, names: Map<string, Party>): void {
  for (const block of doc.blocks) {
    // (literal tests first: the names are read again on every lint, and few blocks define a party's person)
    const text = block.text
    if (block.kind === 'heading' || !(text.includes('mean') || text.includes('refers to')) || !(text.includes("'") || text.includes('’'))) continue
    for (const m of text.matchAll(DEFINED_PERSON)) {
      if (!PERSON_WORD.test(m[4]!)) continue
      const term = (m[1] ?? m[2]!).toLowerCase()
      const role = firstParty(m[3]!, names)
      if ((role === 'provider' || role === 'customer') && !names.has(term)) names.set(term, role)
    }
  }
}

/** The party a person's bracket names ("practice manager, for the Practice", "Kestrel IT, account manager"), if one. */
function roleOfBracket(inside: string, names: ReadonlyMap<string, Party>): Party {
  const found = new Set<Party>()
  for (const [name, role] of names) {
    if (role !== 'provider' && role !== 'customer') continue
    if (namedIn(inside, name)) found.add(role)
  }
  return found.size === 1 ? [...found][0]! : 'unknown'
}

const ASCII = /^[\x00-\x7f]*$/
/** Does the text open with a capital letter, of any Latin alphabet ("Kestrel", "Kōwhai", "Élan")? */
const capitalised = (text: string): boolean => {
  const c = text.charAt(0)
  return c !== c.toLowerCase() && c === c.toUpperCase()
}
const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95
/** Whether `at` is a word boundary of `text` (as `\b`: a word character on one side only). */
const boundaryAt = (text: string, at: number): boolean => isWordCode(text.charCodeAt(at - 1)) !== isWordCode(text.charCodeAt(at))

/**
 * Whether `name` stands in `text` between word boundaries, case aside: what `new RegExp(`\\b${name}\\b`, 'i')` finds (the
 * name escaped), by literal search when both are ASCII (the flag then folds the letters as lower-casing does), so that
 * no pattern is compiled for each name; by that pattern otherwise.
 */
function namedIn(text: string, name: string): boolean {
  if (!ASCII.test(text) || !ASCII.test(name)) return new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text)
  const hay = text.toLowerCase()
  const needle = name.toLowerCase()
  if (needle === '') return /\b/.test(hay)
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) if (boundaryAt(hay, at) && boundaryAt(hay, at + needle.length)) return true
  return false
}

// A short name in brackets with no quotes: one to three capitalised words, with its article or without ("the Practice",
// "Kestrel"); and the full name it follows, capitalised words (with "of", "and", "&") up to the bracket
const SHORT_NAME = /^\s*(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\s*$/
const ORG_FORM = /^(?:ltd|limited|inc|incorporated|llc|llp|plc|pty|gmbh|ag|bv|b\.v|nv|sa|s\.a|sas|srl|s\.r\.l|co|corp|corporation|company|cic|clg|dac|bhd|pte|kk|lp|pc|pllc)$/i
const FULL_NAME = /((?:[A-Z][\w&'’.-]*|of|and|&)(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&))*),?\s*$/

/**
 * The short name a party is given in brackets without quotes, read as a name only where its words are words of the
 * capitalised name right before the bracket ("Kestrel IT Ltd (Kestrel)"), so that a gloss or an abbreviation ("(AEST)",
 * "(Pacific Time)") is not.
 */
function shortName(inside: string, before: string): string | undefined {
  const m = SHORT_NAME.exec(inside)
  const full = FULL_NAME.exec(before)?.[1]
  if (!full || !/^[A-Z]/.test(full)) return undefined
  // ("Parr & Webb Solicitors LLP (the firm)", "Elmfield Dental Care (the Practice)": the kind of organisation it is, with
  // its article, names the customer, whatever the name it follows ends with; a provider is never named so)
  const kind = KIND_GIVEN.exec(inside)?.[1]
  if (kind && CUSTOMER_KIND.test(kind) && !/^office$/i.test(kind)) return kind
  // (a party's name: a company's, ending in its legal form, or an organisation's, ending in its kind; not a product's)
  const last = full.split(/\s+/).pop()!.replace(/\.$/, '')
  if (!ORG_FORM.test(last) && !CUSTOMER_KIND.test(last)) return undefined
  if (!m) return undefined
  const words = new Set(full.split(/\s+/))
  const short = m[1]!.split(/\s+/)
  return short.length < full.split(/\s+/).length && short.every((w) => words.has(w)) ? m[1]! : undefined
}
const KIND_GIVEN = /^\s*the\s+([A-Za-z][a-z-]*)\s*$/

/**
 * The kinds of organisation the opening names a party by ("Glenmore Dairy Co-operative Society Ltd" → "co-operative",
 * "society"), as the names the customer is then called by ("the Co-operative"): a provider is never named so. The first
 * kind named wins; a kind the agreement defines otherwise keeps its definition (read later, it overrides this one).
 */
function namedKinds(text: string, names: Map<string, Party>): void {
  if (!/[A-Z]/.test(text)) return
  NAMED_KIND.lastIndex = 0
  for (let m = NAMED_KIND.exec(text); m !== null; m = NAMED_KIND.exec(text)) {
    for (const k of m[0].split(/\s+/)) {
      const kind = k.toLowerCase()
      if (CUSTOMER_KIND.test(kind) && !names.has(kind)) names.set(kind, 'customer')
    }
  }
}

// Reading: a customer named only on a label line of the header ("Client: Acme Dental Ltd", "**Customer:** Harbour Street
// Dental Practice") or in a header table's customer column (a row read as "Provider: Kestrel IT Ltd | Customer: …") is
// called by that name without its legal form ("Acme Dental will …") and by the kind of organisation it ends in ("the
// Practice will …")
// (the role words marked `header`, their first letter in either case, in capitals those marked 'caps'; and two kinds of
// customer beside them, "Member:" and "Tenant:", as a membership's or a lease's header labels it)
const HEADER_KINDS: readonly RoleWord[] = [{word: 'member', header: true}, {word: 'tenant', header: true}]
const HEADER_WORDS = [...CUSTOMER_WORDS, ...HEADER_KINDS]
  .filter((w) => w.header !== undefined)
  .flatMap((w) => [`[${w.word[0]!.toUpperCase()}${w.word[0]}]${w.word.slice(1)}`, ...(w.header === 'caps' ? [w.word.toUpperCase()] : [])])
const CUSTOMER_LABEL = needs(new RegExp(String.raw`(?:^|\n|\|\s)[ \t*_]*(?:${HEADER_WORDS.join('|')})(?:[ \t]+(?:[Nn]ame|NAME))?[ \t*_]*:[ \t*_]*([A-Z][^|\n,(;:*_]{1,80})`, 'g'))

function labelledCustomer(text: string, names: Map<string, Party>): void {
  for (const m of text.matchAll(CUSTOMER_LABEL)) {
    const full = m[1]!.trim()
    const name = full.replace(LEGAL_FORM, '').trim().replace(/,$/, '')
    if (name.length < 3 || CUSTOMER_ROLE.test(name) || PROVIDER_ROLE.test(name) || NOT_A_PARTY.test(name)) continue
    const key = name.toLowerCase()
    if (!names.has(key)) names.set(key, 'customer')
    const kind = key.split(/\s+/).pop()!
    if (key.includes(' ') && CUSTOMER_KIND.test(kind) && kind !== 'office' && !names.has(kind)) names.set(kind, 'customer')
  }
}

// Reading: a kind of organisation a provider is never called by ("the institution", "the School", "the Practice", "the
// Member", "the Tenant", "the Subscriber") as the subject of a duty ("the institution must …", "the Tenant shall …",
// "Where the Member does not …") is the customer, when the agreement gives that word no other party
const SUBJECT_KIND = /\b[Tt]he\s+([A-Za-z]+)\s+(?:(?:also|then)\s+)?(?:shall|must|will|agrees|undertakes|is (?:responsible|required|obliged|expected)|has to|needs to|does not|doesn['’]t|fails)\b/g
// (a kind of organisation as a name, "the Tenant shall …", "the Practice must …", or a role only a customer has,
// "the Licensee will …"; in lower case only the kinds that never name a person or a legal notion: "the school must …",
// where "the member will" or "the trust must" may be either)
const SUBJECT_KIND_LOWER = /^(?:institution|school|academy|college|practice|clinic|surgery)$/

/** SUBJECT_KIND for a test alone (a global pattern keeps its place between tests). */
const SUBJECT_KIND_TEST = new RegExp(SUBJECT_KIND.source)

function subjectKind(word: string): string | undefined {
  const kind = word.toLowerCase()
  if (kind === 'office') return undefined
  if (word === kind) return SUBJECT_KIND_LOWER.test(kind) ? kind : undefined
  return CUSTOMER_KIND.test(kind) || kind === 'licensee' ? kind : undefined
}

function subjectKinds(doc: Document, names: Map<string, Party>, read: PartyNamesRead | undefined): void {
  // (an agreement that names its customer otherwise calls it by that name)
  for (const role of names.values()) if (role === 'customer') return
  if (read) read.subjects = true
  for (const block of doc.blocks) {
    if (block.kind === 'heading') continue
    // Reading: a body named as a member of the customer or a participant in the service ("Each Member Library must …",
    // "each Participating School shall …", "Where a Member Practice does not …") is on the customer's side, as the subject
    // of a duty: a consortium, a trust or a district signs for the members that take the service, and binds them
    if (MEMBER_SUBJECT_TEST.test(block.text)) {
      for (const m of block.text.matchAll(MEMBER_SUBJECT)) {
        const member = m[1]!.replace(/\s+/g, ' ').toLowerCase()
        const kind = member.split(' ').pop()!
        if (PROVIDER_ROLE.test(kind) || names.has(member)) continue
        names.set(member, 'customer')
        // (and the members together: "Member Libraries shall …")
        const plural = member.replace(/(?:y|s|x|ch|sh)?$/, (end) => (end === 'y' ? 'ies' : end ? `${end}es` : 's'))
        if (!names.has(plural)) names.set(plural, 'customer')
      }
    }
    if (!/\b[Tt]he\s/.test(block.text)) continue
    for (const m of block.text.matchAll(SUBJECT_KIND)) {
      const kind = subjectKind(m[1]!)
      if (kind === undefined) continue
      if (names.has(kind) || [...names.keys()].some((n) => n.endsWith(` ${kind}`) && names.get(n) !== 'customer')) continue
      names.set(kind, 'customer')
    }
    // Reading: the owner of the equipment the service looks after, named by a common noun in the possessive ("Tui Street
    // looks after the lab's 9 Windows PCs", "patches the studio's iMacs"), is the customer, called by that noun ("The lab
    // keeps every PC on Windows 11"): the provider does its work on the customer's things
    if (!OWNER_TEST.test(block.text)) continue
    for (const m of block.text.matchAll(OWNER)) {
      const owner = m[1]!
      // (a common noun, in lower case: a name in capitals is read by the passes over names)
      if (owner !== owner.toLowerCase() || names.has(owner) || PROVIDER_ROLE.test(owner) || CUSTOMER_ROLE.test(owner) || [...names.keys()].some((n) => n.endsWith(` ${owner}`))) continue
      names.set(owner, 'customer')
    }
  }
}
// a member or participant as the subject of a duty: "Each Member Library must", "every participating school shall", "a
// Member Practice does not" (group 1: the member and its kind)
const MEMBER_SUBJECT = /\b(?:[Tt]he|[Ee]ach|[Ee]very|[Aa]ny|[Aa]|[Aa]n|[Aa]ll)\s+((?:[Mm]ember|[Pp]articipating|[Pp]articipant|[Cc]onstituent|[Ss]ubscribing)\s+[A-Za-z][a-z]+)\s+(?:(?:also|then)\s+)?(?:shall|must|will|agrees|undertakes|is (?:responsible|required|obliged|expected)|has to|needs to|does not|doesn['’]t|fails)\b/g
/** MEMBER_SUBJECT for a test alone (a global pattern keeps its place between tests). */
const MEMBER_SUBJECT_TEST = needs(new RegExp(MEMBER_SUBJECT.source))
// the service's work on a thing of an owner named by a common noun in the possessive, lower case: "looks after the lab's 9
// Windows PCs", "monitors the studio's file server" (group 1: the owner)
const OWNER = /\b(?:looks?\s+after|supports?|maintains?|manages?|monitors?|patch(?:es)?|services?|repairs?|administers?)\s+(?:all\s+(?:of\s+)?)?the\s+([a-z][a-z-]{2,20})['’]s\s+(?:[\w-]+\s+){0,3}?(?:pcs?|computers?|laptops?|desktops?|servers?|devices?|workstations?|imacs?|macs?|macbooks?|ipads?|network|wi-?fi|printers?|tills?|systems?)\b/gi
/** OWNER for a test alone (a global pattern keeps its place between tests). */
const OWNER_TEST = new RegExp(OWNER.source, 'i')

// A title that gives a kind of organisation its own duties: "The firm's side", "School responsibilities", "**D10. The
// practice's part.**"
const KIND_DUTIES = /\b(?:the\s+)?([A-Za-z-]+?)(?:['’]s)?\s+(?:duties|responsibilities|obligations|undertakings|side|part)\b/gi
const KIND_DUTY_WORDS = ['duties', 'responsibilit', 'obligation', 'undertaking', 'side', 'part']

/**
 * The kind of organisation a title gives duties to ("The firm's side", "School responsibilities", in a heading or a
 * bold run-in title) is what the customer is called by ("the firm will …"): a provider titles its own duties by its
 * name, its role or "our side", never by a kind of organisation. A kind the agreement names otherwise keeps that name, and
 * a kind that ends a party's name ("Town Council") is read by that name.
 */
function titledKinds(doc: Document, names: Map<string, Party>): void {
  const titles = [...doc.sections.map((s) => s.title), ...doc.marks.filter((m) => m.type === 'strong').map((m) => m.text)]
  for (const title of titles) {
    if (title.length > 80) continue
    const lower = title.toLowerCase()
    if (!KIND_DUTY_WORDS.some((w) => lower.includes(w))) continue
    KIND_DUTIES.lastIndex = 0
    for (let m = KIND_DUTIES.exec(title); m !== null; m = KIND_DUTIES.exec(title)) {
      const kind = m[1]!.toLowerCase()
      // (not a kind that ends a name the agreement gives a party: "the Town Council's part" where "Host Council" and "Town
      // Council" are the parties)
      if (!CUSTOMER_KIND.test(kind) || kind === 'office' || names.has(kind) || [...names.keys()].some((n) => n.endsWith(` ${kind}`))) continue
      names.set(kind, 'customer')
    }
  }
}

// Reading: a title that gives duties to one party and another body together ("Obligations of the SDO and Schools",
// "Prime and Government Responsibilities") puts that body on the same side: where one is a party the agreement names
// and the other no party's name, the other is bound as the named party is ("Schools shall keep …")
const TOGETHER = /\b(?:obligations|responsibilities|duties|undertakings)\s+of\s+(?:the\s+)?([A-Za-z][\w&'’-]*(?:\s+[A-Za-z][\w&'’-]*){0,2}?)\s+(?:and|&)\s+(?:the\s+|its\s+|their\s+)?([A-Za-z][\w&'’-]*(?:\s+[A-Za-z][\w&'’-]*){0,2}?)\s*$|^\W*(?:(?:article|clause|section)\s+)?(?:[\dIVXivx]+(?:\.\d+)*\.?\s+)?(?:the\s+)?([A-Za-z][\w&'’-]*(?:\s+[A-Za-z][\w&'’-]*){0,2}?)\s+(?:and|&)\s+(?:the\s+)?([A-Za-z][\w&'’-]*(?:\s+[A-Za-z][\w&'’-]*){0,2}?)(?:['’]s?)?\s+(?:obligations|responsibilities|duties|undertakings)\s*$/i

function boundTogether(doc: Document, names: Map<string, Party>): void {
  if (!names.size) return
  for (const title of dutyTitlesOf(titlesRead(doc))) {
    const m = TOGETHER.exec(title.replace(/[*_]+/g, '').trim())
    if (!m) continue
    const a = (m[1] ?? m[3])!
    const b = (m[2] ?? m[4])!
    const ra = firstParty(a, names)
    const rb = firstParty(b, names)
    for (const [one, role, other, otherRole] of [[a, ra, b, rb], [b, rb, a, ra]] as const) {
      if ((role !== 'customer' && role !== 'provider') || otherRole !== 'unknown' || !one.trim()) continue
      const key = other.toLowerCase()
      if (!names.has(key) && !NOT_A_PARTY.test(key)) names.set(key, role)
    }
  }
}

/**
 * Roles of names the preamble gives no role word ("Holloway", "Lakeshore"), read from what each party does: the one
 * that engages, retains or appoints the other is the customer and the other the provider; otherwise the name that is
 * the subject of the service's work (supports, monitors, backs up, diagnoses) is the provider, and the name that pays
 * or whose request, behalf or cost the work is for is the customer. A name that does neither keeps no role.
 * Reading: verbs listed one after another share the name before them ("Lattice supplies, installs, configures and
 * monitors …" is the work of Lattice), and the name that receives a service credit is the customer (a credit is paid back
 * to the one who pays).
 */
/** Where a party's name starts: no letter (of any Latin alphabet), digit or underscore before it. */
const NAME_START = String.raw`(?<![\w\u00C0-\u024F])`

function rolesByConduct(doc: Document, candidates: readonly string[]): Map<string, Party> {
  const out = new Map<string, Party>()
  const names = candidates.filter((n) => n.length >= 2 && n.length <= 40 && !NOT_A_PARTY.test(n))
  if (names.length < 2) return out
  const alt = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  const engages = new RegExp(String.raw`(?:^|[\s(“"])(?:the\s+)?(${alt})[”"]?\)?,?\s+(?:hereby\s+)?(?:engages|retains|appoints|hires|contracts)\b[^.;]{0,200}?[(“"]\s*(?:the\s+)?[“"]?(${alt})\b`, 'i')
  // (a name may open with a letter beyond ASCII, "Ōtaki", where \b sees no boundary: the letters around it are read as such)
  const work = new RegExp(String.raw`${NAME_START}(${alt})\s+(?:will\s+|shall\s+|also\s+|then\s+)?(?:[a-z]+s,\s+){0,4}(?:and\s+)?(?:supports?|monitors?|manages?|maintains?|patch(?:es)?|backs? up|diagnos(?:es|e)|repairs?|replaces?|installs?|configures?|troubleshoots?|restores?|resolves?|responds?|administers?|provides? (?:the |its |helpdesk|support|remote|on-?site)|performs?|hosts?)\b`, 'gi')
  const pays = new RegExp(String.raw`${NAME_START}(${alt})\s+(?:will\s+|shall\s+|must\s+)?(?:pays?|buys?|purchases?|reimburses?)\b|\b(?:invoices?|bills?|charges?|(?:invoiced|billed|charged) to|payable by)\s+(?:the\s+)?(${alt})\b|\b(?:on|at)\s+(?:the\s+)?(${alt})(?:'s|’s)\s+(?:behalf|request|expense|cost)\b|${NAME_START}(${alt})\s+(?:receives?|is entitled to|will receive|shall receive|gets?)\s+(?:a\s+|an?\s+)?(?:service\s+)?credits?\b`, 'gi')
  const score = {work: new Map<string, number>(), pays: new Map<string, number>()}
  const add = (m: Map<string, number>, n: string | undefined): void => {
    if (n) m.set(n.toLowerCase(), (m.get(n.toLowerCase()) ?? 0) + 1)
  }
  for (const block of doc.blocks) {
    if (block.kind === 'heading') continue
    if (!out.size) {
      const e = engages.exec(block.text)
      if (e && e[1]!.toLowerCase() !== e[2]!.toLowerCase()) {
        out.set(e[1]!.toLowerCase(), 'customer')
        out.set(e[2]!.toLowerCase(), 'provider')
        return out
      }
    }
    for (const m of block.text.matchAll(work)) add(score.work, m[1])
    for (const m of block.text.matchAll(pays)) add(score.pays, m[1] ?? m[2] ?? m[3] ?? m[4])
  }
  const ranked = [...score.work].sort((a, b) => b[1] - a[1])
  const [top, second] = ranked
  const payers = [...score.pays].sort((a, b) => b[1] - a[1])
  // of two parties, one that only pays is the customer and one that only works is the provider, whatever the other does
  const pair = new Set(names.map((n) => n.toLowerCase()))
  const other = (n: string): string | undefined => (pair.size === 2 ? [...pair].find((x) => x !== n) : undefined)
  if (!top) {
    const [payer, next] = payers
    const provider = payer && !next ? other(payer[0]) : undefined
    if (payer && provider) out.set(provider, 'provider').set(payer[0], 'customer')
    return out
  }
  if (second && second[1] * 2 > top[1]) return out
  const customer = payers.filter(([n]) => n !== top[0])[0]
  if (!customer && !payers.length && other(top[0])) return out.set(top[0], 'provider').set(other(top[0])!, 'customer')
  if (!customer || (score.pays.get(top[0]) ?? 0) >= customer[1]) return out
  out.set(top[0], 'provider')
  out.set(customer[0], 'customer')
  return out
}

/**
 * Reading: the parties clause of an agreement ("This agreement is between Brightline Tech, Inc. (\"Brightline\") and
 * Acme Ltd (the \"Franchisee\"), …") names its two parties: the name given in the first bracket after "between" and
 * the one given in the first bracket after the "and" that follows it, lower-cased; undefined when the text has no such
 * clause.
 */
function betweenNames(text: string): readonly string[] | undefined {
  const at = text.search(/\bbetween\b/i)
  if (at < 0) return undefined
  const m = BETWEEN.exec(text.slice(at, at + 600))
  if (!m) return undefined
  const a = givenName(m[1]!)
  const b = givenName(m[2]!)
  return a && b && a !== b ? [a, b] : undefined
}
const BETWEEN = /^between\b[^()]{1,200}?\(([^()]{1,80})\)[^()]{0,40}?\band\b[^()]{1,200}?\(([^()]{1,80})\)/i
/** The name a bracket gives, quoted ("the \"Franchisee\"", "“Brightline”"), lower-cased without its article. */
function givenName(inside: string): string | undefined {
  const m = /[“"](?:the\s+)?([A-Za-z][\w&.' -]{0,40}?)[,]?[”"]/i.exec(inside)
  return m ? m[1]!.trim().toLowerCase() : undefined
}

// A party called by its role word as its name, the subject of a duty or an act: "Supplier shall", "the Vendor will"
// (the role words marked `asName`, each word capitalised: "Service Provider")
const asNamed = (list: readonly RoleWord[]): RegExp =>
  new RegExp(String.raw`\b(?:${words(list, (w) => w.asName === true).map((w) => w.replace(/\b[a-z]/g, (c) => c.toUpperCase())).join('|')})\s+(?:shall|will|must|may|agrees|undertakes|warrants|is responsible)\b`)
const PROVIDER_AS_NAME = asNamed(PROVIDER_WORDS)
const CUSTOMER_AS_NAME = asNamed(CUSTOMER_WORDS)

/** Is `name` the last word of the capitalised name that ends `before` ("… Water District" and "District")? */
function endsName(before: string, name: string): boolean {
  const full = FULL_NAME.exec(before.replace(/[*_]+/g, ''))?.[1]
  if (!full || !/^[A-Z]/.test(full) || full.split(/\s+/).length < 2) return false
  return full.split(/\s+/).pop()!.toLowerCase() === name.toLowerCase()
}

/** The role the agreement calls one party by as its name (see PROVIDER_AS_NAME), when it so calls only one. */
function counterpartRole(doc: Document): Party | undefined {
  let provider = false
  let customer = false
  for (const block of doc.blocks) {
    if (block.kind === 'heading') continue
    provider ||= PROVIDER_AS_NAME.test(block.text)
    customer ||= CUSTOMER_AS_NAME.test(block.text)
    if (provider && customer) return undefined
  }
  return provider ? 'provider' : customer ? 'customer' : undefined
}

// A sentence whose subject has the thing named next: "The Credit Union keeps its own two-person IT team " (group 1: the sentence so far)
const OWNED = /(?:^|[.;:]\s+)([^.;:]{1,120}?\b(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,4})$/i

// Defined terms of a preamble that name no party: the agreement, its dates, its parts
// A party's name given at the end of its particulars: "…, tax identification code 23456789, as Beneficiary."
const AS_ROLE = /,\s+as\s+(?:the\s+)?([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*[,.;]?\s*$/
const NOT_A_PARTY = /\b(?:agreement|contract|terms|schedule|order|effective|date|commencement|services?|sla|sow|statement|addendum|amendment|exhibit|annex|appendix|policy|fees?)\b/i

/** The clause that contains `index`: from the last boundary before it to the next one after it. */
export function clauseAround(text: string, index: number, memo: ClauseMemo = clauseMemo()): string {
  const from = clauseStart(text, index, memo)
  // look ahead a bounded distance, so that many hits in one huge sentence stay linear
  const limit = Math.min(text.length, index + CLAUSE_REACH)
  const ahead = text.slice(index + 1, limit)
  const re = CLAUSE_BOUNDARY_G
  re.lastIndex = 0
  const m = re.exec(ahead)
  return text.slice(from, m ? index + 1 + m.index : limit)
}

/** How far a clause is looked for around a phrase (characters). */
const CLAUSE_REACH = 400

// Global copies of the patterns, compiled once; each use sets lastIndex first and runs exec to the end (none matches empty)
const CLAUSE_BOUNDARY_G = new RegExp(CLAUSE_BOUNDARY.source, 'gi')
const ROLE_PATTERNS = [
  [new RegExp(PROVIDER.source, 'gi'), 'provider'],
  [needs(new RegExp(CUSTOMER.source, 'gi')), 'customer'],
  [new RegExp(MUTUAL.source, 'gi'), 'mutual'],
] as const

/** Start of the clause that contains `index` (after the last `;`, `:`, "(b)" or sentence start), within a bounded distance. */
export function clauseStart(text: string, index: number, memo: ClauseMemo = clauseMemo()): number {
  // one hit asks for the same clause several times in a row (clauseAround, isPermission, isNegated, boundParty)
  if (index === memo.index && text === memo.text) return memo.start
  const base = Math.max(0, index - CLAUSE_REACH)
  let start = base
  const re = CLAUSE_BOUNDARY_G
  const window = text.slice(base, index)
  re.lastIndex = 0
  for (let m = re.exec(window); m !== null; m = re.exec(window)) start = base + m.index + m[0].length
  memo.text = text
  memo.index = index
  memo.start = start
  return start
}

/** The last answer of clauseStart (a pure function of its arguments), kept by the caller: a Reading keeps one. */
export interface ClauseMemo {
  text: string
  index: number
  start: number
}

/** An empty ClauseMemo. */
export function clauseMemo(): ClauseMemo {
  return {text: '', index: -1, start: 0}
}

// The people of a party, named by their role: "Customer's staff", "the Practice's office manager", "your team" (a
// party's people are bound as the party is, where its things are not)
const PEOPLE = /^(?:'s|’s|s'|s’)?\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:staff|employees|personnel|team|teams|people|users|administrators?|managers?|representatives?|contacts?|agents?|officers?|workers?|colleagues|members of staff|receptionists?|nurses|teachers|clinicians)\b/i
const YOUR_PEOPLE = needs(/\byour\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:staff|employees|personnel|team|teams|people|users|administrators?|managers?|representatives?|contacts?|agents?|officers?|workers?|colleagues|members of staff|receptionists?|nurses|teachers|clinicians)\b/gi)

function roleOf(words: string, names: ReadonlyMap<string, Party>): Party {
  let best: Party = 'unknown'
  let bestAt = -1
  const consider = (at: number, role: Party, length = 0): void => {
    // "the Client's network will …": a possessive names whose thing it is, not who is bound; its people are bound
    // ("the Client's staff will …")
    if (/^(?:'s|’s|s'|s’)/.test(words.slice(at + length, at + length + 2)) && !PEOPLE.test(words.slice(at + length, at + length + 60))) return
    if (at > bestAt) {
      bestAt = at
      best = role
    }
  }
  for (const [g, role] of ROLE_PATTERNS) {
    // a later, longer match at the same place wins ("the indemnified party" over "party")
    g.lastIndex = 0
    for (let m = g.exec(words); m !== null; m = g.exec(words)) consider(m.index, role, m[0].length)
  }
  if (names.size) {
    const lower = words.toLowerCase()
    for (const [name, role] of names) {
      const at = lower.lastIndexOf(name)
      if (at >= 0 && /\W/.test(lower[at + name.length] ?? ' ') && /\W/.test(lower[at - 1] ?? ' ')) consider(at, role, name.length)
    }
  }
  YOUR_PEOPLE.lastIndex = 0
  for (let m = YOUR_PEOPLE.exec(words); m !== null; m = YOUR_PEOPLE.exec(words)) consider(m.index, 'customer', m[0].length)
  // "Provider or Customer will …": the provider is bound too
  if ((best as Party) === 'customer' && PROVIDER.test(words) && /\b(?:or|and)\b/.test(words) && !/\b(?:to|with|from|for) (?:the )?(?:client|customer)\b/i.test(words)) return 'provider'
  return best
}

/** The first party named in a text (the subject of a main clause that a pronoun refers back to). */
export function firstParty(text: string, names: ReadonlyMap<string, Party>): Party {
  // one pass per pattern: the earliest party mention wins (bounded, so long sentences stay linear)
  const head = text.slice(0, 400)
  let best: Party = 'unknown'
  let bestAt = Infinity
  // the compiled global copies: a fresh RegExp per call cost more than the search
  for (const [g, role] of ROLE_PATTERNS) {
    g.lastIndex = 0
    for (let m = g.exec(head); m !== null; m = g.exec(head)) {
      const at = m.index
      if (/^(?:'s|’s|s'|s’)/.test(head.slice(at + m[0].length, at + m[0].length + 2))) continue
      if (at < bestAt) {
        bestAt = at
        best = role
      }
      break
    }
  }
  const lower = head.toLowerCase()
  for (const [name, role] of names) {
    const at = lower.indexOf(name)
    if (at >= 0 && at < bestAt && /\W/.test(lower[at + name.length] ?? ' ') && /\W/.test(lower[at - 1] ?? ' ')) {
      bestAt = at
      best = role
    }
  }
  return best
}

/** Which party a statement at `index` binds: the subject before the obligation verb of its clause. */
export function boundParty(text: string, index: number, names: ReadonlyMap<string, Party> = new Map(), options: {nested?: boolean; memo?: ClauseMemo} = {}): Party {
  const memo = options.memo ?? clauseMemo()
  const from = clauseStart(text, index, memo)
  const clause = text.slice(from, Math.min(text.length, index + 160))
  const rel = index - from
  let subjectEnd = -1
  let earlier = -1
  // (an exec loop on the shared pattern, not matchAll, which copies it each call: nothing in the loop uses it)
  OBLIGATION.lastIndex = 0
  for (let m = OBLIGATION.exec(clause); m !== null; m = OBLIGATION.exec(clause)) {
    // (a contracted "'ll" is read only before the phrase: "We back up your data regularly, so you'll never lose …"
    // has its own subject for the later verb)
    if (m.index <= rel + (m[0].length === 3 ? 0 : 40)) {
      // a verb joined to an earlier one by "and"/"or" with no subject of its own ("The Club will use approved paper
      // and will report faults …") shares the earlier verb's subject
      if (subjectEnd < 0 || !COORDINATED.test(clause.slice(Math.max(0, m.index - 20), m.index))) earlier = m.index
      subjectEnd = m.index
    }
    if (m.index > rel) break
  }
  OBLIGATION.lastIndex = 0
  if (earlier >= 0) subjectEnd = earlier
  if (subjectEnd >= 0) {
    // (who asks for the work in a relative clause is not bound: "Work the Client asks for outside the schedule will be
    // attended …" binds no one named, "Changes the Provider requests must be approved by the Client" the Client)
    // (a purpose put before the subject names who gains by the duty, not who is bound: see PURPOSE_FIRST)
    const purpose = PURPOSE_FIRST.exec(clause)
    const subjectFrom = Math.max(0, subjectEnd - 160, purpose && purpose[0].length <= subjectEnd ? purpose[0].length : 0)
    const subject = clause.slice(subjectFrom, subjectEnd).replace(ASKER, '$1 ').replace(CONDITION_ASIDE, ' ')
    // "Provider warrants that it will …", "If the Receiving Party is required …, it shall …": a pronoun refers back
    if (/\b(?:it|they|such party)\s+$/i.test(subject)) {
      const role = firstParty(text.slice(0, from + subjectEnd), names)
      if (role !== 'unknown') return role
    }
    const role = roleOf(subject, names)
    if (role !== 'unknown') return role
  }
  // passive: "… must be maintained by the Client"; a participle with no auxiliary ("any other work requested by the
  // Client is …") names who asks for the thing, not who is bound
  // (a clause with a verb of its own names in "by" who supplies a thing, unless an auxiliary makes the "by" its agent:
  // "Engineer will take a backup on the disk provided by the Customer" binds no customer, "Backups will be checked by the
  // Customer" does)
  const by = /\bby (?:the )?([A-Z][\w]+|you|us)\b/.exec(clause.slice(rel))
  const beforeBy = by ? clause.slice(Math.max(0, rel + by.index - 40), rel + by.index) : ''
  if (by && !REDUCED_RELATIVE.test(beforeBy) && !ASKED_ON_CONDITION.test(beforeBy) && (subjectEnd < 0 || AUX_PARTICIPLE.test(beforeBy))) return roleOf(by[1]!, names)
  // an item of an enumeration takes the subject that introduced it: "Vendor shall: … (d) take prompt steps"; a clause after
  // a break that names its own subject before its verb ("Quarterly review with the Client; we also attend board meetings
  // …") is no item of it
  if (from > 0 && !options.nested && !CLAUSE_SUBJECT.test(clause)) {
    // the sentence that opens the enumeration, up to its first "(a)"/"(i)"/"1."
    // (or its first sub-clause on a line of its own: "7.1.1 keep …;\n7.1.2 allow …")
    const first = text.slice(0, from).search(/\(\s*(?:a|i|1)\s*\)|(?:^|\s)(?:a|i|1)[.)]\s|(?:^|\n)[ \t]*\d+(?:\.\d+)+\.1\.?[ \t]/)
    // an enumeration that opens the text was introduced elsewhere (the block before); leave it to the caller
    const intro = (first === -1 ? text.slice(0, from) : text.slice(0, first)).slice(-400)
    if (intro.trim()) {
      const role = boundParty(intro, Math.max(0, intro.trimEnd().length - 1), names, {nested: true, memo})
      if (role !== 'unknown') return role
      const lead = firstParty(intro, names)
      if (lead !== 'unknown') return lead
    }
  }
  return 'unknown'
}

// Reading: a clause of purpose that opens a sentence, up to its comma ("So that we can keep you safe and supported, you agree
// to:", "In order that we can meet the response times, the Client shall …", "To help us protect your data, you must …"),
// says who gains by the duty; the party bound is the subject after it
const PURPOSE_FIRST = /^\W*(?:so that|so as to|in order (?:that|to)|to (?:help|enable|allow|let|keep|make sure|ensure|protect|support|serve|assist)\b)[^,;:.]{1,160},\s*/i

// The subject a clause opens with, a name or a pronoun right before a verb in the present: "Northfield also attends …",
// "we also attend …" (group 1 or 2)
const CLAUSE_SUBJECT = /^[\s,]*(?:(?:and|but|then)\s+)?(?:(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+(?:\w+ly\s+|also\s+)?[a-z]+s\b|([Ww]e|I)\s+(?:\w+ly\s+|also\s+)?[a-z]+\b)/

// A thing asked for and, in a relative clause with no "that" or with it, who asks for it: "work the Client asks for",
// "services that the Customer requests", "changes you order" (group 1: the thing)
const ASKER = /\b(work|services?|tasks?|jobs?|changes?|visits?|support|call-?outs?|assistance|interventions?)\s+(?:that\s+|which\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s+(?:asks?|requests?|orders?|wants?|raises?|logs?|commissions?)(?:\s+for)?(?=\s|$)/gi

// "… and will", "…, or shall", "and also must": a verb coordinated with the one before it, with no subject between
const COORDINATED = /(?:,|\b(?:and|or|but))\s+(?:(?:also|then|in any case|in any event|in addition)\s+)?$/i

// a participle after an auxiliary: "be maintained ", "are checked ", "is regularly tested "
const AUX_PARTICIPLE = /\b(?:be|been|being|is|are|was|were|gets?|got)\s+(?:\w+ly\s+)?[\w-]+\s+$/i

// "work requested by", "devices supplied by", "tickets raised by": a noun, a participle and no auxiliary before "by"
const REDUCED_RELATIVE = /\b(?:work|services?|requests?|tickets?|tasks?|jobs?|changes?|projects?|devices?|equipment|hardware|software|items?)\s+(?:\w+ly\s+)?(?:requested|ordered|raised|logged|submitted|supplied|bought|purchased|owned|installed|provided|made)\s+$/i

// Reading: a participle after a conjunction of condition ("if requested by the Client", "where approved by you", "when
// ordered by the Ordering Party") names who asks for or allows the thing, on that condition; it binds no one, as a
// participle after a noun does ("work requested by the Client")
// and a condition set off by commas just before the verb ("The following are excluded from the Services and, if requested
// by the Client, shall be quoted …") is no part of the verb's subject: the party it names asks, the subject is before it
const CONDITION_ASIDE = needs(/(?:,|\band\b|\bor\b)\s*(?:if|where|when|whenever|unless|once)\s+(?:so\s+)?(?:requested|asked|instructed|ordered|approved|agreed|authori[sz]ed|required|directed|commissioned|accepted)\b[^,;]{0,60},\s*$/i)
const ASKED_ON_CONDITION = /\b(?:if|where|when|whenever|unless|once|as|until)\s+(?:so\s+|expressly\s+|specifically\s+|first\s+|otherwise\s+|previously\s+)?(?:requested|asked(?:\s+for)?|instructed|ordered|approved|agreed|authori[sz]ed|required|directed|commissioned|accepted)\s+(?:(?:in\s+writing|in\s+advance|beforehand)\s+)?$/i

/** Index of the first obligation verb in `text` whose subject is the customer, or -1. */
export function customerObligation(text: string, names: ReadonlyMap<string, Party>, memo: ClauseMemo = clauseMemo()): number {
  // the subject is read as the customer only where it names the customer: a text (and then a subject) that does not
  // is no customer's obligation, and the dearer reading of who the subject is need not run
  if (!namesCustomer(text, names)) return -1
  OBLIGATION.lastIndex = 0
  for (const m of text.matchAll(OBLIGATION)) {
    const at = m.index ?? 0
    if (/^(?:warrants?|represents?)$/i.test(m[0])) continue
    const from = clauseStart(text, at, memo)
    const subject = text.slice(Math.max(from, at - 80), at)
    if (namesCustomer(subject, names) && roleOf(subject, names) === 'customer') return at
  }
  // an agreement written in the present tense states a duty with the verb alone: "The Foundation keeps the agent installed
  // on every laptop", "The Client maintains a supported firewall" (the customer named right before the verb)
  PRESENT_DUTY.lastIndex = 0
  for (let m = PRESENT_DUTY.exec(text); m !== null; m = PRESENT_DUTY.exec(text)) {
    const subject = text.slice(Math.max(clauseStart(text, m.index, memo), m.index - 60), m.index)
    const named = SUBJECT_TAIL.exec(subject)
    if (named && namesCustomer(named[0], names) && roleOf(named[0], names) === 'customer') return m.index + m[1]!.length
  }
  return -1
}

// A verb of keeping or providing in the present tense, after the words that may stand between it and its subject (group 1)
const PRESENT_DUTY = needs(/(\b(?:also\s+|always\s+|itself\s+)?)(?:keeps|maintains|ensures|installs|licen[cs]es|patches|upgrades|replaces|complies with|adheres to|protects|secures|obtains|grants|gives|provides|makes sure)\b/gi)
// The subject right before a verb: a name of one to three words, with its article ("the Ordering Party ")
const SUBJECT_TAIL = /(?:^|[^\w'’-])(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}\s+$/i

/** Does the text name the customer at all: a customer word, or a name the agreement gives the customer? (roleOf finds the customer nowhere else) */
function namesCustomer(text: string, names: ReadonlyMap<string, Party>): boolean {
  if (CUSTOMER.test(text)) return true
  let lower: string | undefined
  for (const [name, role] of names) if (role === 'customer' && (lower ??= text.toLowerCase()).includes(name)) return true
  return false
}

/** Is the phrase at `index` part of a right or permission ("may", "has the right to"), not a commitment? */
export function isPermission(text: string, index: number, names: ReadonlyMap<string, Party> = new Map(), memo: ClauseMemo = clauseMemo()): boolean {
  const holder = permissionHolder(text, index, names, memo)
  // "GitHub will, in its discretion, tailor any suspension as needed": a discretion is a right too
  if (holder === undefined) return /\bin (?:its|their|our|his|her) (?:sole |absolute |reasonable |good faith )?discretion\b/i.test(text)
  return holder !== 'unknown'
}

/**
 * The party whose right the clause at `index` states ("The Customer may add devices …" → customer), 'unknown' when the
 * modal has no party before it (a hedge: "Services may include …"), undefined when the clause states no right.
 */
export function permissionHolder(text: string, index: number, names: ReadonlyMap<string, Party> = new Map(), memo: ClauseMemo = clauseMemo()): Party | undefined {
  const clause = text.slice(clauseStart(text, index, memo), index)
  // ("you can expect a reply within …", "you can count on": what the customer may expect is promised to it, not a right)
  const m = /\b(?:(?:may|can)(?!\s+(?:also\s+|always\s+)?(?:expect|enjoy|count on|rely on|look forward to)\b)|has the right to|have the right to|reserves? the right to|is entitled to|is permitted to)\b(?![^.;]*\b(?:shall|must|will)\b)/i.exec(clause)
  if (m === null) return undefined
  // a party's right ("GitHub has the right to …"), not a hedge ("Services may include …")
  return roleOf(clause.slice(Math.max(0, m.index - 60), m.index), names)
}

/** Is the phrase at `index` inside the scope of a negation in its clause ("does not guarantee …", "not … uninterrupted")? */
export function isNegated(text: string, index: number, memo: ClauseMemo = clauseMemo()): boolean {
  const start = clauseStart(text, index, memo)
  const from = Math.max(start, index - 120)
  const before = text.slice(from, index).replace(RESTRICTING, ' ').replace(CONDITION, ' ')
  const g = NEGATION_G
  let last = -1
  g.lastIndex = 0
  let lastAt = -1
  for (let m = g.exec(before); m !== null; m = g.exec(before)) {
    last = m.index + m[0].length
    lastAt = m.index
  }
  if (last < 0) return false
  // "anything we cannot fix will be resolved …": a new verb after the negation is outside its scope,
  // unless the negated verb governs it ("does not warrant that the Service will be …")
  const between = before.slice(last)
  // "No system is 100% secure", "No provider can guarantee …": "no" before the clause's subject negates the clause's verb
  // and what it says of the subject, unless the sentence goes on to claim it for the writer ("…, but we can")
  if (from === start && /^no$/i.test(before.slice(lastAt, last)) && CLAUSE_OPENS.test(before.slice(0, lastAt)) && NO_SUBJECT.test(between) && !CLAIMED_AFTER.test(text.slice(index, index + 160))) return true
  // "Don't stress, we guarantee …": a comma that opens a clause of its own subject ends the negation's reach
  if (NEW_SUBJECT.test(between)) return false
  return !/\b(?:will|shall|must|is|are)\b/i.test(between) || /\bthat\b/i.test(between) || (PROMISE_VERB.test(between) && !/[,;:]/.test(between))
}

// A negated verb of promising governs the clause it introduces, with or without "that": "We cannot promise the
// vendor's service will never be down", "no one can guarantee the line will always be up" (not past a comma: "Although we
// cannot promise 100% availability, your email will always be available" promises after it)
const PROMISE_VERB = /^\W*(?:[\w'’]+\s+){0,3}?(?:promise|guarantee|warrant|assure|ensure|represent|commit|say)s?\b/i

const NEGATION_G = new RegExp(NEGATION.source, 'gi')
// a personal subject right after a comma or a semicolon, just before the word asked about: a new clause begins there
const NEW_SUBJECT = /[,;]\s*(?:we|I|they|he|she|you)\s+$/i

// Reading: "no" as the determiner of a clause's subject ("No system is 100% secure", "No provider can guarantee uptime",
// "No backup is ever fully protected") denies what the clause's verb says of it, as "does not" would: the clause opens
// with "no" (after an enumerator or a label at most), a subject of up to four words that holds no verb, then the verb
// (a copula or a modal, with "ever" or "be"), and the term right after it. "No matter …", "no later than" and a subject
// with a verb of its own ("No downtime, and we guarantee …") are not read so.
const CLAUSE_OPENS = /^[\W\d]*(?:(?:\(?[a-z]{1,3}[.)]|[A-Z][A-Za-z]{0,11}\s*:)\s*)?$/
const NO_SUBJECT =
  /^\s+(?!(?:matter|doubt|sooner|longer|later|more|less|fewer|exception|way|wonder)\b)(?:(?!(?:is|are|was|were|be|been|can|could|will|would|shall|should|may|might|must|has|have|had|do|does|did|and|or|but|we|you|they)\b)[\w'’-]+\s+){1,4}(?:is|are|was|were|can|could|will|would|shall|should|may|might|must|ever)(?:\s+(?:ever|truly|really|ever\s+be|be|be\s+made|become|remain|ever\s+become))?\s+$/i
// the writer claims what the clause denied to others: "No other provider can guarantee this, but we can"
const CLAIMED_AFTER = /^[^.;!?]*\b(?:but|except|other than|apart from|save)\s+(?:we|us|our|I|me|the provider)\b/i

// "If no Support Policy is specified, Provider will …": the condition's "no" does not reach the main clause
const CONDITION = /\b(?:if|unless|where|when|whether)\b[^,]{0,120},/gi

// "not limited to", "no later than", "not less than" restrict a statement; they do not negate it.
const RESTRICTING = needs(/\b(?:but )?not limited to\b|\bno (?:later|more|less|fewer|sooner) than\b|\bnot (?:later|more|less|fewer) than\b|\bnot exceeding\b|\bwithout limit(?:ing|ation)\b|\bno later\b/gi)

/** Is the sentence a disclaimer ("makes no warranty", "as is", "does not guarantee")? */
export function isDisclaimer(sentence: string): boolean {
  return DISCLAIMER.test(sentence)
}


// A message's header line naming its sender ("From: Priya Nair, Wyvern Community Health Trust", "On 12 May, Owen Baxter
// wrote:"); a chat message's sender is read with the document's structure (Block.sender)
const FROM_LINE = /^[^\w\n]*(?:from|sender)[ \t]*:[ \t]*([^\n]{2,160})/i
const WROTE_LINE = /^[^\w\n]*on\b[^\n]{0,80}?,[ \t]*([^\n,]{2,80}?)[ \t]+(?:<[^>\n]*>[ \t]*)?wrote[ \t]*:?[ \t]*$/im
// (an exported chat opens each line with its date too: "11/03/2027, 09:20 - Priya Shah: …", "[11.03.27, 09:20:15] Priya Shah: …")
const CHAT_LINE = /^[^\w\n]*\[?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?[ \t]+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]*[ap]\.?m\.?)?\]?(?:[ \t]+[-–][ \t]+|[ \t]+)([^:\n]{2,80}?)[ \t]*:/i
// A message's stamp before its words: a chat line's time and sender ("11/03/2027, 09:04 - Tom Fenwick: ", "[09:18] Tom
// Berger: ") or a sender and time on a line of their own over the words ("Dev Patel (Patel Tech) 10:09", "Marcus (Fernhill
// IT), 9:16 AM")
const OWN_LINE_STAMP = /^[^\n:]{2,80}?[ \t,]+\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?[ \t]*\n/i
// (the same with its line break read as a space, when the words run on in lower case: "Marcus (Fernhill IT), 9:16 AM oven
// and proofer …"; a name of capitalised words, an organisation in brackets, and a clock time of the day)
const JOINED_STAMP = /^[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}(?: \([^()\n]{2,40}\))?,? \d{1,2}[:.]\d{2}[ \t]*[AaPp]\.?[Mm]\.?[ \t]+(?=[a-z])/

/** The length of the stamp (time and sender) a chat message opens with, or 0: its words start after it. */
export function chatStamp(text: string): number {
  const m = CHAT_LINE.exec(text) ?? OWN_LINE_STAMP.exec(text) ?? JOINED_STAMP.exec(text)
  return m ? m[0].length : 0
}
/**
 * Where a chat line's words start, after its time and its sender ("[09:42] Tom Berger: Keep …", "11/03/2027, 09:19 -
 * Tom Fenwick: 👍 From your side …"): the offset of the first letter or digit after the sender's colon, or 0 for a text
 * that is no chat line.
 */
export function afterSpeaker(text: string): number {
  // (or a line of its own that names the sender and ends in the time: "Dev Patel (Patel Tech) 10:27")
  const m = CHAT_LINE.exec(text) ?? CHAT_HEADER.exec(text)
  if (!m) return 0
  const rest = /^[^\p{L}\p{N}]*/u.exec(text.slice(m[0].length))![0]
  return m[0].length + rest.length
}
const CHAT_HEADER = /^[^\n]{2,80}?[ \t]+\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?[ \t]*\n/i
// the legal form after an organisation's name ("Wyvern Community Health Trust Ltd")
const LEGAL_FORM = /(?:[\s,]+(?:ltd|limited|inc|llc|llp|plc|pty|gmbh|b\.?v\.?|s\.?r\.?l\.?|co|corp|cic|clg|nhs))+\.?\s*$/i

/** The party a sender's line names: a name or role word of the agreement, or an organisation named by a customer's kind. */
function senderParty(line: string, names: ReadonlyMap<string, Party>): Party {
  const role = firstParty(line, names)
  if (role !== 'unknown') return role
  // "Priya Nair, Digital Services Lead, Wyvern Community Health Trust": an organisation whose name ends in the kind of
  // organisation a customer is called by (a provider is never named so)
  for (const part of line.split(/[,(]/)) {
    const kind = part.replace(/[)\]]/g, '').replace(LEGAL_FORM, '').trim().split(/\s+/).pop()
    if (kind && /^[A-Z]/.test(kind) && CUSTOMER_KIND.test(kind)) return 'customer'
  }
  return 'unknown'
}

/**
 * The party that sent the message block `i` belongs to, in a thread of e-mails or a chat: the sender of its chat message
 * (Block.sender), or the sender named by the nearest message header above it ("From: …", "On …, X wrote:"); 'unknown' when there is
 * none or its sender names no party. The first person of a message is its sender.
 */
export function messageSender(blocks: readonly Block[], i: number, names: ReadonlyMap<string, Party>, chatRoles?: () => ReadonlyMap<string, Party>): Party {
  const own = blocks[i]
  if (!own) return 'unknown'
  const chat = own.sender
  let sender: string | undefined = chat
  let at = i
  for (let j = i; sender === undefined && j >= 0 && j >= i - 80; j--) {
    const text = blocks[j]!.text
    sender = (FROM_LINE.exec(text) ?? WROTE_LINE.exec(text.slice(0, 200)))?.[1]
    at = j
  }
  if (sender === undefined) return 'unknown'
  const party = senderParty(sender, names)
  if (party !== 'unknown') return party
  // a sender named without an organisation ("[09:16] Dana Whitlock:", "On 12 May, Dana Whitlock wrote:") is the party an
  // earlier header or chat line gave the same person ("From: Dana Whitlock, Orchard Dental Practice")
  const person = /^[^\w]*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})/.exec(sender)?.[1]
  if (!person) return 'unknown'
  // a chat whose senders are named by person alone ("11/03/2027, 09:20 - Priya Shah: …"): the role each plays in it
  if (chat && chatRoles) {
    const role = chatRoles().get(sender.trim())
    if (role) return role
  }
  for (let j = at - 1; j >= 0 && j >= at - 200; j--) {
    const text = blocks[j]!.text
    if (!text.includes(person) && !blocks[j]!.sender?.includes(person)) continue
    const line = blocks[j]!.sender ?? FROM_LINE.exec(text)?.[1] ?? WROTE_LINE.exec(text.slice(0, 200))?.[1] ?? /^[^\w\n]*to[ \t]*:[ \t]*([^\n]{2,160})/i.exec(text)?.[1]
    if (line?.startsWith(person) || line?.includes(` ${person}`)) {
      const role = senderParty(line.slice(line.indexOf(person)), names)
      if (role !== 'unknown') return role
    }
  }
  return 'unknown'
}

// Reading: words quoted from others are what they said, not the provider's promise: a quotation attributed to its speaker
// by a dash ("> \"They always answer the phone.\" — a client"), and a block quote that its lead-in says the reader wrote
// ("You wrote:" › "> We'd like to sign asap"). A block quote with neither (a list quoted in an e-mail, the provider's own
// earlier message) is read as any text is.
// (the speaker after a dash, after a closing quotation mark or the end of a sentence: "… phone." — a client", "… it. –
// Jo Patel, practice manager", "… -- Harbour Dental")
const ATTRIBUTION = /(?:["”]\s*(?:[—–]|--?)|[.!?]\s*(?:[—–]|--))\s*(?:an?\s+|the\s+)?[A-Za-z][\w.'’&-]*(?:[ ,]+[\w.'’&()-]+){0,7}\s*$/
const QUOTATION = /^\W{0,3}["“][^"“”]{2,400}[.!?]?["”]\s*$/
// a lead-in saying the reader wrote what follows: "You wrote:", "In your e-mail of 3 May you asked:", "Your message said:"
const READER_WROTE = needs(/\b(?:you|your (?:e-?mail|message|letter|note|request|reply|enquiry|inquiry)s?)\b[^.!?]{0,60}\b(?:wrote|said|say|asked|ask|write|mentioned|put it|sent)\b[^.!?]{0,40}:\s*$|\byour (?:e-?mail|message|letter|note|request|reply|enquiry|inquiry)\b[^.!?]{0,60}:\s*$/i)

/** The first 40 characters of the source line the block starts on ("> — Jo Patel, practice manager", "- Help desk"). */
export function lineHead(source: string, block: Block): string {
  const start = block.position.start.offset
  const line = source.lastIndexOf('\n', start - 1) + 1
  const end = source.indexOf('\n', line)
  return source.slice(line, Math.min(line + 40, end < 0 ? source.length : end))
}

/**
 * Are the words of block `i` quoted from someone else than the agreement's author: a quotation attributed to its speaker
 * by a dash, or a block quote whose lead-in says the reader wrote it? `head(j)` is the start of block j's first line in
 * the source (see lineHead).
 */
export function quotedFromOthers(blocks: readonly Block[], i: number, head: (j: number) => string): boolean {
  const block = blocks[i]
  if (!block || block.kind === 'heading' || block.kind === 'table-row') return false
  const text = block.text
  const quoted = (j: number): boolean => /^[ \t]*>/.test(head(j))
  const inQuote = quoted(i)
  // a quotation and its speaker: in one block, or the speaker on the next line of the same block quote ("> — Jo Patel")
  if (/["“]/.test(text) && ATTRIBUTION.test(text) && (inQuote || QUOTATION.test(text.replace(ATTRIBUTION, (m) => (/^["”]/.test(m) ? m[0]! : ''))))) return true
  if (inQuote && ATTRIBUTION.test(text)) return true
  const next = blocks[i + 1]
  if (QUOTATION.test(text) && next && quoted(i + 1) === inQuote && /^[ \t>]*(?:[—–]|--?)[ \t]/.test(head(i + 1)) && /^[^.!?]{2,80}$/.test(next.text.trim())) return true
  if (!inQuote) return false
  // the lead-in of the block quote: the last block before its first line
  let j = i
  while (j > 0 && quoted(j - 1) && i - j < 40) j--
  const lead = blocks[j - 1]
  return lead !== undefined && !quoted(j - 1) && READER_WROTE.test(lead.text)
}

// The service offered in the first person: "we call back within 30 min", "Those we quote first and charge at £85/h",
// "I'll patch the PCs", "For £540 a month, we look after …"
const OFFERS_SERVICE =
  /\b(?:we|I)(?:['’]ll|\s+will|\s+shall|\s+can)?\s+(?:also\s+|then\s+|always\s+)?(?:support|monitor|manage|maintain|patch|back up|diagnose|repair|replace|install|configure|troubleshoot|restore|resolve|respond|reply|answer|administer|provide|host|look after|call (?:you )?back|quote|charge|bill|invoice|fix|find the fault|lend|send (?:you )?(?:the|an?) (?:invoice|quote|engineer|technician))\b/i

/**
 * The role each sender plays in a chat of two people named by person alone: the one whose messages offer the service in
 * the first person ("we call back within 30 min", "we quote first and charge …") is the provider, and the other, who
 * asks and is told, the customer. Empty when the chat has not two senders, or both or neither offer the service.
 */
export function chatRoles(blocks: readonly Block[]): Map<string, Party> {
  const offers = new Map<string, number>()
  let current: string | undefined
  for (const b of blocks) {
    // (a list after a message, and the paragraphs up to the next message, are the message's: see Block.sender)
    current = b.sender
    if (current === undefined) continue
    if (!offers.has(current)) offers.set(current, 0)
    if (OFFERS_SERVICE.test(b.text)) offers.set(current, offers.get(current)! + 1)
  }
  const out = new Map<string, Party>()
  if (offers.size !== 2) return out
  const [[a, na], [b, nb]] = [...offers] as [[string, number], [string, number]]
  if ((na > 0) === (nb > 0)) return out
  out.set(a, na > 0 ? 'provider' : 'customer')
  out.set(b, nb > 0 ? 'provider' : 'customer')
  return out
}
