// A thin layer over saxes: decode a part, walk it as a stream of tags with offsets, refuse DTDs.
import {SaxesParser, type SaxesTag} from 'saxes'
import {DocxError} from './zip.js'

/** WordprocessingML's namespace (transitional and strict): its prefix is normalised to `w:`. */
const W_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'])

export interface Tag {
  /** Qualified name, with WordprocessingML's prefix written `w:` whatever the part used. */
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly selfClosing: boolean
}

export interface XmlHandlers {
  /** A start tag; `end` is the offset just past its `>`. */
  open?(tag: Tag, end: number): void
  /** An end tag (also sent for a self-closing tag); `end` is the offset just past its `>`. */
  close?(tag: Tag, end: number): void
  text?(text: string): void
}

/** Decode a part's bytes as Word writes them (UTF-8, with or without a byte-order mark; UTF-16 with one). */
export function decodePart(bytes: Uint8Array, name: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', {fatal: true}).decode(bytes)
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', {fatal: true}).decode(bytes)
    // ignoreBOM keeps a byte-order mark in the string, so that re-encoding the part gives back the same bytes
    return new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes)
  } catch {
    throw new DocxError(`is corrupt (${name} is not valid text)`)
  }
}

/** Walk an XML part. Throws DocxError for a DTD or a part that is not well-formed. */
export function walkXml(text: string, name: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({position: true})
  // the prefix of WordprocessingML in this part, if it is not `w`
  let prefix: string | undefined
  let rename = false
  const normal = (raw: string): string => {
    if (!rename) return raw
    if (prefix === '') return raw.includes(':') ? raw : `w:${raw}`
    return prefix !== undefined && raw.startsWith(`${prefix}:`) ? `w:${raw.slice(prefix.length + 1)}` : raw.startsWith('w:') ? `\u0000${raw}` : raw
  }
  let first = true
  const stack: Tag[] = []
  parser.on('doctype', () => {
    throw new DocxError(`has a document type declaration in ${name} (Word never writes one; it can hide entity expansion); refusing it`)
  })
  parser.on('opentag', (node: SaxesTag) => {
    if (first) {
      first = false
      for (const [key, value] of Object.entries(node.attributes)) {
        if (!W_NAMESPACES.has(value as string)) continue
        if (key === 'xmlns') prefix = ''
        else if (key.startsWith('xmlns:')) prefix = key.slice(6)
      }
      rename = prefix !== undefined && prefix !== 'w'
    }
    const tag: Tag = {name: normal(node.name), attributes: node.attributes as Record<string, string>, selfClosing: node.isSelfClosing}
    stack.push(tag)
    handlers.open?.(tag, parser.position)
  })
  parser.on('closetag', () => {
    const tag = stack.pop()!
    handlers.close?.(tag, parser.position)
  })
  if (handlers.text) {
    const onText = handlers.text
    parser.on('text', (t: string) => onText(t))
    parser.on('cdata', (t: string) => onText(t))
  }
  try {
    parser.write(text).close()
  } catch (error) {
    if (error instanceof DocxError) throw error
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^[^:]*:(\d+:\d+): /, 'line $1: ')
    throw new DocxError(`is corrupt (${name} is not well-formed XML: ${detail})`)
  }
}

/** `w:val` and friends: an attribute by local name, whatever its prefix. */
export function attr(tag: Tag, local: string): string | undefined {
  const a = tag.attributes
  if (a[`w:${local}`] !== undefined) return a[`w:${local}`]
  for (const key in a) if (key === local || key.endsWith(`:${local}`)) return a[key]
  return undefined
}

/** Is an on/off property on (`<w:isLgl/>`, `w:val="true"|"1"|"on"`)? */
export function isOn(tag: Tag): boolean {
  const v = attr(tag, 'val')
  return v === undefined || v === 'true' || v === '1' || v === 'on'
}
