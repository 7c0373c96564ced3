// Whether "the Agreement" is this document or another one (src/reading/delegation.ts).
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document.js'
import {lint} from '../src/lint.js'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {agreementIsOther, delegation, describesDocument, HANDED_OVER_SOURCE, handedOver, mayHandOver, namesMatter, parentName, sentMatter, targetInDocument} from '../src/reading/delegation.js'

describe('agreementIsOther', () => {
  it('reads an agreement named by its date as another document than this one', () => {
    const letter = buildDocument('# Renewal\n\nYour Support Agreement with us dated 1 May 2025 (the "Agreement") ends soon.\n', 'letter.md')
    expect(agreementIsOther(letter)).toBe(true)
  })

  it('reads the name given with its article inside the quotes the same way', () => {
    const variation = buildDocument('# Variation No. 2\n\n**Agreement varied:** the IT Support Agreement between A Ltd and B Ltd dated 1 March 2025 ("the Agreement")\n', 'variation.md')
    expect(agreementIsOther(variation)).toBe(true)
  })

  it('reads an agreement that names itself as this one, whatever its date', () => {
    const msa = buildDocument('# Support Agreement\n\nThis Support Agreement (the "Agreement") is made on 1 May 2025 between A Ltd and B Ltd.\n', 'msa.md')
    expect(agreementIsOther(msa)).toBe(false)
  })
})

describe('delegation inside a condition or a proviso', () => {
  it.each([
    ['To the extent the Provider hosts servers, managed networks or other systems under a Work Order, the Provider will monitor them.'],
    ['Neither party is liable for lost data (subject to any backup duties expressly taken on in a Work Order).'],
    ['Support is given on weekdays, except as agreed in a Work Order.'],
    ['Save as expressly provided in Schedule 1, the Services do not include project work.'],
    ['Support is given on weekdays, save where agreed in a Work Order.'],
  ])('finds no delegation in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })

  it.each([
    ['To the extent the Provider hosts servers, backups are taken as set out in the Work Order.', 'Work Order'],
    ['Backups are taken as set out in the Work Order (subject to the Customer paying for them).', 'Work Order'],
    ['Save as the parties agree otherwise, backups are taken as set out in the Work Order.', 'Work Order'],
    ['Exclusions are as provided in Schedule 1, save that training is always quoted.', 'Schedule 1'],
  ])('finds the delegation of the main clause in %j', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })
})

