// The structural readings that reach a clause whatever its words (src/reading/reach.ts).
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document.js'
import type {Party} from '../src/reading/index.js'
import {asksOfCustomer, declinesWork, dutiesTitle, leadsList, outsideHours, outsideOffer, reachTitle, refusesWork, replaceName, requirementAt, roleTitle, scopeTitle, shareOfEvents, shareOfTime, TitleRoles, withheldWork} from '../src/reading/reach.js'

describe('scopeTitle', () => {
  it('reads a title that says what a party other than the customer takes on, or will not take on', () => {
    expect(scopeTitle('What our crew will handle for you')).toBe('provides')
    expect(scopeTitle('Things the helpers look after')).toBe('provides')
    expect(scopeTitle('4. What Brightwater does')).toBe('provides')
    expect(scopeTitle("Jobs our technicians won't take on")).toBe('withholds')
    expect(scopeTitle('Work the studio does not get involved in')).toBe('withholds')
    expect(scopeTitle('What we cannot assist with')).toBe('withholds')
  })

  it('reads a title about what an offer holds or is, and what it does not', () => {
    expect(scopeTitle("What's in the monthly")).toBe('provides')
    expect(scopeTitle('What is in your plan?')).toBe('provides')
    expect(scopeTitle('What the subscription is')).toBe('provides')
    expect(scopeTitle("What's not in the monthly")).toBe('withholds')
    expect(scopeTitle('What is not part of this')).toBe('withholds')
    expect(scopeTitle("What the service isn't")).toBe('withholds')
  })

  it('leaves a title about what a document holds alone', () => {
    expect(scopeTitle("What's in this agreement")).toBeUndefined()
    expect(scopeTitle('What is in the guide')).toBeUndefined()
    expect(scopeTitle('What the agreement is not')).toBeUndefined()
  })

  it('leaves titles about the customer, questions and other subjects alone', () => {
    expect(scopeTitle('What the practice must do')).toBeUndefined()
    expect(scopeTitle("What you can't do")).toBeUndefined()
    expect(scopeTitle('What the client will provide')).toBeUndefined()
    expect(scopeTitle('What happens when we cannot fix it')).toBeUndefined()
    expect(scopeTitle('What we do with your data')).toBeUndefined()
    expect(scopeTitle('Fees')).toBeUndefined()
  })
})

describe('declinesWork', () => {
  it('finds a negated scope verb, not one inside a condition', () => {
    expect(declinesWork('Our engineers will not deal with cabling.')).toBeGreaterThan(0)
    expect(declinesWork("We can't help with personal devices:")).toBeGreaterThan(0)
    expect(declinesWork('If the Client does not provide access, targets are paused.')).toBe(-1)
    expect(declinesWork('The service covers 20 PCs.')).toBe(-1)
  })
})

describe('withheldWork', () => {
  const byCustomer = (text: string, at: number): boolean => /\b(?:client|customer|you)\b/i.test(text.slice(Math.max(0, at - 30), at))
  const at = (text: string, word: string): number => text.indexOf(word)

  it('reads work named after an exclusion lead-in, in a list such a lead-in introduces, or after the provider declines it', () => {
    const lead = 'The following are excluded from this Agreement: new hardware; repair of flood damage; and line rental.'
    expect(withheldWork(lead, at(lead, 'repair'), undefined, byCustomer)).toBe(true)
    expect(withheldWork('restoring files from backup;', 10, 'The following are not part of the detection service:', byCustomer)).toBe(true)
    expect(withheldWork('printer repair;', 8, 'We do not support the following:', byCustomer)).toBe(true)
    const declined = 'Provider does not provide printer repair or website hosting.'
    expect(withheldWork(declined, at(declined, 'repair'), undefined, byCustomer)).toBe(true)
  })

  it('leaves work taken on, work the customer declines, and mentions before the lead-in or inside a condition alone', () => {
    const taken = 'Provider repairs failed printers within two business days.'
    expect(withheldWork(taken, at(taken, 'repairs'), undefined, byCustomer)).toBe(false)
    const customer = 'The Client does not provide spare parts, so repairs wait for delivery.'
    expect(withheldWork(customer, at(customer, 'repairs'), undefined, byCustomer)).toBe(false)
    const before = 'Repairs are billed at cost; the following are excluded: cabling and line rental.'
    expect(withheldWork(before, 0, undefined, byCustomer)).toBe(false)
    const condition = 'If parts are not covered: Provider repairs the device and bills the parts at cost.'
    expect(withheldWork(condition, at(condition, 'repairs'), undefined, byCustomer)).toBe(false)
    expect(withheldWork('repair of failed disks;', 0, 'Provider also handles the following:', byCustomer)).toBe(false)
  })
})

