// The zip container of a Word package, read defensively (the other side's paper may be hostile) and written back.
//
// Reading parses the central directory itself and inflates with node:zlib's `maxOutputLength`, so an entry can never
// inflate past the size its header declares, and the declared sizes and the entry count are capped before anything is
// inflated (zip bombs). Writing uses fflate.
import {createRequire} from 'node:module'
import type * as Zlib from 'node:zlib'
import type {Zippable} from 'fflate'
import {fflate} from '../deps.js'

/** node:zlib, loaded when a Word file is first read (a run of Markdown files alone does not load it). */
const zlib = (): typeof Zlib => createRequire(import.meta.url)('node:zlib') as typeof Zlib

/** Why a package cannot be read: one line, without the file name (the caller adds it). */
export class DocxError extends Error {}

export interface ZipLimits {
  /** Most entries a package may have (default 10,000). */
  readonly maxEntries?: number
  /** Most bytes all entries together may declare uncompressed (default 512 MB). */
  readonly maxTotalSize?: number
  /** Most bytes one entry may declare uncompressed (default 256 MB). */
  readonly maxEntrySize?: number
}

export const ZIP_LIMITS = {maxEntries: 10_000, maxTotalSize: 512 * 1024 * 1024, maxEntrySize: 256 * 1024 * 1024} as const

export interface ZipEntry {
  readonly name: string
  readonly method: number
  readonly compressedSize: number
  readonly size: number
  readonly encrypted: boolean
  readonly dataStart: number
}

export interface ZipReader {
  /** Entries in central-directory order. */
  readonly entries: readonly ZipEntry[]
  has(name: string): boolean
  /** The entry's bytes, inflated; undefined when there is no such entry. */
  read(name: string): Uint8Array | undefined
}

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8)
const u32 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0

const TRUNCATED = 'is a truncated or corrupt zip package (its table of contents is missing or damaged); save it again from Word'

