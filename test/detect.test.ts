// Profile detection for `--profile auto`: the title names the kind of agreement; without a telling title, the body decides.
import {describe, expect, it} from 'vitest'
import {detectProfile} from '../src/detect.js'
import {buildDocument} from '../src/document.js'

const parties = 'Between Wrenfield IT Ltd ("Provider") and Oakhanger Florists Ltd ("Client").'

const supportBody = [
  '## 1. Support',
  'The Provider runs a helpdesk for the Client\'s staff during business hours, 8:00 to 18:00 UK time, Monday to Friday.',
  '## 2. Response Times',
  'P1 requests get a response within 30 minutes; P2 requests get a response within 4 business hours.',
  '## 3. Backups',
  'The Provider takes a backup of the file server every night and keeps each backup for 30 days.',
].join('\n\n')

const confidentialityBody = [
  '## 1. Confidential Information',
  '"Confidential Information" means any information the disclosing party marks as confidential.',
  '## 2. Obligations',
  'The receiving party will keep the Confidential Information secret and use it only to evaluate the proposed project.',
  'The receiving party will return all Confidential Information to the disclosing party on request.',
  '## 3. Term',
  'These obligations last for 3 years from the date the disclosing party first shares Confidential Information.',
].join('\n\n')

const cases: ReadonlyArray<{name: string; text: string; profile: 'msa' | 'sla' | 'agreement' | 'language'; title?: string}> = [
  {
    name: 'a managed services agreement',
    text: `# Managed Services Agreement\n\n${parties}\n\nThe Provider will patch the Client's 8 laptops every month.\n`,
    profile: 'msa',
    title: 'Managed Services Agreement',
  },
  {
    name: 'a mutual NDA',
    text: `# Mutual Non-Disclosure Agreement\n\nBetween Wrenfield IT Ltd and Oakhanger Florists Ltd.\n\nEach party will keep the other's confidential information secret.\n`,
    profile: 'agreement',
    title: 'Mutual Non-Disclosure Agreement',
  },
  {
    name: 'a data processing agreement',
    text: `# Data Processing Agreement\n\n${parties}\n\nThe Provider processes personal data only on the Client's documented instructions.\n`,
    profile: 'agreement',
    title: 'Data Processing Agreement',
  },
  {
    name: 'terms of service with no support signals',
    text: `# Terms of Service\n\nBy creating an account you agree to these terms.\n\nYou must be 18 or over to use the app, and you may close your account at any time.\n`,
    profile: 'language',
    title: 'Terms of Service',
  },
  {
    name: 'a service level agreement',
    text: `# Service Level Agreement\n\n${parties}\n\nThe hosted server will be available 99.9% of the time in each calendar month.\n`,
    profile: 'sla',
    title: 'Service Level Agreement',
  },
  {
    name: 'standard terms that govern IT support',
    text: `# Standard Terms\n\n${parties}\n\n${supportBody}\n`,
    profile: 'msa',
    title: 'Standard Terms',
  },
  {
    name: 'standard terms about confidential information',
    text: `# Standard Terms\n\nBetween Wrenfield IT Ltd and Oakhanger Florists Ltd.\n\n${confidentialityBody}\n`,
    profile: 'agreement',
    title: 'Standard Terms',
  },
  {
    name: 'a service level agreement for a service desk (a schedule of an MSA)',
    text: `# Service Level Agreement\n\n${parties}\n\n${supportBody}\n`,
    profile: 'msa',
    title: 'Service Level Agreement',
  },
  {
    name: 'a pilot agreement',
    text: `# Pilot Agreement\n\n${parties}\n\nThe Client will try the Provider's scheduling app with 5 staff for 60 days.\n`,
    profile: 'agreement',
    title: 'Pilot Agreement',
  },
  {
    name: 'an unrecognised document',
    text: `# Notes from the Kick-off\n\nWe met on Tuesday and agreed to meet again next month.\n`,
    profile: 'language',
  },
  {
    name: 'front matter that names a managed services agreement',
    text: `---\ntype: Managed Services Agreement\n---\n\n${parties}\n\nThe Provider will patch the Client's 8 laptops every month.\n`,
    profile: 'msa',
    title: 'Managed Services Agreement',
  },
]