describe('a document followed, and a plan named by what it plans', () => {
  it.each([
    ['Backups of the finance server will follow the Data Management Plan annexed to the grant agreement.', 'Data Management Plan'],
    ["Responsibility for repairs follows the Funder's Equipment Care Guidelines.", 'Equipment Care Guidelines'],
    ['Restores are run in accordance with the Business Continuity Plan.', 'Business Continuity Plan'],
  ])('finds the delegation in %j', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it.each([
    ['Backups of the finance server follow the Silver Plan.'],
    ['Clients on the Gold Plan get two site visits a month.'],
    ["The engineer follows the Client's instructions on site."],
  ])('finds none in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })
})

describe('a page or document the provider publishes', () => {
  it.each([
    ['Backups are an optional extra; see our Backup Add-on page.', 'Backup Add-on page'],
    ['Services not covered are as listed on our Service Catalogue web page.', 'Service Catalogue web page'],
    ['Out-of-hours work is charged per the rate card on our website.', 'rate card on our website'],
    ["After-hours work is billed at the rates published on the Provider's website.", "rates published on the Provider's website"],
    ['Our after-hours rates: see www.example.com/rates.', 'www.example.com/rates'],
  ])('finds the delegation in %j', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it.each([
    ['Backup reports are shown on our Client Portal page each morning.'],
    ['Tickets are logged on our website or by phone.'],
    ['We publish outage notices on our Status page.'],
    ['Support is given on weekdays, except as listed on our Holidays page.'],
  ])('finds none in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })
})

describe('a document published at a web address', () => {
  it.each([
    ['Response times are set out in the service description published at https://example.net/sd.', 'service description'],
    ['Exclusions are listed in the schedule available at www.example.net/exclusions.', 'schedule'],
    ['Response times are those in our service description (available at https://example.net/sd).', 'service description'],
    ['The service schedule, available at https://example.net/schedule, sets out the response times.', 'Service schedule'],
    ['Out-of-hours work is recharged at the rates in the Campus Recharge Schedule, published at https://example.net/recharge.', 'Campus Recharge Schedule'],
    ['Incidents are ranked under the Incident Priority Matrix, published at https://example.net/matrix.', 'Incident Priority Matrix'],
  ])('finds the delegation in %j, to a document of its own', (text, target) => {
    const hit = delegation(text, {inDocument: () => true})
    expect(hit?.target).toBe(target)
  })

  it.each([
    ['Tickets are raised at https://help.example.net.'],
    ['Our privacy policy, available at https://example.net/privacy, applies to personal data.'],
    ['We respond within 4 hours; our support guide, available at https://example.net/guide, explains how to log a ticket.'],
    ['Response times are set out in the service description below.'],
  ])('finds none in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })
})

describe('describesDocument', () => {
  it('reads a relative clause about the document just named', () => {
    expect(describesDocument(' (Service Levels), which the parties will agree within 30 days.')).toBe(true)
    expect(describesDocument(', to be agreed within 30 days of signing.')).toBe(true)
  })

  it('leaves a clause of its own after the document alone', () => {
    expect(describesDocument(', and in any case every fault is resolved within 2 working days.')).toBe(false)
  })
})

describe('parentName', () => {
  it('reads the name a document gives the agreement it is issued under, or an agreement named by its date', () => {
    const sow = buildDocument('# Statement of Work 2\n\nThis Statement of Work is issued under the Master Services Agreement between A Ltd ("Provider") and B Ltd ("Client") dated 9 June 2025 (the "MSA").\n', 'sow.md')
    expect(parentName(sow)).toBe('MSA')
    expect(delegation('Support hours are as in the MSA.', {parent: 'MSA'})?.target).toBe('MSA')
    expect(delegation('Backups: as per MSA clause 8.', {parent: 'MSA'})?.target).toBe('MSA')
  })

  it('reads a parent named on a label line, and a part of it by number or title as the parent', () => {
    const order = buildDocument('# Order Form 4\n\n**Master Services Agreement:** dated 2 February 2027 between A Ltd ("Provider") and B Ltd ("Client") (the "MSA")\n', 'order.md')
    expect(parentName(order)).toBe('MSA')
    expect(delegation('Client duties are those in Section 9 of the MSA.', {parent: 'MSA'})?.target).toBe('MSA')
    expect(delegation('Failed hardware is dealt with under Section 10 (Equipment) of the MSA.', {parent: 'MSA'})?.target).toBe('MSA')
    expect(delegation('The Exclusions clause of the MSA continues to apply.', {parent: 'MSA'})?.target).toBe('MSA')
    // look-alike: a section of a law is no part of the parent
    expect(delegation('Records are disposed of as section 12 of the Data Protection Act requires.', {parent: 'MSA'})).toBeUndefined()
  })

  it('reads a parent whose definition is wrapped over a line break inside its paragraph', () => {
    const schedule = buildDocument('# Schedule 3: Support\n\n**Master agreement:** the Master Services Agreement between\nthe parties dated 4 March 2026 (the "MSA")\n', 'schedule.md')
    expect(parentName(schedule)).toBe('MSA')
    // look-alike: a blank line ends the paragraph, so a name in the next one is not this agreement's definition
    const apart = buildDocument('# Schedule 3: Support\n\nThis schedule forms part of the Master Services Agreement between\n\nthe parties dated 4 March 2026 (the "MSA")\n', 'schedule.md')
    expect(parentName(apart)).toBeUndefined()
  })

  it('gives no parent for an agreement that names only itself', () => {
    const msa = buildDocument('# Master Services Agreement\n\nThis Master Services Agreement (the "MSA") is made on 9 June 2025 between A Ltd and B Ltd.\n', 'msa.md')
    expect(parentName(msa)).toBeUndefined()
  })
})

describe('a numbered part of another agreement', () => {
  it.each([
    ['Work outside the Services is excluded as set out in clause 9 of the Master Services Agreement.', 'Master Services Agreement'],
    ['Response times are those in Part 4 of the Master Agreement.', 'Master Agreement'],
    ['Client duties are described in Section 7.2 (Client Duties) of the Hosting Agreement.', 'Hosting Agreement'],
  ])('puts the value of %j in that agreement', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it('reads a part of a law, or of this agreement, as no other document', () => {
    expect(delegation('Records are kept as set out in section 12 of the Data Protection Act.')).toBeUndefined()
    expect(delegation('Response times are those in clause 4 of this Agreement.')).toBeUndefined()
  })

  it('reads the agreement a schedule is titled to as another document, and an agreement titled by its own name as this one', () => {
    const schedule = buildDocument('# Schedule 1 to the Master Agreement\n\nResponse times are those in Part 4 of the Master Agreement.\n', 'schedule.md')
    expect(targetInDocument(schedule, 'Master Agreement')).toBe(false)
    const msa = buildDocument('# Master Support Agreement\n\nExclusions are those listed in clause 4 of the Master Support Agreement.\n', 'msa.md')
    expect(targetInDocument(msa, 'Master Support Agreement')).toBe(true)
  })
})

describe('a document named in passing', () => {
  it.each([
    ['The services you receive are the ones ticked in the order you signed separately.', 'order you signed'],
    ['Support hours are those in the service schedule sent with your proposal.', 'service schedule sent with'],
    ['Response times are those in the statement of work for each project.', 'statement of work'],
    ['Backups of both servers continue as under the 2021 Hosting Contract.', 'Hosting Contract'],
    ['Response targets are published in our Support Handbook.', 'Support Handbook'],
    ['Support hours are those in clause 9 of the Master Agreement between us.', 'Master Agreement'],
  ])('reads %j as put in another document', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it('reads the agreement a header says a statement of work is issued under as its parent', () => {
    const sow = buildDocument('# Statement of Work No. 3\n\n**Under:** Master Services Agreement dated 2 May 2026 between A Ltd ("Customer") and B Ltd ("Provider") (the "MSA")\n', 'sow.md')
    expect(parentName(sow)).toBe('MSA')
  })

  it.each([
    ['Tickets are answered in the order we received them.'],
    ['Tickets are worked in the order you sent them in.'],
    ['Backups run every night at 01:00 and are kept for 30 days.'],
  ])('finds no other document in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })
})

describe('"§ 4" is "Section 4" in a delegation', () => {
  const outcome = (line: string): string | undefined =>
    lint(`# Statement of Work\n\nThis SOW is made under the Master Services Agreement between A Ltd and B Ltd (the "MSA").\n\n## Customer duties\n\n${line}\n`, {filePath: 'sow.md', profile: 'msa'}).coverage.find((c) => c.ruleId === 'customer-requirements')?.outcome

  it('passes: a duty left to a numbered part of the parent agreement, written with the sign or the word alike', () => {
    expect(outcome("The Customer's duties, and the consequences of the Customer not meeting them, are those stated in § 10 of the MSA.")).toBe('delegated')
    expect(outcome("The Customer's duties, and the consequences of the Customer not meeting them, are those stated in Section 10 of the MSA.")).toBe('delegated')
  })

  it('fails: a duty stated with no consequence and no pointer is not delegated', () => {
    expect(outcome('The Customer gives the engineer access to the site.')).not.toBe('delegated')
  })

  it('look-alike: a section sign in a reference inside this document points nowhere else', () => {
    expect(outcome('The Customer gives the engineer access to the site, as § 2 describes.')).not.toBe('delegated')
  })
})

describe('a party registered in a public register', () => {
  it.each([
    ['NORDCOM SERVICES S.R.L., with registered office in Brașov, registered at the Trade Register under no. J08/1234/2016, as Provider.'],
    ['Alpenblick IT GmbH, entered in the Commercial Register of the Vienna Commercial Court under FN 123456a (the "Supplier").'],
  ])('finds no delegation in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })

  it.each([
    ['The covered devices are as recorded in the Asset Register.', 'Asset Register'],
    ['Changes are made in accordance with the Change Register kept by the Supplier.', 'Change Register'],
  ])('still finds a register that holds a term in %j', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })
})

describe('a pointer that sends the reader to another document for a subject', () => {
  it.each([
    ['See the Order Form for out-of-scope items and project rates.', 'Order Form'],
    ['For anything else, see also the Rate Card.', 'Rate Card'],
  ])('finds the delegation in %j', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it('finds none where what is seen is no document', () => {
    expect(delegation('See the notes below for how to reach the helpdesk.')).toBeUndefined()
  })
})

describe('a paper named by its kind', () => {
  it.each([
    ['Backups carry on exactly as set out in our backup policy (v3), which we sent you separately.', 'backup policy'],
    ['Patching follows the steps set out in the maintenance guide we emailed you earlier.', 'maintenance guide'],
    ['The Client shall ensure its environment meets the Minimum Requirements set out in the Onboarding Pack.', 'Onboarding Pack'],
    ['Each site must pass the checks listed in the Site Readiness Checklist.', 'Site Readiness Checklist'],
  ])('puts the clause of %j in that paper', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it.each([
    // a policy of this document, updated here, was not sent separately
    ['Backups are made as set out in our backup policy, which we have updated below.'],
    // a bare "in" before a title ending in Pack may name a product
    ['Unused hours in the Ten Hour Pack roll over for one month.'],
    // this document
    ['The fees are as set out in This Document.'],
  ])('finds no paper in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })
})

describe('a value shown on a form', () => {
  it.each([
    ['Support is given during the support hours shown on the order form you signed.', 'order form'],
    ['The monthly fee is as stated on your Order Form.', 'Order Form'],
  ])('puts the value of %j on that form', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it.each([
    // a register is not a form the customer signs
    ['Each device is recorded on the Site Register when it is installed.'],
    // shown on a screen, not on a form
    ['Your tickets are shown on the portal.'],
  ])('finds no form in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })
})

describe('what a sentence sends to another document, read against the clause', () => {
  const backups = [/back ?up/i]
  const sent = (text: string): string | undefined => {
    const hit = delegation(text)
    return hit ? sentMatter(text, hit) : undefined
  }
  it.each([
    ['4.2 The fees for the backup service are as set out in the Order Form.', 'The fees for the backup service'],
    ['(b) Pricing and service descriptions is as per the Order Form.', 'Pricing and service descriptions'],
    ['We back up nightly; our charges for it are specified in Schedule 2.', 'our charges for it'],
    ['Your quotation lists the charge for off-site copies.', 'the charge for off-site copies'],
  ])('%j sends %j', (text, matter) => {
    expect(sent(text)).toBe(matter)
  })
  it.each([['We back up the server on the schedule set out in the Order Form.'], ['Backups that are described in Schedule 3 run at night.']])('%j sends no subject', (text) => {
    expect(sent(text)).toBeUndefined()
  })
  it.each([
    ['The fees for the backup service', false],
    ['Backup fees', false],
    ['Pricing and service descriptions', false],
    ['Backup schedules and retention periods', true],
    ['Pricing and the backup schedule', true],
    ['The times for restoring a file', undefined],
    ['These', undefined],
  ] as const)('%j names backups: %s', (matter, names) => {
    expect(namesMatter(matter, backups)).toBe(names)
  })
  it('names a clause by a noun that is its own matter ("after-hours rates") or a name that takes the noun in ("the initial term of")', () => {
    expect(namesMatter('After-hours rates', [/hours|rate|fee/i])).toBe(true)
    expect(namesMatter('The initial term of this agreement', [/\binitial term of\b/i])).toBe(true)
  })
})

describe('a value put on a page of a form the customer signed', () => {
  it.each([
    ['Your Support Hours are the hours shown on page 1 of your signed Service Order.', 'Service Order'],
    ['The after-hours rate is printed on the back of the Order Form.', 'Order Form'],
    ['Backup times are as stated on the first page of the executed Order Form.', 'Order Form'],
    ['Minimum standards are listed in section 2 of your countersigned Work Order.', 'Work Order'],
  ])('finds the form in %j', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it.each([
    ['Support Hours are the hours shown on page 1 of this Agreement.'],
    ['The signed copy is kept on page 1 of the file.'],
  ])('finds no other document in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })
})

describe('an order titled in capitals', () => {
  it.each([
    ['Corrective maintenance is provided during the Cover Hours of the Cover Level stated in the Maintenance Order.', 'Maintenance Order'],
    ['The devices covered are listed in the Managed Services Order.', 'Managed Services Order'],
    ['Support hours are as set out in your Support Order.', 'Support Order'],
    ['Fix times are as stated in the applicable Maintenance Order.', 'Maintenance Order'],
  ])('finds the delegation in %j', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  // look-alikes: an order of a court cited by its date, a standing order that pays, an order of sequence or of condition
  it.each([
    ['Nothing in the Court Order of 3 May 2024 changes the Services.'],
    ['The monthly fee is paid by Standing Order on the first working day.'],
    ['Tickets are worked in Priority Order, then by the time they were logged.'],
    ['The Client keeps its equipment in Good Working Order.'],
  ])('finds none in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })
})

describe('a part named by a letter alone', () => {
  it.each([
    ['Out-of-scope services, and how each is billed, are listed in Part C of the Order Form.', 'Order Form'],
    ['Fix times are set out in Section B of the Service Schedule.', 'Service Schedule'],
  ])('finds the delegation in %j', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  // look-alikes: a lettered part of this document, a lettered part with no document after it
  it.each([['See Part A of this Agreement for the hours.'], ['The fees in Part C are fixed for the term.']])('finds none in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })
})

describe('a parent agreement named on a header line after a label of what it is to this document', () => {
  const addOn = (line: string): string => `# Add-On 2: Managed Firewall\n\n${line}\n\n## Terms\n\nSupport Hours and the after-hours rates are those in the MSA.\n`
  const hours = (text: string): string | undefined => lint(text, {filePath: 'addon.md', profile: 'msa'}).coverage.find((c) => c.ruleId === 'service-hours')?.outcome

  it('passes: the label is read past, and the hours left to the parent are delegated there', () => {
    const text = addOn('**Main agreement:** Managed Services Agreement between A Ltd and B Ltd dated 3 March 2025 (the "MSA")')
    expect(parentName(buildDocument(text, 'addon.md'))).toBe('MSA')
    expect(hours(text)).toBe('delegated')
  })

  it('fails: an agreement named with no date, in a document that is no part of another, is not a parent', () => {
    const text = addOn('**Main agreement:** Managed Services Agreement between A Ltd and B Ltd (the "MSA")')
    expect(parentName(buildDocument(text, 'addon.md'))).toBeUndefined()
    expect(hours(text)).not.toBe('delegated')
  })

  it('look-alike: a labelled line naming a person, not an agreement, names no parent', () => {
    expect(parentName(buildDocument(addOn('**Main contact:** Jane Smith, appointed on 3 March 2025 (the "Contact")'), 'addon.md'))).toBeUndefined()
  })
})

describe('a document a person holds, named with the pronoun', () => {
  it('passes: what is set out in his or her document is put there', () => {
    expect(delegation('How quickly he responds and how long he has to fix problems are all set out in his Statement of Work.')?.target).toBe('Statement of Work')
    expect(delegation('Her rates for extra days are as stated in her Rate Card.')?.target).toBe('Rate Card')
  })

  it('fails: a pronoun before no document sends nothing', () => {
    expect(delegation('He fixes problems within his working day.')).toBeUndefined()
  })

  it('look-alike: an order of work in her own words is no document', () => {
    expect(delegation('She works through the tickets in her own order.')).toBeUndefined()
  })
})

describe('a paper named by its kind and a register code', () => {
  it.each([
    ['Postgres backups are taken per runbook RB-04, which sets the schedule and retention.', 'runbook RB-04'],
    ['Patches are applied in accordance with procedure OPS-12.', 'procedure OPS-12'],
    ['Access is reviewed as set out in Policy SEC-3.', 'Policy SEC-3'],
  ])('passes: %j puts the clause in that paper', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it.each([
    // a kind and a bare number is no register code
    ['Backups are taken per plan 2 of the three we offered.'],
    // a code alone names a device
    ['Backups are kept on the RB-04 appliance in the server room.'],
  ])('fails: %j names no paper', (text) => {
    expect(delegation(text)).toBeUndefined()
  })
})

describe('a paper named by its title, its kind and a register code', () => {
  it.each([
    ['Laptops are hardened in accordance with the Endpoint Hardening Standard EHS-2.', 'Endpoint Hardening Standard EHS-2'],
    ["Firewall changes are made as set out in Harbourview's Network Change Procedure NCP-7, which the contractor holds.", 'Network Change Procedure NCP-7'],
  ])('passes: %j puts the clause in that paper', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it('fails: a titled paper this document holds is no other document', () => {
    const doc = buildDocument('# Support Terms\n\nLaptops are hardened per the Endpoint Hardening Standard EHS-2.\n\n## Endpoint Hardening Standard EHS-2\n\n- Disk encryption on\n', 'terms.md')
    expect(targetInDocument(doc, 'Endpoint Hardening Standard EHS-2')).toBe(true)
  })

  it('look-alike: a titled thing with a code that is no kind of paper names a device', () => {
    expect(delegation('Backups are written to the Synology Storage Unit NAS-01 in the comms room.')).toBeUndefined()
  })
})

describe('a part named "Annexe", the British and French spelling of "Annex"', () => {
  it('passes: what is set out in an annexe not in the document is put there', () => {
    expect(delegation('Backups run at the frequency set out in Annexe C.')?.target).toBe('Annexe C')
  })

  it('fails: an annexe this document holds is no other document', () => {
    const doc = buildDocument('# Support Terms\n\nBackups run at the frequency set out in Annexe C.\n\n## Annexe C: Backup Plan\n\nNightly at 01:00.\n', 'terms.md')
    expect(targetInDocument(doc, 'Annexe C')).toBe(true)
  })

  it('look-alike: an annexe with no letter or number is a room', () => {
    expect(delegation('The spare laptops are kept in the annexe behind reception.')).toBeUndefined()
  })
})

describe('a rider named by its letter or number', () => {
  it('passes: what is listed in a rider not in the document is put there', () => {
    expect(delegation('The items and rates are listed in Rider B.')?.target).toBe('Rider B')
  })

  it('fails: a rider this document holds is no other document', () => {
    const doc = buildDocument('# Event IT Agreement\n\nThe items are listed in Rider B.\n\n## Rider B\n\n- Extra scanners\n- Extra crew\n', 'event.md')
    expect(targetInDocument(doc, 'Rider B')).toBe(true)
  })

  it('look-alike: a rider with no letter or number is a person', () => {
    expect(delegation('Couriers are paid per rider per day.')).toBeUndefined()
  })
})

describe('a document named with its title in brackets holds what the title names', () => {
  const excluded = (line: string): string | undefined =>
    lint(`# Event IT Agreement\n\n## What we provide\n\nWe provide the site network and the ticket scanners.\n\n${line}\n`, {filePath: 'event.md', profile: 'msa'}).coverage.find((c) => c.ruleId === 'excluded-services')?.outcome

  it('passes: things sent to a rider titled as the exclusions are the exclusions', () => {
    expect(excluded('Items you often ask about, and their rates, are listed in Rider B (Excluded Items and Rates).')).toBe('delegated')
  })

  it('fails: a rider titled for something else holds no exclusions', () => {
    expect(excluded('Items you often ask about, and their rates, are listed in Rider B (Price List).')).not.toBe('delegated')
  })

  it('look-alike: a sentence that names what it sends as another matter sends that, whatever the title', () => {
    expect(excluded('The fees are listed in Rider B (Excluded Items and Fees).')).not.toBe('delegated')
  })
})

describe('a numbered part with a title before its kind', () => {
  it.each([
    ['Backups: in accordance with the backup schedule and recovery objectives in Call-Off Schedule 8 (Business Continuity).', 'Call-Off Schedule 8'],
    ['Response times are set out in Service Schedule 2.', 'Service Schedule 2'],
  ])('passes: %j puts the clause in that part', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it('fails: a part this document holds under its whole title is no other document', () => {
    const doc = buildDocument('# Order Form\n\nBackups follow Call-Off Schedule 8.\n\n## Call-Off Schedule 8: Backups\n\nNightly at 01:00.\n', 'order.md')
    expect(targetInDocument(doc, 'Call-Off Schedule 8')).toBe(true)
    expect(targetInDocument(doc, 'Call-Off Schedule 9')).toBe(false)
  })

  it.each([
    // a word that opens the sentence is no title of the part: the part is "Schedule 2"
    ['See Schedule 2, which sets out the response times.', 'Schedule 2'],
    ['Under Schedule 3 the backups run daily.', 'Schedule 3'],
  ])('look-alike: %j names the part alone', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })
})

describe('things said to be on a named page', () => {
  it('passes: targets that are on a named page are put on that page', () => {
    expect(delegation('Availability targets for each system are on the Availability targets page, which the monthly report measures against.')?.target).toBe('Availability targets page')
  })

  it.each([
    // shown on a page: the page displays, it holds no term
    ['Backup reports are shown on our Client Portal page each morning.'],
    // a page of a paper by its place in it
    ['The outage was on the front page of the local paper.'],
  ])('fails: %j puts nothing on a page', (text) => {
    expect(delegation(text)).toBeUndefined()
  })

  it('look-alike: a page named as a section of this document is this document', () => {
    const doc = buildDocument('# Support policy\n\n## Response times\n\nP1: 15 minutes.\n\n## Reports\n\nThe targets are on the Response times page.\n', 'policy.md')
    const block = doc.blocks.find((b) => b.text.startsWith('The targets'))!
    expect(delegation(block.text, {block, blocks: doc.blocks})).toBeUndefined()
    expect(delegation('The targets are on the Availability page.', {block, blocks: doc.blocks})?.target).toBe('Availability page')
  })
})

describe('a document by the words that say what it covers, and by its version', () => {
  it.each([
    ['Uptime of the portal, and the credits paid when it falls short, are covered by the Larkspur Hosting SLA.', 'Larkspur Hosting SLA'],
    ['Files are backed up in accordance with the Clinic\'s Data Retention Standard (version 2.3).', "Clinic's Data Retention Standard"],
    ['Patches are applied under our Patch Procedure (issue 2).', 'Patch Procedure'],
    // (the version in capitals or short, after a comma, and the owner named in the possessive)
    ["Nightly copies are taken as set out in the Vendor's Continuity Plan, Version 3.", "Vendor's Continuity Plan"],
    ['Restores are tested as described in the Recovery Playbook (Issue 4).', 'Recovery Playbook'],
    ["Servers are patched in line with the Council's Patching Standard, v2.1.", "Council's Patching Standard"],
    // (a plan named by what it plans needs no version, and keeps its owner in its name)
    ["Nightly copies are taken as set out in the Vendor's Continuity Plan, which the office manager keeps.", "Vendor's Continuity Plan"],
  ])('finds the delegation in %j', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it.each([
    ['Outages of the payment provider are not covered by the Larkspur Hosting SLA.'],
    ['Backups are taken under Acronis Cyber Protect (version 15) at times the office manager chooses.'],
    // (a product's version after a comma names no paper, nor does a title with no version)
    ['Backups are taken under Veeam Backup, Version 12, at times the office manager chooses.'],
    // (a plan named by what it plans is a document of its own without a version: a tier's plan is not)
    ["Nightly copies are taken as set out in the Vendor's Premium Plan, which the office manager keeps."],
  ])('finds no delegation in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })
})

describe('a thing put under a paper of terms named by its title (read alike by every clause rule)', () => {
  const backups = (line: string, more = ''): string | undefined =>
    lint(`# Studio IT Agreement\n\n## What we provide\n\nWe look after the studio's file server and its twelve iMacs.\n\n## Backups\n\n${line}\n${more}`, {filePath: 'studio.md', profile: 'msa'}).coverage.find((c) => c.ruleId === 'backup-frequency')?.outcome

  it.each([
    ['Offsite copies of the file server are governed by the Vault Care Plan.', 'Vault Care Plan'],
    ['Patching of the tills is handled under your separate Till Support Cover, which has its own terms.', 'Till Support Cover'],
    ['Urgent call-outs are dealt with under the Priority Callout Scheme.', 'Priority Callout Scheme'],
  ])('finds the delegation in %j', (text, target) => {
    expect(delegation(text)?.target).toBe(target)
  })

  it.each([
    ['Repairs are not covered by the Care Plan.'],
    ['Backups are covered by the Backup Plan 2.'],
  ])('finds no delegation in %j', (text) => {
    expect(delegation(text)).toBeUndefined()
  })

  it('passes: backups put under a titled paper are delegated to it, as failure work is', () => {
    expect(backups('Copies of the file server are handled under our Offsite Vault Plan.')).toBe('delegated')
  })

  it('fails: a part of this agreement so titled holds them here', () => {
    expect(backups('Copies of the file server are handled under our Offsite Vault Plan.', '\n## Offsite Vault Plan\n\nThe file server is copied to the vault every night at 01:00 and kept for 30 days.\n')).toBe('present')
  })

  it('look-alike: what a paper does not cover is not sent to it', () => {
    expect(backups('Copies of the file server are not covered by the Offsite Vault Plan.')).not.toBe('delegated')
  })
})

describe('a "Label: reference" line (handedOver) and the test made before its pattern (mayHandOver)', () => {
  it('reads the label and the document the reference names last', () => {
    const hit = handedOver('Spare parts and who pays for them: Clause 12 of the Framework Terms.')
    expect(hit?.label).toBe('Spare parts and who pays for them')
    expect(hit?.hit.target).toBe('Framework Terms')
    expect(handedOver('Patching windows \u2014 see Schedule 4')?.hit.target).toBe('Schedule 4')
  })

  it.each([
    // a value, a clock time and a web address after a colon: no space and letter, quote or "§" after a separator
    ['Patching window: 03:00 to 05:00 on Sundays'],
    ['Response: 4 hours'],
    ['Portal (https://help.example.net) open all day'],
    ['Backups:nightly, kept 30 days'],
    ['The Client will:'],
    ['**Severity 2 (Major):** one site cannot print'],
  ])('finds no such line, and does not run the pattern, in %j', (text) => {
    expect(mayHandOver(text)).toBe(false)
    expect(handedOver(text)).toBeUndefined()
  })

  it('finds the separator and a letter after it in a look-alike whose value states something, and reads no reference there', () => {
    expect(mayHandOver('Patching window: weekly on Sundays, 22:00 to 02:00')).toBe(true)
    expect(handedOver('Patching window: weekly on Sundays, 22:00 to 02:00')).toBeUndefined()
  })

  it('answers yes wherever the pattern matches: generated lines and every line of the fixtures', () => {
    const pattern = new RegExp(HANDED_OVER_SOURCE)
    const labels = ['Exclusions', 'Fix times and who pays', '**Backups**', '- Hours of cover', '> Escalation', 'Out-of-scope work']
    const separators = [':', ' \u2013', '\u2014', ' -', ':\u00a0', ':\n', ' :', '**:**', ':\t']
    const references = ['Section 9 of the Master Terms', 'see Schedule 2', 'the Order Form', '\u00a7 4 of the MSA', '"Not Included" section of the Service Catalog',
      '\u201cExtras\u201d section of the Price Guide', '2024 Agreement', 'its Rate Card', 'Annex C (Rates)', 'our Support Policy', 'page 2 of the Order Form',
      'Schedule B, and its rate card', 'the Service Level Schedule attached to the Master Terms', 'Clause 7 of the Head Contract (Liability)', '4 hours', 'within 1 hour', 'SLA']
    const tails = ['.', '', ';', ' **', '.*', ' (see below)']
    let matched = 0
    let lines = 0
    const check = (line: string): void => {
      lines++
      if (!pattern.test(line)) return
      matched++
      expect(mayHandOver(line), JSON.stringify(line)).toBe(true)
    }
    for (const l of labels) for (const s of separators) for (const r of references) for (const t of tails) check(`${l}${s} ${r}${t}`)
    for (const l of labels) for (const r of references) check(`${l}:${r}`)
    const fixtures = path.join(import.meta.dirname, '..', 'fixtures')
    for (const dir of readdirSync(fixtures, {withFileTypes: true})) {
      if (!dir.isDirectory()) continue
      for (const f of readdirSync(path.join(fixtures, dir.name))) {
        if (f.endsWith('.md')) for (const line of readFileSync(path.join(fixtures, dir.name, f), 'utf8').split('\n')) check(line)
      }
    }
    // the comparison covers lines the pattern reads as such (the fixtures hold some) and many it does not
    expect(matched).toBeGreaterThan(200)
    expect(lines - matched).toBeGreaterThan(1000)
  })
})