describe('outsideHours', () => {
  const defs: Record<string, string> = {'attended period': '08:00 to 18:00 on weekdays', term: 'twelve months from the start date'}
  const definedAs = (t: string): string | undefined => defs[t.toLowerCase()]

  it('finds work placed outside a span named as hours, a shift or a window, or a defined term stated in days or clock times', () => {
    expect(outsideHours('Work outside the agreed cover hours is billed at $90 an hour.')).toBeGreaterThan(0)
    expect(outsideHours('Help beyond the day shift costs €60 per hour.')).toBeGreaterThan(0)
    expect(outsideHours('Support after our service window is included.')).toBeGreaterThan(0)
    expect(outsideHours('Calls after the Attended Period are charged double.', definedAs)).toBeGreaterThan(0)
  })

  it('leaves maintenance windows, notice periods and defined terms that are no span of hours alone', () => {
    expect(outsideHours('Updates are applied outside the maintenance window.')).toBe(-1)
    expect(outsideHours('Requests made after 30 days are refused.')).toBe(-1)
    expect(outsideHours('Payment is due before the Term ends.', definedAs)).toBe(-1)
    expect(outsideHours('Calls after the Attended Period are charged double.')).toBe(-1)
  })
})

describe('shareOfEvents', () => {
  it('reads a share of events held to a time or to success in a period', () => {
    expect(shareOfEvents('At least 97% of nightly copy jobs finish successfully in each month.')).toBe(true)
    expect(shareOfEvents('92% of page requests are served in under 2 seconds each week.')).toBe(true)
  })

  it('leaves shares of support work, shares with no period and plain availability alone', () => {
    expect(shareOfEvents('95% of tickets are closed within 8 hours each month.')).toBe(false)
    expect(shareOfEvents('At least 97% of nightly copy jobs finish successfully.')).toBe(false)
    expect(shareOfEvents('We aim for 90% of customers to be happy each quarter.')).toBe(false)
    expect(shareOfEvents('99.9% availability per month')).toBe(false)
  })
})

describe('asksOfCustomer', () => {
  it('reads a title that says what the customer must do or bring, or what the provider needs from the customer', () => {
    expect(asksOfCustomer('Things the clinic must have in place')).toBe(true)
    expect(asksOfCustomer('What you are expected to provide')).toBe(true)
    expect(asksOfCustomer('What the team needs from you')).toBe(true)
    expect(asksOfCustomer("What we'll need from you")).toBe(true)
    expect(asksOfCustomer('A few things we ask of you')).toBe(true)
  })

  it('leaves titles about the provider and notes to the reader alone', () => {
    expect(asksOfCustomer('What we will do')).toBe(false)
    expect(asksOfCustomer('What you need to know')).toBe(false)
    expect(asksOfCustomer('What you get')).toBe(false)
    expect(asksOfCustomer('A few things we ask our engineers to check')).toBe(false)
  })
})

describe('requirementAt and refusesWork', () => {
  it('finds a requirement of state or conduct, not a procedure', () => {
    expect(requirementAt('Each site router must sit on a surge-protected power strip.')).toBeGreaterThan(0)
    expect(requirementAt('Credit claims must be submitted within 30 days.')).toBe(-1)
    expect(requirementAt('Notices shall be given in writing.')).toBe(-1)
  })

  it('finds a refusal of work inside a condition too', () => {
    expect(refusesWork('If a staff member uses a personal phone, we won\'t look after that handset.')).toBeGreaterThan(0)
    expect(refusesWork('We look after every handset.')).toBe(-1)
  })
})