// A title that names IT work done for a client names a services agreement however the document calls itself; a body
// with three kinds of IT work (tickets or faults, devices, hours, backups…) governs IT support.
const itWork: typeof cases = [
  {
    name: 'a translated outsourcing contract',
    text: `# IT OUTSOURCING CONTRACT\n\n${parties}\n\nThe Provider keeps the Client's accounting system running.\n`,
    profile: 'msa',
    title: 'IT OUTSOURCING CONTRACT',
  },
  {
    name: 'a contract for the provision of IT assistance services',
    text: `# Contract for the Provision of Information Technology Assistance Services\n\n${parties}\n`,
    profile: 'msa',
  },
  {name: 'a website care agreement', text: `# Website Care Agreement\n\n${parties}\n`, profile: 'msa', title: 'Website Care Agreement'},
  {name: 'a managed backup service', text: `# Managed Backup Service Terms\n\n${parties}\n`, profile: 'msa'},
  {name: 'a hosted voice addendum', text: `# Hosted Voice Support Addendum\n\n${parties}\n`, profile: 'msa'},
  {
    name: 'an untitled letter about tickets, laptops and office hours',
    text: `Dear Ms Rowe,\n\nWe look after your 6 laptops and the office router. Raise a ticket by email; we answer during office hours, 9:00 to 17:00 Dublin time.\n\nKind regards,\nBrian\n`,
    profile: 'msa',
  },
  // an agreement to provide IT services in plain words: the work of looking after IT, the accounts and connections it
  // runs on, and security operations are kinds of IT work
  {
    name: 'an informal e-mail agreeing to look after the office computers',
    text: `**Subject:** Sorting out your computers\n\nHi Jo,\n\nAs we said on the phone, I'll look after the two office computers and the shop till from May, and keep your email accounts and the broadband working. Anything that breaks, text me.\n\nCheers,\nSam\n`,
    profile: 'msa',
  },
  {
    name: 'a security-operations schedule with no telling title',
    text: `# Schedule 2: Service Description\n\n${parties}\n\nThe Provider's SOC watches the Client's SIEM and EDR alerts around the clock and escalates each confirmed incident to the Client's duty manager by phone.\n\nThreat hunting is carried out on the Client's servers once a month.\n`,
    profile: 'msa',
  },
  {
    name: 'look-alike: an e-mail that mentions a laptop and e-mail once',
    text: `**Subject:** Quiz night\n\nHi all,\n\nBring a laptop for the scores; I'll send the answers from my email account on Friday.\n\nSam\n`,
    profile: 'language',
  },
  {name: 'look-alike: website terms of use', text: `# Website Terms of Use\n\nBy using this website you agree to these terms.\n`, profile: 'language'},
  {name: 'look-alike: a print shop lease', text: `# Print Shop Lease\n\nThe Landlord lets the shop at 4 Mill Lane to the Tenant for 5 years.\n`, profile: 'agreement'},
  {
    name: 'look-alike: an untitled letter that names one kind of IT work',
    text: `Dear Ms Rowe,\n\nThank you for the laptops you lent us for the fair. We return them on Friday.\n`,
    profile: 'language',
  },
]

describe('detectProfile', () => {
  it.each([...cases, ...itWork])('$name → $profile', ({text, profile, title}) => {
    const detection = detectProfile(buildDocument(text, 'agreement.md'))
    expect(detection.profile).toBe(profile)
    expect(detection.reason.trim().length).toBeGreaterThan(10)
    expect(detection.reason).toMatch(/[a-z]{3,}\s+[a-z]{2,}/i)
    if (title) expect(detection.reason.toLowerCase()).toContain(title.toLowerCase())
  })
})
