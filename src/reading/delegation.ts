// Delegation: a value placed in another document ("as set out in the Order Form", a cover-page variable), and
// whether a named schedule is part of this document after all.
import {needs} from '../text.js'
import type {Block, Document, Section} from '../types.js'

/** "order form" → "[Oo]rder [Ff]orm": a word list matched with either case on each initial only. */
function initials(words: string): string {
  return words.replace(/\b([a-z])/g, (_, c: string) => `[${c.toUpperCase()}${c}]`)
}

// Reading: a title's words may be joined by "&", "and", "of" or "for" ("Service Levels & Support Schedule", "Terms and
// Conditions of Support", "Schedule of Rates and Charges"): the title is one name, read whole by every rule that asks
// where a clause is put; the joiner stands between two capitalised words, never at the title's end
export const TITLE_WORD = String.raw`[A-Z][\w&'’-]*\s+(?:(?:&|and|of|for)\s+(?=[A-Z]))?`
// A document named in plain words by its kind and by how it reached the reader or what it is issued for: "the order you
// signed separately", "the service schedule sent with your proposal", "the statement of work for each project". Named so,
// it is another document than this one, though its name is not capitalised.
const GIVEN_DOC = String.raw`(?:(?:service |support |signed |separate |written )?(?:order(?: form)?|schedule|proposal|quot(?:e|ation)|estimate|statement of work|price list|rate card|handbook|catalogue|catalog))\s+(?:(?:that\s+|which\s+)?(?:you|we|the parties|both parties|both of us)\s+(?:have\s+)?(?:signed|sent|accepted|agreed|issued|approved|gave)\b(?!\s+(?:them|it|they|those|these|in)\b)|(?:sent|issued|signed|given|provided|attached|supplied)\s+(?:with|to you|separately|alongside)\b|(?:attached|annexed|appended|stapled)\s+to\s+(?:the|your|our|each|every|an?)\s+(?:signed\s+)?(?:[Oo]rder(?:\s+[Ff]orm|\s+[Cc]onfirmation)?|[Qq]uot(?:e|ation)|[Pp]roposal|[Ee]stimate|[Ss]tatement of [Ww]ork|SOW|[Ww]ork [Oo]rder|[Ss]ervice [Oo]rder|[Pp]urchase [Oo]rder|[Ii]nvoice)\b|for (?:each|every|that|the|this) (?:project|job|site|engagement|piece of work)\b)`
// A paper named by title and said to be attached to or sent with another document ("the Backup Plan attached to quote
// Q-1187", "the Site Survey sent with our proposal") is a document of its own, whatever its title's last word.
const ATTACHED_PAPER = String.raw`(?:[A-Z][\w&'’-]*\s+){1,3}(?:Plan|Pack|Sheet|Document|Note|Notes|Survey|Summary|Overview|Checklist)(?=\s+(?:attached|sent|enclosed|annexed|appended|issued)\s+(?:to|with)\b)`
// Reading: a paper named in plain words by its kind (a policy, plan, pack, guide) and said to have been sent or given
// separately ("our backup policy (v3), which we sent you separately", "the onboarding pack we emailed you earlier") is a
// document of its own, whatever its name's case.
const SENT_PAPER = String.raw`(?:[a-z][\w-]*\s+){0,2}?(?:polic(?:y|ies)|plan|pack|guide|manual|runbook|procedures?|document|specification|checklist)(?:\s*\([^()]{1,20}\))?,?\s+(?:(?:that|which)\s+)?(?:we|you|I)\s+(?:have\s+|['’]ve\s+)?(?:sent|gave|emailed|e-mailed|issued|provided|supplied|handed)(?:\s+(?:to\s+)?you)?\s+(?:separately|earlier|already|before|previously|beforehand)\b`
/** The name of a SENT_PAPER, without how it was sent or its version: "backup policy (v3), which we sent you separately" → "backup policy". */
const SENT_CLAUSE = needs(/(?:\s*\([^()]{1,20}\))?,?\s+(?:(?:that|which)\s+)?(?:we|you|I)\s+(?:have\s+|['’]ve\s+)?(?:sent|gave|emailed|e-mailed|issued|provided|supplied|handed)\b.*$/)
// Reading: a paper named by a title in capitals and a word for a paper ("the Onboarding Pack", "the Site Readiness
// Checklist", "the Network Specification") is another document where the agreement says something is set out or
// described in it (not after a bare "in" or "under": "hours in the Hours Pack" may name a product).
// (and a titled schedule: "as described in the Data Protection Schedule", "set out in the Backup Schedule"; not a schedule
// numbered in words, "the First Schedule", which is a part of the agreement as "Schedule 1" is)
const TITLED_PAPER = String.raw`(?<=\b(?:set out|set forth|described|specified|listed|detailed|contained|stated|defined|documented|outlined|given)\s+in\s+(?:the\s+|our\s+|your\s+|its\s+|their\s+)?)(?!This\b|That\b)(?!(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Last)\s+Schedule\b)(?:${TITLE_WORD}){1,3}(?:Pack|Packet|Booklet|Brochure|Workbook|Documentation|Document|Checklist|Specification|Schedule)s?\b`
// Reading: a paper named by title and said to be attached, annexed or appended as a numbered part ("the Backup Schedule
// attached as Exhibit C", "the Site Rules annexed hereto as Annex 2") is that part, whatever its title's words: the part
// number is its target, so that a part this document holds is no other document
const ATTACHED_AS = String.raw`(?:[A-Z][\w&'’-]*\s+){1,4}(?:(?:attached|annexed|appended|enclosed)\s+(?:hereto\s+|to (?:this|the) [A-Z]?[a-z]+\s+)?as)\s+(?:[Ss]chedule|[Ee]xhibit|[Aa]nnex(?:e|ure)?|[Aa]ppendix|[Aa]ttachment)\s+[A-Z0-9]{1,3}\b`
// Another document, by name: "the Order Form", "Schedule B", "Provider's Support Policy", "the Service Desk Guide",
// "the Service Order" (an order by its kind: service, purchase, task, change, call-off), and any order titled in capitals
// ("the Maintenance Order", "the Managed Services Order"): a paper by which the customer orders.
// Case matters: "Schedule C" is a document, "schedule set by Provider" is not.
// (Continental agreements name their terms "General Conditions", "General Conditions of Sale": a document of terms.)
// (A public body's framework is often a deed: "the Framework Deed", "the Call-Off Deed" name a document like an agreement.)
// (an order titled in capitals is named with an article or a possessive, "the Maintenance Order", "your Support Order",
// "the applicable Maintenance Order";
// not an order of sequence or of condition, "in Priority Order", "in good Working Order", nor one cited by its date or
// purpose, "the Court Order of 3 May")
const TITLED_ORDER = String.raw`(?<=\b(?:the|your|our|its|their|each|any|this|that|an?)\s+(?:[a-z][\w-]*\s+){0,2})(?!(?:[A-Z][\w&'’-]*\s+){0,2}(?:Priority|Working|Running|Good|Chronological|Numerical|Alphabetical|Date|Reverse|Sequential|Ascending|Descending|Same|Different)\s+Order\b)(?:[A-Z][\w&'’-]*\s+){1,3}Order(?!\s+(?:of|to|for|in|that)\b)\b`
// A document named by its title and its part number in brackets: "the Tariff Sheet (Annex 2)", "the price list (Annex 3)"
// (read first, so the part number, which says whether this document holds it, is its target)
const NUMBERED_DOC = String.raw`(?:[A-Za-z][\w&'’-]*\s+){1,4}\((?:[Ss]chedule|[Ee]xhibit|[Aa]nnex(?:e|ure)?|[Aa]ppendix|[Aa]ttachment)(?:\s+|-)[A-Z0-9]{1,3}\)`
// Reading: a paper the agreement calls separate beside its name ("your Data Protection Plan, a separate document",
// "the Extras and Charges Table, which we send you separately", "Schedule 2 (provided separately)") is another document,
// whatever its title's last word and whatever part of this one bears its name.
const SEPARATELY = String.raw`(?:\s*\((?:(?:provided|supplied|issued|sent|delivered|given)\s+)?separately\)|\s*\((?:an?\s+)?separate\s+(?:document|paper|file)\)|\s*[,—–]?\s+(?:(?:which|that)\s+(?:is|are|was|were|will be|has been|have been)\s+(?!not\b))?(?:(?:an?\s+)?separate\s+(?:[a-z]+\s+)?(?:document|paper|file|schedule|annex|appendix|exhibit|attachment|pdf|sheet|booklet|pack)\b|(?:provided|supplied|issued|sent|delivered|given|handed over|e-?mailed|made available|published|signed|agreed)\s+(?:to\s+(?:you|us|the\s+[A-Za-z]+)\s+)?separately\b|(?:which|that)\s+(?:we|you|the\s+[A-Za-z]+)\s+(?:send|sent|give|gave|issue|issued|provide|provided|supply|supplied|hand|handed|e-?mail|e-?mailed)\s+(?:(?:to\s+)?(?:you|us|the\s+[A-Za-z]+)\s+)?separately\b))`
const SEPARATE_AFTER = new RegExp(`^${SEPARATELY}`)
const SEPARATE_TITLE = String.raw`[A-Z][\w'’-]*(?:\s+(?:(?:and|&|of|for)\s+)?[A-Z][\w'’-]*){0,5}(?=${SEPARATELY})`
// Reading: a paper named by its title with a document code in brackets ("the Council's Backup and Retention Standard
// (ICT-STD-11)", "the Data Protection Plan (document DPP-03)", "our Patch Procedure (ref. OPS-4)") is a document of its
// own, whatever its title's last word: a code of capitals and numbers is how a register of documents names one.
const DOC_CODE = String.raw`\((?:(?:document|ref\.?|reference|no\.?)\s+)?[A-Z]{2,8}(?:-[A-Z0-9]{1,8}){1,3}(?:,?\s+v(?:ersion\s+)?\d{1,3}(?:\.\d{1,3})?)?\)`
// Reading: so is a paper named by a title whose last word names a paper of rules or plans, with its version in brackets
// ("the Council's ICT Backup Standard (version 4.1)", "our Patch Procedure (issue 2)"): a version is how a register of
// documents names an issue of one; a product's version ("Acronis Cyber Protect (version 15)") names no paper
// Reading: the version may be written in capitals or short, after a comma as well as in brackets, and the title may follow
// its owner's name in the possessive ("the Vendor's Continuity Plan, Version 3", "the Provider's Recovery Plan,
// v2", "the Council's Patch Procedure (Issue 2)"): the paper is still a document of its own
const VERSION_WORD = String.raw`(?:[Vv]ersion|[Ii]ssue|[Rr]evision|[Rr]ev\.|v\.?)\s?\d{1,3}(?:\.\d{1,3}){0,2}`
const DOC_VERSION = String.raw`(?:\(${VERSION_WORD}\)|,\s*${VERSION_WORD}\b)`
const VERSIONED_TITLE = String.raw`(?:[A-Z][\w'’-]*\s+(?:(?:and|&|of|for)\s+)?){0,5}(?:Standard|Policy|Procedure|Plan|Guide|Manual|Handbook|Specification|Schedule|Description|Framework|Playbook|Runbook|Instructions|Rules|Requirements)s?\s*${DOC_VERSION}`
// (named where something is said to be set out in it or done by it, not after a bare "in": "kept in the Vault (SV-200)"
// names a device by its model)
const CODED_DOC = String.raw`(?<=\b(?:(?:set out|set forth|described|specified|listed|detailed|contained|stated|defined|documented|outlined|given|recorded)\s+in|in accordance with|in line with|according to|pursuant to|as per|per|under|follows?|following)\s+(?:the\s+|our\s+|your\s+|its\s+|their\s+|each\s+|any\s+)?)(?:[A-Z][\w'’-]*(?:\s+(?:(?:and|&|of|for)\s+)?[A-Z][\w'’-]*){0,5}\s*${DOC_CODE}|${VERSIONED_TITLE})`
const DOC_CODE_END = new RegExp(String.raw`\s*(?:${DOC_CODE}|${DOC_VERSION})\s*$`)
// Reading: a paper said in brackets to be attached or enclosed ("charged per our 2025 rate card (attached)", "as per our
// standard Backup Schedule (attached)", "the price list (enclosed)") is a document of its own, whatever its name's case or
// last word: whether this text holds it is asked of its name, as of any schedule's
const BRACKET_ATTACHED = String.raw`\s*\((?:see\s+)?(?:attached|enclosed)\)`
const ATTACHED_NAMED = String.raw`(?:[A-Z][\w'’-]*(?:\s+(?:(?:and|&|of|for)\s+)?[A-Z][\w'’-]*){0,5}|(?:[a-z][\w-]*\s+){0,2}?(?:rate card|price list|schedule|policy|plan|pack|guide|sheet|document|list|table|terms|proposal|quot(?:e|ation)|brochure|specification|checklist))(?=${BRACKET_ATTACHED})`
// Reading: a document said to be published at a web address ("the service description published at https://…", "our
// Support Policy, available at www.…", "the schedule (posted at https://…)") is another document than this one, whatever
// its name's case and whatever part of this one bears its name: a clause placed in it is delegated there.
// (the address ends before the punctuation that closes its sentence or clause)
const WEB_ADDRESS = String.raw`<?(?:https?:\/\/|www\.)[^\s<>()]*[^\s<>().,;:!?'"”’]>?`
const AT_ADDRESS = String.raw`\s*[,(]?\s*(?:as\s+)?(?:published|available|posted|hosted|found|located|kept|accessible|online)\s+(?:online\s+)?(?:at|on|via|from|under)\s+(?:the\s+(?:web\s*)?(?:address|page|link|url)\s+)?${WEB_ADDRESS}`
const AT_ADDRESS_AFTER = new RegExp(`^${AT_ADDRESS}`)
// a document named in plain words or by a title where its address follows ("the service description", "our support
// schedule", "the ITS Recharge Schedule")
const ADDRESSED_PAPER = String.raw`(?:[A-Za-z][\w&'’-]*\s+){0,3}?(?:${initials('schedule|description|policy|policies|terms|conditions|price list|rate card|guide|handbook|manual|catalog|catalogue|document|specification|matrix')}|SLA)(?=${AT_ADDRESS})`
// Reading: a paper named by its title (and its short name in brackets) and then as a numbered part of another agreement
// ("the Quality Assurance Surveillance Plan (QASP), Attachment C to the Prime Contract", "the Acceptance Plan, Annex 4 of
// the Head Contract") is that part of that agreement: a document of its own, not a part of this one ("…, Annex 2 to this
// Agreement" names a part of this document and is not read so)
const APPENDED_PART = String.raw`(?:[A-Z][\w&'’-]*\s+){0,5}[A-Z][\w&'’-]*(?:\s+\([A-Z]{2,8}\))?,\s+(?:[Ss]chedule|[Ee]xhibit|[Aa]nnex(?:e|ure)?|[Aa]ppendix|[Aa]ttachment)\s+[A-Z0-9]{1,3}\s+(?:to|of)\s+the\s+(?:[A-Z][\w&'’-]*\s+){0,3}(?:Agreement|Contract|Deed)\b`
// Reading: a paper named by its kind and a register's code after it ("runbook RB-04", "procedure OPS-12", "Policy SEC-3") is a
// document of its own, whatever the case of its kind: a code of capitals and a number is how a register names one (not a
// bare word and a number, "plan 2", nor a code alone, "RB-04"); the kind may carry its title before it ("the Brand
// Technology Standard BTS-07", "the Remote Access Policy SEC-3")
const KIND_CODED = String.raw`(?:[A-Z][\w&'’-]*\s+){0,4}(?:${initials('runbook|procedure|policy|plan|guide|manual|standard|specification|work instruction')})\s+(?:[Nn]o\.?\s*|#\s*)?(?=[A-Z0-9-]*\d)[A-Z]{1,8}(?:-[A-Z0-9]{1,8}){1,3}(?![\w-])`
// Reading: a rider named by its letter or number ("Rider B", "Rider 2") is a part attached to an agreement, as a schedule is
// Reading: a numbered part with a title before its kind ("Call-Off Schedule 8", "Joint Schedule 1", "Pricing Annex 3") is
// that numbered part, named by its whole title: a value put "in Call-Off Schedule 8" is put there, as one "in Schedule 8"
// (a title's words, not a word that opens a sentence or a link before the part: "See Schedule 2", "Under Annex 3")
const TITLED_PART = String.raw`(?:(?!(?:See|Per|Under|In|As|At|On|Of|To|For|With|By|From|And|Or|The|This|That|These|Those|Each|Any|Every|Our|Your|Its|Their|His|Her|Also|Refer|Pursuant|Its|Each)\b)[A-Z][\w&'’-]*\s+){1,2}(?:${initials('schedule|exhibit|annex|annexe|annexure|appendix|attachment|rider')})\s+[A-Z0-9]{1,3}(?![\w-])`
// Reading: an agreement named by its year ("the 2025 Agreement", "our 2024 Managed Services Contract") is an agreement of
// that year, another document than this one, as one named by its title is: a clause kept "as in clause 6 of the 2025
// Agreement" is set out there (a year alone, "in 2025", or a year before another noun, "the 2025 price list", names none)
const YEAR_NAMED = String.raw`(?:19|20)\d{2}\s+(?:[A-Z][\w&'’-]*\s+){0,3}(?:Agreement|Contract|Deed|MSA)\b`
// Reading: a plan named by the subject it plans ("the Data Management Plan", "the Business Continuity Plan", "the Asset
// Management Plan") is a document of its own, as a policy or a runbook is; a plan named otherwise ("the Silver Plan", "your
// Premium Support Plan") is a tier of service, not a document; its owner named in the possessive is part of its name ("the
// Vendor's Continuity Plan"), and a plan with a number after it ("the Backup Plan 2") is a numbered part, not named so
const SUBJECT_PLAN = String.raw`(?<!['’]s\s)(?:[A-Z][\w-]*['’]s\s+)?(?:Data\s+(?:Management|Protection|Backup|Recovery|Retention)|Backup(?:\s+(?:and|&)\s+Recovery)?|Disaster\s+Recovery|(?:Business\s+)?Continuity|Incident\s+(?:Response|Management)|Asset\s+Management|Exit|Transition|Security)\s+Plans?\b(?!\s*[A-Z0-9]{1,3}\b)`
const DOC_NAME = `(?:${APPENDED_PART}|${NUMBERED_DOC}|${CODED_DOC}|${ATTACHED_AS}|${KIND_CODED}|${TITLED_PART}|${initials('order form|cover page|key terms|statement of work')}|SOW|(?:${initials('schedule|exhibit|annex|annexe|annexure|appendix|attachment|rider')})(?:\\s+|-)[A-Z0-9]{1,3}\\b|(?:${TITLE_WORD}){0,4}(?:Policy|Guide|Guidelines|Runbook|Handbook|Manual|Playbook|Addendum|Service Description|Service Schedule|Rate Card|Price List|Fee Schedule|Pricing Schedule|Proposal|Quotation|Work Order|Ordering Document|Price Schedule|Rate Schedule|(?:Price|Rate|Fee|Tariff|Pricing) Sheet|Schedule of (?:Rates|Fees|Charges|Prices)|Matrix|Register|Catalogue|Catalog)\\b|(?:${TITLE_WORD}){1,4}(?:Terms|SLA)\\b|(?:${TITLE_WORD}){1,3}Conditions(?:\\s+(?:of|for)\\s+[A-Z][\\w'’-]*)?\\b|(?:${TITLE_WORD}){1,4}(?:Agreement|Contract|Deed)\\b|${SUBJECT_PLAN}|${YEAR_NAMED}|${ADDRESSED_PAPER}|${GIVEN_DOC}|${SENT_PAPER}|${TITLED_PAPER}|(?:Service|Purchase|Task|Change|Call-[Oo]ff|Client|Customer|Sales)\\s+Order\\b|${TITLED_ORDER}|(?:${TITLE_WORD})?(?:Order|Booking|Purchase|Subscription|Service)\\s+(?:Confirmation|Acknowledge?ment)s?\\b|Statement of [A-Z][\\w-]+(?:\\s+[A-Z][\\w-]+)?\\b|${ATTACHED_PAPER}|(?:${TITLE_WORD}){1,3}(?:Annex(?:e|ure)?|Appendix|Attachment|Exhibit(?!\\s+[A-Z0-9]{1,3}\\b))\\b|${initials('support policy|support terms|support schedule|service level agreement|service level schedule|service level terms')}|SLA\\b|${initials('documentation')}|${SEPARATE_TITLE}|${ATTACHED_NAMED})`
const LINK = initials(
  'see also|see|as set out in|allocated in|at|as set forth in|as specified in|as described in|as defined in|as stated in|as detailed in|as listed in|as agreed in|as provided in|provided in|as identified in|as outlined in|as indicated in|indicated in|as documented in|as shown in|set out in|set forth in|specified in|described in|detailed in|listed in|stated in|identified in|outlined in|contained in|documented in|shown in|defined in|given in|found in|recorded in|agreed in|in accordance with|in line with|pursuant to|per|under|according to|governed by|subject to|in',
)
// "as set out in the Order Form", "specified in Schedule B", "under the Support Policy", "per the Statement of Work"
// "those listed as excluded in the Statement of Requirements": a participle with what the thing is listed as
const LISTED_AS = String.raw`(?:listed|set out|shown|marked|identified|specified|described|named|designated|recorded)\s+as\s+[a-z-]+\s+(?:in|under)`
// Reading: a thing listed or stated for one of several in another document ("the clinic opening hours listed for that
// Practice in Exhibit A", "the contacts stated for each Site in the Order Form") is put in that document, as one "listed
// in" it is
const LISTED_FOR = String.raw`(?:listed|set out|shown|specified|stated|given|recorded)\s+for\s+(?:that|the|each|every|its|their|this|the\s+relevant)\s+(?:[A-Za-z][\w'’-]*\s+){1,2}?in`
// A numbered part of the other document before its name: "as set out in clause 9 of the Master Services Agreement", "those
// in Part 4 of the Master Agreement" (a schedule or exhibit is a document of its own, named by DOC_NAME)
// "§ 4" is "Section 4" ("§§ 4 and 5": sections)
// Reading: a page or side of the other document is a place in it as a numbered part is ("shown on page 1 of your signed
// Service Order", "printed on the back of the Order Form", "given on the cover page of the Quote")
const PAGE_OF = String.raw`(?:[Pp]age\s+\d{1,3}|(?:the\s+)?(?:first|front|last|back|second|cover|signature)\s+page|the\s+(?:front|back|reverse)(?:\s+side)?)\s+of\s+`
// Reading: a part of the other document named by its title ("the "Not Included" section of the Service Catalog", "the
// Exclusions chapter of the Support Guide") places the clause in that document as a numbered part does
const TITLED_PART_OF = String.raw`(?:the\s+)?(?:["“][^"”]{2,40}["”]\s+|(?:[A-Z][\w&'’-]*\s+){1,3})(?:section|part|chapter|page|heading|table)\s+of\s+`
// Reading: a part named by a letter alone ("Part C of the Order Form", "Section B of the Service Schedule") is a numbered
// part as "Part 3" is
// Reading: a part numbered with its annex's letter ("Section C.5", "clause B-3") is a numbered part, and the titled
// document it is a part of may itself be a part of another agreement ("Section C.5 of the Performance Work Statement (PWS)
// of the Prime Contract"): the clause is in that agreement
// Reading: several numbered parts named together ("clauses 7 and 5 of the Agreement", "Sections 4.1, 4.2 and 6 of the
// MSA", "paragraphs 3 to 5 of Schedule 2") are parts of that document, as one is
const MORE_PARTS = String.raw`(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|to)\s+|\s*[&–-]\s*)\d[\w.]{0,6}){0,4}`
const PART_OF = String.raw`(?:(?:(?:[Cc]lauses?|[Ss]ections?|[Pp]arts?|[Pp]aragraphs?|[Aa]rticles?)\s+|§§?\s?)(?:(?:[A-Z][.-])?\d[\w.]{0,6}|[A-Z](?![\w'’-]))${MORE_PARTS}(?:\s+\([^()]{1,40}\))?\s+of\s+(?:the\s+(?:[A-Z][\w&'’-]*\s+){1,4}(?:\([A-Z]{2,8}\)\s+)?of\s+)?|${PAGE_OF}|${TITLED_PART_OF})?`
// "the surcharges on the Tariff Sheet (Annex 2)": "on" places a value in a document named with its part number (not in
// any named thing: "recorded on the Site Register")
const ON_NUMBERED = String.raw`[Oo]n(?=\s+(?:the\s+|our\s+|your\s+)?${NUMBERED_DOC})`
// Reading: a value shown, given or listed on a form the customer signs (the order form, a cover page, a quote) is put
// there, as one "set out in" it: "the support hours shown on the order form you signed"; so is one set out on a price
// sheet the customer is given ("set out on the Credit Price Sheet for your bundle"), a paper of its own as a rate card is
const ON_FORM = String.raw`(?:[Aa]s\s+)?(?:shown|given|stated|printed|written|set out|listed|specified|entered)\s+on(?=\s+(?:${PAGE_OF})?(?:the\s+|your\s+|our\s+|each\s+)?(?:signed\s+|countersigned\s+|executed\s+|accepted\s+|separate\s+)?(?:[Oo]rder(?:\s+[Ff]orm)?|(?:[Bb]ooking|[Ss]ubscription)\s+(?:[Cc]onfirmation|[Aa]cknowledge?ment)|[Cc]over\s+[Pp]age|[Qq]uot(?:e|ation)|[Ww]ork\s+[Oo]rder|[Ss]ervice\s+[Oo]rder|[Ss]ign-?up\s+[Ff]orm|(?:[A-Z][\w-]*\s+){0,2}(?:[Pp]rice|[Rr]ate|[Ff]ee|[Tt]ariff|[Pp]ricing)\s+[Ss]heet)\b)`
// (a document a person holds is named with the person's pronoun: "set out in his Statement of Work", "her quotation")
// Reading: what is said to be covered by a document ("Uptime and its credits are covered by the Hosting SLA") is set in
// it, as what is governed by one is; not what is said not to be ("repairs not covered by the Care Plan"): that is the
// document's own cover
const COVERED_BY_DOC = String.raw`(?<!\b(?:not|never|no longer|nor)\s)covered\s+by`
// Reading: a thing that a sentence's predicate puts under a paper of terms named by its title ("Hardware faults are handled
// under our Hardware Warranty & Replacement Policy", "Diagnosis of failed equipment shall be handled under the Equipment
// Maintenance Rider", "Anything that packs up is handled under your separate Break-Fix Cover", "Offsite copies are governed
// by the Vault Care Plan") is put in that paper, whatever the words of its title, when the paper is no part of this
// agreement: the title is capitalised words (joined by "&", "and", "of" or "for", as TITLE_WORD reads them) ending in a
// word for a paper of terms (a policy, cover, rider, addendum, schedule, contract, plan, terms, add-on, programme, scheme),
// not a numbered part ("Schedule 3", which the numbered reading names)
export const PAPER_TITLE = String.raw`(?:${TITLE_WORD}){1,6}(?:[Pp]olicy|[Cc]over|[Rr]ider|[Aa]ddendum|[Ss]chedule|[Cc]ontract|[Aa]greement|[Pp]lan|[Tt]erms|[Aa]dd-?on|[Pp]rogram(?:me)?|[Ss]cheme)\b`
/** The predicate that puts a thing under a paper named by its title, up to the title (group 1): "is handled under our …". */
export const UNDER_PAPER = String.raw`(?:is|are|shall be|will be|must be|remains?)\s+(?:still\s+|also\s+)?(?:(?:handled|dealt\s+with|managed|looked\s+after)\s+(?:under|as\s+per|per|in\s+accordance\s+with|according\s+to|pursuant\s+to)|(?:covered|governed)\s+(?:by|under))\s+(?:the\s+terms\s+of\s+)?(?:the|your|our|its|their)\s+(?:(?:separate|own|current|applicable)\s+)?(${PAPER_TITLE})(?!\s*[A-Z0-9]{1,3}\b)`
const UNDER_PAPER_G = needs(new RegExp(String.raw`\b${UNDER_PAPER}`))
// Reading: a matter that follows a document ("Backup of the finance system will follow the Data Management Plan",
// "Responsibility for repairs follows the Donor's Asset Management Guidelines") is done as that document says: the document
// holds it, as one it is "in accordance with" does. Not a party's duty to comply with one, written as a second verb of its
// subject or an infinitive ("The School will report faults and will follow its Acceptable Use Policy", "You agree to follow
// the Clinic IT Policy"), nor one whose subject is a person ("we follow", "you follow"): the clause finder sends the clause
// there only when the subject names it (see sentMatter and FOLLOWED_AT)
const FOLLOW_LINK = String.raw`(?<!\b(?:${initials('to|and|or|we|you|they|he|she|who|which|that')}|I)\s+(?:(?:will|shall|must|also)\s+)?)(?:(?:will|shall|must)\s+)?follows?`
/** A link that makes the document what its subject follows (see FOLLOW_LINK), where the link starts. */
const FOLLOWED_AT = /^(?:(?:will|shall|must)\s+)?follows?\b/i
const DELEGATION = new RegExp(
  `\\b(?:${LINK}|${FOLLOW_LINK}|${COVERED_BY_DOC}|${LISTED_AS}|${LISTED_FOR}|${ON_NUMBERED}|${ON_FORM})\\s+${PART_OF}(?:(?:the|an?|each|any|its|our|your|their|his|her|applicable|relevant|then-current|current|separate|earlier|previous|prior|existing|original|standard|usual|own|latest|published|signed|countersigned|executed|accepted|(?:19|20)\\d\\d)\\s+|[A-Z][\\w-]*(?:'s|’s)\\s+){0,4}(${DOC_NAME})`,
)
// A document named in plain words that a party owns, or that binds the customer to an outside party: "the Hotel's
// subscription terms with the PMS vendor", "each vendor's agreement with the Hospital", "the carrier's service terms".
// (A possessive makes it a document of its own; "this agreement's terms" is this document.) So is a vendor's own
// published SLA: "availability of the vendor's cloud service is governed by the vendor's own published SLA". So is a
// party's offer that preceded the agreement: "as described in the Supplier's quotation Q-118", "the Contractor's tender".
const OWNED_DOC = /\b(?:in|under|per|by|according to|governed by|subject to)\s+(?:the\s+|each\s+|every\s+|its\s+|their\s+|your\s+|our\s+|that\s+)?((?!(?:this|the|our|your)\b)(?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*(?:'s|’s|s'|s’)\s+(?:own\s+)?(?:(?!(?:this|agreement)\b)[a-z][\w-]*\s+){0,2}(?:agreements?|terms|contracts?|licen[cs]e agreements?|subscriptions?|guides?|handbooks?|policies|policy|documentation|SLAs?|service level agreements?|quotations?|quotes?|proposals?|tenders?|tender responses?|bids?))\b(?!\s+(?:and|or)\s+conditions of this)/

// The other document as the subject: "The quotation we sent you sets out your support hours", "your Order Form lists …"
// (every match holds one of the verbs as written: a text with none of them is not searched, see subject)
const SUBJECT_VERBS = ['set out', 'sets out', 'specifies', 'lists', 'states', 'gives', 'shows', 'describes', 'defines', 'records', 'contains', 'fixes']
const DOC_SUBJECT = new RegExp(
  `\\b(?:[Tt]he|[Yy]our|[Oo]ur|[Ee]ach|[Aa]ny)\\s+((?:${DOC_NAME})|[Qq]uot(?:ation|e)|[Pp]roposal|[Ee]stimate|[Oo]rder|[Ww]ork [Oo]rder)(${AT_ADDRESS}\\s*[,)]?)?\\s+(?:(?:that\\s+)?(?:we|you|the \\w+)\\s+(?:sent|gave|agreed|signed|issued|accepted)(?:\\s+(?:you|us|to you))?\\s+)?(?:${SUBJECT_VERBS.join('|')})\\b`,
)
// Reading: a document the provider says it follows, uses or works to for something ("We follow our Helpdesk Handbook (v3.1)
// for how tickets are ranked", "we use the Escalation Guide to decide priorities") is where that thing lives.
const FOLLOWED_DOC = new RegExp(
  `\\b(?:follows?|following|uses?|using|applies|apply|works? to|go(?:es)? by|sticks? to)\\s+(?:the\\s+|our\\s+|its\\s+|their\\s+)(?:(?:current|standard|latest|own|published)\\s+)?(${DOC_NAME})(?:\\s*\\([^()]{1,30}\\))?\\s+(?:for|to (?:decide|set|rank|rate|classify|judge|work out)|when (?:deciding|setting|ranking|rating|classifying))\\b`,
)
// "on the timetable given there", "as stated therein": a back-reference to the document last named
// (and a part attached to it, "as set out in the annex thereto": a part of that document, not of this one; "the times
// applicable thereto" points at a thing, not a document)
// Reading: a back-reference ("there", "therein", "in it") takes every verb that places a thing in a document named
// outright ("Priority levels are defined there too", "the rates documented there", "the hours laid down in it")
const BACK_PLACED = String.raw`(?:given|set out|set forth|stated|listed|shown|specified|described|detailed|defined|documented|contained|recorded|agreed|itemi[sz]ed|laid down)`
const THERE = new RegExp(String.raw`\b${BACK_PLACED} there(?:in)?\b|\btherein\b|\b(?:set out|set forth|stated|listed|shown|specified|described|detailed|contained|given) in (?:the|an|any|each) (?:schedules?|annex(?:es|ures?)?|appendix|appendices|exhibits?|attachments?) (?:attached |annexed |appended )?thereto\b`, 'i')
// (every match holds "there", in any case: a text without it is not searched, see there)
const THERE_WORD = needs(/there/i)
// Reading: a pronoun after a verb that places a thing in a document ("we accept Proposal RMIT-118 for the services and
// pricing set out in it") points at the document named before it in the same sentence, as "therein" does
const IN_IT = new RegExp(String.raw`\b${BACK_PLACED} in it\b`, 'i')
const DOC_NAME_G = new RegExp(`\\b(${DOC_NAME})`, 'g')
const HOLDER_G = new RegExp(DOC_NAME_G.source, 'g')

// Reading: a clause sent to a page or document the provider publishes ("see our Backup Add-on page", "as listed on our
// Service Catalogue web page", "per the rate card on our website", "see www.example.com/rates") is delegated there, as
// one sent to an order form is. The link must place the terms there ("see", "per", "as listed on"): a page where
// something is only shown ("Backup reports are shown on our portal page") holds no term of the agreement.
const PUBLISHER = String.raw`(?:our|its|their|the\s+(?:[A-Z][\w&-]*\s+){0,2}[A-Z][\w&-]*['’]s|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2}['’]s)`
const PAGE_LINK = String.raw`(?:[Ss]ee(?:\s+also)?|[Pp]er|[Aa]ccording\s+to|[Ii]n\s+accordance\s+with|[Aa]s\s+(?:set\s+out|listed|shown|described|specified|detailed|published|given|stated|posted)\s+(?:on|at|in)|(?:are|is)\s+(?:set\s+out|listed|described|specified|detailed|given|published)\s+(?:on|at|in))`
// a page by name ("the Backup Add-on page", "our pricing page", "our Service Catalogue web page") or the site itself
const PAGE = String.raw`(?:(?:[\w&'’+-]+\s+){1,4}?(?:web\s*)?page|web\s*site|website|web\s+pages?|online\s+(?:catalog(?:ue)?|price\s+list|store|shop))\b`
// a document of terms published on the provider's site ("the rate card on our website", "our rates published at our portal")
const PUBLISHED_DOC = String.raw`(?:(?:current|published|standard|then-current|latest|online)\s+)?(?:rate\s+card|price\s+list|pricing|prices|rates|fee\s+schedule|schedule\s+of\s+(?:rates|fees|charges)|tariff|(?:service\s+)?catalog(?:ue)?|terms(?:\s+and\s+conditions)?|polic(?:y|ies))\s+(?:(?:as\s+)?(?:published|posted|shown|available|listed)\s+)?(?:on|at)\s+${PUBLISHER}\s+(?:web\s*site|website|web\s+pages?|site|portal)\b`
const URL = String.raw`<?(?:https?:\/\/|www\.)[^\s<>()]+`
// Reading: things said to be on a named page ("Availability targets for each system are on the Availability targets page")
// are put on that page, a document of its own, as things "listed on" it are; things shown, logged or published on a page
// are not put there by this reading (a bare copula and "on" is how a reader is sent to a page, not how a page displays)
const ON_PAGE = String.raw`\b(?:are|is)\s+(?:all\s+|each\s+|also\s+)?on\s+the\s+(?!(?:front|back|first|last|next|previous|cover|home|same|following|title)\s)((?:[\w&'’+-]+\s+){1,4}?(?:web\s*)?page)\b`
const PUBLISHED = new RegExp(
  String.raw`${ON_PAGE}|\b(?:${PAGE_LINK}\s+(?:the\s+)?${PUBLISHER}\s+(${PAGE})|(?:${PAGE_LINK}|[Aa]t|[Uu]nder|[Ii]n)\s+(?:the\s+|our\s+|its\s+)(${PUBLISHED_DOC})|(?:[Ss]ee(?:\s+also)?|[Aa]s\s+(?:set\s+out|listed|shown|described|published|given|posted)\s+(?:on|at)|(?:are|is)\s+(?:set\s+out|listed|described|given|published)\s+(?:on|at)|[Pp]er)\s+(${URL}))`,
)
// "unless expressly covered in the SOW", "except as agreed in a Work Order": an exception, not the clause put elsewhere
// (and the same in the British form: "save as expressly provided in Schedule 1", "save where agreed in a Work Order")
const EXCEPTION = needs(/\b(?:unless|except|save\s+(?:as|where|when|if|to the extent|insofar as|in so far as))\b[^,;]*$/i)
// A document named inside a condition or a proviso limits the statement, it does not put the clause there: "To the
// extent Gamma provides hosting … under an SOW, Gamma shall …" (a sentence that opens with its condition, before its
// main clause starts), "loss of data (subject to any backup obligations expressly assumed in a SOW)" (a proviso in brackets)
const INTRO_CONDITION = /^\W*(?:\(?[\w.]{1,6}\)?\s+)?(?:to the extent|insofar as|in so far as)\b(?![^;]*,\s+(?:the\s+)?[\w’'-]+\s+(?:shall|will|must|may|are|is)\b)[^;]*$/i
const PROVISO = needs(/\(\s*(?:subject to|except|unless|other than|save)\b[^()]*$/i)

// Reading: a document named after "under" in a relative clause with a verb of its own says under which terms the things
// the clause names are had, not where the clause is set out: "failures of equipment or services that Provider does not
// manage under the Agreement", "devices which we support under a separate contract", "users whom the Client licenses
// pursuant to its Microsoft agreement" (not a relative clause that only places a thing: "the services that are listed
// under Schedule B")
const RELATIVE_UNDER = /\b(?:that|which|who|whom)\s+(?!(?:is|are|was|were|be|been|being|will be|shall be|has been|have been|had been)\b)(?:[\w'’-]+\s+){1,6}$/i
const UNDER_AT = /^(?:under|pursuant to)\b/i

/** Is a document named at `at` of `text` inside an exception, a condition, a proviso or a relative clause it qualifies? */
function limits(text: string, at: number): boolean {
  return EXCEPTION.test(text.slice(Math.max(0, at - 120), at)) || PROVISO.test(text.slice(Math.max(0, at - 160), at)) || INTRO_CONDITION.test(text.slice(0, at)) || (UNDER_AT.test(text.slice(at, at + 12)) && RELATIVE_UNDER.test(text.slice(Math.max(0, at - 80), at)))
}
// Reading: a party identified by its entry in a public register ("registered at the Trade Register under no.
// J12/3456/2015", "entered in the Commercial Register of Vienna") is named, not given terms: the register holds no term
// of the agreement, so it is no document a clause is put in.
const REGISTERED_IN = needs(/\b(?:registered|entered|enrolled|inscribed|incorporated)\s+$/i)
function registeredIn(text: string, at: number): boolean {
  return REGISTERED_IN.test(text.slice(Math.max(0, at - 40), at))
}
const DOC_CELL = new RegExp(`^(?:[Tt]he\\s+)?(${DOC_NAME})`)

// "Section 4 of the Agreement", "clause 9 of the Agreement"; a value "defined in the Agreement", "the priority
// definitions in the Agreement", "those in the Agreement"
const AGREEMENT_PART = new RegExp(String.raw`(?:\b(?:[Ss]ections?|[Cc]lauses?|[Pp]aragraphs?|[Aa]rticles?|[Ss]chedules?|[Ee]xhibits?)\s+|§§?\s?)\d[\w.]*${MORE_PARTS}\s+of\s+the\s+Agreement\b|\b(?:defined|set out|set forth|described|specified|stated)\s+(?:in|under)\s+the\s+Agreement\b|\b(?:definitions?|those|the ones?)\s+in\s+the\s+Agreement\b`)
// a document that is itself an amendment, schedule, SOW or order, and calls another document "the Agreement"
const SELF_PART = /^[#\s]*(?:amendment|schedule|annex(?:e|ure)?|exhibit|appendix|addendum|statement of work|sow|order form|work order)\b|\bthis\s+["“]?(?:amendment|schedule|addendum|statement of work|order form|work order)\b/i
const NAMES_AGREEMENT = /\([^()]{0,120}\bthe\s+["“]Agreement["”]\)|\(\s*["“]the\s+Agreement["”]\s*\)/

// An agreement identified by its date, given the name "the Agreement": "Your Managed Services Agreement with us dated
// 1 June 2024 (the "Agreement")", "the Master Services Agreement between Acme and Beta of 3 May 2025 (the "Agreement")".
// A document names itself "this Agreement"; one it names by a date is another, earlier document (a renewal letter, an
// order or a statement of work points into it).
const DATED_AGREEMENT =
  /\b(?:[Tt]he|[Yy]our|[Oo]ur|[Tt]hat|[Aa]n?)\s+(?:[A-Z][\w&'’-]*\s+){0,5}?(?:Agreement|Contract|MSA)\b[^()\n.;]{0,120}?\b(?:dated|made on|entered into on|signed on|executed on|of)\s+(?:the\s+)?(?:\d|[A-Z][a-z]{2,8}\.?\s+\d)[^()\n;]{0,40}?\(\s*(?:the\s+)?["“](?:the\s+)?Agreement["”]\s*\)/

// The name a document gives its parent agreement: "issued under the Master Services Agreement between … dated 4 April
// 2025 (the "MSA")", "Your IT Support Agreement with us dated … (the "Agreement")", a header line "**Under:** Master
// Services Agreement dated … (the "MSA")"; a definition wrapped over a line break inside its paragraph is read as one
// Reading: a header line whose label says what the agreement named after it is to this document ("**Main agreement:**
// Managed Services Agreement between … dated 1 July 2023 (the "MSA")", "Parent contract: IT Support Contract dated …")
// names the parent as a sentence does: the label is read past, the name and its date after it as on a line of their own
const PARENT_DEF =
  /(?:\b(?:[Tt]he|[Yy]our|[Oo]ur|[Tt]hat|[Aa]n?)\s+|(?:^|\n)[*_\s]*(?:[A-Z][\w'’-]*(?: [a-z][\w'’-]*){0,2}:[*_]*\s+)?|\b(?:[Uu]nder|[Pp]ursuant to|[Ii]ssued under)\b[:*_\s]+)(?:[A-Z][\w&'’-]*\s+){0,5}?(?:Agreement|Contract|MSA)\b((?:[^()\n;]|\n(?![ \t]*\n)|\([^()\n]{0,40}\)){0,200}?)\(\s*(?:the\s+)?["“](?:the\s+)?((?:[A-Z][\w&'’-]*\s+){0,3}(?:Agreement|Contract|MSA|Terms))["”]\s*\)/g
const DATED = /\b(?:dated|made on|entered into on|signed on|executed on|of)\s+(?:the\s+)?(?:\d|[A-Z][a-z]{2,8}\.?\s+\d)/

// Reading: a short name given in quotes is the same name whether or not it is set in bold or italics inside them ('(the
// "**MSA**")', '(the "_Agreement_")'): the source's emphasis marks next to a quotation mark are read away
const QUOTED_EMPHASIS = /(["“])[*_]{1,2}(?=[A-Za-z])|(?<=[\w.])[*_]{1,2}(["”])/g

/** The text with the emphasis marks inside quotation marks read away ('"**MSA**"' as '"MSA"'). */
function quotedPlain(text: string): string {
  return text.includes('*') || text.includes('_') ? text.replace(QUOTED_EMPHASIS, '$1$2') : text
}

/**
 * The name this document gives another agreement it is issued under or points into ("MSA", "Agreement", "Master
 * Agreement"), when it gives one: an agreement named by its date, or, in a statement of work, order, schedule or
 * amendment, the agreement it names; undefined for an agreement that names only itself.
 */
export function parentName(doc: Document): string | undefined {
  const head = quotedPlain(doc.source.slice(0, 3000))
  const part = SELF_PART.test(head)
  for (const m of head.matchAll(PARENT_DEF)) {
    const name = m[2]!.trim()
    if (DATED.test(m[1]!) || part) return name
  }
  return undefined
}

/** The parent agreement named as the home of a value: "as in the MSA", "at the rates in the MSA", "as per MSA clause 8". */
function parentPointer(name: string): RegExp {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
  // a part of it by number or by title too: "those in Section 9 of the MSA", "under Section 10 (Equipment) of the MSA", "The
  // Exclusions clause of the Agreement continues to apply"
  const part = String.raw`(?:(?:(?:[Ss]ection|[Cc]lause|[Pp]aragraph|[Aa]rticle|[Ss]chedule|[Ee]xhibit|[Aa]nnex(?:e|ure)?|[Aa]ppendix|[Pp]art)\s+|§§?\s?)[\w.]{1,6}(?:\s+\([^()]{1,40}\))?|(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+){1,3}(?:clause|section|schedule|provisions?))\s+of\s+`
  return new RegExp(String.raw`\b(?:(?:as\s+in|as\s+per|per|in|under|in\s+accordance\s+with|according\s+to|(?:as\s+)?(?:set\s+out|set\s+forth|described|defined|specified|stated|listed|given)\s+in)\s+(?:${part})?|${part})(?:the\s+)?${n}\b(?!\s+(?:is|are|was|were|will|shall|may|and\s+this)\b)`)
}

const PARENT_POINTERS = new Map<string, RegExp>()

/** Is "the Agreement" another document than this one (an amendment, schedule or SOW that defines it, or an agreement named by its date)? */
export function agreementIsOther(doc: Document): boolean {
  const head = quotedPlain(doc.source.slice(0, 3000))
  return (SELF_PART.test(head) && NAMES_AGREEMENT.test(head)) || DATED_AGREEMENT.test(head)
}

// A label whose whole value is a reference to another document: "Exclusions and out-of-scope work: Section 9 of the
// Master Terms (Excluded Services) and its rate card.", "Response and fix targets: the Service Level Schedule attached to
// the Master Terms." (a numbered part of it, its title in brackets, the document it belongs to and a companion of it,
// such as "its rate card", may follow the name; nothing that states a value may)
const OWNER = String.raw`(?:the\s+|its\s+|our\s+|your\s+)?`
export const HANDED_OVER_SOURCE =
  String.raw`^\W*([^:–—]{3,160}?)\s*(?:[:–—]|\s-)\s+(?:see\s+)?${OWNER}(${PART_OF}${OWNER}(?:${DOC_NAME})(?:\s*\([^()]{1,60}\))?(?:,?\s+(?:of|to|attached to|annexed to|appended to|under)\s+${OWNER}(?:${DOC_NAME})(?:\s*\([^()]{1,60}\))?)?)(?:,?\s+(?:and|with)\s+(?:its|the|their)\s+(?:[a-z-]+\s+){0,2}(?:rate card|price list|schedules?|annex(?:es)?|appendi(?:x|ces)|exhibits?|attachments?|definitions))?[\s.;*_]*$`
/** HANDED_OVER, made when a text first may match it (see mayHandOver): most agreements hold no such line, and the pattern is large. */
let handedOverPattern: RegExp | undefined
// What every match of HANDED_OVER holds, looked for first: its separator (a colon or dash the label cannot hold, or a
// hyphen after a space) with the space after it, and then the first character of the reference ("see", an article,
// a numbered or titled part, "§", a quoted title, or a document's name, which opens with a letter or a year's "19" or "20"):
// "Response: 4 hours", "08:00" and "https://" hold none, so the pattern is neither compiled nor run on them.
const HANDED_OVER_MAY = /(?:[:–—]|\s-)\s+[A-Za-z12§"“]/

/** Whether a text may be a "Label: reference" line (see HANDED_OVER_MAY): false only where HANDED_OVER cannot match. */
export function mayHandOver(text: string): boolean {
  return HANDED_OVER_MAY.test(text)
}

/**
 * A "Label: reference" line whose value is only a reference to another document (see HANDED_OVER_SOURCE): its label, and the
 * document named last in the reference ("Section 9 of the Master Terms": the Master Terms), where the clauses the
 * label names are put.
 */
export function handedOver(text: string): {label: string; hit: DelegationHit} | undefined {
  if (!mayHandOver(text)) return undefined
  const m = (handedOverPattern ??= new RegExp(HANDED_OVER_SOURCE)).exec(text)
  if (!m) return undefined
  const ref = m[2]!
  const start = m.index + m[0].lastIndexOf(ref)
  let target = ''
  for (const d of ref.matchAll(DOC_NAME_G)) target = d[1]!
  return {label: m[1]!.trim(), hit: {target: target.replace(/\s+/g, ' ').trim(), start, end: start + ref.length}}
}

/**
 * Does the text after a document's name go on to describe that document ("(Service Levels), which the parties will
 * agree within 30 days", ", to be issued each year")? A time there times the document, not the clause put in it.
 */
export function describesDocument(rest: string): boolean {
  return ABOUT_THE_DOCUMENT.test(rest)
}
const ABOUT_THE_DOCUMENT = /^\s*(?:\([^()]{0,80}\)\s*)?,?\s*(?:which|that|to be|once|when)\b/i

/** How a target reads in a message: "Schedule C", "the Order Form". */
export function targetName(target: string): string {
  return /^(?:schedule|exhibit|annex|annexe|annexure|appendix|attachment)\s/i.test(target) ? target : `the ${target}`
}

export interface DelegationHit {
  readonly target: string
  readonly start: number
  readonly end: number
  /** The agreement calls the document separate beside its name ("Schedule 2 (provided separately)"): no part of this one holds it. */
  readonly separate?: boolean
  /** The hit is a page that things are said to be on ("are on the Availability targets page"): see ON_PAGE. */
  readonly page?: boolean
  /** The link is the sentence's subject following the document ("Backups follow the Data Management Plan"): see FOLLOW_LINK. */
  readonly follows?: boolean
}

/**
 * A value placed in another document: an explicit reference ("as set out in the Order Form"), or a
 * cover-page/order-form variable in the text whose name matches `topic` ("Target Response Time").
 * `offset` is where `text` starts in the block.
 */
export function delegation(
  text: string,
  options: {block?: Block | undefined; offset?: number | undefined; inDocument?: (target: string) => boolean; topic?: RegExp | undefined; blocks?: readonly Block[]; indexOf?: (block: Block) => number; agreementIsOther?: boolean; parent?: string | undefined; matches?: DelegationMatches; aliases?: DocumentAliases | undefined} = {},
): DelegationHit | undefined {
  const {block, inDocument, topic, blocks} = options
  const offset = options.offset ?? 0
  const matches = options.matches ?? new DelegationMatches(text)
  // in an amendment or a schedule that names "the Agreement", a part of the Agreement is another document
  const part = options.agreementIsOther ? matches.part : undefined
  if (part) return part
  // the name this document gives the agreement it is issued under: "as in the MSA", "at the rates in the MSA"
  if (options.parent && text.includes(options.parent)) {
    const m = (PARENT_POINTERS.get(options.parent) ?? PARENT_POINTERS.set(options.parent, parentPointer(options.parent)).get(options.parent)!).exec(text)
    if (m && !limits(text, m.index)) return {target: options.parent, start: m.index, end: m.index + m[0].length}
  }
  for (const link of matches.links) if ((link.separate || !inDocument?.(options.aliases?.names.get(link.target) ?? link.target)) && !/^this\b/i.test(link.target)) return link
  const aliased = options.aliases ? aliasHit(text, options.aliases) : undefined
  if (aliased && !inDocument?.(aliased.target)) return aliased
  const holder = matches.holder
  if (holder && !inDocument?.(holder.target)) return holder
  const order = matches.order
  if (order) return order
  const owned = matches.owned
  if (owned && !inDocument?.(owned.target)) return owned
  const published = matches.published
  // (a page named as a section of this document, "the Opening hours page" beside "## Opening hours", is this document)
  if (published && !(published.page && blocks?.some((b) => b.section.title.trim().toLowerCase() === published.target.replace(/\s+page$/i, '').toLowerCase()))) return published
  const followed = matches.followed
  if (followed && !inDocument?.(followed.target)) return followed
  // (a part of this agreement so titled holds it here: "## 7. Hardware Care Plan")
  const under = matches.underPaper
  if (under && !inDocument?.(under.target) && !blocks?.some((b) => sectionTitled(b.section.title, under.target))) return under
  const subject = matches.subject
  if (subject && (subject.separate || !inDocument?.(subject.target))) return {target: subject.target[0]!.toUpperCase() + subject.target.slice(1), start: subject.start, end: subject.end}
  const there = blocks && block ? matches.there : undefined
  if (there && blocks && block) {
    const target = lastNamedBefore(blocks, options.indexOf ? options.indexOf(block) : blocks.indexOf(block), block, options.aliases)
    if (target && !inDocument?.(target)) return {target, start: there.start, end: there.end}
  }
  const inIt = matches.inIt
  if (inIt && !inDocument?.(inIt.target)) return inIt
  // A key-terms table: "Support Hours | Order Form, section 3"
  if (block?.cells && block.cells.length >= 2) {
    for (const cell of block.cells.slice(1)) {
      const c = DOC_CELL.exec(cell.trim())
      if (c && !inDocument?.(c[1]!)) return {target: c[1]!.trim(), start: 0, end: text.length}
    }
  }
  if (block && topic) {
    for (const v of block.variables) {
      if (v.start < offset || v.end > offset + text.length) continue
      if (!topic.test(block.text.slice(v.start, v.end))) continue
      if (/orderform|coverpage|sow|keyterms|order_form|cover_page/i.test(v.kind)) {
        const target = /sow/i.test(v.kind) ? 'Statement of Work' : /cover/i.test(v.kind) ? 'Cover Page' : 'Order Form'
        return {target, start: v.start - offset, end: v.end - offset}
      }
    }
  }
  return undefined
}

// (a sentence names few documents; past this many links the rest are not read)
const MAX_LINKS = 8
const DELEGATION_G = new RegExp(DELEGATION.source, 'g')
// a document named after another with "or", "and" or a comma ("the Order Form or the Service Schedule")
const COORDINATED = new RegExp(
  `^(?:\\s*,\\s*(?:(?:and|or|and\\/or)\\s+)?|\\s+(?:and|or|and\\/or)\\s+)(?:(?:the|an?|each|any|its|our|your|their|applicable|relevant|separate|signed)\\s+){0,2}(${DOC_NAME})`,
)
/** A link's hit: the document named at `name`, the link running from `start` to `end`. */
function linkHit(text: string, name: string, start: number, end: number): DelegationHit {
  const after = text.slice(end)
  return {target: partNumber(name.replace(SENT_CLAUSE, '')), start, end, ...(SEPARATE_AFTER.test(after) || AT_ADDRESS_AFTER.test(after) ? {separate: true} : {}), ...(FOLLOWED_AT.test(text.slice(start)) ? {follows: true} : {})}
}

/** Is a section's title (without its clause number) the given title? */
function sectionTitled(title: string, target: string): boolean {
  return title.toLowerCase().replace(/^(?:[a-z\d]{1,2}[.)]|\d+(?:\.\d+)*\.?)\s+/, '').trim() === target.toLowerCase()
}

/** A document's name as a target: its part number when given in brackets ("the Tariff Sheet (Annex 2)": "Annex 2"). */
function partNumber(name: string): string {
  // (a part numbered with a hyphen is that part: "Annexure-3" is "Annexure 3")
  if (name.includes('-')) name = name.replace(HYPHEN_PART, '$1 ')
  // (a document code is no part number: the title names the document)
  if (DOC_CODE_END.test(name)) return name.replace(DOC_CODE_END, '').replace(/\s+/g, ' ').trim()
  const bracketed = /\(([^()]+)\)\s*$/.exec(name) ?? ATTACHED_PART.exec(name)
  return partName((bracketed ? bracketed[1]! : name).replace(/\s+/g, ' ').trim())
}
// Reading: a part named with a hyphen between its kind and its number or letter ("Annexure-C", "Schedule-2", "Exhibit-B",
// as Indian and other agreements often write them) is the part named with a space ("Annexure C")
const HYPHENED_PART = /^((?:schedule|exhibit|annex(?:e|ure)?|appendix|attachment))-(?=[a-z0-9]{1,3}\b)/i
/** A part's name with the space its kind and number are written apart with: "Annexure-C" → "Annexure C". */
function partName(name: string): string {
  return name.replace(HYPHENED_PART, '$1 ')
}
const HYPHEN_PART = /\b(schedule|exhibit|annex(?:e|ure)?|appendix|attachment)-(?=[A-Z0-9]{1,3}\b)/gi
/** The part a paper is attached as: "Backup Schedule attached as Exhibit C" → "Exhibit C". */
const ATTACHED_PART = /\bas\s+((?:schedule|exhibit|annex(?:e|ure)?|appendix|attachment)(?:\s+|-)[A-Z0-9]{1,3})$/i

/**
 * What the patterns of delegation find in a text, each looked for on first use: they depend on the text alone, so a
 * TextCache keeps them for every rule and document that asks about the same text (the document's own readings,
 * whether it holds the target, are applied to them by delegation()).
 */
export class DelegationMatches {
  private partHit: DelegationHit | null | undefined
  private linkHits: readonly DelegationHit[] | undefined
  private subjectHit: DelegationHit | null | undefined
  private ownedHit: DelegationHit | null | undefined
  private publishedHit: DelegationHit | null | undefined
  private thereHit: DelegationHit | null | undefined
  private inItHit: DelegationHit | null | undefined
  private followedHit: DelegationHit | null | undefined
  private underPaperHit: DelegationHit | null | undefined
  private holderHit: DelegationHit | null | undefined
  private orderHit: DelegationHit | null | undefined
  private handedHit: {label: string; hit: DelegationHit} | null | undefined

  constructor(readonly text: string) {}

  /** "Section 4 of the Agreement", "defined in the Agreement": a part of the Agreement. */
  get part(): DelegationHit | undefined {
    if (this.partHit === undefined) {
      const m = AGREEMENT_PART.exec(this.text)
      this.partHit = m ? {target: 'Agreement', start: m.index, end: m.index + m[0].length} : null
    }
    return this.partHit ?? undefined
  }

  /**
   * "as set out in the Order Form", not inside an exception, a condition or a proviso ("unless agreed in a Work Order"):
   * every such link of the text in order, each followed by the documents named with it ("in the Order Form or the
   * Service Schedule": the Service Schedule too), so that a document this one holds, or a link an exception limits, does
   * not hide another named after it.
   */
  get links(): readonly DelegationHit[] {
    if (this.linkHits === undefined) {
      const text = this.text
      const hits: DelegationHit[] = []
      DELEGATION_G.lastIndex = 0
      for (let m = DELEGATION_G.exec(text); m !== null && hits.length < MAX_LINKS; m = DELEGATION_G.exec(text)) {
        const end = m.index + m[0].length
        if (limits(text, m.index) || registeredIn(text, m.index)) continue
        hits.push(linkHit(text, m[1]!, m.index, end))
        // Reading: documents named together after one link ("as set out in the Order Form or the Service Schedule",
        // "in Schedule 2, Schedule 3 and the Support Policy") are each a place the sentence sends its matter to
        let at = end
        for (let c = COORDINATED.exec(text.slice(at)); c !== null && hits.length < MAX_LINKS; c = COORDINATED.exec(text.slice(at))) {
          at += c[0].length
          hits.push(linkHit(text, c[1]!, m.index, at))
        }
        DELEGATION_G.lastIndex = Math.max(DELEGATION_G.lastIndex, at)
      }
      // Reading: a document named as set out in another one right after its name ("in accordance with the Backup Plan set
      // out in Schedule 2", "follows the Equipment Matrix in Annex 4") is a part of that one: the clause is put in the
      // document that holds it
      // (a document found "at" a part, "the Responsibility Matrix at Appendix 3", keeps its own name)
      this.linkHits = hits.filter((h, i) => !hits.some((o, j) => j > i && o.start >= h.end && /^[\s,]*$/.test(text.slice(h.end, o.start)) && !/^at\b/i.test(text.slice(o.start))))
    }
    return this.linkHits
  }

  /** A document named in plain words that a party owns (see OWNED_DOC), not inside an exception. */
  get owned(): DelegationHit | undefined {
    if (this.ownedHit === undefined) {
      const text = this.text
      const m = OWNED_DOC.exec(text)
      this.ownedHit = m && !limits(text, m.index) ? {target: m[1]!.replace(/\s+/g, ' ').trim(), start: m.index, end: m.index + m[0].length} : null
    }
    return this.ownedHit ?? undefined
  }

  /**
   * A document named and said in a relative clause to hold named things ("Schedule B, which sets forth the priority
   * classifications"), with no link before it: the document's name (see statedContents for what it holds).
   */
  get holder(): DelegationHit | undefined {
    if (this.holderHit === undefined) {
      const text = this.text
      let hit: DelegationHit | null = null
      // (looked for only where a relative clause may open; a line break inside the paragraph may follow its word: "Schedule
      // B, which" at the end of one line and "sets forth …" on the next)
      if ((text.includes('which') || text.includes('that') || text.includes('Which') || text.includes('That') || text.includes('ing ')) && STATES_THINGS.test(text)) {
        // (a copy of its own: the shared one's lastIndex is read by matchAll elsewhere)
        HOLDER_G.lastIndex = 0
        for (let m = HOLDER_G.exec(text); m !== null; m = HOLDER_G.exec(text)) {
          const end = m.index + m[0].length
          if (STATED_CONTENTS.test(text.slice(end, end + 240)) && !limits(text, m.index)) {
            hit = {target: partNumber(m[1]!), start: m.index, end}
            break
          }
        }
      }
      this.holderHit = hit
    }
    return this.holderHit ?? undefined
  }

  /** A value stated on an order named by what it orders (see ON_NAMED_ORDER), not inside an exception. */
  get order(): DelegationHit | undefined {
    if (this.orderHit === undefined) {
      const text = this.text
      const m = text.includes(' on ') || text.includes(' on\n') || text.includes('\non ') ? ON_NAMED_ORDER.exec(text) : null
      this.orderHit = m && !limits(text, m.index) ? {target: m[1]!.replace(/\s+/g, ' ').trim(), start: m.index, end: m.index + m[0].length} : null
    }
    return this.orderHit ?? undefined
  }

  /** A page or document the provider publishes (see PUBLISHED), not inside an exception. */
  get published(): DelegationHit | undefined {
    if (this.publishedHit === undefined) {
      const text = this.text
      const m = PUBLISHED.exec(text)
      const target = m ? (m[1] ?? m[2] ?? m[3] ?? m[4]!).replace(/^<|[>.,;:]+$/g, '').replace(/\s+/g, ' ').trim() : ''
      this.publishedHit = m && !limits(text, m.index) ? {target, start: m.index, end: m.index + m[0].length, ...(m[1] !== undefined ? {page: true} : {})} : null
    }
    return this.publishedHit ?? undefined
  }

  /** A paper of terms named by its title that the predicate puts a thing under (see UNDER_PAPER). */
  get underPaper(): DelegationHit | undefined {
    if (this.underPaperHit === undefined) {
      const m = UNDER_PAPER_G.exec(this.text)
      const end = m ? m.index + m[0].length : 0
      this.underPaperHit = m && !limits(this.text, m.index) ? {target: m[1]!.replace(/\s+/g, ' ').trim(), start: end - m[1]!.length, end} : null
    }
    return this.underPaperHit ?? undefined
  }

  /** A document followed for something (see FOLLOWED_DOC). */
  get followed(): DelegationHit | undefined {
    if (this.followedHit === undefined) {
      const m = FOLLOWED_DOC.exec(this.text)
      this.followedHit = m && !limits(this.text, m.index) ? {target: m[1]!.replace(DOC_CODE_END, '').replace(/\s+/g, ' ').trim(), start: m.index, end: m.index + m[0].length} : null
    }
    return this.followedHit ?? undefined
  }

  /** "The quotation we sent you sets out …": the other document as the subject (its name as written). */
  get subject(): DelegationHit | undefined {
    if (this.subjectHit === undefined) {
      const m = SUBJECT_VERBS.some((v) => this.text.includes(v)) ? DOC_SUBJECT.exec(this.text) : null
      this.subjectHit = m ? {target: m[1]!.replace(/\s+/g, ' ').trim(), start: m.index, end: m.index + m[0].length, ...(m[2] !== undefined || AT_ADDRESS_AFTER.test(this.text.slice(m.index + m[0].indexOf(m[1]!) + m[1]!.length)) ? {separate: true} : {})} : null
    }
    return this.subjectHit ?? undefined
  }

  /** A "Label: reference" line whose value only names another document (see handedOver). */
  get handed(): {label: string; hit: DelegationHit} | undefined {
    if (this.handedHit === undefined) this.handedHit = handedOver(this.text) ?? null
    return this.handedHit ?? undefined
  }

  /** "set out in it" after a document named in the same text: that document (see IN_IT). */
  get inIt(): DelegationHit | undefined {
    if (this.inItHit === undefined) {
      const text = this.text
      const m = text.includes(' in it') ? IN_IT.exec(text) : null
      let hit: DelegationHit | null = null
      if (m && !limits(text, m.index)) {
        const before = text.slice(0, m.index)
        let last: string | undefined
        let lastAt = -1
        DOC_NAME_G.lastIndex = 0
        for (let d = DOC_NAME_G.exec(before); d !== null; d = DOC_NAME_G.exec(before)) {
          last = partNumber(d[1]!)
          lastAt = d.index
        }
        // (or by its kind and reference: "Quote Q-5512")
        for (const k of before.matchAll(KIND_REF)) {
          if (k.index >= lastAt) {
            last = `${k[1]!} ${k[2]!}`
            lastAt = k.index
          }
        }
        if (last) hit = {target: last, start: m.index, end: m.index + m[0].length}
      }
      this.inItHit = hit
    }
    return this.inItHit ?? undefined
  }

  /** "given there", "therein" (the target is the document named last before). */
  get there(): DelegationHit | undefined {
    if (this.thereHit === undefined) {
      const m = THERE_WORD.test(this.text) ? THERE.exec(this.text) : null
      this.thereHit = m ? {target: '', start: m.index, end: m.index + m[0].length} : null
    }
    return this.thereHit ?? undefined
  }
}

/**
 * The other document named last before `block`, at `at` in `blocks` (within a few blocks), for "given there".
 * Reading: a short name the agreement gives a document ('the Service Level Document (the "SLD")') names it there too: "The
 * SLD is issued separately. Priority levels are as set out therein" points back at the Service Level Document.
 */
function lastNamedBefore(blocks: readonly Block[], at: number, block: Block, aliases: DocumentAliases | undefined): string | undefined {
  for (let i = at; i >= 0 && i >= at - 8; i--) {
    const b = blocks[i]!
    const text = i === at ? b.text.slice(0, Math.max(0, b.text.search(THERE))) : b.text
    let last: string | undefined
    let lastAt = -1
    DOC_NAME_G.lastIndex = 0
    for (let m = DOC_NAME_G.exec(text); m !== null; m = DOC_NAME_G.exec(text)) {
      last = m[1]
      lastAt = m.index
    }
    if (aliases) {
      // (by its short name as a word of its own, not in the quotes where it is given, or by its own name)
      const edge = (c: string | undefined): boolean => c === undefined || !/[\w&'’"“”-]/.test(c)
      for (const [alias, full] of aliases.names) {
        for (const name of [alias, full]) {
          for (let k = text.lastIndexOf(name); k >= 0; k = k > 0 ? text.lastIndexOf(name, k - 1) : -1) {
            if (!edge(text[k - 1]) || !edge(text[k + name.length])) continue
            if (k > lastAt) {
              last = full
              lastAt = k
            }
            break
          }
        }
      }
    }
    if (last) return last.replace(/\s+/g, ' ').trim()
  }
  return undefined
}

// Reading: a short name the agreement gives a document in brackets after the document's name ('the Service Level Document
// ("SLD")', 'the Customer Handbook (the "Handbook")', 'Annexure 3 (the "Service Matrix")') names that document wherever it is
// used: a clause set out in the short name is set out in the document, and the document's own name says whether this one
// holds it. (Not a name this document gives itself, "this Support Agreement (the "Agreement")", nor an agreement's: the
// name of the agreement a document is issued under is its parent's, read apart.)
const PAPER_HEAD = String.raw`(?:Document|Schedule|Policy|Guide|Handbook|Manual|Plan|Pack|Matrix|Description|Catalogue|Catalog|Card|List|Specification|Confirmation|Acknowledge?ment|Form|Proposal|Quotation|Quote|Addendum|Annex|Annexure|Appendix|Exhibit|Attachment|Runbook|Playbook|Register|Sheet|Standard|Procedures?|Statement of Work|SLA)`
const ALIAS_QUOTE = /\(\s*(?:the\s+|each\s+an?\s+|an?\s+|hereinafter\s+(?:the\s+)?|referred to as\s+(?:the\s+)?)?["“]([A-Z][\w&'’.-]*(?:\s+[A-Za-z][\w&'’.-]*){0,3})["”]\s*\)/g
const ALIAS_NAMED = new RegExp(String.raw`(?:^|[^\w&'’-])((?:(?!(?:The|Your|Our|This|These|Each|Its|Their|Any|Every)\b)[A-Z][\w&'’-]*[ \t]+){0,5}?${PAPER_HEAD}(?:[\s-]+(?:[A-Z]{1,2}|\d{1,3})\b)?|(?:Schedule|Exhibit|Annex(?:e|ure)?|Appendix|Attachment)[\s-]+(?:[A-Z]{1,2}|\d{1,3}))\s*(?:hereto\s*)?,?\s*$`)
// (the name a document gives itself: "this Service Schedule (the "Schedule")")
const SELF_NAMED = /\b(?:this|these|the present)\s+$/i
// Reading: a document named by its kind and its reference ("Proposal RMIT-2025-118", "Quote Q-2291", "Work Order
// WO-0412") is the one the text means when it names that kind again in lower case ("the schedule in section 4 of the
// proposal", "per the quote"): its kind is its short name
const KIND_REF = /\b(Proposal|Quotation|Quote|Estimate|Order Form|Statement of Work|Work Order|Service Order)\s+(?:No\.?\s*|#\s*)?((?=[A-Z0-9/-]*\d)[A-Z][A-Z0-9]{0,7}(?:[-/][A-Z0-9]{1,10}){1,3})(?![\w-])/g

/** The short names a document gives other documents, each with the document's own name, and how a text links to one. */
export interface DocumentAliases {
  /** short name → the document's own name */
  readonly names: ReadonlyMap<string, string>
  readonly link: RegExp
  readonly subject: RegExp
}

/** The short names one text gives documents (see ALIAS_QUOTE), as pairs [short name, the document's own name]. */
export function aliasesIn(source: string): ReadonlyArray<readonly [string, string]> {
  const out: Array<readonly [string, string]> = []
  if (source.includes('Pro') || source.includes('Quot') || source.includes('Estimate') || source.includes('Order') || source.includes('Statement')) {
    for (const k of source.matchAll(KIND_REF)) {
      if (SELF_NAMED.test(source.slice(Math.max(0, k.index - 20), k.index))) continue
      out.push([k[1]!.toLowerCase(), `${k[1]!} ${k[2]!}`])
    }
  }
  if (!source.includes('"') && !source.includes('“')) return out
  for (const q of source.matchAll(ALIAS_QUOTE)) {
    const alias = q[1]!.trim()
    const before = source.slice(Math.max(0, q.index - 90), q.index).replace(/["“”*_]/g, '')
    const named = ALIAS_NAMED.exec(before)
    if (!named || SELF_NAMED.test(before.slice(0, named.index + named[0].indexOf(named[1]!)))) continue
    const full = named[1]!.replace(/\s+/g, ' ').replace(/-(?=[A-Z0-9]{1,3}$)/, ' ').trim()
    if (full === alias || /^(?:Agreement|Contract|Services?|Customer|Client|Provider|Supplier)$/i.test(alias)) continue
    out.push([alias, full])
  }
  return out
}

/** The short names a document's texts give documents (see aliasesIn), undefined when they give none. */
export function documentAliases(pairs: Iterable<readonly [string, string]>): DocumentAliases | undefined {
  const names = new Map<string, string>()
  for (const [alias, full] of pairs) {
    if (names.has(alias)) continue
    names.set(alias, full)
    if (names.size >= 24) break
  }
  if (names.size === 0) return undefined
  const alt = [...names.keys()].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|')
  return {
    names,
    link: new RegExp(String.raw`\b(?:${LINK}|${LISTED_AS}|(?:[Aa]s\s+)?(?:shown|given|stated|printed|listed|set out|specified)\s+on)\s+${PART_OF}(?:(?:the|its|our|your|their|each|any|applicable|relevant|current|latest|separate|signed)\s+){0,2}(${alt})(?![\w&'’-])`, 'g'),
    subject: new RegExp(String.raw`(?:^|[^\w&'’-])(?:(?:[Tt]he|[Yy]our|[Oo]ur|[Ee]ach)\s+)?(${alt})\s+(?:sets? out|sets? forth|specifies|lists|states|gives|shows|describes|defines|records|contains)\b`),
  }
}

/** A link to a document by the short name this document gives it, not inside an exception: its target is the document's own name. */
function aliasHit(text: string, aliases: DocumentAliases): DelegationHit | undefined {
  let any = false
  for (const a of aliases.names.keys()) if (text.includes(a)) { any = true; break }
  if (!any) return undefined
  aliases.link.lastIndex = 0
  for (let m = aliases.link.exec(text); m !== null; m = aliases.link.exec(text)) {
    if (limits(text, m.index) || registeredIn(text, m.index)) continue
    const end = m.index + m[0].length
    return {target: aliases.names.get(m[1]!.replace(/\s+/g, ' '))!, start: m.index, end, ...(SEPARATE_AFTER.test(text.slice(end)) ? {separate: true} : {})}
  }
  const s = aliases.subject.exec(text)
  if (s) {
    const start = s.index + s[0].indexOf(s[1]!)
    return {target: aliases.names.get(s[1]!.replace(/\s+/g, ' '))!, start, end: s.index + s[0].length}
  }
  return undefined
}

/** Does the document itself hold the referenced schedule/exhibit (so it is not another document)? A Reading answers once per target. */
const TITLED_PART_TARGET = /^(?:[a-z][\w&'’-]*\s+){1,2}(?:schedule|exhibit|annex(?:e|ure)?|appendix|attachment|rider)\s+[a-z0-9]{1,3}$/
/** A paper's name that ends in its kind and a register code ("procedure ops-12", "endpoint hardening standard ehs-2"), lower-cased. */
const KIND_CODED_TARGET = /\b(?:runbook|procedure|policy|plan|guide|manual|standard|specification|work instruction)\s+(?:no\.?\s*|#\s*)?(?=[a-z0-9-]*\d)[a-z]{1,8}(?:-[a-z0-9]{1,8}){1,3}$/
export function targetInDocument(doc: Document, target: string): boolean {
  const t = target.includes('-') ? target.toLowerCase().replace(HYPHEN_PART, '$1 ') : target.toLowerCase()
  // a member of the document set by file name: "Schedule B" ~ schedule-b.md
  const key = t.replace(/[^a-z0-9]/g, '')
  if (doc.set?.some((m) => m.filePath.toLowerCase().replace(/^.*[\\/]/, '').replace(/\.(?:md|markdown)$/, '').replace(/[^a-z0-9]/g, '') === key)) return true
  const titled = (m: Document): string => (m.title ? m.source.slice(m.title.headingPosition.start.offset, m.title.headingPosition.end.offset).replace(/^[#\s]+/, '').toLowerCase() : '')
  // the agreement named by its own title ("under this Managed Services Agreement" read as "the Managed Services Agreement")
  // (not when the title names it as the agreement this document belongs to: "Schedule 1 to the Master Agreement")
  if (/\b(?:agreement|contract)$/.test(t) && titled(doc).includes(t) && !new RegExp(`\\b(?:to|under|of)\\s+(?:the\\s+)?${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(titled(doc))) return true
  // a document named by its kind and reference that this document's title opens with ("# Quote Q-2291: monthly support")
  // is this document ("# Re: Proposal P-2207" answers it)
  if (/^(?:proposal|quotation|quote|estimate|order form|statement of work|work order|service order) \S+$/.test(t) && titled(doc).startsWith(t)) return true
  // a titled part of this document ("as set out in the Payment Terms" beside a section "7. Payment Terms")
  if (/\b(?:terms|sla)$/.test(t) && doc.sections.some((s) => s.title.toLowerCase().replace(/^[\d.\s]+/, '') === t)) return true
  // a titled schedule this document holds ("as described in the Data Protection Schedule" beside "## Schedule 2 – Data
  // Protection Schedule")
  if (/\bschedule$/.test(t) && !/^schedule\s/.test(t) && doc.sections.some((s) => !definedElsewhere(s) && (s.title.toLowerCase().replace(/^[\d.\s]+/, '') === t || headingText(s).endsWith(t)))) return true
  // a part titled by name ("the Rate Annex" beside a section "Rate Annex")
  if (/\b(?:annex(?:e|ure)?|appendix|attachment|exhibit)$/.test(t) && doc.sections.some((s) => !definedElsewhere(s) && (s.title.toLowerCase().replace(/^[\d.\s]+/, '').startsWith(t) || headingText(s).includes(t)))) return true
  // a paper named by its kind and a register code, its title before them or not ("the Endpoint Hardening Standard EHS-2"),
  // is one this document holds under a title that names it so
  if (KIND_CODED_TARGET.test(t)) return doc.sections.some((s) => s.title.toLowerCase().includes(t) || headingText(s).includes(t)) || (doc.set?.some((m) => titled(m).includes(t)) ?? false)
  // a numbered part named by its whole title ("Call-Off Schedule 8") is one this document holds under that title
  if (TITLED_PART_TARGET.test(t)) return doc.sections.some((s) => s.title.toLowerCase().includes(t) || headingText(s).includes(t)) || (doc.set?.some((m) => titled(m).includes(t)) ?? false)
  if (!/^(?:schedule|exhibit|annex(?:e|ure)?|appendix|attachment|rider)\s/.test(t)) return false
  if (doc.set?.some((m) => titled(m).startsWith(t))) return true
  // the heading as written too: "## Schedule 2: Rates" is titled "Rates", numbered "2"
  // (a part written with a hyphen, "## Annexure-C: Hosted SLA", is the part "Annexure C")
  const h = t.replace(' ', '-')
  const starts = (title: string): boolean => title.startsWith(t) || title.startsWith(h)
  return doc.sections.some((s) => starts(s.title.toLowerCase()) || s.path.some((p) => starts(p.toLowerCase())) || starts(headingText(s)))
}

// Reading: a run-in title defined as a paper issued with, attached to or kept in another document ("**Service Level
// Schedule** means the service level schedule issued with each purchase order", "**Rate Exhibit** means the exhibit attached
// to each Statement of Work") names that paper: its section holds the definition, not the paper
const DEFINED_ELSEWHERE = /^\W*(?:means|shall mean|refers to|is defined as)\b[^.;]*?\b(?:(?:issued|attached|annexed|appended|supplied|sent|delivered|provided|given|published|held|kept)\s+(?:(?:with|to|in|by|under|on)\s+(?!(?:this|these)\b|hereto\b|below\b|above\b)|separately\b)|separate\s+(?:document|paper)\b)/i

// (and one whose text says another document attaches or holds the paper: "**Service Level Exhibit.** Each Order Form for
// support services will attach a service level exhibit (the "Service Level Exhibit") stating the support hours …")
const ATTACHED_BY_OTHER = /^\W*(?:each|every|the|any|an?)\s+(?:[\w-]+\s+){0,2}?(?:order forms?|orders?|statements? of work|sows?|purchase orders?|quotes?|quotations?|proposals?|work orders?|service orders?)\b[^.;]{0,60}?\b(?:will|shall|must|is to|are to)\s+(?:attach|include|contain|incorporate|set out)\b/i

/** Is the section a run-in title whose own text defines it as a paper kept in another document? */
function definedElsewhere(s: Section): boolean {
  if (s.kind === 'heading' || s.kind === 'root' || s.blocks.length !== 1) return false
  return DEFINED_ELSEWHERE.test(s.blocks[0]!.text) || ATTACHED_BY_OTHER.test(s.blocks[0]!.text)
}

/** A section's heading as written, lower case, without its marks: "## Schedule 2: Rates" → "schedule 2: rates". */
function headingText(s: Section): string {
  return (s.blocks.find((b) => b.kind === 'heading')?.text ?? '').replace(/^[#\s*_]+/, '').toLowerCase()
}

// Reading: a sentence whose predicate sends it to another document ("Responsibility for diagnosing faulty printers, ordering
// parts and chasing the carrier shall be as set out in Annex C.", "Services outside an SOW, and how they are requested and
// charged, are as set out in the Rate Annex.") delegates its whole subject there, however much of the topic the subject
// names; a pointer to more detail ("Further detail is in Annex C") sends nothing there. A verb of handling between the
// copula and the link ("Equipment failures and who repairs them shall be dealt with in accordance with Annex D (Property
// Protocol).") sends it as "shall be as set out in" does, and the document's own title in brackets after its name is part
// of the name.
const HANDLED = String.raw`(?:handled|dealt\s+with|managed|determined|decided|resolved|settled|administered|addressed|treated)\s+`
const COPULA_BEFORE = new RegExp(String.raw`(?<!\b(?:which|that|who|where|if|when|unless|whether)\s+)\b(?:is|are|shall be|will be|must be|shall remain|will remain|remains?|stays?|shall stay|will stay)\s+(?:${HANDLED})?(?:as\s+)?$`, 'i')
const SENDING_LINK = /^(?:as\s+)?(?:set out|set forth|described|specified|detailed|listed|stated|defined|documented|given|provided|contained|governed by|per|in accordance with|according to)\b/i
// ("as in" after the copula is "as set out in": "Exclusions stay as in clause 6 of the 2025 Agreement")
const AS_IN = /\bas\s+$/i
// nothing after the document's name but what describes that document and a full stop: its title or short name in
// brackets, the part it is ("…, Annexure C"), and when or by whom it was made ("… signed between the parties on 15th
// January 2025", "dated 3 March 2026"), and a relative clause of what is done with it (", which Thamesgate may update
// from time to time", ", which the Vendor will supply on request"); a clause that goes on to state something ("…, and
// Provider replaces …") is more
const AFTER_TARGET =
  /^(?:\s*\([^()]{1,60}\)|\s*,?\s*(?:annex(?:e|ure)?|schedule|appendix|exhibit|attachment)\s+[A-Z0-9]{1,3}\b|\s*,?\s*(?:signed|dated|executed|entered into|made|agreed)\s+(?:between|by|on|with|in)\b[^;:,()]{0,80}|\s*,\s*which\s+(?:[\w’'-]+\s+){0,3}?(?:may|will|shall|can|must)\s+(?:be\s+)?(?:updated?|amend(?:ed)?|revis(?:e|ed)|chang(?:e|ed)|suppl(?:y|ied)|provid(?:e|ed)|sen[dt]|issu(?:e|ed)|review(?:ed)?|publish(?:ed)?)\b[^;:()]{0,80})*[\s).;:!*_]*$/i
const MORE_DETAIL = /^\W*(?:\(?[\w.]{1,6}\)?\s+)?(?:(?:further|more|full|additional|other)\s+)?(?:details?|information|guidance|explanation|examples?)\b/i

/** Does the sentence's predicate send it to the document of `hit` (nothing after the document's name but a full stop)? */
export function sentByPredicate(text: string, hit: DelegationHit): boolean {
  // the predicate of the whole sentence, not of a clause after a stated substance ("We diagnose faults; further detail is set out in Annex C")
  return !/[;—–]/.test(text.slice(0, hit.start)) && (SENDING_LINK.test(text.slice(hit.start)) || (/^in\b/.test(text.slice(hit.start)) && AS_IN.test(text.slice(0, hit.start)))) && COPULA_BEFORE.test(text.slice(Math.max(0, hit.start - 40), hit.start)) && AFTER_TARGET.test(text.slice(hit.end)) && !MORE_DETAIL.test(text)
}

// Reading: what a sentence sends to another document is its subject when the link is its predicate ("The fees for the
// backup service are as set out in the Order Form": the fees), and its object when the document is its subject ("Your
// quotation lists the fees for the backup service"); a clause is put there only when what is sent names the clause, not
// when it names only another matter (money, the term, what the services are, who the contacts are).
const MATTER_LINK = /^(?:as\s+)?(?:set out|set forth|described|specified|detailed|listed|stated|defined|documented|given|provided|contained|shown|recorded|agreed|outlined|found|covered|dealt with|governed by|per|in accordance with|according to|in|under|subject to)\b/i
const MATTER_COPULA = new RegExp(String.raw`\b(?:is|are|shall be|will be|must be|shall remain|will remain|remains?|continues? to be|stays?|can be|may be)\s+(?:still\s+|also\s+|always\s+)?(?:${HANDLED})?(?:as\s+)?$`, 'i')
const DOC_SUBJECT_AT = new RegExp(`^${DOC_SUBJECT.source}`)
// the noun phrase right before a link, after its article: "at the rates in …" → "the rates"
// (money only: "at the rates in …", "the charges shown in …"; a thing of another kind named so, "Support for the Service as
// described in the Support Policy", "the addresses set out in the Order Form", is read with the rest of its sentence)
const PRICED_MATTER = /^(?:(?:the|all|any|our|your|its|their)\s+)?(?:[\w'’-]+\s+){0,2}?(?:charges?|prices?|pricing|costs?|rates?|tariffs?)$/i
const DEFINES_BEFORE = /\b(?:means|shall mean|will mean|refers to|is defined as|includes|shall include)\s+$/i
const NAMED_BEFORE_LINK = /\b((?:the|its|our|your|their|all)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+$/i
// a clause's heads of a subject: the words before its first preposition ("the fees" of "the fees for the backup service")
const HEAD_END = /\s+(?:for|of|in respect of|relating to|related to|regarding|about|concerning|applicable to|payable for|charged for|on|under|in|to|with|at)\s/i
// what a head names when it names a matter of its own: money, the term, what the services are, who or where the parties are
// (a possessive among the head's words names whose the matter is and hides nothing: "the Provider's hourly rates")
const OTHER_MATTER = /^(?:(?:the|all|any|our|your|its|their|each|these|those|such)\s+)?(?:[\w'’-]+\s+){0,2}?(?:fees?|charges?|prices?|pricing|costs?|rates?|payments?|invoic(?:es|ing)|amounts?|sums?|deposits?|discounts?|term|duration|renewals?|commencement(?: date)?|start date|descriptions?|contacts?|names?|addresses?|sites?|locations?|users?|licen[cs]es?|subscriptions?|quantities|seats?)$|^(?:(?:the|our|your|its|their)\s+)?services?$/i

/**
 * What a sentence sends to the document of `hit`: its subject when the link is the predicate ("X is as set out in D"), its
 * object when the document is the subject ("D sets out X"); undefined when the link is not the sentence's predicate.
 */
export function sentMatter(text: string, hit: DelegationHit): string | undefined {
  if (hit.start === 0 && hit.end === text.length) return undefined
  const object = DOC_SUBJECT_AT.exec(text.slice(hit.start))
  if (object) return text.slice(hit.start + object[0].length).replace(/[\s.;:!*_]+$/, '').trim()
  // a document followed sends its subject: "Backup of the finance system will follow the Data Management Plan"
  if (hit.follows) return subjectOf(text.slice(0, hit.start))
  if (!MATTER_LINK.test(text.slice(hit.start))) return undefined
  const before = text.slice(0, hit.start)
  const copula = MATTER_COPULA.exec(before)
  if (!copula) {
    // Reading: a price named right before the link ("billed at the rates in the Rate Card", "the charges shown in the Order
    // Form apply") is what the link sends, whatever else the sentence speaks of
    // (not the meaning a definition gives its term: '"Excluded Services" means the services listed in Schedule A' sends
    // the term defined)
    const named = NAMED_BEFORE_LINK.exec(before)
    return named && PRICED_MATTER.test(named[1]!) && !DEFINES_BEFORE.test(before.slice(0, named.index)) ? named[1]! : undefined
  }
  if (/\b(?:which|that|who|where|if|when|unless|whether)\s+$/i.test(before.slice(0, copula.index))) return undefined
  return subjectOf(before.slice(0, copula.index))
}

/** The subject of the clause a predicate ends: after the last semicolon or dash, without a list mark or a number. */
function subjectOf(before: string): string {
  const subject = before.split(/[;—–:]/).pop()!
  return subject.replace(/^[\s>*_#-]*(?:(?:\(?\d[\d.]{0,5}[.)]?|\(?[a-z]{1,4}[.)])[\s*_]+)?/i, '').replace(/[\s*_]+$/, '')
}

// Reading: a document said to state, list or set out named things ("Schedule 4, which states the backup frequency,
// retention periods and storage locations") holds those things: what follows the relative clause is what it is sent
// Reading: so does a paper said to state them by a participle or named by the short name it is given in quotes ('a
// service level exhibit (the "Service Level Exhibit") stating the support hours, the priority classifications and the
// response targets'), and the things may be an enumeration of lettered items after the scope the paper states them for
// ('(the "Exhibit") that states, for the Services under that Order: (a) the support hours; (b) ...; and (c) ...'): it
// holds each item
const STATED_VERB = String.raw`(?:(?:which|that)\s+(?:states?|lists?|sets? out|sets? forth|specifies|gives|contains|describes|defines|records)|(?:stating|listing|setting out|setting forth|specifying)\b)`
const ENUM_MARK = String.raw`\(?(?:[a-h]|[ivx]{1,4}|\d{1,2})\)`
const STATED_CONTENTS = new RegExp(
  String.raw`^\s*(?:["”]\s*\)\s*)?(?:\([^()]{1,30}\)\s*)?,?\s*${STATED_VERB}(?:\s*,\s*(?:for|in respect of|with respect to|as to)\s+[^,:;.()]{1,80}[,:])?\s+((?:${ENUM_MARK}\s*)?[^.;:]{3,200}(?:;\s*(?:and\s+|or\s+)?${ENUM_MARK}\s*[^.;:]{3,200}){0,9})`,
  'i',
)
// Reading: a value stated on an order named by what it orders ("those stated on your Backup Add-on order", "as given on the
// Managed Firewall quote you signed") is put there, as one stated on the order form is: the order is another document
const ON_NAMED_ORDER = /\b(?:[Aa]s\s+)?(?:shown|given|stated|printed|written|set out|listed|specified|entered|recorded)\s+on\s+(?:the\s+|your\s+|our\s+|each\s+|its\s+)?(?:signed\s+|accepted\s+)?((?:(?!(?:This|The)\b)[A-Z][\w&'’+-]*\s+){1,3}(?:order(?:\s+form)?|quote|quotation))\b(?!\s+(?:of|to)\b)/
// (a quick test that a text says of something that it states or lists things, before its documents are looked for)
const STATES_THINGS = new RegExp(String.raw`\b${STATED_VERB}[\s,]`, 'i')
/** The things a delegation's document is said to hold, in a relative clause after its name; undefined when none is. */
export function statedContents(text: string, hit: DelegationHit): string | undefined {
  return STATED_CONTENTS.exec(text.slice(hit.end))?.[1]
}

// Reading: a reference that says where the noun right before it is defined ("work Severity 1 incidents, as defined in
// Exhibit B, until service is restored") sends that noun's meaning, not what the sentence says of it: the clause is put
// there only when that noun names it ("the response times as defined in Schedule 2")
const DEFINED_LINK = /^as\s+defined\s+(?:in|under)\b/i
// (set off by a comma or a bracket: "… are as defined in the Plan" is the sentence's predicate, which sends its subject)
const NOUN_BEFORE = /((?:[\w'’-]+\s+){0,2}[\w'’-]+)\s*(?:,|\()\s*$/

/** The noun a delegation's link says is defined in its document ("Severity 1 incidents, as defined in …"), if it is one. */
export function definedBefore(text: string, hit: DelegationHit): string | undefined {
  if (!DEFINED_LINK.test(text.slice(hit.start))) return undefined
  return NOUN_BEFORE.exec(text.slice(0, hit.start))?.[1]
}

/**
 * Does what a sentence sends (see sentMatter) name the clause that `names` read? false only when it names none of them
 * and each of its items is headed by another matter ("the fees for the backup service", "Service descriptions and
 * prices"); true when one of them names it; undefined when it cannot be read so ("These", "Everything else").
 */
export function namesMatter(matter: string, names: readonly (RegExp | undefined)[]): boolean | undefined {
  const items = matter.split(/\s*(?:,|;|&|\band\b|\bor\b|\bas well as\b|\bplus\b)\s*/).filter((x) => /[a-z]{3,}/i.test(x))
  if (items.length === 0) return undefined
  let other = true
  for (const item of items) {
    const cut = HEAD_END.exec(` ${item} `)
    const head = (cut ? ` ${item} `.slice(0, cut.index) : item).trim()
    // a head of another matter names the clause only by its own noun ("after-hours rates", not "backup fees")
    // (or by a name that takes that noun in: "the initial term" names the term)
    if (!OTHER_MATTER.test(head)) {
      if (names.some((re) => re?.test(head))) return true
      other = false
      continue
    }
    const noun = /[\w-]+$/.exec(head)![0]
    const at = item.indexOf(head) + head.length - noun.length
    const without = item.slice(0, at) + ' '.repeat(noun.length) + item.slice(at + noun.length)
    if (names.some((re) => re !== undefined && (re.test(noun) || (re.test(item) && !re.test(without))))) return true
  }
  return other ? false : undefined
}