describe('leadsList', () => {
  it('reads a lead-in in which a party names what it works on as the list that follows', () => {
    expect(leadsList('Our engineers patch and watch over these machines for the studio:')).toBe(true)
    expect(leadsList('Acme will look after each of these:')).toBe(true)
  })

  it('leaves lead-ins of the customer, of requests and of refusals alone', () => {
    expect(leadsList('The studio must patch the following machines:')).toBe(false)
    expect(leadsList('We need these from the studio:')).toBe(false)
    expect(leadsList('We will not touch the following:')).toBe(false)
    expect(leadsList('Our engineers patch these machines.')).toBe(false)
  })
})

describe('roleTitle', () => {
  const names = new Map<string, Party>([['finch', 'customer'], ['tern', 'provider']])

  it('reads a title as a statement in the parties\' roles, a question with its pronouns the other way round', () => {
    expect(roleTitle("What won't you work on?")).toBe('PROVIDER not work on')
    expect(roleTitle('Things we ask of you')).toBe('PROVIDER ask of CUSTOMER')
    expect(roleTitle('What will you need from us?')).toBe('PROVIDER need from CUSTOMER')
    expect(roleTitle("4.2 Finch's Duties", names)).toBe("CUSTOMER's duties")
    expect(roleTitle('Section 3 – Responsibilities of the Client')).toBe('responsibilities of CUSTOMER')
  })

  it('takes the party of a title from its words, so duties and work are read for the party named', () => {
    expect(dutiesTitle("Finch's Duties", names)).toBe('customer')
    expect(dutiesTitle("Tern's Obligations", names)).toBe('provider')
    expect(dutiesTitle('Things we ask of you')).toBe('customer')
    expect(dutiesTitle('What you need to know')).toBeUndefined()
    expect(scopeTitle('What does Tern look after?', names)).toBe('provides')
    expect(scopeTitle("What won't you work on?")).toBe('withholds')
    expect(scopeTitle('What does Finch look after?', names)).toBeUndefined()
    expect(asksOfCustomer("Finch's Duties", names)).toBe(true)
    expect(asksOfCustomer("Tern's Obligations", names)).toBe(false)
  })

  it('reads the same through a TitleRoles, which keeps each title it has read', () => {
    const roles = new TitleRoles(names)
    const titles = ["4.2 Finch's Duties", "Tern's Obligations", 'What does Tern look after?', 'Things we ask of you', "4.2 Finch's Duties"]
    for (const t of titles) {
      // kept past two titles it starts again between documents: the readings stay the same either way
      roles.trim(2)
      expect(roles.roleTitle(t)).toBe(roleTitle(t, names))
      expect(roleTitle(t, roles)).toBe(roleTitle(t, names))
      expect(dutiesTitle(t, roles)).toBe(dutiesTitle(t, names))
      expect(scopeTitle(t, roles)).toBe(scopeTitle(t, names))
      expect(asksOfCustomer(t, roles)).toBe(asksOfCustomer(t, names))
    }
    expect(new TitleRoles().roleTitle("What won't you work on?")).toBe(roleTitle("What won't you work on?"))
  })

  it('reads a title about reaching the provider, not one about reaching the customer', () => {
    expect(reachTitle('How to contact us')).toBe(true)
    expect(reachTitle('When can I call you?')).toBe(true)
    expect(reachTitle('How we contact you')).toBe(false)
  })

  it('separates a section number from its title by a dash as by a space', () => {
    const doc = buildDocument('# Terms\n\n## Section 2 – What We Look After\n\nText.\n')
    expect(doc.sections.map((s) => s.title)).toContain('What We Look After')
  })
})

describe('leadsList by a party', () => {
  const names = new Map<string, Party>([['tern', 'provider'], ['larkspur', 'customer']])

  it('reads a party and its verbs of work, or the provider\'s name alone, before a colon', () => {
    expect(leadsList('Harbourview monitors and maintains:')).toBe(true)
    expect(leadsList("The Provider supports the Clinic's:")).toBe(true)
    expect(leadsList('For £18 per computer per month, Tern:', names)).toBe(true)
  })

  it('leaves the customer\'s lead-ins and names that are not the provider\'s alone', () => {
    expect(leadsList('Larkspur maintains:', names)).toBe(false)
    expect(leadsList('For £18 per computer per month, Larkspur:', names)).toBe(false)
    expect(leadsList('Notes:', names)).toBe(false)
    expect(leadsList('Harbourview charges for:')).toBe(false)
  })
})

