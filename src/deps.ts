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

let crcOf: ((bytes: Uint8Array) => number) | undefined
let crcTable: Int32Array | undefined

/** CRC-32 (the checksum of zip and gzip) in JavaScript, a byte at a time: for Node before 20.15, whose zlib has none. */
export function crc32Js(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c
    }
  }
  const table = crcTable
  let c = -1
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ -1) >>> 0
}

/**
 * The CRC-32 of some bytes, as an unsigned number: node:zlib's (loaded on first use; ~0.2 ms per MB here, against ~1 ms
 * for a sha-256), or the same sum in JavaScript where this Node's zlib has none.
 */
export function crc32(bytes: Uint8Array): number {
  if (!crcOf) {
    const zlib = load('node:zlib') as {crc32?: (data: Uint8Array) => number}
    crcOf = typeof zlib.crc32 === 'function' ? zlib.crc32 : crc32Js
  }
  return crcOf(bytes)
}
