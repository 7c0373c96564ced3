// Dependencies loaded on first use instead of at start-up: yaml (front matter, YAML config files, document sets), ajv
// (rule options and custom rule files) and fflate (writing an annotated .docx). yaml and ajv are about a third of the
// code a lint run would otherwise evaluate at start; a run that reads no YAML and checks no options (a warm --cache
// run, most single-file runs) never evaluates them. The bundle (scripts/bundle.mjs) turns the `load(…)` calls below into its own require of the bundled
// package, so the package is still part of the one script, evaluated when first called.
import {createRequire} from 'node:module'

const load = createRequire(import.meta.url)

let yamlModule: typeof import('yaml') | undefined
let ajvModule: typeof import('ajv') | undefined
let fflateModule: typeof import('fflate') | undefined

/** The yaml package. */
export function yaml(): typeof import('yaml') {
  return (yamlModule ??= load('yaml') as typeof import('yaml'))
}

/** The ajv package. */
export function ajv(): typeof import('ajv') {
  return (ajvModule ??= load('ajv') as typeof import('ajv'))
}

/** The fflate package. */
export function fflate(): typeof import('fflate') {
  return (fflateModule ??= load('fflate') as typeof import('fflate'))
}

let cryptoModule: typeof import('node:crypto') | undefined

/**
 * Node's crypto module: the cache's hashes, custom rule digests, report fingerprints and temporary file names. Loading
 * it is ~20 of Node's internal modules (~6 ms of CPU), and a lint without `--cache` in the stylish or JSON format
 * hashes nothing.
 */
export function crypto(): typeof import('node:crypto') {
  return (cryptoModule ??= load('node:crypto') as typeof import('node:crypto'))
}