describe('leadsList without "the following"', () => {
  it.each([
    'PRT manages and supports:',
    "1.1 Provider supports the Hospital's:",
    'For a monthly fee of $1,980 plus GST we look after:',
    'Flat fee $1,740/mo covers:',
    'The service has five parts:',
    'Your plan includes:',
  ])('reads %j as a lead-in to what a party works on', (text) => {
    expect(leadsList(text)).toBe(true)
  })

  it.each(['Client will provide:', 'We will not cover:', "We don't support:", 'Fees include:', 'The plan has the following limits:', 'We charge for:', 'Kauri Point:'])(
    'leaves %j alone',
    (text) => {
      expect(leadsList(text)).toBe(false)
    },
  )
})

describe('outsideOffer', () => {
  it.each([
    'The Managed Services exclude: mainframe connectivity and telephony.',
    'Unless a Service Order expressly includes them, the following are outside the Managed Services:',
    'The following are not provided by Provider under this schedule: ERP support; cabling.',
    'Office moves fall outside this agreement.',
    'This plan does not extend to personal devices.',
    'Curriculum software licensing and other items outside this SLA may incur additional charges.',
  ])('finds work put outside a named offer in %j', (text) => {
    expect(outsideOffer(text)).toBeGreaterThanOrEqual(0)
  })

  it.each([
    'If a device is outside the Support Services, Provider tells the Customer first.',
    'The Services include patching and monitoring.',
    'The office is outside the city centre.',
    'Data held outside this agreement\'s region is encrypted.',
  ])('leaves %j alone', (text) => {
    expect(outsideOffer(text)).toBe(-1)
  })
})

describe('shareOfTime', () => {
  it('reads a share of a span of time, of at least 90%, over a period', () => {
    expect(shareOfTime('Each branch will have a working link for at least 99.7% of Opening Hours in each calendar month.')).toBe(true)
    expect(shareOfTime('The portal is reachable 99.9% of the time each quarter.')).toBe(true)
  })

  it('leaves allocations of time, shares with no period and shares of events alone', () => {
    expect(shareOfTime('Our engineer spends 20% of his working hours each month on training.')).toBe(false)
    expect(shareOfTime('The portal is reachable 99.9% of the time.')).toBe(false)
    expect(shareOfTime('95% of tickets are closed within 8 hours each month.')).toBe(false)
  })
})

describe('replaceName', () => {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const byPattern = (text: string, name: string, word: string): string => text.replace(new RegExp(String.raw`(?:\bthe\s+)?(?<![\w])${escape(name)}(?![\w])`, 'g'), word)

  it('replaces a name standing as a word, with "the" before it, as the pattern it stands for does', () => {
    expect(replaceName('what the acme team does for acme', 'acme', 'PROVIDER')).toBe('what PROVIDER team does for PROVIDER')
    expect(replaceName('acme2 and acme_x and xacme', 'acme', 'PROVIDER')).toBe('acme2 and acme_x and xacme')
    expect(replaceName('bathe acme, the\u00a0 acme-co', 'acme', 'P')).toBe('bathe P, P-co')
    expect(replaceName('the the hospital', 'the hospital', 'CUSTOMER')).toBe('CUSTOMER')
  })

  it('gives what the pattern gives (seeded property)', () => {
    const part = fc.constantFrom('the', ' ', '  ', '\u00a0', '\n', 'x', '_', '1', '-', '.', 'acme', 'acme co', 'co', 'the hospital', 'hospital', 'é', "'")
    const name = fc.constantFrom('acme', 'acme co', 'co', 'the hospital', 'hospital', 'a.c', 'c+')
    fc.assert(
      fc.property(fc.array(part, {maxLength: 24}), name, (parts, n) => {
        const text = parts.join('')
        expect(replaceName(text, n, 'PARTY')).toBe(byPattern(text, n, 'PARTY'))
      }),
      {numRuns: 3000, seed: 20261206},
    )
  })
})

