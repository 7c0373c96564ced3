// scope-of-services: the services provided are named (a list or table of at least two, or one described concretely).
import {clauseRule, unitsOf, type Reader, type Unit, type Verdict} from '../src/clauses.js'
import {subtreeBlocks} from '../src/document.js'
import {INTRODUCES} from '../src/reading/lists.js'
import {asksOfCustomer, leadsList, scopeTitle} from '../src/reading/reach.js'
import type {Party} from '../src/reading/index.js'
import type {Reading} from '../src/reading/index.js'
import type {Block, Section} from '../src/types.js'
import data from './data/clauses.json' with {type: 'json'}

const SERVICE =
  /\b(?:help ?desk|service desk|e-?mail|remote (?:fixes|assistance|access|management)|(?:remote|on-?site|desktop|end[- ]user|technical|it) support|monitoring|patch(?:ing| management)|back ?ups?|anti-?virus|anti-?malware|endpoint (?:protection|security|detection|management)|firewall|network (?:management|administration|monitoring|support)|server (?:management|administration|maintenance|support)|microsoft 365|office 365|m365|email|voip|telephon\w*|phone system|cloud (?:hosting|services|infrastructure)|hosting|cyber ?security|security (?:monitoring|awareness)|disaster recovery|device management|asset management|licen[cs]e management|vendor management|procurement|onboarding|offboarding|user administration|account administration|software (?:updates|deployment|installation)|hardware (?:support|maintenance)|wi-?fi|printer support|documentation|reporting|consulting|strategic (?:planning|reviews?)|vcio|virtual cio)\b/gi