/** Open a zip package: read its table of contents and check the caps. Nothing is inflated yet. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = {}): ZipReader {
  const maxEntries = limits.maxEntries ?? ZIP_LIMITS.maxEntries
  const maxTotal = limits.maxTotalSize ?? ZIP_LIMITS.maxTotalSize
  const maxEntry = limits.maxEntrySize ?? ZIP_LIMITS.maxEntrySize
  // End of central directory: 22 bytes plus a comment of up to 65,535.
  let eocd = -1
  for (let e = bytes.length - 22; e >= 0 && bytes.length - e <= 65_557; e--) {
    if (u32(bytes, e) === 0x06054b50) {
      eocd = e
      break
    }
  }
  if (eocd < 0) throw new DocxError(TRUNCATED)
  let count = u16(bytes, eocd + 10)
  let cdSize = u32(bytes, eocd + 12)
  let cdOffset = u32(bytes, eocd + 16)
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    // Zip64: the real figures are in the zip64 end record the locator points at.
    const locator = eocd - 20
    if (locator < 0 || u32(bytes, locator) !== 0x07064b50) throw new DocxError(TRUNCATED)
    const record = u32(bytes, locator + 8) + u32(bytes, locator + 12) * 2 ** 32
    if (record + 56 > bytes.length || u32(bytes, record) !== 0x06064b50) throw new DocxError(TRUNCATED)
    count = u32(bytes, record + 32) + u32(bytes, record + 36) * 2 ** 32
    cdSize = u32(bytes, record + 40) + u32(bytes, record + 44) * 2 ** 32
    cdOffset = u32(bytes, record + 48) + u32(bytes, record + 52) * 2 ** 32
  }
  if (count > maxEntries) throw new DocxError(`is a zip package of ${count} entries, over the limit of ${maxEntries} (a Word document has a few dozen); refusing it`)
  if (cdOffset + cdSize > bytes.length) throw new DocxError(TRUNCATED)
  const entries: ZipEntry[] = []
  let total = 0
  let o = cdOffset
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== 0x02014b50) throw new DocxError(TRUNCATED)
    const flags = u16(bytes, o + 8)
    const method = u16(bytes, o + 10)
    let compressedSize = u32(bytes, o + 20)
    let size = u32(bytes, o + 24)
    const nameLength = u16(bytes, o + 28)
    const extraLength = u16(bytes, o + 30)
    const commentLength = u16(bytes, o + 32)
    let local = u32(bytes, o + 42)
    if (o + 46 + nameLength > bytes.length) throw new DocxError(TRUNCATED)
    const name = new TextDecoder().decode(bytes.subarray(o + 46, o + 46 + nameLength))
    // Zip64 extra field (id 1): the sizes and offset that did not fit, in this order.
    let x = o + 46 + nameLength
    const extraEnd = x + extraLength
    while (x + 4 <= extraEnd) {
      const id = u16(bytes, x)
      const len = u16(bytes, x + 2)
      if (id === 1) {
        let p = x + 4
        const big = (): number => {
          const v = u32(bytes, p) + u32(bytes, p + 4) * 2 ** 32
          p += 8
          return v
        }
        if (size === 0xffffffff) size = big()
        if (compressedSize === 0xffffffff) compressedSize = big()
        if (local === 0xffffffff) local = big()
      }
      x += 4 + len
    }
    if (size > maxEntry) throw new DocxError(`has a part (${name}) that would inflate to ${mb(size)}, over the ${mb(maxEntry)} limit; refusing it (a zip bomb?)`)
    total += size
    if (total > maxTotal) throw new DocxError(`would inflate to more than ${mb(maxTotal)}, over the limit; refusing it (a zip bomb?)`)
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new DocxError(TRUNCATED)
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28)
    if (dataStart + compressedSize > bytes.length) throw new DocxError(TRUNCATED)
    entries.push({name, method, compressedSize, size, encrypted: (flags & 1) === 1, dataStart})
    o += 46 + nameLength + extraLength + commentLength
  }
  const byName = new Map(entries.map((e) => [e.name, e]))
  return {
    entries,
    has: (name) => byName.has(name),
    read(name) {
      const entry = byName.get(name)
      if (!entry) return undefined
      if (entry.encrypted) throw new DocxError(`is encrypted (${name} is password-protected); remove the password in Word and save it again`)
      const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)
      if (entry.method === 0) {
        if (entry.compressedSize !== entry.size) throw new DocxError(`is corrupt (${name} has inconsistent sizes)`)
        return data
      }
      if (entry.method !== 8) throw new DocxError(`uses a compression method Word does not (${entry.method} in ${name}); save it again from Word`)
      let out: Buffer
      try {
        // maxOutputLength: an entry that inflates past its declared size stops there (a lying header cannot bomb).
        out = zlib().inflateRawSync(data, {maxOutputLength: Math.max(1, entry.size)})
      } catch (error) {
        const code = (error as {code?: string}).code
        if (code === 'ERR_BUFFER_TOO_LARGE') throw new DocxError(`has a part (${name}) that inflates past its declared size; refusing it (a zip bomb?)`)
        throw new DocxError(`is corrupt (${name} could not be decompressed); save it again from Word`)
      }
      if (out.length !== entry.size) throw new DocxError(`is corrupt (${name} is ${out.length} bytes, its header says ${entry.size})`)
      return new Uint8Array(out.buffer, out.byteOffset, out.length)
    },
  }
}

function mb(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`
}

/** Zip parts (name → bytes) in the given order, deflating all but already-compressed media. */
export function writeZip(parts: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array {
  const zippable: Zippable = {}
  for (const [name, data] of parts) zippable[name] = [data, {level: /\.(?:png|jpe?g|gif|zip|mp4|wdp)$/i.test(name) ? 0 : 6}]
  return fflate().zipSync(zippable)
}
