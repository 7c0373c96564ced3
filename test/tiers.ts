// The two test commands. `npm test` is the quick loop: a test whose cost grows with the labelled agreements (a run of
// the command line over the folder, a browser over its report) takes a seeded sample of them there, and its whole in
// `npm run test:exhaustive` (CLAUSELINT_EXHAUSTIVE=1), which also runs the ReDoS and property tests at their full
// length. vitest.config.ts gives `test:exhaustive` every test file that imports this module, so a test that uses
// EXHAUSTIVE or sampleAgreements falls in it by itself.
import fs from 'node:fs'
import path from 'node:path'
import {sample} from '../scripts/reshape-check.js'

/** `npm run test:exhaustive`: every case, every agreement, longer property runs. */
export const EXHAUSTIVE = process.env['CLAUSELINT_EXHAUSTIVE'] === '1'

/** The labelled agreements of the project. */
export const AGREEMENTS_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'agreements')

/** The seed of every sample of agreements (fixed, so a run is reproducible). */
export const SAMPLE_SEED = 20261204

/**
 * The names of the agreements (`*.md` of fixtures/agreements, sorted) a test runs over: in `npm test` `always` and a
 * seeded sample of `n` of the others, in the order of the folder; in `npm run test:exhaustive` every one.
 */
export function sampleAgreements(n: number, always: readonly string[] = []): string[] {
  const names = fs
    .readdirSync(AGREEMENTS_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
  if (EXHAUSTIVE) return names
  for (const name of always) if (!names.includes(name)) throw new Error(`sampleAgreements: no agreement ${name}`)
  const chosen = new Set([...always, ...sample(names.filter((f) => !always.includes(f)), n, SAMPLE_SEED)])
  return names.filter((f) => chosen.has(f))
}

/** In `npm test` a seeded sample of `n` of the items, in their order; in `npm run test:exhaustive` all of them. */
export function sampleQuick<T>(items: readonly T[], n: number): T[] {
  if (EXHAUSTIVE || items.length <= n) return [...items]
  const chosen = new Set(sample(items, n, SAMPLE_SEED))
  return items.filter((x) => chosen.has(x))
}