// (support named for the customer's systems as a whole, "IT support and maintenance services for the Client's office
// computer systems", describes the support as a whole, not one service of it)
// Reading: a blanket claim with no owner of the needs or with help offered for anything ("all technology needs", "full IT
// support", "We help with anything related to your workspace") names no service either
// (a claim to meet all of the customer's needs names no service, whatever words qualify them: "all your IT needs", "all
// your day-to-day IT support needs", "all of the client's technology problems"; and whatever name or possessive the
// customer goes by, before the needs or after them: "all of the Trust's IT needs", "all the District's technology needs",
// "all IT needs of the Customer"); and a claim to look after the customer's IT, by whatever name it goes: "look after your IT",
// "look after the Hospital's IT systems", "take care of Kilbride Farm's computers" (a name of one word or several; not one
// that goes on to list what it looks after: "… the co-operative's IT as
// follows: the office's five PCs, …")); and support named for all of the customer's places or people, "general IT support
// for all Birchwood offices and staff" (not one that goes on to say what it includes: "… offices, including:"))
const VAGUE = /\b(?:may include|comprehensive (?:it )?(?:support|services|solutions?)|all (?:of )?(?:the |its |their )?(?:[\w-]+ )?(?:it|technology|tech|computer|computing) needs|full (?:it|technology|tech) support|(?:help|helps|support|supports|assist|assists) (?:you )?with (?:anything|everything) (?:related|relating|to do) (?:to|with)(?![^.;:]*(?:\bas follows\b|\bnamely\b|:|\bincluding\b))|all (?:of )?(?:your|their|(?:the )?(?:[\w&-]+ ){0,2}[\w&-]+(?:'s|’s|s'|s’)) (?:[\w-]+ ){0,4}?(?:needs|problems|issues|headaches|worries)|all (?:of )?(?:the )?(?:[\w-]+ ){0,3}?needs of (?:the |your )?[\w&-]+|full(?:y)? managed it|end-to-end (?:it )?(?:support|services)|any (?:it )?(?:services|support) (?:required|needed)|everything (?:tech|it|technology|computer)\w*|(?:looks? after|takes? care of) (?:(?:all|everything|all of) )?(?:your (?:it|tech|technology|computers)\b|(?:the )?(?:[\w&-]+ ){0,3}?[\w&-]+(?:'s|’s) (?:it|tech|technology|computers)\b(?![^.;:]*(?:\bas follows\b|:)))|(?:it|technical|computer|technology|tech) support(?: and maintenance)?(?: services)? (?:for|of|on) (?:all (?:of )?)?(?:the|your|its|their) (?:[\w&'’-]+ ){0,3}?(?:systems|environment|infrastructure|estate|technology|it)\b|(?:it|technical|computer|technology|tech) support(?: services)? (?:for|to|across) (?:all|every|each) (?:of )?(?:the |your |its |their )?(?:[\w&'’-]+ ){0,2}?(?:offices?|sites?|locations?|branches|outlets?|premises|staff|users?|employees|people|departments?)(?: and (?:[\w&'’-]+ ){0,2}?(?:offices?|sites?|locations?|branches|outlets?|staff|users?|employees|people|departments?))?(?![^.;:]*(?:\bas follows\b|:|\bincluding\b)))\b/i
// the same, to blank each such claim out of a text
const VAGUE_ALL = new RegExp(VAGUE.source, 'gi')
// "we provide", and the plain verbs of a provider at work: "we look after", "we take care of", a "Covered:" label
// (the party called "Provider" or "Service Provider" is named, not the verb: "Provider will notify …" provides nothing)
const PROVIDE = /\b(?!providers?\b)(?:provide|deliver|perform|supply|render|offer|include|includes|cover|covers|consist|comprise)\w*\b|\b(?:looks? after|takes? care of)\b|^\s*(?:covered|included|what(?:'|’)?s (?:covered|included))\s*:/i

function serviceCount(text: string): number {
  const names = new Set<string>()
  // "backup" and "backups" name one service
  for (const m of text.matchAll(SERVICE)) names.add(m[0].toLowerCase().replace(/s$/, ''))
  return names.size
}

// A title that names a service ("Help desk", "Server maintenance", "Backups"), not a plan tier ("Standard", "Premium")
const SERVICE_TITLE = /\b(?:support|management|maintenance|monitoring|administration|desk|back ?ups?|security|hosting|patch\w*|updates?|services?|care|repairs?|installation|migration|training|consulting)\b/i
// Work done on something, in plain words: "preventive maintenance of 60 desktops", "we update WordPress every month"
const WORK = /\b(?:maint(?:ain|enance)\w*|support\w*|updat\w*|upgrad\w*|patch\w*|monitor\w*|renew\w*|check\w*|manag\w*|administ\w*|install\w*|repair\w*|back(?:s|ing)? up|backups?|host\w*|deploy\w*|configur\w*|secur\w*|clean\w*|scan\w*|test\w*)\b/i
// a quote's line items ("| # | Item | Qty | Unit |") name what is supplied
const INCLUDED_HEADER = /^(?:included|includes|services?(?: included)?|what(?:'|’)?s (?:covered|included)|covered|what we do|scope|(?:line )?items?)$/i
// (and fixing, as a note says what it takes on: "we fix: POS, card readers, wifi")
const TASK = /\b(?:troubleshoot\w*|set(?:ting)? up|remov(?:al|e|ing)|fit(?:ting)?|onboard\w*|train\w*|fix(?:es|ing)?)\b/i
// What a list introduced by "includes the following:" must not be: exclusions, or kinds of downtime
// (a price of nothing is no negation: "the following service at no charge:", "with no extra cost" give it free)
const NOT_SERVICES = /\b(?:not|no(?!\.\s*\d)(?!\s+(?:extra\s+|additional\s+|further\s+|separate\s+)?(?:charge|cost|fee)s?\b)|except|exclud\w*|downtime|maintenance (?:windows?|periods?)|(?:scheduled|planned|emergency) maintenance|force majeure|outages?|unavailab\w*)\b/i
// What follows a colon, when it is a series of three or more: "For each device: all service calls, parts and labour, toner"
const COLON_SERIES = /:\s*([^:;]*?,[^:;]*,[^:;]*)$/
// Reading: a list introduced as a summary of the agreement's terms ("For quick reference:", "At a glance:", "In short:",
// "Key terms:", "Summary:") restates its values (fees, hours, backups, times) and is not a list of services.
const SUMMARY_LEAD = /^\W*(?:(?:for|as a|a) (?:quick |easy |handy )?(?:reference|summary|recap)|(?:the )?(?:agreement |terms |deal )?at a glance|in (?:short|brief|summary)|(?:quick |handy )?(?:reference|summary|recap)|(?:the )?key (?:terms|points|facts|figures|details|numbers)(?: at a glance)?|(?:the )?(?:main|headline) (?:terms|points|figures)|to (?:sum up|summari[sz]e|recap)|tl;?dr)\W*$/i
// "Where the Services include managed backup, …": services named only in a condition
const CONDITION = /^\W*(?:where|if|when|to the extent|in so far as|insofar as)\b[^,]{0,120},/i

// Things counted: a number, in figures or in words, before a plural ("three servers", "25 user accounts"). Reading: a
// number that numbers a clause or a part ("1.1 This SLA applies to …", "2.3 Backups"), one of the figures joined by a dot,
// counts nothing
const COUNTED = /(?:(?<![\d.])\b\d+(?![.\d])|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?:[a-z-]+\s+){0,2}[a-z]+s\b/i

export default clauseRule({
  id: 'scope-of-services',
  description: 'The agreement names the services provided (a list or table of at least two, or a services schedule)',
  // a title that says what the provider takes on ("What the team will look after") is the home of the scope, and so is
  // a card of a service catalogue ("Card 1: Desk support", "Service: Workstation care")
  data: {...data['scope-of-services'], homeTitle: (title, names) => scopeTitle(title, names) === 'provides' || serviceCard(title)},
  messages: {
    missing: 'Missing scope of services; list the services provided (e.g. helpdesk, monitoring, patching, backups)',
    vague: 'Vague scope of services "{text}"; list the services provided, one per item',
    delegated: 'The services are described in {target}; lint it with this agreement or list them here',
  },
  judgeSection(section, blocks, reader) {
    // what the customer is bound to give ("The Client must give each laptop: a supported system, antivirus updates")
    // names no service of the provider
    // (a blanket claim counts no service: "IT support and maintenance services for the Client's office computer systems")
    const text = blocks.filter((b) => reader.reading.boundParty(b.text, 0) !== 'customer').map((b) => b.text).join(' ')
    if (serviceCount(text.replace(VAGUE_ALL, ' ')) >= 2) return {outcome: 'present'}
    // a home that points elsewhere is judged sentence by sentence, so the finding lands on the reference
    const points = blocks.some((b) => reader.delegated({block: b, start: 0, end: b.text.length, text: b.text, inHome: true, next: ''}, /service/i))
    if (points) return undefined
    // items count unless their list is introduced as what is not provided ("does not include the following work:")
    const items = blocks.filter((b, i) => (b.kind === 'list-item' || b.kind === 'table-row') && !NOT_SERVICES.test(introOf(blocks, i)))
    // two sub-headings are a list of services only when they name services ("Help desk", "Backups"), not plan tiers
    const children = section.children.filter((c) => c.blocks.some((b) => b.kind !== 'heading') && SERVICE_TITLE.test(c.title))
    if (items.length >= 2 || children.length >= 2) return {outcome: 'present'}
    // paragraphs opened by run-in labels, two or more whose text has the provider doing work, list the services by their labels
    if (blocks.filter((b) => labelledService(b, reader.reading)).length >= 2) return {outcome: 'present'}
    // a card among two or more cards with content is one item of a list of services titled by their names
    const cards = (section.parent?.children ?? []).filter((c) => serviceCard(c.title) && c.blocks.some((b) => b.kind !== 'heading'))
    if (serviceCard(section.title) && cards.length >= 2 && cards.includes(section)) return {outcome: 'present'}
    return undefined
  },
  // a table whose column is headed as what is included ("Device type | Included | Price") lists services per row
  // and a table that marks each row's service as provided ("| Remote helpdesk | ✓ | ✓ |", "| Patching | Performs | Approves |")
  // and a lead-in in which a party names what it works on as the list that follows ("We back up these systems:")
  mentions(text, reader, block) {
    return includedColumn(block) >= 0 || scopeKeyedRow(block, reader.reading) || bareServiceList(block, reader.reading) || markedRow(block, reader.reading.parties) || partsRow(block, reader.reading) || leadsList(text, reader.reading.parties) || listedWorkAfter(text, block, reader.reading) || providerListAfter(text, block, reader.reading) || runInService(block, reader.reading) || COVERED_LABEL.test(text) || providerWorkSeries(text, reader.reading) || blanketClaim(text, reader.reading) || servicesElsewhere(text, reader, block) || inlineLeadList(text, reader.reading, block) || looksAfterThings(text, reader.reading) || workLead(text, reader.reading)
  },
  // Reading: where the agreement puts its Services in another document (a definition of the Services, or a sentence
  // anywhere not binding the customer, that says they are the ones another document describes), that delegation stands
  // unless the agreement itself names the services: a present here needs two or more services named by the unit, its
  // lead-in and its list, or the rows of its table; one service in passing ("All Plans include unlimited remote support"),
  // a lead-in of something else ("the following priority model:") or a row marked "Included" for a term of coverage
  // does not outrank it
  judge(unit, reader) {
    const v = judgeUnit(unit, reader)
    if (v?.outcome !== 'present' || !servicesSentAway(reader) || namesServicesHere(unit, reader.reading)) return v
    return undefined
  },
})

function judgeUnit(unit: Unit, reader: Reader): Verdict | undefined {
  // the services put in another document by the scope's own home: what other clauses describe is how they are done
  if (!unit.inHome && homeSendsServices(reader)) return undefined
  // an item of a list its lead-in puts out of the services ("the Services do not include, and Provider shall have no
  // obligation to perform, any of the following:") names work left out, not a service
  if (unit.intro !== undefined && PUTS_OUT.test(unit.intro)) return undefined
  // a summary of the agreement's terms ("For quick reference:", "At a glance:") lists its values, not its services
  if (unit.next && SUMMARY_LEAD.test(unit.text)) return undefined
  // the services named as the purpose of something else ("We process your staff's personal data (names, …, backups) only
  // to provide the services") name no service: what the sentence lists is what is processed, not what is provided
  if (PURPOSE.test(unit.text) && !PROVIDE.test(unit.text.replace(PURPOSE, ' '))) return undefined
  // the services put in another document and extended there by things newly covered ("The Services are as set out in
  // Schedule A of the Agreement and now also cover the two additional devices"): devices added describe no service
  if (SERVICES_SUBJECT.test(unit.text)) {
    const d = scopeElsewhere(unit, reader)
    if (d?.end !== undefined && ALSO_COVER.test(unit.text.slice(d.end))) return d
  }
  // a sub-clause titled by the service it describes, among others like it ("2.2 Patching. The Supplier applies …")
  if (runInService(unit.block, reader.reading)) return {outcome: 'present'}
  // a bare list under a section's title whose items name work or services ("## Each shop" then "- Support for the tills")
  if (bareServiceList(unit.block, reader.reading)) return {outcome: 'present'}
  // a row of a table whose key column is headed as what the customer gets, keyed by a service it gets
  if (scopeKeyedRow(unit.block, reader.reading)) return {outcome: 'present'}
  const column = includedColumn(unit.block)
  if (column >= 0) {
    const cell = unit.block.cells?.[column] ?? ''
    if (serviceCount(cell) >= 2 || cell.split(/\s*[;,]\s*/).filter((x) => WORK.test(x) || serviceCount(x) >= 1).length >= 2) return {outcome: 'present'}
    if (includedRows(unit.block, column, reader.reading) >= 2) return {outcome: 'present'}
  }
  // a table that splits the work between the parties: its rows are the services when the provider's column names work in two
  if (partsRow(unit.block, reader.reading) && !NOT_SERVICES.test(unit.block.section.title) && partsRows(unit.block, reader.reading) >= 2) return {outcome: 'present'}
  // a plan or responsibility matrix: its rows are the services when at least two of them are marked as provided
  if (markedRow(unit.block, reader.reading.parties) && !NOT_SERVICES.test(unit.block.section.title) && markedRows(reader.doc.blocks, reader.reading.blockIndex(unit.block), reader.reading.parties) >= 2) {
    return {outcome: 'present'}
  }
  const t = unit.text.replace(CONDITION, '')
  // services "listed in Annexure A" where Annexure A is a part of this agreement that lists them
  if (PROVIDE.test(t) && annexLists(t, reader) && reader.party(unit, 0) !== 'customer') return {outcome: 'present'}
  if (VAGUE.test(t) && serviceCount(t) < 3) return {outcome: 'vague'}
  if (coveredThings(t) && reader.party(unit, 0) !== 'customer') return {outcome: 'present'}
  if (providerWorkSeries(unit.text, reader.reading)) return {outcome: 'present'}
  if (inlineLeadList(t, reader.reading, unit.block) || looksAfterThings(t, reader.reading)) return {outcome: 'present'}
  // one service described concretely in the clause's home: work, on something counted or on a schedule
  if (unit.inHome && WORK.test(t) && reader.party(unit, 0) !== 'customer' && !NOT_SERVICES.test(t) && (reader.reading.values(t).frequencies.length > 0 || COUNTED.test(t)) && !definedElsewhere(reader)) {
    return {outcome: 'present'}
  }
  // a list of services in the clause's home with no verb ("| Services | Help desk; patching; … |")
  if (unit.inHome && serviceCount(t) >= 2 && reader.party(unit, 0) !== 'customer') return {outcome: 'present'}
  // a key/value row "| Services | A, B and C |": the value cell lists the services
  const cells = unit.block.kind === 'table-row' ? unit.block.cells : undefined
  if (unit.inHome && cells && cells.length >= 2 && (cells[cells.length - 1] ?? '').split(/\s*(?:[,;]|\band\b)\s*/).filter((x) => /[a-z]{3,}/i.test(x)).length >= 2) return {outcome: 'present'}
  // a lead-in in the clause's home that introduces a list ("**What we'll do for €850 a month:**" and its items): the
  // items are the services, unless the lead-in says they are not provided
  if (unit.inHome && unit.next && INTRODUCES.test(t.trim()) && !NOT_SERVICES.test(t) && reader.party(unit, 0) !== 'customer' && unit.next.split(' ; ').filter((x) => !NOT_SERVICES.test(x)).length >= 2) {
    return {outcome: 'present'}
  }
  // a series of pieces of work in the clause's home ("Troubleshooting and repairing the terminals; setting up new
  // devices; virus removal"), or a series after a colon ("For each device: all service calls, parts and labour, toner
  // and drums, preventive maintenance, firmware updates")
  const series = COLON_SERIES.exec(t)?.[1]?.split(/[;,]/) ?? t.split(/;/)
  if (unit.inHome && reader.party(unit, 0) !== 'customer' && !NOT_SERVICES.test(t) && series.filter((x) => WORK.test(x) || TASK.test(x) || serviceCount(x) >= 1).length >= 2) {
    return {outcome: 'present'}
  }
  if ((leadsList(t, reader.reading.parties) || workLead(t, reader.reading)) && unit.next && !NOT_SERVICES.test(t) && reader.party(unit, 0) !== 'customer' && unit.next.split(' ; ').filter((x) => !NOT_SERVICES.test(x)).length >= 2) {
    return {outcome: 'present'}
  }
  if (unit.next && workList(t, unit.next, unit.block, reader.reading)) return {outcome: 'present'}
  if (unit.next && providerLead(unit.text) && providerLeadBinds(unit.text, reader.reading) && providerItems(unit.next, reader.reading)) return {outcome: 'present'}
  if (!PROVIDE.test(t) || reader.party(unit, 0) === 'customer') {
    if (/\bservices?\b|\bproducts?\b/i.test(t)) return scopeElsewhere(unit, reader)
    return undefined
  }
  if (serviceCount(t) >= 2) return {outcome: 'present'}
  // "… we will provide:" followed by a list of what is provided
  if (unit.next && INTRODUCES.test(t.trim()) && !NOT_SERVICES.test(t) && !NOT_SERVICES.test(unit.next) && !NOT_SERVICES.test(unit.block.section.title) && (serviceCount(unit.next) >= 1 || unit.next.split(' ; ').length >= 2)) {
    return {outcome: 'present'}
  }
  const d = scopeElsewhere(unit, reader, /service/i)
  if (d) return d
  if (unit.inHome && serviceCount(t) >= 1 && !definedElsewhere(reader)) return {outcome: 'present'}
  return undefined
}

const SENT_AWAY = {name: 'scope-of-services: the Services put in another document, by a definition or any sentence'}
/** Does the agreement put its Services in another document (see the judge)? Once per document. */
function servicesSentAway(reader: Reader): boolean {
  return reader.reading.own(SENT_AWAY, () => {
    if (definedElsewhere(reader) || homeSendsServices(reader)) return true
    return reader.doc.blocks.some((b) => b.kind !== 'heading' && b.text.includes('ervice') && unitsOf(b, false).some((u) => SERVICES_SENT.test(u.text) && reader.party(u, 0) !== 'customer' && scopeElsewhere(u, reader, /service/i) !== undefined))
  })
}

/**
 * Does the unit, with its lead-in and its list (or its table's rows), name two or more services, or its own text two or
 * more pieces of work ("run the help desk, patch the 40 workstations monthly and monitor the three clinic servers")?
 */
function namesServicesHere(unit: Unit, reading: Reading): boolean {
  const header = unit.block.kind === 'table-row' ? unit.block.header : undefined
  const text = header ? reading.doc.blocks.filter((b) => b.header === header).map((b) => b.cells?.[0] ?? '').join(' ; ') : `${unit.intro ?? ''} ; ${unit.text} ; ${unit.next}`
  return serviceCount(text) >= 2 || (!header && unit.text.split(/\s*(?:[,;]|\band\b)\s*/).filter((x) => !NOT_SERVICES.test(x) && (WORK.test(x) || TASK.test(x) || serviceCount(x) >= 1)).length >= 2)
}

// A card's label and the service it names: "Card 1: Desk support", "Service card: Devices", "Service: Imaging server"
const CARD_TITLE = /^\W*(?:service\s+card(?:\s+\d{1,2})?|card\s+\d{1,2}|service(?:\s+\d{1,2})?)\s*[:\u2013\u2014]\s*(\S[^:]{1,60})$/i

/**
 * Is the title one card of a service catalogue? A catalogue gives each service a card titled by a card label and the
 * service's name, over what it covers: the card names a service (unless what it names is about a service, "Service:
 * Hours", or left out of it, "Service card: Not included").
 */
function serviceCard(title: string): boolean {
  const name = CARD_TITLE.exec(title)?.[1]
  return name !== undefined && !ABOUT_A_SERVICE.test(name) && !NOT_SERVICES.test(name)
}

// A label of what is covered, with a colon or a dot leader, and what follows it on its line: "Covered: the 22 desktops,
// the server and Microsoft 365", "Included ........ 9 PCs, the Wi-Fi"
const COVERED_LABEL = /^\W*(?:covered|included|what(?:'|\u2019)?s (?:covered|included))(?:\s*:|\s+\.{3,})[ \t]*(\S[^\n]*)/i
// what puts time, not things, under such a label: "Covered: Monday to Friday, 8am to 6pm"
const TIME_COVERED = /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?|holidays?|hours?|\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[:.]\d\d)\b/i

/**
 * A label of what is covered followed by two or more things ("Covered: the 22 desktops, the Windows server and Microsoft
 * 365") names what the services cover, whether it names the work or the things the work is done on; not when what it
 * covers is time (the hours) or is put out of the services.
 */
function coveredThings(text: string): boolean {
  const rest = COVERED_LABEL.exec(text)?.[1]
  if (rest === undefined || TIME_COVERED.test(rest) || NOT_SERVICES.test(rest)) return false
  return rest.split(/\s*(?:[,;]|\band\b)\s*/).filter((x) => /[a-z]{3,}/i.test(x)).length >= 2
}

/**
 * A blanket claim of coverage ("Everything IT at the winery, same as this year", "all your IT needs") wherever it sits
 * mentions the scope without naming a service (vague, not missing); not a duty of the customer's ("You must keep
 * everything IT-related in the locked cupboard").
 */
function blanketClaim(text: string, reading: Reading): boolean {
  const m = VAGUE.exec(text)
  return m !== null && reading.boundParty(text, m.index) !== 'customer'
}

// The provider as the subject that opens a sentence, with a modal or a present verb: "Provider will run …", "We patch …"
const PROVIDER_OPENS = /^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?([\w&'’.-]+(?:\s+[\w&'’.-]+)?)\s+(?:will|shall|agrees? to|is to)\s+/i

/**
 * A sentence in which the provider, as its subject, takes on three or more pieces of work, each on its own object, in a
 * series ("Provider will run the helpdesk, patch and monitor the 23 PCs and 6 laptops, administer Microsoft 365, and
 * manage the clinic firewalls") names the services wherever it sits; not when the work is put out, made conditional,
 * or answers a failure.
 */
function providerWorkSeries(text: string, reading: Reading): boolean {
  const m = PROVIDER_OPENS.exec(text)
  if (!m || CONDITION.test(text) || NOT_SERVICES.test(text) || /\b(?:fail\w*|faults?|broken|outages?|incidents?)\b/i.test(text)) return false
  if (reading.firstParty(m[0]) !== 'provider') return false
  // each piece of work on its own object ("monitor the 23 PCs", "administer Microsoft 365"), not verbs sharing one vague
  // object ("monitor, maintain and support the Client's technology environment")
  const work = text.slice(m[0].length).split(/\s*(?:[,;]|\band\b)\s*/).filter((x) => /\S\s+\S/.test(x) && (WORK.test(x) || TASK.test(x) || serviceCount(x) >= 1))
  return work.length >= 3
}

/**
 * The services put in another document, unless what the sentence puts there is the work left out ("Services not
 * covered by this Agreement are listed in Schedule C", "Excluded services and their rates are set out in the Rate
 * Card"): a document of the exclusions is not the home of the scope.
 */
// "the services listed in Annexure A", "the support described in Schedule 2": the part of the agreement that holds them
const IN_PART = /\b(?:listed|described|set out|specified|detailed|shown|itemi[sz]ed)\s+(?:in|at|under)\s+((?:schedule|annex(?:ure)?|appendix|exhibit|attachment)\s+[a-z0-9]{1,3})\b/i

/**
 * Does the sentence put its services in a part of this agreement ("the services listed in Annexure A" beside a section
 * "Annexure A: Services") that lists two or more things? Such services are stated here, not in another document.
 */
function annexLists(text: string, reader: Reader): boolean {
  const target = IN_PART.exec(text)?.[1]?.toLowerCase()
  if (!target) return false
  const heading = (s: Section): string => (s.blocks.find((b) => b.kind === 'heading')?.text ?? s.title).replace(/^[#\s*_]+/, '').toLowerCase()
  const part = reader.doc.sections.find((s) => new RegExp(`^${target}\\b`).test(heading(s)) || new RegExp(`^${target}\\b`).test(s.title.toLowerCase()))
  if (!part) return false
  const blocks = (s: Section): Block[] => [...s.blocks, ...s.children.flatMap(blocks)]
  return blocks(part).filter((b) => b.kind === 'list-item' || b.kind === 'table-row').length >= 2
}

// What follows the document the services are put in, when it only adds things to them: "… of the Agreement and now also
// cover the two additional devices"
const ALSO_COVER = /^(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?\s*,?\s*(?:and\s+)?(?:now\s+)?(?:also\s+)?(?:covers?|includes?|extends? to)\b/

// The services as the purpose of something else: "only to provide the services", "for the purpose of performing the Services"
const PURPOSE = /\b(?:only |solely |strictly |where needed |as needed |as necessary )?(?:to|in order to|so as to|for the purposes? of|needed to|necessary to|required to) (?:provide|deliver|perform|supply|render)(?:ing)? (?:the|our|its|these|those) (?:support )?services\b/gi

// The services as the subject of their sentence: "The services you receive are …", "Your services are …" (not their
// fees or their hours: "The service fees are …", "Service hours are …")
const SERVICES_SUBJECT = /^\W*(?:\d+(?:\.\d+)*\.?\s+|\(?[a-z]\)\s+)?(?:(?:the|your|our|all|any)\s+)?(?:[\w-]+\s+){0,2}?services?\b(?!\s+(?:fees?|charges?|prices?|rates?|hours?|levels?|credits?|desk|windows?)\b)/i

/**
 * A sentence whose subject is the services and that puts them in another document ("The services you receive are the
 * ones ticked in the order you signed separately") delegates the scope, whatever verb links them.
 */
function servicesElsewhere(text: string, reader: Reader, block: Block): boolean {
  return SERVICES_SUBJECT.test(text) && reader.delegated({block, start: 0, end: text.length, text, inHome: false, next: ''}, /service/i) !== undefined
}

function scopeElsewhere(unit: Unit, reader: Reader, topic = /service|product/i): Verdict | undefined {
  // (a link after work left out sends that work: an earlier link of the sentence may still send the services)
  return reader.delegated(unit, topic, LEFT_OUT)
}
const LEFT_OUT = /\b(?:services?|work|items?|tasks?)\s+(?:that (?:are|is) |which (?:are|is) )?(?:not (?:covered|included|provided|part of|in scope)|excluded|outside)\b|\b(?:excluded|out[- ]of[- ]scope|non-?covered)\s+(?:services?|work|items?)\b/i

// Reading: when the scope's own home puts the services in another document ("Provider shall provide the managed services
// described in the Service Order (the "Services")"), the services are there: work that other clauses describe ("5.1
// Backups. Provider will back up Client Data …") is how some of them are done, not the scope, and the scope is delegated;
// a home that sends only other work there ("Projects are performed under a separate statement of work") does not
const SERVICES_SENT = /\bservices?\s+(?:(?:that|which)\s+(?:are|is)\s+)?(?:as\s+)?(?:described|set out|set forth|listed|specified|detailed|defined|shown|itemi[sz]ed|identified)\s+(?:in|under|at|on)\b/i
const HOME_SENDS = {name: 'scope-of-services: the scope\'s home puts the services in another document'}
function homeSendsServices(reader: Reader): boolean {
  return reader.reading.own(HOME_SENDS, () => {
    const sends = (b: Block): boolean => b.kind !== 'heading' && unitsOf(b, true).some((u) => SERVICES_SENT.test(u.text) && reader.party(u, 0) !== 'customer' && scopeElsewhere(u, reader, /service/i) !== undefined)
    // the home's sections, and a paragraph titled by a bold label of the scope's ("**SC-1 Scope.** Supplier shall provide …")
    if (reader.homes.some((home) => subtreeBlocks(home).some(sends))) return true
    return reader.doc.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('ervice') && SCOPE_LABEL.test(reader.reading.leadLabel(b) ?? '') && sends(b))
  })
}
// Reading: when the agreement defines its Services as what another document describes ('"Services" means the managed
// services described in each SOW'), one service named in passing in the scope's home ("2.4 Provider will immediately
// notify Customer of any Severity 1 Incident detected by Provider's monitoring", "Provider's service desk shall be
// staffed during Business Hours") is how those Services work, not a statement of them: it does not outrank the
// definition's delegation. A list of services stated here (two or more) still does.
const DEFINED_ELSEWHERE = {name: 'scope-of-services: the Services defined as what another document describes'}
function definedElsewhere(reader: Reader): boolean {
  return reader.reading.own(DEFINED_ELSEWHERE, () => {
    const def = reader.reading.definitions.get('services')
    return def !== undefined && SERVICES_SENT.test(def.text) && reader.reading.delegation(def.text, {block: def.block}) !== undefined
  })
}

// a bold label that titles its paragraph as the scope: "SC-1 Scope", "2.1 Services", "Scope of work"
const SCOPE_LABEL = /^(?:[\w.-]{1,8}\s+)?(?:scope(?: of (?:services|work))?|(?:the\s+)?services)\W*$/i

// Reading: a lead-in that puts what follows out of the services ("… do not include … any of the following:", "The
// following are excluded:", "Not covered:") introduces work left out: none of its items names a service provided
const PUTS_OUT = /\b(?:(?:does|do|shall|will)\s+not|doesn['’]t|don['’]t|won['’]t)\s+(?:include|cover|extend to)\b|\bno obligation to (?:perform|provide)\b|\b(?:excluded|exclusions?|not (?:included|covered|provided|part of))\b/i

const RUN_IN = {name: 'scope-of-services: run-in titled sub-clauses that each describe a service'}

/**
 * Is the block in a run-in titled sub-clause that names a service and has the provider doing it ("2.2 Patching. The
 * Supplier applies security updates …"), among at least two such sub-clauses of one section? A section of numbered
 * sub-clauses, each titled by a service it goes on to describe, lists the services whatever the section is called.
 * Answered once per section.
 */
function runInService(block: Block, reading: Reading): boolean {
  const section = block.section
  const parent = section.parent
  if ((section.kind !== 'numbered' && section.kind !== 'bold') || !parent) return false
  const known = reading.own(RUN_IN, () => new Map<Section, Set<Section>>())
  let services = known.get(parent)
  if (!services) {
    services = new Set(parent.children.filter((c) => describesService(c, reading)))
    if (services.size < 2) services.clear()
    known.set(parent, services)
  }
  return services.has(section)
}

// A title about a service rather than the service itself: "Security Incidents", "Backup Reports", "Support Hours"
const ABOUT_A_SERVICE = /\b(?:incidents?|breach(?:es)?|notices?|notifications?|reports?|levels?|times?|hours?|windows?|credits?|fees?|charges?|rates?|terms?|polic(?:y|ies)|obligations?|responsibilit(?:y|ies)|requirements?|duties|limits?|exclusions?)\W*$/i

// Reading: a title that names the Services as a whole ("Provision of Services", "The Services") or a class of them by
// when or whether they are given ("Emergency Services", "Additional Services", "Excluded Services") names no particular
// service: its sub-clause is about the services, not one of them ("Backups", "Help Desk", "Network Services" are)
const GENERIC_SERVICES =
  /^(?:(?:the\s+)?(?:provision|performance|delivery|supply|scope|description|standard|nature|commencement|use|changes?\s+to|variation)\s+of\s+(?:the\s+)?services?|(?:the\s+)?services?|(?:additional|emergency|extra|other|further|optional|excluded|new|ad[- ]hoc|urgent|after[- ]hours|out[- ]of[- ]hours)\s+services?)$/i

// Reading: under the scope's own title, a paragraph opened by a run-in label ("**Workstation support.** The Supplier
// installs, patches and troubleshoots …", "**Model server.** The Supplier administers the central model server …") whose
// text opens on the provider doing work is one service, titled by its label, as a titled sub-clause is; not a label of
// terms about the services ("**Fees.**", "**Support hours.**", "**Excluded work.**"), nor one over what the customer does
/** Is the block a paragraph under a run-in label whose text opens on the provider doing work? */
function labelledService(block: Block, reading: Reading): boolean {
  if (block.kind !== 'paragraph') return false
  const label = reading.leadLabel(block)?.replace(/[.:\s]+$/, '')
  if (label === undefined || label.length === 0 || label.length > 60 || NOT_SERVICES.test(label) || ABOUT_A_SERVICE.test(label) || GENERIC_SERVICES.test(label)) return false
  const at = block.text.indexOf(label)
  const rest = (at < 0 ? block.text : block.text.slice(at + label.length)).replace(/^[*_\s.:\u2013\u2014-]+/, '')
  const sentence = /^[^.;!?]*/.exec(rest)![0]
  return sentence.length > 0 && !NOT_SERVICES.test(sentence) && reading.firstParty(sentence.slice(0, 40)) === 'provider' && (WORK.test(sentence) || TASK.test(sentence) || serviceCount(sentence) > 0)
}

/** A run-in titled sub-clause whose title names a service and whose first sentence opens on the provider doing it. */
function describesService(c: Section, reading: Reading): boolean {
  if ((c.kind !== 'numbered' && c.kind !== 'bold') || NOT_SERVICES.test(c.title) || ABOUT_A_SERVICE.test(c.title) || GENERIC_SERVICES.test(c.title.replace(/^[\d.()\s]+/, '').replace(/[.:\s]+$/, '')) || c.title.length > 60) return false
  if (!SERVICE_TITLE.test(c.title) && serviceCount(c.title) === 0) return false
  const first = c.blocks.find((b) => b.kind !== 'heading')
  const sentence = first?.sentences[0]?.text ?? first?.text ?? ''
  return sentence.length > 0 && !NOT_SERVICES.test(sentence) && reading.firstParty(sentence.trimStart().slice(0, 40)) === 'provider'
}

const BARE = {name: 'scope-of-services: bare lists of services under a title'}
// Reading: a bare list under a title of another clause's subject gives that clause's terms, not the services offered:
// a title naming something failing ("What happens when a computer or the internet breaks?", "If a server fails",
// "Faults") heads the handling of failures, and the backups' own titles ("Backups", "Data protection") head their schedule
const FAILING_TITLE = /\b(?:fail(?:s|ed|ures?|ing)?|faults?|faulty|malfunction\w*|breaks?(?:\s+down)?|broke|broken|break-?downs?|go(?:es)?\s+(?:down|wrong)|stops?\s+working|dies|outages?)\b/i
const BACKUP_TITLE = new RegExp(data['backup-frequency'].headings.map((h) => `(?:${h})`).join('|'), 'i')
const BACKUP_TOPIC = new RegExp(data['backup-frequency'].topic, 'i')
// An item that asks for something to be done rather than naming work taken on: "Keep the router on the UPS"
const IMPERATIVE = /^\W*(?:please\s+)?(?:keep|make|ensure|update|install|use|run|leave|lock|store|patch|back|avoid|tell|call|ring|give|pay|provide|allow|let|check|do|don['’]t|never|report|notify|contact|send|e-?mail|turn|switch|buy|replace|restart|reboot|save|read|sign|return|follow|name|nominate|book|order)\b(?![\s-]+(?:mgmt|management|admin\w*|monitoring)\b)/i

/**
 * Is the block an item of a bare list, one set straight under a section's title with no lead-in, whose items name work
 * or services on things ("## Each café" then "- Support for the tills and card readers", "- Help desk for the 12 office
 * staff")? Two or more such items say what is done for what, whatever the title; not a list of what is left out or
 * asked of the customer, nor one under a title about a service's terms ("Support hours"). Answered once per list.
 */
function bareServiceList(block: Block, reading: Reading): boolean {
  if (block.kind !== 'list-item') return false
  // (each sentence of an item asks: read once per item)
  const known = reading.own(BARE_LISTS, () => new Map<Block, boolean>())
  let v = known.get(block)
  if (v === undefined) known.set(block, (v = bareServiceListOf(block, reading)))
  return v
}
const BARE_LISTS = {name: 'scope-of-services: items of a bare list of services'}

function bareServiceListOf(block: Block, reading: Reading): boolean {
  const blocks = reading.doc.blocks
  const at = reading.blockIndex(block)
  if (at < 0) return false
  let first = at
  while (first > 0 && blocks[first - 1]!.kind === 'list-item' && blocks[first - 1]!.section === block.section) first--
  const lead = blocks[first - 1]
  const titled = lead !== undefined && lead.kind === 'heading' && lead.section === block.section
  const over = titleOver(blocks, at, reading)
  if (titled && listsServices({title: block.section.title, first, column: 0, asks: false}, block, reading)) return true
  return over !== undefined && listsServices(over, block, reading)
}

/** Are the items from `over.first` (the list `block` is in, under the title `over.title`) a list of services? Once per list. */
function listsServices(over: {title: string; first: number; column: number; asks: boolean}, block: Block, reading: Reading): boolean {
  const blocks = reading.doc.blocks
  const known = reading.own(BARE, () => new Map<Block, boolean>())
  let listed = known.get(blocks[over.first]!)
  if (listed === undefined) {
    const title = over.title
    let ok = !NOT_SERVICES.test(title) && !ABOUT_A_SERVICE.test(title.replace(FEE_HOLDS, ' ')) && !asksOfCustomer(title, reading.roles) && (!over.asks || coversTitle(title, reading))
    // a title of another clause's subject, not the scope's: something failing ("What happens when a computer breaks?",
    // "If the internet goes down") or the backups ("Backups", "Data protection")
    if (ok && (FAILING_TITLE.test(title) || BACKUP_TITLE.test(title)) && !coversTitle(title, reading)) ok = false
    let named = 0
    let backups = 0
    for (let j = over.first; ok && j < blocks.length && blocks[j]!.kind === 'list-item' && blocks[j]!.section === block.section && blocks[j]!.position.start.column >= over.column; j++) {
      // an unticked option ("- [ ] On-site visits (not ordered)") is offered, not one of the services
      if (reading.isUnticked(blocks[j]!)) continue
      const t = blocks[j]!.text
      if (NOT_SERVICES.test(t) || IMPERATIVE.test(t) || reading.boundParty(t, 0) === 'customer') ok = false
      else if (WORK.test(t) || TASK.test(t) || serviceCount(t) >= 1) {
        named++
        if (BACKUP_TOPIC.test(t)) backups++
      }
    }
    // every item that names work naming copies of data on their schedule ("Hourly snapshots of the file server, kept for
    // 90 days", "Nightly offsite copies …", "Microsoft 365 backed up 3 times a day") is the backup clause's schedule, one
    // service's terms, not a list of the services
    if (named >= 2 && backups === named && !coversTitle(title, reading)) ok = false
    known.set(blocks[over.first]!, (listed = ok && named >= 2))
  }
  return listed
}

// A question on a line of its own: "What's in the plan?", "Q: What do I get each month?"
const QUESTION_LINE = /^[^?\n]{3,120}\?\W*$/
const QUESTION_MARK = /^\W*(?:q|question)\s*\d{0,3}\s*[:.]\s*/i
// A list item that is only a short title over the items nested under it: "What Lir looks after", "In the plan"
const SHORT_TITLE = /^[^.:;!?\n]{3,60}[?]?$/
// The scope's own titles ("What you get", "What's in the plan", "Covered services")
const SCOPE_TITLES = new RegExp(data['scope-of-services'].headings.map((h) => `(?:${h})`).join('|'), 'i')

/** A title that asks or says what is covered: one of the scope's titles, or one read by roles as what the provider takes on. */
function coversTitle(title: string, reading: Reading): boolean {
  const t = title.replace(/[?!.\s]+$/, '').trim()
  return SCOPE_TITLES.test(t) || IN_THE_OFFER.test(t) || SERVICES_NAMED.test(t) || scopeTitle(t, reading.roles) === 'provides'
}
// A short title that names the services themselves: "Services ordered", "Managed services", "IT services we run"
const SERVICES_NAMED = /^(?:[\w-]+\s+){0,2}services(?:\s+[\w-]+){0,2}$/i
// What the offer holds, named by the offer: "In the plan", "Included in your package", "Part of the service"
const IN_THE_OFFER = /^(?:what(?:'|’)?s\s+)?(?:in|inside|included in|part of|covered by|with)\s+(?:the|your|our|this|every|each)\s+(?:[\w-]+\s+){0,2}?(?:plan|package|service|subscription|retainer|bundle|contract|fee)s?$/i

/**
 * Reading: a list with no lead-in is titled by what stands over it, as a heading titles it: the title of a section it
 * opens that has no heading line of its own ("- **In the plan**" over its items), a question on a line of its own
 * ("What's in the plan?"), or a list item that is only a short title over the items nested under it ("- What Lir looks
 * after" over "  - Eleven CAD workstations: Windows updates, …"). Such a title counts only when it asks or says what
 * is covered (`asks`: "In the plan", "What Lir looks after"), not any title ("4.1 Compliance with Data Laws" over
 * what the provider complies with); `column` bounds the nested items to the title item's own.
 */
function titleOver(blocks: readonly Block[], at: number, reading: Reading): {title: string; first: number; column: number; asks: boolean} | undefined {
  const item = blocks[at]!
  const column = item.position.start.column
  let first = at
  while (first > 0) {
    const b = blocks[first - 1]!
    if (b.kind !== 'list-item' || b.section !== item.section) break
    if (b.position.start.column < column) return SHORT_TITLE.test(b.text.trim()) && !reading.isUnticked(b) ? {title: b.text.trim(), first, column, asks: true} : undefined
    first--
  }
  const lead = blocks[first - 1]
  if ((!lead || lead.section !== item.section) && item.section.kind !== 'root' && item.section.blocks[0] === blocks[first]) return {title: item.section.title, first, column: 0, asks: true}
  if (lead && lead.kind === 'paragraph' && lead.section === item.section && lead.sentences.length <= 1 && QUESTION_LINE.test(lead.text.trim())) {
    return {title: lead.text.trim().replace(QUESTION_MARK, ''), first, column: 0, asks: true}
  }
  return undefined
}

/** The text of the block that introduces the list or table holding block `i` (empty when none). */
function introOf(blocks: readonly Block[], i: number): string {
  for (let j = i - 1; j >= 0; j--) {
    const b = blocks[j]!
    if (b.kind === 'list-item' || b.kind === 'table-row') continue
    return b.kind === 'heading' ? '' : (b.sentences[b.sentences.length - 1]?.text ?? b.text)
  }
  return ''
}

/**
 * The column of a table row headed as what the service includes ("Included", "Services", "What's covered"), or -1; in a
 * table that bills its lines (a quantity, unit price or amount column), the column that names each line ("Description",
 * "Details", "Particulars", "Product"), as an invoice or a quote names what it charges for.
 */
function includedColumn(block: Block): number {
  if (block.kind !== 'table-row' || !block.header) return -1
  const included = block.header.findIndex((h) => INCLUDED_HEADER.test(h.trim()))
  if (included >= 0 || !block.header.some((h) => BILLED_COLUMN.test(h.replace(/[*_]/g, '').trim()))) return included
  return block.header.findIndex((h) => LINE_HEADER.test(h.replace(/[*_]/g, '').trim()))
}
// a column that says what each row includes, beside the row's key: "What's included", "Includes", "Covered"
const INCLUDES_HEADER = /^(?:what(?:'|’)?s (?:covered|included)|what (?:it|this) (?:covers|includes)|included|includes|covers|covered)$/i
const INCLUDED_ROWS = {name: 'scope-of-services: rows of a table that say what each includes'}

/**
 * Reading: a table with a column that says what each row includes, beside the row's own key ("| Ticket type | What's
 * included | Credits |", "| Visit | Covered |"), lists a piece of work per row: the rows whose cell there says something
 * (not "none", "—") are the services, whatever words the cells use; not rows a title or key puts out ("Add-ons not in the
 * fee"). The number of such rows in the block's table, once per table.
 */
function includedRows(block: Block, column: number, reading: Reading): number {
  const header = block.header
  if (!header || column < 1 || !INCLUDES_HEADER.test((header[column] ?? '').replace(/[*_]/g, '').replace(/[?!.:\s]+$/, '').trim())) return 0
  const known = reading.own(INCLUDED_ROWS, () => new Map<readonly string[], number>())
  let n = known.get(header)
  if (n === undefined) {
    const rows = reading.doc.blocks.filter((b) => b.kind === 'table-row' && b.header === header)
    n = NOT_SERVICES.test(block.section.title) ? 0 : rows.filter((b) => {
      const cell = b.cells?.[column] ?? ''
      return /[a-z]{3,}/i.test(cell) && !NOT_GIVEN.test(cell) && !NOT_SERVICES.test(b.cells?.[0] ?? '') && !NOT_SERVICES.test(cell.split(/[,;]/)[0]!)
    }).length
    known.set(header, n)
  }
  return n
}
const SCOPE_KEYED = {name: 'scope-of-services: rows of a table keyed by what the customer gets'}
// a value that says a plan does not have the row's service: "none", "n/a", "not available", "—", "✗"
const NOT_GIVEN = /^\W*(?:[\w-]+\s*:\s*)?(?:none|n\/a|no|not (?:available|included|offered|provided)|[-–—✗✘×])\W*$/i
// a key column headed by a feature or a service: "Feature", "Service", "What's in it"
const KEY_HEADER = /^(?:features?|services?|service features?)$/i

/**
 * Reading: a table whose key column is headed as what the customer gets ("What you get", "What's included", "Services",
 * "Feature"), as a plan comparison is, lists the services in its rows: a row keyed by a service ("Help desk", "Backups"),
 * not by a term of one ("Support hours", "First response", "Monthly fee"), whose value (for the plan the agreement names
 * as taken, the other plans' values blanked) does not say the plan lacks it, is one of them; two such rows list the
 * services. Answered once per table.
 */
function scopeKeyedRow(block: Block, reading: Reading): boolean {
  const header = block.header
  if (block.kind !== 'table-row' || !header || !block.cells || block.cells.length < 2) return false
  const key = (header[0] ?? '').replace(/[*_]/g, '').replace(/[?!.:\s]+$/, '').trim()
  if (!key || !(SCOPE_TITLES.test(key) || KEY_HEADER.test(key)) || NOT_SERVICES.test(key)) return false
  const known = reading.own(SCOPE_KEYED, () => new Map<readonly string[], Set<number>>())
  let rows = known.get(header)
  if (!rows) {
    rows = new Set()
    for (const b of reading.doc.blocks) {
      if (b.header !== header || !b.cells) continue
      const name = (b.cells[0] ?? '').replace(/[*_]/g, '').trim()
      if (!name || NOT_SERVICES.test(name) || ABOUT_A_SERVICE.test(name) || PRICE_KEY.test(name)) continue
      if (serviceCount(name) === 0 && !SERVICE_TITLE.test(name)) continue
      const values = reading.inFull(b).cells?.slice(1).map((c) => c.trim()).filter((c) => /\w/.test(c)) ?? []
      if (values.length === 0 || values.every((c) => NOT_GIVEN.test(c))) continue
      rows.add(b.position.start.offset)
    }
    if (rows.size < 2) rows.clear()
    known.set(header, rows)
  }
  // (the row as the clause finder reads it is a view of the document's block: known by where it starts)
  return rows.has(block.position.start.offset)
}

// Reading: an invoice's or a quote's lines name what is supplied, whatever its column of names is called: a table with a
// column of quantities, unit prices or amounts bills its lines, and its column that describes each line names them
const BILLED_COLUMN = /^(?:qty\.?|quantity|units?|no\.? of [\w ]+|count|amount(?: \([A-Z]{3}\))?|line total|total|sub-?total|unit (?:price|cost|rate)|price(?: each| per unit)?|rate|net(?: amount)?|ext(?:ended|\.)? (?:price|amount)|(?:per )?month(?:ly)?(?: price| cost| fee)?)$/i
const LINE_HEADER = /^(?:description|details|particulars|products?|(?:service|item|line|product)s? description|description of (?:services?|goods|work)|(?:product|goods)(?:\s*(?:\/|or|and|&)\s*services?)|services? and products)$/i

// A cell that marks a row's service as provided: a tick, "Yes", "Included", "Performs", "Responsible", a count per
// period ("2 per month"), "Unlimited"
const MARK = /^(?:[✓✔☑✅●]|yes|y|included|incl\.?|provided|performs?|responsible|unlimited|\d+ (?:per|a|each) (?:day|week|month|quarter|year))$/i
// The key cell of a marked row names a piece of work or a service, not a price or a limit ("Price per user", "Users")
const PRICE_KEY = /\b(?:price|fee|cost|charge|rate|users?|devices?|seats?|minimum|term|discount)\b/i

// A RACI letter for doing the work: "R", alone or with "A" ("R, A", "A/R"); Reading: a RACI letter written in brackets or
// parentheses ("[R]", "(R)", "[R] [A]", as a legend keys them) marks who does the work as the bare letter does
const RACI_DOES = /^(?:R|R\s*[,/&+]?\s*A|A\s*[,/&+]?\s*R)$/
const RACI_BRACKETED = /[[(]([RACI])[\])]/g
// A cell or a column header that names the provider by its role: "Supplier", "Provider", "MSP", "us"
const PROVIDER_WORD = /^(?:the\s+)?(?:(?:service\s+)?provider|supplier|contractor|msp|us|we)$/i

/** Does a cell name the provider, by its role or by a name the agreement gives it ("Supplier", "Tidewater")? */
function namesProvider(cell: string, names: ReadonlyMap<string, Party>): boolean {
  const c = cell.replace(/[*_`]/g, '').trim()
  return PROVIDER_WORD.test(c) || names.get(c.toLowerCase().replace(/^the\s+/, '')) === 'provider'
}

/** Does a cell name the customer by a name the agreement gives it ("Harbor Point", "the Client")? */
function namesCustomer(cell: string, names: ReadonlyMap<string, Party>): boolean {
  const c = cell.replace(/[*_`]/g, '').trim().toLowerCase().replace(/^the\s+/, '')
  return /^(?:client|customer|you)$/.test(c) || names.get(c) === 'customer'
}

/**
 * A table row keyed by a service whose other cells mark it as provided: a tick, "Yes", "Performs" or a RACI "R" in a
 * column (in a matrix whose columns are the parties, the provider's column), or a cell that names the provider as the
 * one who does it ("| Patching | Supplier | Supplier |").
 */
function markedRow(block: Block, names: ReadonlyMap<string, Party>): boolean {
  const cells = block.cells
  if (block.kind !== 'table-row' || !cells || cells.length < 2) return false
  const key = cells[0]!.trim()
  if (key.length < 3 || key.length > 100 || !/[a-z]{3,}/i.test(key) || PRICE_KEY.test(key) || NOT_SERVICES.test(key)) return false
  const header = block.header ?? []
  // columns headed by the parties: a mark counts in the provider's column only
  const byParty = header.some((h, k) => k > 0 && (namesProvider(h, names) || namesCustomer(h, names)))
  return cells.slice(1).some((c, k) => {
    const cell = c.trim()
    if (namesProvider(cell, names)) return true
    if (!MARK.test(cell) && !RACI_DOES.test(cell.includes('[') || cell.includes('(') ? cell.replace(RACI_BRACKETED, '$1') : cell)) return false
    return !byParty || namesProvider(header[k + 1] ?? '', names)
  })
}

/**
 * Reading: in a table that splits the work between the parties ("| Area | We do | You do |", see Reading.partColumns), the
 * provider's column holds its work: a row whose cell there names work or a thing worked on is one service, as a row marked
 * as provided is ("| Help desk | Answer calls and emails … | Log every problem … |").
 */
function partsRow(block: Block, reading: Reading): boolean {
  const parts = reading.partColumns(block)
  if (!parts || !block.cells) return false
  return block.cells.some((c, i) => parts[i] === 'provider' && /[a-z]{3,}/i.test(c) && !NOT_GIVEN.test(c) && (WORK.test(c) || TASK.test(c) || THING.test(c) || serviceCount(c) >= 1))
}

/** How many rows of a block's table are rows of the provider's work (see partsRow). */
function partsRows(block: Block, reading: Reading): number {
  const header = block.header
  return reading.doc.blocks.filter((b) => b.kind === 'table-row' && b.header === header && partsRow(b, reading)).length
}

/** How many rows of the table that holds block `i` are marked rows. */
function markedRows(blocks: readonly Block[], i: number, names: ReadonlyMap<string, Party>): number {
  const header = blocks[i]?.header
  if (!header || i < 0) return 0
  let first = i
  while (first > 0 && blocks[first - 1]!.kind === 'table-row' && blocks[first - 1]!.header === header) first--
  let count = 0
  for (let j = first; j < blocks.length && blocks[j]!.kind === 'table-row' && blocks[j]!.header === header; j++) if (markedRow(blocks[j]!, names)) count++
  return count
}

// Things a service is done on, named plainly: "the 9 PCs", "the network", "Microsoft 365", "the firewall logs"
const THING =
  /\b(?:pcs?|computers?|laptops?|desktops?|workstations?|notebooks?|servers?|network|wi-?fi|wireless|printers?|plotters?|copiers?|scanners?|phones?|telephones?|firewalls?|routers?|switch(?:es)?|sensors?|logs?|tills?|tablets?|accounts?|users?|mailbox(?:es)?|e-?mail|microsoft 365|office 365|m365|google workspace|software|applications?|licen[cs]es?|devices?|machines?|websites?|back ?ups?|cameras?|cctv|nas|storage|domains?|endpoints?)\b/i
// A colon that opens a list, not one inside a clock time ("08:00") or a ratio
const LIST_COLON = /:(?!\d)\s*/
const NAMED_AS_WORK = /\b(?:the\s+)?following\s+(?:[\w-]+\s+)?(?:services|works|tasks|activities)\s*$/i
// Reading: the services themselves as the subject of the lead-in, its verb a copula or a verb of making up ("2. The
// services under this SOW are: (a) service desk …; (b) patching …", "The Services comprise: …"), name the items after the
// colon as the services, as the provider's own lead-in does
const SERVICES_ARE = /^\W*(?:\d+(?:\.\d+)*\.?\s+|\(?\d{1,2}\)\s*)?(?:the|these|our|your)\s+(?:[\w-]+\s+)?services\s+(?:(?:under|in|of|for|provided under|covered by)\s+(?:this|the)\s+(?:[\w-]+\s+){0,3}?)?(?:are|shall be|will be|comprise|consist of|include)(?:\s+the following)?\s*$/i
// The hours or the fee as what is spent on the work: "The prepaid hours can be spent on any of the following", "The
// block may be used for"
const BOUGHT_FOR =
  /^\W*(?:\d+(?:\.\d+)*\.?\s+|\(\d{1,2}\)\s*)?(?:(?:the|your|these|our|each|every|any)\s+)?(?:[\w-]+\s+){0,2}?(?:hours|block|time|credits?|retainer|plan|package|fee|subscription|days)\b[^:]{0,40}?\b(?:used|spent|applied|put|drawn(?: down)?)\s+(?:on|for|towards?)\b/i
// The items of a list run on inside its sentence: "a) the server; b) the workstations", "repairing laptops, setting up
// new users, the Wi-Fi and the printers"
const INLINE_ITEM = /\s*(?:;\s*(?:and|or)?|,\s*(?:and|or)?|\s(?:and|or)\s(?=\(?[a-z]\)\s))\s*/
const ITEM_LETTER = /^\W*(?:\(?[a-z]\)|[a-z]\.|[ivx]{1,4}\))\s+/i

// A bullet character that opens an item typed without list syntax
const BULLET = /[•▪◦‣●](?=\s)/
/** The items of a run-on list that name work or the things it is done on. */
function namedItems(list: string): number {
  return list
    .split(INLINE_ITEM)
    .map((x) => x.replace(ITEM_LETTER, ''))
    .filter((x) => /[a-z]{3,}/i.test(x) && !NOT_SERVICES.test(x) && (WORK.test(x) || TASK.test(x) || THING.test(x) || serviceCount(x) >= 1)).length
}

/**
 * A lead-in and its list run on in one sentence, the list after the colon ("(1) The Contractor maintains: a) the office
 * server …; b) the eight workstations …", "The prepaid hours can be spent on any of the following: repairing your
 * laptops, setting up new users, the Wi-Fi and the printers"): when the provider takes the work on, or the hours or fee
 * are what is spent on it, two or more items naming work or things worked on are the services; not a list put out of
 * the services, made conditional, or of the service's terms ("The Provider will provide these service levels: …").
 */
function inlineLeadList(text: string, reading: Reading, block: Block): boolean {
  // items typed with bullet characters inside the paragraph after a lead-in's colon ("here's what's in: • helpdesk by chat
  // and phone • patching and antivirus on all 12 PCs • looking after the NAS", on one line or one a line, as a chat or a
  // pasted note leaves them) are a list, judged as any list of work is, whatever its lead-in (see workList)
  const bullet = text.search(BULLET)
  if (bullet > 0 && bullet <= 240) {
    const lead = text.slice(0, bullet).trimEnd()
    const items = text.slice(bullet).split(BULLET).filter((x) => /[a-z]{3,}/i.test(x)).map((x) => x.trim())
    if (lead.endsWith(':') && items.length >= 2) return workList(lead, items.join(' ; '), block, reading)
  }
  const colon = LIST_COLON.exec(text)
  if (!colon || colon.index > 160) return false
  const head = text.slice(0, colon.index)
  if (NOT_SERVICES.test(head) || CONDITION.test(head) || ABOUT_A_SERVICE.test(head)) return false
  const bought = BOUGHT_FOR.test(head)
  // (whatever the provider's verb, when the lead-in names what follows as services or works: "the Contractor makes
  // following services:", "the Provider is realising the following works:")
  if (!bought && !SERVICES_ARE.test(head) && !(reading.firstParty(head) === 'provider' && reading.boundParty(head, 0) !== 'customer' && (WORK.test(head) || PROVIDE.test(head) || TASK.test(head) || NAMED_AS_WORK.test(head)))) return false
  return namedItems(text.slice(colon.index + colon[0].length)) >= 2
}

// The provider's work on things as the verb of its sentence: "looks after", "maintains", "supports", "monitors"
const TENDS = /\b(?:looks? after|takes? care of|maintains|supports|manages|monitors|administers|services|patches|keeps? (?:up to date|running|patched|updated))\s+/i
// The provider's work or its offer covering things: "Our work for you will cover", "The monthly plan covers", "Our support
// includes" (the subject is read before the verb, so "The warranty covers" or "Your insurance covers" are not it)
// (and what the work is made of: "The maintenance comprises remote support for the 41 workstations, maintenance of the two
// servers, management of the Microsoft 365 environment …")
const COVERS = /\b(?:will |shall |also )?(?:covers?|includes?|extends? to|comprises?|consists? of|is made up of)\s+/i
const OFFER_SUBJECT = /^\W*(?:the|our|this|your)\s+(?:[\w-]+\s+){0,2}?(?:work|services?|support|plan|package|fee|subscription|retainer|contract|agreement|engagement|care|maintenance|monitoring|management|administration)\b(?!\s+(?:windows?|periods?|slots?|fees?|charges?|hours?|times?|days?))/i
// a condition on one item of a series: "whenever a fault cannot be solved remotely", "if the fault is on site"
const ON_CONDITION = /\b(?:whenever|when|if|where|should)\b[^,;.]*/gi
// Where the objects of that verb end: how or when the work is done ("by phone", "from its centre", "during …")
const OBJECTS_END = /\s(?:by|via|from|through|over|during|when|if|while|within|under|in line with|as|so that|to keep|on site|remotely)\b|[.;:(]/i

/**
 * A sentence whose subject is the provider and whose verb tends two or more things named plainly ("Our service desk
 * looks after the firm's 9 PCs, the network and Microsoft 365 by phone and remote session") names what the services
 * cover; not the customer's duty, work put out or made conditional, nor the handling of a failure.
 */
function looksAfterThings(text: string, reading: Reading): boolean {
  const m = TENDS.exec(text) ?? COVERS.exec(text)
  if (!m || m.index > 80) return false
  const subject = text.slice(0, m.index)
  // the provider's work or offer as the subject of "covers" ("Our work for you will cover …", "The plan covers …")
  // (its subject read alone: in "Our work for you will cover" the "you" before the modal is not the one bound)
  const covers = !TENDS.test(m[0])
  if (covers ? !OFFER_SUBJECT.test(subject) || reading.firstParty(subject) === 'customer' : reading.firstParty(subject) !== 'provider' || reading.boundParty(text, 0) === 'customer') return false
  // (a fault named only in a condition on one of the things after the verb, "… and an on-site visit whenever a fault
  // cannot be solved remotely", does not make the sentence the handling of a failure)
  const verbEnd = m.index + m[0].length
  const read = `${text.slice(0, verbEnd)} ${text.slice(verbEnd).replace(ON_CONDITION, '')}`
  if (NOT_SERVICES.test(text) || CONDITION.test(text) || /\b(?:fail\w*|faults?|broken|outages?|incidents?|must|should)\b/i.test(read)) return false
  const rest = text.slice(m.index + m[0].length)
  // what is covered is named to the clause's end: "the eleven laptops used by your staff" is one thing, not a way of working
  const end = covers ? /[.;:(]/.exec(rest) : OBJECTS_END.exec(rest)
  const objects = (end ? rest.slice(0, end.index) : rest).split(/\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*/)
  return objects.length >= 2 && objects.filter((x) => THING.test(x)).length >= 2
}

// The work itself as the subject that opens its list: "(2) Maintenance covers:", "Support includes the following:"
const WORK_SUBJECT_LEAD =
  /^\W*(?:\(?\d{1,2}(?:\.\d+)*\)?\.?\s+)?(?:the\s+)?(?:(?:preventive|remote|on-?site|technical|it|managed)\s+)?(?:maintenance|support|monitoring|management|administration|the work)\s+(?:covers|includes|comprises|consists of|is made up of)(?:\s+the following)?\s*:\s*$/i
// The provider's own charge as the lead-in: "2.1 Provider is responsible for:", "The Supplier shall be responsible for the following:"
const RESPONSIBLE_LEAD = /\b(?:is|are|will be|shall be|remains?)\s+(?:solely\s+)?responsible\s+for(?:\s+the\s+following)?\s*:\s*$/i

/**
 * A lead-in that opens a list of the work the provider takes on, in words the general lead-ins do not know: the work
 * as the subject ("(2) Maintenance covers:") or the provider as the one responsible ("2.1 Provider is responsible
 * for:"); not a lead-in of the customer's charge ("Client IT remains responsible for:").
 */
function workLead(text: string, reading: Reading): boolean {
  if (WORK_SUBJECT_LEAD.test(text)) return true
  return RESPONSIBLE_LEAD.test(text) && reading.firstParty(text) === 'provider' && !NOT_SERVICES.test(text)
}

// What a lead-in introduces when its list is not the provider's work: the customer's part ("We need you to:", "We ask
// that you:"), a charge ("We bill for:"), or a term of the service rather than the service ("Our fees are:", "Response
// times are as follows:")
const ASKS = /\b(?:need|needs|require|requires|expect|expects|ask|asks|charge|charges|bill|bills|invoice|invoices|recommend\w*|suggest\w*)\b|n['’]t\b/i
// Reading: the fee or plan named as what holds the work ("What's incl. in the flat fee", "In the frame of the monthly fee
// the Provider is realising the following works:", "Within the fixed price we do:") introduces what is bought with it,
// not a term of the fee: the phrase is read past when a title or lead-in is asked whether it gives fees or times
const FEE_HOLDS =
  /\b(?:(?:incl(?:uded|uding|\.)?|covered|contained)\s+)?(?:in|within|for|under|in the frame of|as part of|covered by)\s+(?:the\s+|your\s+|our\s+|this\s+|each\s+)?(?:[\w-]+\s+){0,2}?(?:fee|price|plan|subscription|retainer|package)\b/gi
const TERMS_LEAD = /\b(?:fees?|prices?|pricing|rates?|costs?|charges?|hours?|times?|levels?|targets?|credits?|reports?|exclusions?|requirements?|obligations?|duties|conditions|steps|process|procedure|priorit\w*|severit\w*)\b/i

/**
 * Reading: a list of IT work is the scope whatever words introduce it, when it is not the customer's: a lead-in that
 * ends in a colon ("(1) The Provider shall perform for the Beneficiary, at its office in Cluj-Napoca:", "A: We will:")
 * followed by two or more items, most of them naming work or services ("service and administration of the 31
 * workstations;", "help for the users by telephone and e-mail;"), lists the services; not a list the lead-in puts out,
 * makes conditional, asks of the customer, charges for or gives terms of, not a list bound to the customer (by its
 * lead-in, or as the customer's own message), and not a list of things asked ("keep every PC on a supported version").
 */
function workList(lead: string, next: string, block: Block, reading: Reading): boolean {
  const t = lead.trim()
  if (!INTRODUCES.test(t) || NOT_SERVICES.test(t) || CONDITION.test(t) || ASKS.test(t) || TERMS_LEAD.test(t.replace(FEE_HOLDS, ' ')) || NOT_WORK_LEAD.test(t)) return false
  if (!CHOSEN_LEAD.test(t) && (((reading.boundParty(t, 0) === 'customer' || reading.firstParty(t) === 'customer') && !RECEIVES.test(t)) || reading.messageSender(block) === 'customer')) return false
  const items = next.split(' ; ').filter((x) => /[a-z]{3,}/i.test(x))
  // (an item is put out by a negation in its own first clause, not by a qualifier after it: "4 hours of visit on-site in
  // every month, not used hours are not transferred")
  if (items.length < 2 || items.some((x) => NOT_SERVICES.test(x.split(/[,;]/)[0]!) || IMPERATIVE.test(x) || reading.boundParty(x, 0) === 'customer')) return false
  const work = items.filter((x) => WORK.test(x) || TASK.test(x) || serviceCount(x) >= 1).length
  return work >= 2 && work * 2 >= items.length
}

// Reading: the customer choosing from the provider's offer ("The Client has selected the following services (ticked):",
// "You have ordered:", "The Customer opts for the following") introduces the services it takes, not a duty of its own
const CHOSEN_LEAD = /\b(?:has|have|had)\s+(?:(?:now|already)\s+)?(?:selected|chosen|ordered|purchased|subscribed to|opted for|signed up for|taken up)\b|\b(?:selects?|chooses?|orders?|opts? for|subscribes? to|signs? up for)\s+(?:the\s+)?following\b/i

// Reading: a lead-in in which the customer is the one who gets or receives what follows ("Here's what you get for €640 a
// month:", "You'll receive:", "Everything your team gets:") introduces what is provided to it, not what is asked of it
const RECEIVES =
  /\b(?:what|everything|all(?: that)?)\s+(?:you|your\s+[\w-]+|the\s+(?:client|customer))\s+(?:get|gets|receive|receives|will\s+(?:get|receive)|['’]ll\s+(?:get|receive)|are\s+getting|is\s+getting)\b|^\W*(?:(?:and|so|ok|sure)[,.!]?\s+)?(?:(?:each|every|per|this|in (?:the|your) first)\s+(?:month|week|quarter|year|visit)\s*,?\s+)?(?:you|your\s+[\w-]+)\s+(?:get|gets|receive|receives|will\s+(?:get|receive)|['’]ll\s+(?:get|receive)|are\s+getting)\b/i

/** The sentence is the lead-in of its block's list (its last sentence), and that list is a list of work (see workList). */
function listedWorkAfter(text: string, block: Block, reading: Reading): boolean {
  if (!INTRODUCES.test(text.trim())) return false
  const last = block.sentences[block.sentences.length - 1]
  if (last && last.text !== text) return false
  const after = reading.listContext(reading.blockIndex(block)).after
  return after !== '' && workList(text, after, block, reading)
}

// A lead-in's clause number, before its subject: "1.1 ", "(2) ", "b) "
const LEAD_NUMBER = /^\W*(?:\d+(?:\.\d+)*\.?\s+|\(?[a-z0-9]{1,3}\)\s+)/i
// "takes charge of" is taking work on, not a charge
const TAKES_CHARGE = /\b(?:takes?|taking|took|taken)\s+charge\s+of\b/gi
// The provider's work or offer as the subject of "cover": "The Technician Visits described above cover:", "Our support includes:"
const WORK_COVERS_LEAD =
  /^(?:(?:the|our|these|those|each|every|your|its)\s+)(?:[\w'’-]+\s+){0,3}?(?:visits?|call-?outs?|sessions?|work|services?|support|care)\b[^:;]{0,60}?\s(?:cover|covers|include|includes|comprise|comprises|extend to|extends to)\s*:\s*$/i
// Verbs of a lead-in by the provider that do not take work on: telling, charging, ending, handling data, a right or a
// possibility ("The Provider will notify the Client of:", "Provider may:", "Provider processes:")
const NOT_WORK_LEAD =
  /\b(?:notif(?:y|ies|ied|ying)|inform(?:s|ed|ing)?|tells?|warn(?:s|ed|ing)?|advis(?:e|es|ed|ing)|reports?|reporting|invoic\w*|bills?|billing|charg\w*|refund\w*|credit\w*|suspend\w*|terminat\w*|cancel\w*|subcontract\w*|process(?:es|ed|ing)?|collect(?:s|ed|ing)?|disclos\w*|shares?|sharing|transfer\w*|(?:the|a|its|any) right|rights|entitled|liable|may|might|can|could|reserves?)\b/i

/**
 * Reading: a lead-in ending in a colon whose subject is the provider ("The Supplier will, for each device in Schedule
 * 1:", "1.1 Provider will back up the following for the Client:", "The Provider takes charge of:"), or the provider's
 * work as the subject of "cover" ("The Technician Visits described above cover:"), opens a list of the work it takes
 * on: its items complete the provider's sentence, so an item opening with a verb ("provide a Service Desk …") is work
 * taken on and an item naming a thing ("the admin server") is what the work is done on. Not a lead-in that puts out,
 * makes conditional, asks, charges, reports, gives terms or rights ("The Provider will not:", "Provider may:").
 * (The lead-in's text alone: the party it binds is asked by providerLeadBinds.)
 */
function providerLead(lead: string): boolean {
  const t = lead.trim()
  if (!t.endsWith(':')) return false
  const body = t.replace(LEAD_NUMBER, '').replace(TAKES_CHARGE, 'handles')
  if (NOT_SERVICES.test(body) || CONDITION.test(body) || ASKS.test(body) || TERMS_LEAD.test(body) || NOT_WORK_LEAD.test(body)) return false
  return true
}

/** The lead-in's subject is the provider (named first, and not binding the customer), or the provider's work that covers. */
function providerLeadBinds(lead: string, reading: Reading): boolean {
  const body = lead.trim().replace(LEAD_NUMBER, '')
  if (reading.boundParty(body, 0) === 'customer' || reading.firstParty(body) === 'customer') return false
  if (WORK_COVERS_LEAD.test(body)) return true
  const subject = PROVIDER_SUBJECT.exec(body)?.[1]
  return subject !== undefined && !POSSESSIVE.test(subject) && reading.firstParty(subject) === 'provider'
}
// The provider opens the lead-in as its subject, with its verb next: "The Supplier will, …", "Provider will back up",
// "The Provider takes charge of", "We handle"
// (after an opening phrase of place or scope: "At each Site, Lattice supplies, installs and monitors the following:", "For
// each office, we look after:")
const PROVIDER_SUBJECT = /^(?:(?:[Aa]t|[Ff]or|[Ii]n|[Oo]n|[Aa]cross|[Ww]ithin|[Dd]uring)\s+[^,:;]{1,40},\s+)?(?:[Tt]he\s+)?([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2}|[Ww]e|I)\s+(?:(?:will|shall|agrees? to|undertakes? to|is to)\b|[a-z]+s\b)/
// a possessive opens a noun, not a subject: "Our notes from the first visit:"
const POSSESSIVE = /^(?:our|my|your|their|its|his|her)\b/i

/**
 * The items of a provider's lead-in: two or more, none put out or bound to the customer, most naming work, a service or
 * a thing the work is done on ("supply and deliver toner …", "the school office PCs and the admin server").
 */
function providerItems(next: string, reading: Reading): boolean {
  const items = next.split(' ; ').filter((x) => /[a-z]{3,}/i.test(x))
  if (items.length < 2 || items.some((x) => NOT_SERVICES.test(x) || reading.boundParty(x, 0) === 'customer')) return false
  const named = items.filter((x) => WORK.test(x) || TASK.test(x) || THING.test(x) || serviceCount(x) >= 1).length
  return named >= 2 && named * 2 >= items.length
}

/** The sentence is the last of its block and a provider's lead-in of the list after it (see providerLead). */
function providerListAfter(text: string, block: Block, reading: Reading): boolean {
  if (!providerLead(text)) return false
  const last = block.sentences[block.sentences.length - 1]
  if (last && last.text !== text) return false
  const after = reading.listContext(reading.blockIndex(block)).after
  return after !== '' && providerLeadBinds(text, reading) && providerItems(after, reading)
}
