// How a clause is reached when it is not worded in any clause's vocabulary: readings of sentence structure (a title that
// says what a party will or will not do, work placed outside a stated span of hours) rather than lists of phrases.

/** Verbs by which a provider takes work on: "do", "cover", "help with", "look after", "take care of", "deal with". */
const SCOPE_VERB = String.raw`(?:do(?:es)?|handles?|covers?|includes?|provides?|supports?|offers?|delivers?|fix(?:es)?|repairs?|manages?|touch(?:es)?|(?:helps?|assists?)(?: (?:you|the \w+))?(?: (?:with|on))?|looks? after|takes? care of|takes? on|deals? with|works? on|gets? involved (?:in|with))`
/** A subject that is not the customer: "I", "we", "they", "the volunteers", "Acme IT", "our team". */
const WORD = String.raw`(?!(?:if|when|where|whether|why|how|happens|to|is|are|was|were|do|does|did|must|should|need|needs|has|have|can|cannot|won|will|shall|shan|don|doesn|aren|isn|never|not|also|usually|normally|only|gladly|happily)\b)[\w&’'.-]+`
const SUBJECT = String.raw`(?:i|we|they|he|she|it|(?:the|our|this) ${WORD}(?: ${WORD}){0,2}|${WORD}(?: ${WORD}){0,2})`
/** The customer, by role or by "you": a title about what the customer does is no scope or exclusion. */
const CUSTOMER = /^(?:you|your\b|the (?:customer|client|buyer|subscriber|licensee|member|tenant|school|practice|firm|company|charity|organi[sz]ation|institution)s?\b)/i
const NEGATED = String.raw`(?:won[’']?t|will not|can[’']?t|cannot|can not|don[’']?t|do not|doesn[’']?t|does not|shan[’']?t|shall not|aren[’']?t able to|are not able to|isn[’']?t able to|is not able to|are not going to|is not going to|never)`
const AFFIRMED = String.raw`(?:[’']ll|[’']d|will|can|shall|are able to|is able to|are going to|is going to|gladly|happily)?`
const FOR = String.raw`(?:\s+(?:for|on behalf of)\s+(?:you|us|them|the [\w-]+|your [\w-]+))?`
// "What I won't do", "Things the volunteers can't help with", "Work we don't take on"
const TITLE = new RegExp(
  String.raw`^(?:what|things|work|jobs|tasks|services|areas|stuff|anything)\s+(?:that\s+)?(?<subject>${SUBJECT})(?<modal>\s*${NEGATED}\s+|\s*${AFFIRMED}\s*)(?:(?:also|usually|normally|not|only|currently)\s+)?${SCOPE_VERB}${FOR}\s*[.:?!]*$`,
  'i',
)

/**
 * A title read as a statement of what a party (not the customer) takes on: `provides` ("What I'll do", "What the
 * volunteers help with") is the home of the scope of services, `withholds` ("What we won't do", "Things the team
 * can't help with") the home of the exclusions.
 */
export function scopeTitle(title: string): 'provides' | 'withholds' | undefined {
  const t = title.replace(/[*_`]/g, '').replace(/^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\)|\([a-z]\))\s+/i, '').trim()
  if (t.length > 80) return undefined
  const m = TITLE.exec(t)
  if (!m?.groups) return undefined
  if (CUSTOMER.test(m.groups['subject']!)) return undefined
  return new RegExp(String.raw`^\s*${NEGATED}\s*$`, 'i').test(m.groups['modal']!) ? 'withholds' : 'provides'
}

/** "will not do …", "can't help with …", "does not take on …": a party declining work (whose party, the caller asks). */
const DECLINES = new RegExp(String.raw`\b${NEGATED}\s+(?:(?:usually|normally|currently|otherwise)\s+)?${SCOPE_VERB}\b`, 'i')

/** The offset of a negated scope verb ("won't do", "can't help with"), or -1. */
export function declinesWork(text: string): number {
  const m = DECLINES.exec(text)
  if (!m) return -1
  // a condition ("If the School does not provide access, …") states no refusal
  return CONDITION.test(text.slice(0, m.index)) ? -1 : m.index
}

const CONDITION = /\b(?:if|where|unless|when|whenever|should|in case|provided that|to the extent)\b[^.;:]*$/i
