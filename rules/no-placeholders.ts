// no-placeholders: unfilled template text such as "[Client Name]", "TBD", "XX", "___", "<insert date>", "{{ var }}".
import {sourceOffset} from '../src/document.js'
import {excerpt, needs} from '../src/text.js'
import type {Rule} from '../src/rule.js'
import type {Block, Document, Position} from '../src/types.js'
import {withoutStruck} from '../src/reading/terse.js'

// The choices of an option slot: values with a unit, a multiplier or a currency, separated by "/" or "or" ("1.5x / 2x")
const OPTION_VALUE = String.raw`(?:[£$€]\s?)?\d+(?:[.,]\d+)?\s*(?:[x×%]|[a-z]{1,7}\b)?`
const OPTION_VALUES = new RegExp(String.raw`^${OPTION_VALUE}(?:\s*(?:\/|\bor\b)\s*${OPTION_VALUE})+(?:\s+[a-z]{1,10})?$`, 'i')
// Bracketed slots: "[Client Name]", "[DATE]", "[●]", "[insert amount]", "[to be confirmed]", "[to be added]" — not "[!NOTE]", "[ ]", "[x]" or "[End of …]"
const SLOT_WORDS = /\b(?:name|names|date|address|amount|number|no\.|company|client|customer|provider|party|fee|fees|price|rate|percentage|insert|enter|add|signature|title|email|phone|city|state|county|country|jurisdiction|term|days?|hours|months?|years?|value|sum|details?|description|code|id|ref|reference|postcode|zip|tbd|x+|to be (?:confirmed|agreed|advised|determined|decided|inserted|completed|provided|notified|fixed|[a-z]+ed|done|given|sent|set|known)|to (?:follow|come))\b/i
// A slot in angle brackets: "<insert date>", "<Client name>", "<describe the site>" (a drafting instruction, or the field to
// fill), never the name of an HTML element
const ANGLE_SLOT = /<\s*(?:insert|enter|add|specify|describe|state|list|fill in|client|customer|provider|company|name|date|amount)\b[^<>\n]{0,60}>/gi
// a field named in angle brackets whose words name a slot ("<Site address>", "<Contact phone number>"), not an element
// of HTML ("<span class=…>", "<td>")
const ANGLE_FIELD = /<([A-Z][a-z]+(?: [A-Za-z]+){1,4})>/g
const HTML_TAG = /^(?:a|abbr|b|big|blockquote|br|center|cite|code|col|colgroup|dd|del|details|div|dl|dt|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|q|s|small|span|strike|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead|time|tr|u|ul)$/i
// A value named in lower case by the kind of quantity it is: "retention period", "response time", "uptime percentage"; or
// by the setting of time or place it is, which a form leaves open as it does a figure: "time zone", "region", "location"
const VALUE_NAMED = /^(?:[a-z][a-z-]*\s+){0,3}(?:period|time|times|frequency|interval|duration|percentage|level|limit|window|threshold|cap|rate|zone|timezone|region|location)$/
// an edition of a product, and the product's name or version right before its brackets
const EDITION = /^(?:Classic|Standard|Pro|Professional|Premium|Basic|Business|Enterprise|Plus|Lite|Essentials?|Online|Cloud|Desktop|Express|Home|Starter|Advanced|Ultimate|Legacy|Server|Mobile|Web|Education|Community)$/
const PRODUCT_BEFORE = /(?:^|[\s(|])(?!(?:The|A|An|Our|Your|Its|Their|This|That|Dear|Mr|Mrs|Ms|Dr|Attn|Attention|Signed|Name|By|Per|For|To|At|In|Of|On|And|Or|With|Plan|Tier|Level|Package|Option|Edition)\b)(?:[A-Z][\w'’&.-]*|\d[\w.]*)[ \t]+$/
// A name that runs on after a bracketed word with a capitalised word that is no company form ("[Bracket] Architects")
const NAME_GOES_ON = /^[ \t]+(?!(?:Ltd|Limited|Inc|Incorporated|LLC|LLP|PLC|Pty|GmbH|AG|Co|Corp|Corporation|Company|Group|Holdings)\b)[A-Z][\w'’&-]/
// The words that say a name is a registered or a trading name
const NAME_CUE = /\b(?:trading as|t\/a|doing business as|d\/b\/a|dba|registered (?:business |trading |company )?name|business name|trading name|brand name)\b/i
// A unit after a number left blank: "[X] hours", "[X] users"
const UNIT_AFTER = /^\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|%|percent|users?|devices?|seats?|sites?|visits?|copies)\b/i
// A figure with its unit and a doubt ("1 hour?"), or a number in words with its figure ("six (6)"), in brackets
const FIGURE_SLOT = /^(?:\d+(?:[.,]\d+)?\s?(?:(?:business|working|calendar) )?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s?\?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|forty|forty-five|sixty|ninety)\s?\(\d+\))$/i
// The unit right after a bracketed figure: "[30] days", "[12]-month", "[5] business days", "[20] users"
const FIGURE_UNIT_AFTER = /^\s?-?\s?(?:(?:business|working|calendar)\s)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|percent|users?|devices?|seats?|sites?|visits?|copies)\b/i
// Words that bound a quantity right before its figure: "up to", "at least", "no more than", "a maximum of"
const QUANTITY_BEFORE = /\b(?:up to|at least|at most|no more than|not more than|no fewer than|not fewer than|no less than|not less than|(?:a )?maximum of|(?:a )?minimum of)\s*$/i
// The quotation marks that open and close a word mentioned: straight, curly, single or double
const QUOTE_OPEN = ['"', '“', "'", '‘']
const QUOTE_CLOSE = ['"', '”', "'", '’']
/** Words that give what follows as an example: "such as", "like", "e.g.", "for example". */
const EXAMPLE_CUE = /\b(?:such as|like|e\.g\.|for example|for instance)\s/i

/** Is the slot at [start, end) of the block's text a whole code span given as an example ("such as `{{ x }}`")? */
function codeExample(source: string, block: Block, start: number, end: number): boolean {
  if (!EXAMPLE_CUE.test(block.text.slice(Math.max(0, start - 60), start))) return false
  const from = sourceOffset(block, start)
  const to = sourceOffset(block, end - 1) + 1
  return to - from === end - start && source[from - 1] === '`' && source[to] === '`'
}
// An answer written into a form's brackets: yes, not applicable, included or not, done (a tick)
const ANSWER = /^(?:yes|n\/a|not applicable|none|nil|included|not included|excluded|completed?|done|accepted|agreed|approved|signed|[✓✔☑√])\.?$/i
// The name of a language with a colon, opening a gloss: "Portuguese: ", "in French: ", "Te reo Māori: ", "German translation: "
const LANGUAGE_GLOSS = /^(?:in\s+)?(?:English|French|German|Spanish|Portuguese|Italian|Dutch|Flemish|Polish|Czech|Slovak|Hungarian|Romanian|Bulgarian|Greek|Turkish|Swedish|Norwegian|Danish|Finnish|Icelandic|Estonian|Latvian|Lithuanian|Welsh|Irish|Gaelic|Catalan|Basque|Galician|Afrikaans|Zulu|isiZulu|Xhosa|isiXhosa|Sesotho|Setswana|Swahili|Kiswahili|Amharic|Arabic|Hebrew|Persian|Farsi|Urdu|Hindi|Marathi|Tamil|Telugu|Bengali|Punjabi|Gujarati|Malay|Bahasa(?: [A-Z][a-z]+)?|Indonesian|Tagalog|Filipino|Vietnamese|Thai|Chinese|Mandarin|Cantonese|Japanese|Korean|M[āa]ori|[Tt]e [Rr]eo(?: M[āa]ori)?|Samoan|Tongan|Russian|Ukrainian)(?:\s+(?:translation|version|text|name|term|original))?\s*:/
// The words an abbreviation of a blank stands for, set after it by a dash, a colon, an equals sign, a cell's border or
// "means": "– to be determined", ": to be confirmed", " | Meaning: To be announced", " means to be decided"
const EXPANDED_AFTER = /^\s*(?:[:=–—|]|-\s|means\b|stands for\b|is short for\b)\s*(?:[A-Z][a-z]+:\s*)?["“]?[Tt]o be (?:determined|decided|confirmed|agreed|advised|announced|arranged)\b/
// (a value's label right before it makes it the value, however glossed: "Go-live: TBD – to be confirmed"; not the label of a
// list of abbreviations, "Abbreviations: TBD – …", "Abbreviation: TBA | …")
const LABELLED_BEFORE = /(?<!\b(?:[Aa]bbreviations?|[Aa]cronyms?|[Gg]lossary|[Kk]ey|[Ll]egend|[Tt]erms?|[Ss]hort forms?)):\s*$/
// A part's title: capitalised words, with the small words a title joins them by ("Fees and Payment", "Limitation of
// Liability"); and the words only a slot's title holds
const CAPTION = /^[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|or|of|for|the|to|in|on|&))*$/
const CAPTION_SLOT = /\b(?:insert|enter|name|date|address|amount|number|tbd|tbc|title|x+)\b/i
// A numbered part cited right before the bracket: "clause 4 ", "Section 5.2 ", "Schedule B ", "Appendix 3 "
const CITED_PART_BEFORE = /\b(?:[Cc]lauses?|[Ss]ections?|[Ss]chedules?|[Aa]ppendi(?:x|ces)|[Aa]nnex(?:e|ure)?s?|[Ee]xhibits?|[Pp]arts?|[Aa]rticles?|[Pp]aragraphs?|§)\s*(?:\d+(?:\.\d+)*[a-z]?|[A-Z]\d*(?:\.\d+)*)\s*$/
// Words that give the bracket after them as an example: "for example ", "e.g. ", "such as ", "Example: "
const EXAMPLE_BEFORE = /(?:\b(?:such as|e\.g\.|for example|for instance)|\b[Ee]xamples?\s*:)[,:]?\s*$/
// A mark of a document's standing: confidential, draft, subject to contract, without prejudice, a sample
const STANDING_MARK = /^(?:(?:private|strictly|commercial)\s+(?:(?:and|&)\s+)?(?:in\s+)?confiden(?:tial|ce)|confidential|draft(?:\s+(?:only|for (?:discussion|review|comment)))?|subject to contract|without prejudice|sample|specimen|final|execution (?:version|copy)|for (?:discussion|review|comment)(?: only)?|not for (?:distribution|circulation))$/i
// The words that define a term, right after it: "means", "shall mean", "has the meaning", "refers to", "is", "are"
const DEFINES_AFTER = /^\s*(?:means|mean|shall mean|has the meaning|refers to|is|are|includes)\b/
/** A standard named by its body and number: "RFC 2119", "ISO/IEC 27001:2022", "NIST SP 800-53", "BS EN 50600". */
const STANDARD_CITED = /^(?:RFC|ISO(?:\/IEC)?|IEC|NIST(?: SP)?|BS(?: EN)?|EN|DIN|IEEE|ANSI|FIPS|SOC)\s?\d+(?:[-.:/]\d+)*$/
// Reading: a drafter's note in brackets, opening on the writer's initials with a date ("[JT 12/9: the list of services is
// still to come …]") or on a word that names it a note for the drafting ("[Reviewer: confirm …]", "[Note to draft: …]"),
// marks text still to be written, however long it runs and over however many lines, as a short slot does; so does one
// opening on initials alone when it asks or says what is left to do ("[KL: Appendix 3 not yet written — use the one from
// the Hartley deal?]"). Not an aside ("[Note: the server is leased …]"), a code with its value ("[ABN: 51 824 753 556]"),
// nor a note with no brackets ("> Drafting note: fill every bracketed slot before sending"), which tells the drafter how
// to fill the template and holds no blank itself.
const NOTE_WORD = String.raw`(?:[Rr]eviewer(?:['’]s [Nn]ote)?|REVIEWER|[Nn]ote to (?:draft|drafter|client|self|file)|NOTE TO (?:DRAFT|DRAFTER|CLIENT|SELF|FILE)|[Dd]rafting [Nn]ote|DRAFTING NOTE|[Dd]rafter(?:['’]s)? [Nn]ote|[Ee]ditor['’]s [Nn]ote|[Ii]nternal [Nn]ote|[Cc]omment|COMMENT)`
const DATED_INITIALS = String.raw`[A-Z]{2,4}\s\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?`
const DRAFTER_NOTE = new RegExp(String.raw`\[[ \t]*(?:(?:${DATED_INITIALS}|${NOTE_WORD})|([A-Z]{2,4}))[ \t]*:[ \t]*[^\s\[\]][^\[\]]{7,600}\]`, 'g')
// what a note on initials alone says is left to do: a question, or work not yet done
const LEFT_TO_DO = /\?|\b(?:to come|not yet|still|confirm|check|decide|TBD|TBC|to be|fill(?:ed)? in|until)\b/i

// Reading: "[X]" inside a sentence, between lower-case words ("up to [X] named users", "on site [X] times a year"), is a
// number left blank; a box is ticked where a line, an item or a cell starts, among other boxes on its line ("Backup
// frequency: [x] daily [ ] weekly"), or where the words ask for it to be ticked ("tick [x] when signed")
const BOX = /\[[ xX]\]/g
function numberLeftBlank(text: string, start: number, length: number): boolean {
  const from = text.lastIndexOf('\n', start - 1) + 1
  const lineEnd = text.indexOf('\n', start + length)
  const line = text.slice(from, lineEnd < 0 ? text.length : lineEnd)
  if ((line.match(BOX) ?? []).length > 1) return false
  const before = text.slice(from, start)
  // (a box the words ask to be ticked stays a box: "tick [x] when signed", "mark [X] if you want on-site cover")
  if (/\b(?:tick|check|mark|cross|select|choose|box)(?:ed)?\s+$/i.test(before)) return false
  return /(?:^|[\s(])[a-z][\w'’-]*\s+$/.test(before) && /^\s+(?!(?:when|if|where|once|and|or|as|before|after|here|below|above)\b)[a-z]/.test(text.slice(start + length, start + length + 20))
}

// `has`: strings one of which every match contains; a block holding none of them is not searched (most blocks hold none)
// (`accept` gets the match, the text and where the match starts in it)
// (`note`: the match is a note of many words, quoted in the message by its opening words)
const PATTERNS: ReadonlyArray<{re: RegExp; has: readonly string[]; accept?: (m: string, text: string, start: number) => boolean; note?: true}> = [
  // (first: a note holds brackets' other readings, and the one found first at an offset is kept)
  {re: DRAFTER_NOTE, has: [':'], accept: (m) => /^\[[ \t]*(?:[A-Z]{2,4}\s\d|[A-Za-z]{5})/.test(m) || LEFT_TO_DO.test(m), note: true},
  {
    re: /\[([^\[\]\n]{1,60})\]/g,
    has: ['['],
    accept: (m, text, start) => {
      const inner = m.slice(1, -1).trim()
      // a box is blank or ticked where a line or an item starts ("[ ] Backups", "[x] Patching"); in a sentence, an empty
      // bracket after a currency sign is the amount left out ("$[ ] per hour") and "[X]" before a unit the number ("[X]
      // hours")
      if (start > 0 && /[£$€¥₹]\s?$/.test(text.slice(Math.max(0, start - 2), start)) && !inner) return true
      if (start > 0 && /^[xX]$/.test(inner) && /\S/.test(text.slice(0, start)) && UNIT_AFTER.test(text.slice(start + m.length, start + m.length + 20))) return true
      // Reading: brackets glued to the letters of the word before them are part of that word as it is written, a name
      // styled so ("Baltic[IT] Sp. z o.o.", "Cloud[Works] runs the backups", "the Data[Sense] portal"), not a slot;
      // a slot stands apart from the words around it ("[IT] Ltd", "the [Customer]")
      if (start > 0 && /\p{L}/u.test(text[start - 1]!)) return false
      // Reading: a slot written alone in quotation marks and given as an example ("do not leave fields such as \"TBD\" or
      // \"[DATE]\" in the Agreement") is the slot mentioned, not a value left blank, as a quoted "TBD" is; a quoted slot
      // with no such cue stays a slot ("[CLIENT] (\"[Client]\")")
      if (QUOTE_OPEN.includes(text[start - 1] ?? '') && QUOTE_CLOSE.includes(text[start + m.length] ?? '') && EXAMPLE_CUE.test(text.slice(Math.max(0, start - 60), start))) return false
      // an instruction to choose inside the brackets: "[Select one: Gold / Silver]", "[Delete as appropriate: …]"
      if (/^(?:select|choose|pick|delete|circle|tick)\b[^:]{0,30}:/i.test(inner)) return true
      // Reading: a figure in brackets where a value is stated, with its unit right after it or inside ("within [30] days",
      // "[12]-month terms", "[1 hour?]") or written in words and figures ("[six (6)] months"), is a draft's value left to
      // confirm; a bare figure with no unit after it, or opening its paragraph, is a note mark ("[1]", "[2] Copies are kept …")
      if (/^\d+(?:[.,]\d+)?$/.test(inner) && /\S/.test(text.slice(0, start)) && FIGURE_UNIT_AFTER.test(text.slice(start + m.length, start + m.length + 24))) return true
      // Reading: a bare figure in brackets right after words that bound a quantity ("up to [2] on-premises servers", "at
      // least [3] site visits", "a maximum of [10] named users") is a value left to confirm, whatever noun follows; a note
      // mark never stands there
      if (/^\d+(?:[.,]\d+)?$/.test(inner) && QUANTITY_BEFORE.test(text.slice(Math.max(0, start - 30), start))) return true
      if (FIGURE_SLOT.test(inner)) return true
      if (/^[xX]$/.test(inner) && numberLeftBlank(text, start, m.length)) return true
      if (!inner || /^[!xX ]$|^!/.test(inner) || /^\d+$/.test(inner) || /^end of\b/i.test(inner)) return false
      // a redaction mark says a value was there and was taken out for publication ("£[REDACTED] per hour", "[Withheld
      // – commercially sensitive]"): nothing is left to fill in
      if (/^(?:redacted|withheld)\b/i.test(inner)) return false
      // so is a mark that a clause is left out on purpose, in any letter case ("[RESERVED]", "[Intentionally Omitted]",
      // "[Not Used]", "[Deleted]")
      if (/^(?:reserved|deleted|omitted|not used|intentionally (?:omitted|deleted|left blank))\.?$/i.test(inner)) return false
      // an ellipsis in brackets inside a quotation marks words left out of the quotation ("“access to files from any
      // building […] and from home”"); outside a quotation it is a blank ("dated […]")
      if (/^(?:…|\.(?: ?\.){2})$/.test(inner) && inQuotation(text, start)) return false
      // a code with its digits joined to its letters names something that exists: a ticket tag ("[SEV1]", "[P1]"), an
      // advisory ("[CVE-2025-1042]"), a device label ("[RTR01]"); a slot is words ("[CONTACT NAME 2]", "[XX]")
      if (/^[A-Z]{1,8}(?:-?\d+)+$/.test(inner)) return false
      // Reading: a code in capitals that the words right before it name as a tag or prefix to write ("begin the subject
      // line with the tag [HFR]", "with the subject prefix [LFM-URGENT]") is that literal as it is to be written, not a
      // slot; words in brackets after such a word stay a slot ("the tag [Client Name]", "the prefix [XX]")
      // Reading: so is one after the verb that writes it before or after a thing ("requests from the workshop are prefixed
      // [TWJ] in the subject line"), and the same code wherever its text repeats it ('… for example "[TWJ] PC will not boot"')
      if (/^[A-Z][A-Z0-9_-]{1,15}$/.test(inner) && !/^(?:X+|TBD|TBC|TBA|NAME|DATE)$/.test(inner) && taggedLiteral(text, m)) return false
      // Reading: so is a code in capitals that its sentence writes into a subject line, whatever word names it ("begin the
      // subject line with [MFG] and the name of the home, for example "[MFG] Stratford – printer jam"", "messages from
      // outside have [EXTERNAL] added to the start of the subject line"), wherever the sentence repeats it; a slot's words
      // there stay a slot ("begin the subject line with [CLIENT NAME]", "[XX]")
      if (/^[A-Z][A-Z0-9_-]{1,15}$/.test(inner) && !/^(?:X+|TBD|TBC|TBA|NAME|DATE|CLIENT|CUSTOMER|COMPANY)$/.test(inner) && writtenInSubject(text, m)) return false
      // Reading: a standard cited by its body's letters and its number, in brackets as a reference list cites it ("[RFC 2119]",
      // "[ISO 27001]", "[ISO/IEC 27001:2022]", "[NIST SP 800-53]"), names a document that exists, not a slot
      if (STANDARD_CITED.test(inner)) return false
      // Reading: an answer already written into a form's brackets ("Remote support [Included]", "Status: [N/A]", "On-site
      // [Not included]", "Accepted [Yes]") is the value given, not a slot; a choice still to make ("[Yes/No]", "[Included
      // / billed]") stays a slot
      if (ANSWER.test(inner)) return false
      // Reading: a bracket that opens on the name of a language and a colon ("[Portuguese: Período de Colheita]", "[in
      // French: Date de début du service]", "[Welsh: Diwrnod Gwaith]") gives the words before it in that language, whatever
      // its words say; a slot's brackets name no language ("[Date]", "[Nom du signataire]")
      if (LANGUAGE_GLOSS.test(inner)) return false
      // Reading: a part's title in brackets after its number ("see clause 4 [Termination]", "Section 5 [Fees and
      // Payment]") is a caption that cites the part, not a slot; a slot's words there ("clause 4 [insert title]", "Schedule
      // 2 [Client Name]") stay a slot
      if (CAPTION.test(inner) && !CAPTION_SLOT.test(inner) && CITED_PART_BEFORE.test(text.slice(Math.max(0, start - 30), start))) return false
      // Reading: a bracketed value given as an example of what to write ("fill in each blank, for example [Harbour
      // Dental]", "Example: [Acme Pty Ltd]") is the example, not a value left blank; a slot's own words there ("such as
      // [Client Name]") stay a slot
      if (EXAMPLE_BEFORE.test(text.slice(Math.max(0, start - 20), start)) && !SLOT_ONLY.test(inner) && !SLOT_WORDS.test(inner)) return false
      // Reading: a mark of the document's standing in brackets ("[CONFIDENTIAL]", "[DRAFT]", "[Subject to Contract]",
      // "[PRIVATE AND CONFIDENTIAL]") labels the whole paper, as a header does; it leaves nothing to fill in
      if (STANDING_MARK.test(inner)) return false
      // Reading: a bracket between a term defined in quotation marks and the words that define it ('"Business Day"
      // [Werktag] means …', '"Support Hours" [Horas de Soporte] are …') gives the term in another language, or another
      // name for it: the term is being defined, so nothing in its brackets is left to fill; a slot's words there ('"Client"
      // [Client Name] means') and a bracket after the defining words ('"Client" means [Client Name]') stay slots
      if (!SLOT_ONLY.test(inner) && QUOTE_CLOSE.includes(text.slice(0, start).trimEnd().slice(-1)) && DEFINES_AFTER.test(text.slice(start + m.length, start + m.length + 30))) return false
      if (/^[●•…. _-]+$/.test(inner)) return true
      // a currency sign with room left after it for the amount: "[£ ]", "[$    ]" (not a unit named in brackets, "[£]")
      if (/^[£$€¥₹]$/.test(inner) && /\s/.test(m.slice(1, -1))) return true
      // option slots: "[6/12/18]", "[1.5x / 2x]", "[£95 or £120]", "[30/60 days]", "[Leeds or York]", "[Perth/Bunbury]", "[N]"
      if (/^\d+(?:\s*\/\s*\d+)+$/.test(inner) || OPTION_VALUES.test(inner)) return true
      // choices that are each a figure, a time or a range, set apart by a spaced slash: "[8:00 a.m. to 5:00 p.m. / 9:00 a.m. to 6:00 p.m.]"
      if (/^[^/]{0,28}\d[^/]{0,28}(?: \/ [^/]{0,28}\d[^/]{0,28})+$/.test(inner)) return true
      if (/^[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?(?:(?: or |\s*\/\s*)[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)+$/.test(inner)) return true
      if (/^[A-WYZ]$/.test(inner)) return true
      // a word in brackets inside a name that the text gives as a registered or trading name ("trading as [Bracket]
      // Architects (registered business name)", "t/a [Square] Design Studio"): the brackets are part of the name, as it is
      // registered (a word before a company form, "[Brand] Ltd", stays a slot)
      if (/^[A-Z][\w'’&-]*$/.test(inner) && NAME_GOES_ON.test(text.slice(start + m.length, start + m.length + 30)) && NAME_CUE.test(text.slice(Math.max(0, start - 60), start + m.length + 100))) return false
      // Reading: a product's edition written in brackets after the product's name ("Stockroom [Classic] stock control",
      // "Sage 50 [Standard] down for all users", "the Xero [Premium] subscription") is part of the name as its maker
      // writes it, not a slot: the name runs into the brackets from a capitalised word or a version number, and the word
      // inside names an edition ("the [Premium] plan", "Dear [Name]", "at [Leeds]" stay slots)
      if (EDITION.test(inner) && PRODUCT_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return false
      // a place or name to confirm: "[Leeds]", "[San Francisco]" (not "[Reserved]", "[Intentionally Omitted]", "[Signature Page Follows]")
      // a named field with an acronym: "[School URN]", "[Client ABN]", "[VAT No]"
      if (/^(?:[A-Z][a-z]+ ){1,2}[A-Z]{2,5}s?$|^[A-Z]{2,5} [A-Z][a-z]+$/.test(inner) && !/^(?:Reserved|Deleted|Omitted|Redacted|Intentionally|Note|Optional|Draft|Signature|Seal|Remainder|Page|Continued|See|Source|Per|Ref)\b/.test(inner)) return true
      if (/^[A-Z][a-z]{2,}(?: [A-Z][a-z]+){0,2}$/.test(inner) && !/^(?:Reserved|Deleted|Omitted|Redacted|Intentionally|Note|Optional|Draft|Signature|Seal|Remainder|Page|Continued)\b/.test(inner)) return true
      if (/^[A-Z][A-Z0-9 _/&'-]{1,}$/.test(inner) && /[A-Z]{2}/.test(inner)) return true
      // a value named in lower case: "[retention period]", "[response time]", "[backup frequency]" (one to four words with
      // no function word, the last naming a quantity; not an aside such as "[at any time]")
      if (VALUE_NAMED.test(inner) && !/\b(?:at|in|on|of|for|to|by|any|the|a|an|this|that|each|every|if|when|as|per)\b/.test(inner)) return true
      // a drafting instruction in lower case: "[list applications]", "[describe the site]"
      if (/^(?:list|specify|describe|select|choose)\s+[a-z]/.test(inner) && inner.split(/\s+/).length <= 6) return true
      return SLOT_WORDS.test(inner) && inner.split(/\s+/).length <= 6
    },
  },
  // (a word of them written alone in quotation marks is the word mentioned, not a value left blank: "tickets titled just
  // \"TBD\"", "mark the item ‘TBC’ in the tracker"; "Start date: TBD" leaves the value open)
  // Reading: so is one inside a name or a title the sentence quotes as an example ("a ticket titled \"Laptop for new hire –
  // start date TBD\" is a Request", "an e-mail with the subject \"Invoice TBC\""): the words are the quoted thing's own
  // Reading: so is one explained by the words it stands for, right after it ("TBD – to be determined", "TBC: to be
  // confirmed", an abbreviations table's "TBA | Meaning: To be announced", "TBD means to be decided"): the abbreviation is
  // being defined, not left as a value; a blank glossed in brackets ("Start date: TBD (to be determined)") stays a blank
  {re: /\b(?:TBD|TBC|TBA|TODO|FIXME)\b/g, has: ['TB', 'TODO', 'FIXME'], accept: (m, text, start) => !(QUOTE_OPEN.includes(text[start - 1] ?? '') && QUOTE_CLOSE.includes(text[start + m.length] ?? '')) && !quotedTitle(text, start) && !(EXPANDED_AFTER.test(text.slice(start + m.length, start + m.length + 40)) && !LABELLED_BEFORE.test(text.slice(Math.max(0, start - 40), start)))},
  // a drafting instruction in capitals or ending in "here" ("INSERT NAME HERE", "ENTER DATE", "insert logo here"), and the
  // same blank spelt out as a whole value ("Location: to be confirmed", a cell reading "To be agreed")
  {re: /\b(?:INSERT|ENTER)\s+(?:(?:CUSTOMER|CLIENT|COMPANY|PROVIDER|SUPPLIER|FULL|LEGAL|START|END|EFFECTIVE|YOUR)\s+){0,2}(?:NAME|DATE|ADDRESS|AMOUNT|FEE|NUMBER|DETAILS|TITLE)(?:\s+HERE)?\b(?!\s+(?:OF|FOR|ON|IN|TO|THAT|AND)\b)|\b[Ii]nsert\s+(?:(?:your|the|company|client|customer|provider|our)\s+)?(?:logo|name|date|address|signature|details|text|image|photo|table|figure|number|amount)\s+here\b/g, has: ['INSERT', 'ENTER', 'nsert']},
  {re: /(?<=:[ \t]{0,4})[Tt]o be (?:confirmed|determined|advised|decided|agreed)(?=\.?[ \t]*(?:\||$))/gm, has: ['o be ']},
  // two or more question marks standing for a value ("Notice period: ?? days", "£??")
  {re: /(?<=[\s:£$€(])\?{2,}(?=[\s).,;]|$)/g, has: ['??']},
  // a date or a figure whose digits are written as question marks, in part or in whole ("??/??/2027", "2027-??-??", "12/??/2026")
  {re: /(?<![\w?/.-])(?:\?{1,4}|\d{1,4})(?:[/.-](?:\?{1,4}|\d{1,4})){1,2}(?![\w?/-])/g, has: ['?'], accept: (m) => m.includes('?')},
  // ("XX" joined by a hyphen to a capitalised word or to digits is part of a name, a size such as "XX-Large" or a model
  // such as "Model XX-200"; joined to a lower-case unit, "a XX-day notice period", it is still a blank)
  {re: /(?<![\w$])\$?X{2,}(?:[,.]X+)*\b(?!-(?:[A-WYZ0-9]|X[a-z]))|\bX{2,}(?= (?:hours|days|minutes|months|years|%|percent))/g, has: ['XX']},
  // (two underscores standing alone are a blank too: "(number of users: __)"; joined to a word, "my__var", they are not)
  {re: /_{3,}|(?<!\w)__(?!\w)/g, has: ['__']},
  // a run of X's that ends a code after its digits (or stands before its last check letter) stands for the digits left
  // to fill: "2019XXXXXK", "12XX" (a digit's class of codes, "5XX errors", a masked number, "XXXX1234", and a serial
  // that runs on after its X's, "SG89XX02H1", are not blanks)
  {re: /(?<=\d)(?<!(?<!\w)\d)X{2,}(?=[A-Z0-9]?(?!\w))/g, has: ['XX']},
  // a dotted blank to write on, as a signature block or a form leaves it ("Signed ............ Date ........"): five dots or
  // more with no value after them, only the end of the line or the label of the next blank; a leader that runs to a value
  // ("Helpdesk hours ........ 8:00 to 18:00", "Services ........ 4") joins a label to what is filled in
  // (the next blank's label may end in a colon: "Print name: ..........   Title: ..........")
  // (and before a year: the day and month of a date left to fill, "Jakarta, ............ 2025", "on .......... 2026"; a
  // leader runs to a page or a value, never to a year)
  {re: /(?:\.[ \t]?){4,}\.(?![ \t]?\.)(?=[ \t]*$|[ \t]+(?:[A-Za-z][\w'’-]*:?[ \t]+){1,3}(?:\.[ \t]?){4,}\.|[ \t]+(?:19|20)\d{2}\b)|…{2,}(?=[ \t]*$)/gm, has: ['.....', '. . . . .', '……']},
  {re: ANGLE_SLOT, has: ['<']},
  {re: ANGLE_FIELD, has: ['<'], accept: (m) => !HTML_TAG.test(m.slice(1).split(' ')[0]!) && SLOT_WORDS.test(m)},
  {re: /\{\{[^{}\n]{0,80}\}\}/g, has: ['{{']},
  // the stock placeholder names of templates: "system ABC", "XYZ Ltd"
  {re: /\b(?:ABC|XYZ)\b/g, has: ['ABC', 'XYZ']},
  // the blank marks of Japanese and Chinese templates, kept by a translation: a name or value to fill in written as two or
  // more of one mark ("Tokyo Branch of 〇〇 Co., Ltd.", "○○株式会社", "△△ Corporation", "××公司")
  {re: /([〇○◯△□×])\1+/g, has: ['〇', '○', '◯', '△', '□', '×']},
]
// A value left to be decided in a line of "key: value" pairs inside a fenced code block, as a form or a runbook gives
// technical details ("account:      TBD", "vpn_user = TBC"): the code block is not prose, but its blank is as unfilled
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/
const CODE_KEY_BLANK = /^([ \t]*[A-Za-z][\w .'’/()-]{0,40}?[ \t]*[:=][ \t]*)(TBD|TBC|TBA)\b/

/** The values left "TBD" in the key-value lines of the source's fenced code blocks, as [offset, text]. */
function codeBlanks(source: string): Array<[number, string]> {
  const out: Array<[number, string]> = []
  let fence: string | undefined
  let at = 0
  for (const line of source.split('\n')) {
    const f = FENCE.exec(line)
    if (f && (fence === undefined || (f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]))) fence = fence === undefined ? f[1]! : undefined
    else if (fence !== undefined && line.includes('TB')) {
      const m = CODE_KEY_BLANK.exec(line)
      if (m) out.push([at + m[1]!.length, m[2]!])
    }
    at += line.length + 1
  }
  return out
}

/** Words that name what follows as a literal tag or prefix: "the tag ", "subject prefix ", "with the hashtag ". */
/** A code written into a subject line, before it ("subject line with ") or after it ("] added to the start of the subject line"). */
const SUBJECT_BEFORE = /\bsubject(?:\s+line|\s+field)?s?\s+(?:with|starting with|beginning with|prefixed (?:with|by))\s*[:"“'‘]?\s*$/i
const SUBJECT_AFTER = /^\s*(?:is\s+|are\s+|will be\s+)?(?:added|prepended|inserted|put|written|shown|placed)\s+(?:to|at|in|before)\s+(?:the\s+)?(?:(?:start|front|beginning|end)\s+of\s+)?(?:the\s+|each\s+|every\s+|its\s+|their\s+)?(?:e-?mail['’]?s?\s+|message['’]?s?\s+)?subject\b/i
/** Does the text name the bracketed code `m` as a tag or prefix to write at one of the places it stands in ("prefixed [TWJ] …, for example \"[TWJ] …\"")? */
function taggedLiteral(text: string, m: string): boolean {
  for (let at = text.indexOf(m); at >= 0; at = text.indexOf(m, at + 1)) if (TAG_BEFORE.test(text.slice(Math.max(0, at - 40), at))) return true
  return false
}
/** Does the text write the bracketed code `m` into a subject line at one of the places it stands in? */
function writtenInSubject(text: string, m: string): boolean {
  if (!/subject/i.test(text)) return false
  for (let at = text.indexOf(m); at >= 0; at = text.indexOf(m, at + 1)) {
    if (SUBJECT_BEFORE.test(text.slice(Math.max(0, at - 40), at)) || SUBJECT_AFTER.test(text.slice(at + m.length, at + m.length + 80))) return true
  }
  return false
}
// (and the verb that writes the tag before or after a thing: "requests are prefixed [TWJ]", "suffixed with [EXT]")
const TAG_BEFORE = /\b(?:tags?|prefix(?:es)?|suffix(?:es)?|hashtags?|keywords?|(?:prefixed|suffixed)(?:\s+(?:with|by))?)\s*[:"“'‘]?\s*$/i

// A line of six or more underscores alone is a line left to sign or fill in (a signature or a date), not a rule between
// parts, which Markdown writes as "---", "***" or "___": Markdown reads it as a rule, so it is in no block's text
const UNDERSCORE_LINE = /^[ \t]{0,3}(_{6,})[ \t]*$/gm

// A line that holds only an angle slot, after a list marker or none: Markdown reads it as an HTML block
const ANGLE_LINE = new RegExp(String.raw`^[ \t]{0,3}(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(${ANGLE_SLOT.source})[ \t]*$`, 'gim')

// Reading: a stock placeholder word that the agreement defines as the short name of a name whose initials it spells
// ("the Tall Building Depot ("TBD")", "Alpha Beta Computing Ltd (ABC)") is that name wherever it stands, not a blank;
// with no such definition, "TBD" is a blank
const STOCK_WORD = needs(/\b(?:TBD|TBC|TBA|ABC|XYZ)\b/)
const COMPANY_SUFFIX = /^(?:Ltd|Limited|Inc|LLC|LLP|plc|PLC|Pty|Co|Corp)\.?$/
// (a legal form written in lower case between the name and its short name is part of the name: "Adriatic Blue Charter
// d.o.o. (ABC)", "Alta Baia Costruzioni s.r.l. (ABC)")
const ABBREVIATION = /((?:[A-Z][\w'’&.-]*\s+(?:(?:of|and|for|the|&)\s+)?){2,6})(?:(?:[a-z]{1,4}\.){1,4}\s*)?\(\s*(?:the\s+)?["“]?(TBD|TBC|TBA|ABC|XYZ)["”]?\s*\)/g

/** The stock placeholder words the document defines as abbreviations of a name. */
function definedAbbreviations(doc: Document): ReadonlySet<string> {
  const out = new Set<string>()
  if (!STOCK_WORD.test(doc.source)) return out
  for (const block of doc.blocks) {
    if (!block.text.includes('(') || !STOCK_WORD.test(block.text)) continue
    for (const m of block.text.matchAll(ABBREVIATION)) {
      const initials = m[1]!.split(/\s+/).filter((w) => /^[A-Z]/.test(w) && !COMPANY_SUFFIX.test(w)).map((w) => w[0]).join('')
      if (initials.endsWith(m[2]!)) out.add(m[2]!)
    }
  }
  return out
}

// A name given with its number in a business register right after it ("… Limited (NZBN 9429050372118)", "… Pty Ltd, ABN
// 51 824 753 556", "… Ltd (company number 08123456)"): the name is written as it is registered
const REGISTER = String.raw`(?:NZBN|ABN|ACN|ARBN|CRN|CRO|EIN|CIN|GSTIN|UEN|KvK|HRB|SIREN|SIRET|company (?:no\.?|number|reg(?:istration)?\.? (?:no\.?|number))|registered (?:no\.?|number|company number)|registration (?:no\.?|number)|reg\.? no\.?|companies house (?:no\.?|number))[\s.:#]*\d[\d /-]{4,}`
const REGISTERED_AFTER = new RegExp(String.raw`^[\s,;:(]*${REGISTER}`, 'i')
const REGISTER_WORD = new RegExp(REGISTER, 'i')
// a word in brackets that opens a name running on to its legal form: "[ESC] Escape Rooms Limited"
const BRACKETED_NAME = /(\[[A-Z][\w'’&-]*\])[ \t]+(?:[A-Z][\w'’&-]*[ \t]+){1,4}(?:Ltd|Limited|Inc|Incorporated|LLC|LLP|PLC|Pty Ltd|Pty|GmbH|AG|Co|Corp|Corporation|Company)\b\.?/g

/**
 * The bracketed words that a document writes inside a name it gives with its business register number ("[ESC] Escape
 * Rooms Limited (NZBN 9429050372118)"): the brackets are part of the name as registered, there and wherever the name
 * recurs ("Signed for [ESC] Escape Rooms Limited"). A bracket before the legal form alone ("[Client] Ltd") stays a slot.
 */
function registeredNames(doc: Document): ReadonlySet<string> {
  const out = new Set<string>()
  if (!doc.source.includes('[')) return out
  // the names found only when the source names a register somewhere; that search runs over the whole source, so it is
  // made only once a block holds a bracketed name followed by a register (most hold none, and most sources no such name)
  let registered: boolean | undefined
  for (const block of doc.blocks) {
    if (!block.text.includes('[')) continue
    for (const m of block.text.matchAll(BRACKETED_NAME)) {
      if (!REGISTERED_AFTER.test(block.text.slice(m.index + m[0].length, m.index + m[0].length + 80))) continue
      if (!(registered ??= REGISTER_WORD.test(doc.source))) return out
      out.add(m[1]!)
    }
  }
  return out
}

// Reading: a short code in brackets that the agreement itself defines is a short name wherever it stands (in the text, in
// a table's cells or its header row), not a slot: the subject of "means" ("[ITM] means the Client's IT Manager"), or an
// entry of a legend or key that gives each code its meaning in the same sentence ("Legend: [R] Responsible, [A]
// Accountable"); a code that is not so defined, and a bracket that is itself the meaning ('"Site Lead" means [SL]'),
// stay slots
const CODE_BRACKET = /\[([A-Z][A-Z0-9]{0,5})\]/g
const CODE_MEANS = /^\s*(?:means|stands for|denotes|refers to|is short for|is used for)\b/
const CODE_GLOSS = /^\s*(?:[=:\u2013\u2014-]\s*)?[A-Z][a-z]/
const LEGEND = /\b(?:legend|key)\s*[:\u2013\u2014-]/i

// Reading: bracketed names that the agreement lists as the set of tags or labels something is given, two or more after a
// verb of labelling ("Each system is tagged [Gold], [Silver] or [Bronze]", "tickets are marked [Open], [Pending] or
// [Closed]"), are those tags wherever they stand (a list item, a table's header, a sentence), not slots: a form leaves
// one value open, not a set of named choices each in brackets of its own; a single bracket after the verb ("tagged
// [Tier]") and a bracket of slot words ("labelled [Client Name] or [Site Name]") stay slots
const TAG_VERB = /\b(?:tagged|labell?ed|marked|flagged|badged|classed|classified|graded|coded)\s+(?:(?:as|with)\s+)?$/i
const TAG_NAME = /\[([A-Z][A-Za-z0-9-]{0,15}(?: [A-Z][A-Za-z0-9-]{0,15})?)\]/g
const TAG_JOIN = /^\s*(?:,\s*(?:(?:or|and)\s+)?|(?:or|and)\s+)$/

/** The bracketed tags of a set the text introduces after a verb of labelling ("tagged [Gold], [Silver] or [Bronze]"). */
function taggedSet(text: string, out: Set<string>): void {
  let run: string[] = []
  let last = -1
  const close = (): void => {
    if (run.length >= 2) run.forEach((t) => out.add(t))
    run = []
  }
  for (const m of text.matchAll(TAG_NAME)) {
    if (run.length > 0 && TAG_JOIN.test(text.slice(last, m.index))) run.push(m[0])
    else {
      close()
      if (TAG_VERB.test(text.slice(Math.max(0, m.index - 40), m.index))) run.push(m[0])
    }
    last = m.index + m[0].length
    if (SLOT_WORDS.test(m[1]!)) run = []
  }
  close()
}

// Reading: a bracketed name the document declares as the name it uses for someone ("this response refers to the
// contracting authority as "[Authority]" throughout", "the school, called "[School]" in this copy") is that name wherever
// it stands, as a defined short name is; a declared bracket of slot words ('referred to as "[Client Name]"', "[Customer]")
// stays a slot
const DECLARED_NAME = /\b(?:refers?|referred|referring|calls?|called|calling|names?|named|naming|known)\b[^.;:!?]{0,80}?\bas\s+["“](\[[A-Z][\w'’&-]*(?:\s[A-Za-z][\w'’&-]*){0,3}\])["”]/g

// Reading: so is a code in capitals that the document says what it stands for in either of two other ways: a run of
// codes made the subject of a sentence naming them as codes, initials or abbreviations ("[HQ], [WH] and [DC] are the
// depot codes used in every table"), or a code that spells the initials of a name written just before it in the same
// clause ("Present: Maria Lopez, site manager [ML]; Tom Reyes [TR]"); wherever it then stands. A slot's words ("[CLIENT]",
// "[XX]", "[TBC]") stay slots, and so do a code that is no one's initials ("Jane Doe, director [CEO]") and a bracket
// that is itself the meaning a name is given ('"Site Lead" means [SL]').
const CODE_RUN = /(?:\[[A-Z][A-Z0-9]{0,5}\](?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+))*\[[A-Z][A-Z0-9]{0,5}\]\s+(?:are|is)\s+(?:the\s+|our\s+|your\s+)?(?:[\w'’-]+\s+){0,2}?(?:codes?|initials|abbreviations?|short\s+(?:names?|forms?)|identifiers?|IDs?)\b/g
// the clause before a code, back to the last mark that closes one ("; ", ". ", "(", "[" or the line's start)
const CLAUSE_BEFORE = /[^;.!?()[\]\n]{0,80}$/
// (a bracket that is itself the meaning a name is given stays a slot: '"Site Lead" means [SL]')
const MEANING_BEFORE = /\b(?:means|mean|is|are|shall be|will be|refers to|stands for|denotes)\s*$/i
// a word of a name, and a title before a name that its initials skip ("Dr. Ana Cruz [AC]")
const NAME_WORD = /[A-Z][\w'’-]*/g
const NAME_TITLE = /^(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sir|Dame|Rev|Fr)$/

/** Does `code` spell the initials of a run of capitalised words in `before` (the clause right before it)? */
function initialsOfName(code: string, before: string): boolean {
  const words = [...before.matchAll(NAME_WORD)].filter((m) => !NAME_TITLE.test(m[0]))
  for (let i = 0; i + code.length <= words.length; i++) {
    let k = 0
    // consecutive words: only spaces between them (a comma or a lower-case word ends the name)
    while (k < code.length && words[i + k]![0][0] === code[k] && (k === 0 || /^\s+$/.test(before.slice(words[i + k - 1]!.index + words[i + k - 1]![0].length, words[i + k]!.index)))) k++
    if (k === code.length) return true
  }
  return false
}

// Reading: a table whose column is headed as codes ("| Code | Service | Detail |", "| Key | Meaning |") gives each code it
// holds its meaning in the row's other cells: a bracketed code alone in that column's cell, with words beside it, is
// defined by its row ("| [SD] | Service desk | Phone and portal help |"), wherever it then stands; a code in a column
// headed otherwise ("| [SITE] | Leeds |" under "Site"), or in a row whose other cells are blank or slots, stays a slot
const CODE_COLUMN = /^\W*(?:codes?|keys?|abbreviations?|abbrev\.?|short (?:names?|forms?|codes?)|tags?|ids?|identifiers?|refs?|references?|symbols?)\W*$/i
const CODE_CELL = /^\s*\[([A-Z][A-Z0-9]{0,5})\]\s*$/

/** The code a table row defines in its column headed as codes, with its meaning beside it (see CODE_COLUMN), if any. */
function rowCode(block: Block): string | undefined {
  const {header, cells} = block
  if (!header || !cells || cells.length < 2) return undefined
  const column = header.findIndex((h) => CODE_COLUMN.test(h.replace(/[*_`]/g, '')))
  const m = column < 0 ? null : CODE_CELL.exec(cells[column] ?? '')
  if (!m || /^[NX]+$/.test(m[1]!) || SLOT_WORDS.test(m[1]!)) return undefined
  const meaning = cells.some((c, k) => k !== column && /[A-Za-z]{3,}/.test(c) && placeholders(c).length === 0)
  return meaning ? `[${m[1]!}]` : undefined
}

// Reading: a document that says its codes are written in square brackets ('"Depot Code" means the two-letter code of a
// depot, written in square brackets', "the depot codes in square brackets are used in every table") writes every short code of capitals in
// square brackets as such a code, wherever it stands: none of them is a slot. A sentence that says what is in brackets is
// still to fill ("Items in square brackets are still to be agreed", "replace the codes in square brackets") declares no
// codes, and a slot's words ("[CLIENT]", "[XX]") stay slots
const CODES_IN_BRACKETS = /\bcodes?\b[^.;!?]{0,120}?\bsquare brackets\b|\bsquare brackets\b[^.;!?]{0,60}?\bcodes?\b/i
const STILL_TO_FILL = /\b(?:to be|still|replace|fill|complete|confirm|agree|blank|placeholders?|delete|remove|insert)/i
const SHORT_CODE = /\[([A-Z][A-Z0-9]{1,5})\]/g

/** Does a block's text say that the document's codes are written in square brackets? */
function declaresBracketedCodes(text: string): boolean {
  if (!text.includes('square brackets')) return false
  for (const sentence of text.split(/(?<=[.!?])\s+/)) if (CODES_IN_BRACKETS.test(sentence) && !STILL_TO_FILL.test(sentence)) return true
  return false
}

/** The bracketed codes the document defines ("[ITM] means …", "Legend: [R] Responsible, …", "tagged [Gold] or [Silver]"), and names it declares. */
function definedCodes(doc: Document): ReadonlySet<string> {
  const out = new Set<string>()
  if (!doc.source.includes('[')) return out
  const declared = doc.source.includes('square brackets') && doc.blocks.some((b) => declaresBracketedCodes(b.text))
  for (const block of doc.blocks) {
    if (!block.text.includes('[')) continue
    if (declared) for (const m of block.text.matchAll(SHORT_CODE)) if (!/^[NX]+$/.test(m[1]!) && !SLOT_WORDS.test(m[1]!)) out.add(m[0])
    if (block.kind === 'table-row') {
      const code = rowCode(block)
      if (code !== undefined) out.add(code)
      continue
    }
    taggedSet(block.text, out)
    for (const run of block.text.matchAll(CODE_RUN)) for (const m of run[0].matchAll(CODE_BRACKET)) if (!/^[NX]+$/.test(m[1]!) && !SLOT_WORDS.test(m[1]!)) out.add(m[0])
    for (const m of block.text.matchAll(DECLARED_NAME)) if (!SLOT_WORDS.test(m[1]!.slice(1, -1))) out.add(m[1]!)
    const legend = LEGEND.exec(block.text)
    for (const m of block.text.matchAll(CODE_BRACKET)) {
      const inner = m[1]!
      if (/^[NX]$/.test(inner) || SLOT_WORDS.test(inner)) continue
      const after = block.text.slice(m.index + m[0].length, m.index + m[0].length + 40)
      if (CODE_MEANS.test(after) || (legend !== null && legend.index < m.index && !/[.!?;]\s/.test(block.text.slice(legend.index, m.index)) && CODE_GLOSS.test(after))) out.add(m[0])
      else if (inner.length >= 2 && !MEANING_BEFORE.test(block.text.slice(Math.max(0, m.index - 30), m.index)) && initialsOfName(inner, CLAUSE_BEFORE.exec(block.text.slice(Math.max(0, m.index - 80), m.index))![0])) out.add(m[0])
    }
  }
  return out
}

/** The spans of the source's HTML comments ("<!-- … -->", an unclosed one to the end), in order. */
function commentSpans(source: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (let open = source.indexOf('<!--'); open >= 0; open = source.indexOf('<!--', open)) {
    const close = source.indexOf('-->', open + 4)
    const end = close < 0 ? source.length : close + 3
    out.push([open, end])
    open = end
  }
  return out
}

// A bracket that follows a capitalised word directly (not a function word or a possessive): "Backups [Sauvegardes]",
// "Preço [Price]" (a capital and letters of any script)
const GLOSSED = /(?:^|[\s(])(?!(?:The|A|An|Of|For|In|At|To|By|With|On|And|Or)\s)\p{Lu}[\p{L}\p{M}\p{N}_’'-]*(?<!['’]s)\s+$/u
// Reading: in a document that glosses its headings in brackets, its text is glossed the same way, after words of either
// case and after a quoted term ("Fora desse horário [outside these hours]", "8 horas úteis [business hours]", "\"Tempo de
// resposta\" [response time]"): a bracket of words right after a word that is not a function word or a possessive is a
// gloss there; after a function word of English or of the glossed language ("located in [City]", "within [N] days",
// "oficina en [Ciudad]") it is still the slot it looks like: a phrase glossed ends in a word of its own
const GLOSSED_WORD = /(?:^|[\s(])(?!(?:the|a|an|of|for|in|at|to|by|with|on|and|or|per|within|from|until|than|as|under|is|are|be|each|every|our|your|their|its|his|her|my|de|del|da|do|das|dos|des|du|di|en|em|no|na|nos|nas|al|ao|à|au|aux|por|para|pour|par|con|com|sin|sem|sur|sous|im|am|zu|zum|zur|von|vom|mit|bei|für|auf|aus|el|la|los|las|le|les|lo|il|o|os|un|una|uno|une|um|uma|ein|eine|der|die|das|den|dem|y|e|et|und|ou|oder|que|che)["”’')]*\s+$)\p{L}[\p{L}\p{M}\p{N}_’'-]*(?<!['’]s)["”’')]*\s+$/iu
// What only a slot says: "[insert …]", "[Name]", "[Date]", "[●]", "[XX]"
const SLOT_ONLY = /\b(?:insert|enter|name|date|amount|tbd|tbc|x{2,})\b|[●_…]/i
/** A bracket of words: a word of three letters or more ("[business hours]", not "[N]" or "[6/12/18]"). */
const WORDS = /\p{L}{3,}/u

/**
 * Is the bracket at `start` a gloss of the words before it ("Backups [Sauvegardes]"), not a slot? `anyCase`: also after
 * a word written in lower case or a quoted term, as in the text of a document that glosses its headings.
 */
function isGloss(text: string, start: number, bracket: string, anyCase = false): boolean {
  if (!bracket.startsWith('[') || SLOT_ONLY.test(bracket)) return false
  const before = text.slice(Math.max(0, start - 40), start)
  return GLOSSED.test(before) || (anyCase && WORDS.test(bracket) && GLOSSED_WORD.test(before))
}

/**
 * Can a code span open right before some character of the block's text: is there a backtick in the source from one
 * character before each of its segments to the end of it? (A segment may lie apart from the block: a table row's text
 * carries its header's words.) A blank in code is reported only after a backtick, and most blocks hold none.
 */
function backtickNear(source: string, block: Block, backticks: readonly number[]): boolean {
  const segs = block.segments
  if (segs.length === 0) return source[block.position.start.offset - 1] === '`'
  // each segment and the character on either side of it: is there a backtick in source[from, to]?
  for (const s of segs) {
    const from = Math.max(0, s.sourceStart - 1)
    const to = Math.min(source.length - 1, s.sourceStart + s.length)
    // the first backtick at or after `from` (the offsets are ascending)
    let lo = 0
    let hi = backticks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (backticks[mid]! < from) lo = mid + 1
      else hi = mid
    }
    if (lo < backticks.length && backticks[lo]! <= to) return true
  }
  return false
}

/** The offsets of every backtick in the source, ascending: found once per lint, and each block looks its segments up. */
function backtickOffsets(source: string): number[] {
  const out: number[] = []
  for (let at = source.indexOf('`'); at >= 0; at = source.indexOf('`', at + 1)) out.push(at)
  return out
}
// What a code span holds when it is a blank: one capital ("N"), a mask ("DD/MM/YYYY", "HH:MM"), an <angle> slot, an
// upper-case name with underscores ("CLIENT_NAME"); code itself ("npm install", "GET /status") is none of these
const CODE_BLANK = /(?<![\w<])(?:[A-Z]|[A-Z]{1,4}(?:[\/.:-][A-Z]{1,4}){1,3}|<[^<>\n]{1,30}>|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\w>])/g

// Masks a clause calls a pattern or a format describe how values are written, not blanks: "follow the pattern `KS-NNNN`
// for the high school and `EL-NNNN` for the others", "in the format: `DD/MM/YYYY`"
const NAMED_PATTERN = needs(/\b(?:pattern|patterns|format|formats|convention|conventions|mask|masks|syntax|scheme)\b[^.;!?]*$/i)

/**
 * Is text[at] inside a quotation: after an opening quotation mark that no closing one follows before it? (Read over the
 * 400 characters before it, so a block of many bracketed ellipses costs no more than its length.)
 */
/** Is the offset inside a quotation that a naming word introduces ("titled", "named", "called", "the subject")? */
function quotedTitle(text: string, at: number): boolean {
  if (!inQuotation(text, at)) return false
  const before = text.slice(Math.max(0, at - 200), at)
  const open = Math.max(before.lastIndexOf('“'), before.lastIndexOf('"'))
  return open >= 0 && QUOTE_NAMED.test(before.slice(0, open))
}
const QUOTE_NAMED = /\b(?:titled|entitled|named|called|labell?ed|headed|subject(?: line)?(?: of)?|with the (?:title|name|subject(?: line)?))[:\s]*$/i

function inQuotation(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 400), at)
  const open = before.lastIndexOf('“')
  if (open >= 0 && open > before.lastIndexOf('”')) return true
  let straight = 0
  for (let i = before.indexOf('"'); i >= 0; i = before.indexOf('"', i + 1)) straight++
  return straight % 2 === 1
}

/** Placeholders in a text: each match once, in order, overlaps dropped. */
function placeholders(text: string): Array<{start: number; end: number; text: string}> {
  const found: Array<{start: number; end: number; text: string}> = []
  for (const {re, has, accept, note} of PATTERNS) {
    if (!has.some((h) => text.includes(h))) continue
    re.lastIndex = 0
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0
      if (accept && !accept(m[0], text, start)) continue
      found.push({start, end: start + m[0].length, text: note ? excerpt(m[0]) : m[0]})
    }
  }
  found.sort((a, b) => a.start - b.start)
  let last = -1
  return found.filter((f) => {
    if (f.start < last) return false
    last = f.end
    return true
  })
}

// A column's unit, as a header writes it in brackets: "[hours]", "[business days]", "[%]", "[GBP]"
const HEADER_UNIT = /^\[\s*(?:(?:business|working|calendar|clock)\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|%|percent|GBP|USD|EUR|AUD|NZD|SGD|CAD|ZAR|INR|[£$€])\s*\]$/i

/** Does the text offset fall in the block's own source (not in words the block carries from elsewhere, a column header)? */
function inSource(block: Block, offset: number): boolean {
  return block.segments.some((s) => s.textStart <= offset && offset < s.textStart + s.length)
}

/** Where a table's header row writes `text`: between the block before the table and its first row. */
function headerPosition(doc: Document, row: Block, before: Block | undefined, text: string): Position | undefined {
  const file = [doc, ...(doc.set ?? [])].find((d) => d.filePath === row.file.path)
  if (!file) return undefined
  const at = file.source.lastIndexOf(text, row.position.start.offset)
  if (at < 0 || (before && before.file === row.file && at < before.position.end.offset)) return undefined
  return {start: row.file.positionAt(at), end: row.file.positionAt(at + text.length)}
}

// Reading: "XX" after a name in capitals that the document also writes with another Roman numeral ("Kestrel Dawn XX" beside
// "Kestrel Dawn XXI", "Pump Station XX" beside "Pump Station XIX") is the numeral of one of a series of things so named,
// not a blank; with no such sister name ("Suite XX", "Model XX") it stays a blank
const NAME_BEFORE = /(?:^|[^\w'’-])((?:[A-Z][\w'’-]*[ \t]+){1,3})$/

/** Is "XX" after `before` the Roman numeral of a name the document also writes with another numeral? (kept per name) */
function numeralOfName(doc: Document, before: string, seen: Map<string, boolean>): boolean {
  const m = NAME_BEFORE.exec(before)
  if (!m) return false
  const name = m[1]!.trim()
  let known = seen.get(name)
  if (known === undefined) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
    known = new RegExp(String.raw`(?<![\w'’-])${escaped}\s+(?!XX\b)[IVXLC]{1,7}\b`).test(doc.source)
    seen.set(name, known)
  }
  return known
}

/** The kind of the kept slots of a block text. */
const SLOTS = {name: 'no-placeholders: slots'}

export default {
  meta: {
    id: 'no-placeholders',
    description: 'Flags unfilled template text such as "[Client Name]", "TBD", "XX", "___", "<insert date>" or "{{ var }}"',
    category: 'language',
    severity: 'warning',
    messages: {placeholder: 'Unfilled placeholder "{text}"; replace it with the agreed value'},
  },
  check(context) {
    // a document that glosses its headings in brackets ("## 6. Backups [Sauvegardes]") glosses its terms the same way
    // ("Critical [Critique]"): a bracket right after the words it names is a gloss there, not a slot
    // (the titles the section tree reads, however written: a '#' heading, a bold line, a line in capitals, a numbered line)
    const glossed = context.doc.sections.filter((section) => {
      if (section.depth === 0 || !section.title.trimEnd().endsWith(']')) return false
      const last = /\[[^\[\]\n]{1,60}\]\s*$/.exec(section.title)
      return last !== null && isGloss(section.title, last.index, last[0].trim())
    })
    const glosses = glossed.length >= 2
    const {doc} = context
    const named = definedAbbreviations(doc)
    const registered = registeredNames(doc)
    const codes = definedCodes(doc)
    const numerals = new Map<string, boolean>()
    const code = doc.source.includes('`')
    let backticks: number[] | undefined
    let previous: Block | undefined
    // the source offsets of the angle slots found in the blocks' text (a line that holds only one may be a block's too)
    const reported = new Set<number>()
    // the slots of a text depend on the text alone: an editor keeps them per block text
    const slots = context.reading.blockColumn(SLOTS, doc.blocks, (b) => placeholders(b.text))
    for (let i = 0; i < doc.blocks.length; i++) {
      const block = doc.blocks[i]!
      const found = slots[i]!
      // a table row's text carries its column headers ("For [Client Name]: …"): a slot there stands in the header row,
      // reported once, where the header row says it, with the table's first row
      const firstRow = block.header !== undefined && !(previous?.kind === 'table-row' && previous.header === block.header)
      const prior = previous
      previous = block
      // words a redline strikes through ("~~TBC~~ **3 May 2027**") are deleted: a slot there was filled, not left
      const live = found.length && block.text.includes('~~') ? withoutStruck(block.text) : undefined
      for (const f of found) {
        if (live !== undefined && !live.slice(f.start, f.end).trim()) continue
        if (glosses && isGloss(block.text, f.start, f.text, true)) continue
        if (named.has(f.text) || registered.has(f.text) || codes.has(f.text)) continue
        if (f.text === 'XX' && numeralOfName(doc, block.text.slice(Math.max(0, f.start - 60), f.start), numerals)) continue
        // Reading: a slot written as inline code and given as an example of what is written ("expressions such as
        // `{{ inputs.region }}` in workflow files") is the syntax mentioned, not a value left blank, as a slot quoted as an
        // example is; a slot in code with no such cue ("send it to `{{ email }}`") stays a slot
        if (code && block.file.path === doc.filePath && codeExample(doc.source, block, f.start, f.end)) continue
        if (block.header?.length && !inSource(block, f.start)) {
          // "Response [hours]", "Fee [GBP]": a column header names its unit in brackets after its words
          if (HEADER_UNIT.test(f.text) && /\w[^|:]*$/.test(block.text.slice(Math.max(0, f.start - 40), f.start))) continue
          const at = firstRow ? headerPosition(doc, block, prior, f.text) : undefined
          if (at) context.report({messageId: 'placeholder', position: at, data: {text: f.text}})
          continue
        }
        if (f.text.startsWith('<') && block.file.path === doc.filePath) reported.add(sourceOffset(block, f.start))
        context.report({messageId: 'placeholder', block, start: f.start, end: f.end, data: {text: f.text}})
      }
      // a blank written as inline code: "`N` users", "from `DD/MM/YYYY`", "at `<site>`", "`CLIENT_NAME`"
      if (!code || block.file.path !== doc.filePath || !backtickNear(doc.source, block, (backticks ??= backtickOffsets(doc.source)))) continue
      CODE_BLANK.lastIndex = 0
      for (const m of block.text.matchAll(CODE_BLANK)) {
        const start = m.index
        const end = start + m[0].length
        if (found.some((f) => f.start < end && f.end > start)) continue
        if (NAMED_PATTERN.test(block.text.slice(Math.max(0, start - 120), start))) continue
        const from = sourceOffset(block, start)
        // (the offset just past a code span maps to the next segment: map its last character)
        const to = sourceOffset(block, end - 1) + 1
        if (to - from !== m[0].length || doc.source[from - 1] !== '`' || doc.source[to] !== '`') continue
        context.report({messageId: 'placeholder', block, start, end, data: {text: m[0]}})
      }
    }
    if (doc.source.includes('```') || doc.source.includes('~~~')) {
      for (const [at, text] of codeBlanks(doc.source)) context.report({messageId: 'placeholder', position: {start: doc.positionAt(at), end: doc.positionAt(at + text.length)}, data: {text}})
    }
    // an angle slot alone on its line (or as a list item's whole text) is an HTML block to Markdown, so it is in no
    // block's text: "<insert any site-specific terms>", "- <describe the locations>"
    if (doc.source.includes('<')) {
      // (inside an HTML comment the line is invisible, as a commented-out clause is)
      const comments = commentSpans(doc.source)
      let c = 0
      for (const m of doc.source.matchAll(ANGLE_LINE)) {
        const at = (m.index ?? 0) + m[0].indexOf(m[1]!)
        while (c < comments.length && comments[c]![1] <= at) c++
        if (reported.has(at) || (c < comments.length && comments[c]![0] <= at)) continue
        context.report({messageId: 'placeholder', position: {start: doc.positionAt(at), end: doc.positionAt(at + m[1]!.length)}, data: {text: m[1]!}})
      }
    }
    if (doc.source.includes('______')) {
      for (const m of doc.source.matchAll(UNDERSCORE_LINE)) {
        const at = (m.index ?? 0) + m[0].indexOf(m[1]!)
        context.report({messageId: 'placeholder', position: {start: doc.positionAt(at), end: doc.positionAt(at + m[1]!.length)}, data: {text: m[1]!}})
      }
    }
    // a bold lead-in of a list item ("1. **[Customer Legal Name]** …") becomes a section title, not block text
    for (const section of context.doc.sections) {
      if (section.kind !== 'list-item') continue
      const first = placeholders(section.title).find((f) => !named.has(f.text) && !codes.has(f.text))
      if (first) context.report({messageId: 'placeholder', section, data: {text: first.text}})
    }
  },
} satisfies Rule<'placeholder'>
