// What a file is, from its first bytes: a Word package, or another format that gets one line saying what to do.
import {DocxError, openZip} from './zip.js'

export const DOCX_EXTENSION = /\.docx$/i

/** A file is read as Word when it is named .docx or is a zip package with a Word document in it. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8)
}

const startsWith = (bytes: Uint8Array, text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false
  return bytes.length >= text.length
}

/** UTF-16LE "EncryptedPackage": the stream an encrypted Office package keeps inside its compound file. */
const ENCRYPTED = Buffer.from('EncryptedPackage', 'utf16le')

/**
 * For a file that is not Markdown text nor a Word package: one line (without the file name) saying what it is and how
 * to get a .docx or Markdown from it. Undefined when the bytes are none of the formats known here.
 */
export function otherFormat(bytes: Uint8Array, filePath: string): string | undefined {
  const name = filePath.split(/[\\/]/).pop() ?? filePath
  if (startsWith(bytes, '%PDF-')) return `is a PDF, which clauselint cannot read; save the agreement as Word (.docx) from the program that made it, or convert it to text (pdftotext -layout "${name}") and lint the text as Markdown`
  if (startsWith(bytes, '{\\rtf')) return `is an RTF document; open it in Word and save it as .docx (File > Save As > Word Document), or convert it: soffice --headless --convert-to docx "${name}"`
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(ENCRYPTED)) return 'is password-protected (an encrypted Word package); remove the password in Word (File > Info > Protect Document) and save it again'
    return `is a Word 97-2003 document (.doc); open it in Word and save it as .docx (File > Save As > Word Document), or convert it: soffice --headless --convert-to docx "${name}"`
  }
  if (looksLikeZip(bytes)) {
    let names: string[]
    try {
      names = openZip(bytes).entries.map((e) => e.name)
    } catch {
      return undefined
    }
    if (names.some((n) => n === 'word/document.xml')) return undefined
    const zip = openZip(bytes)
    const mimetype = zip.has('mimetype') ? safeText(zip, 'mimetype') : ''
    if (mimetype.startsWith('application/vnd.oasis.opendocument.text')) return `is an OpenDocument text (.odt); save it as Word in LibreOffice (File > Save As > Word 2007-365), or convert it: soffice --headless --convert-to docx "${name}"`
    if (names.some((n) => n === 'Index/Document.iwa' || n === 'index.xml' || n.startsWith('Index/'))) return 'is an Apple Pages document; export it from Pages as Word (File > Export To > Word) and lint the .docx'
    return undefined
  }
  // named as a PDF but not one: a renamed or damaged file is not an agreement to read as Markdown and pass
  if (/\.pdf$/i.test(name)) return `is named .pdf but is not a PDF (it does not start with "%PDF-"); if it is the agreement's text, rename it to .md`
  if (/\.pages$/i.test(name)) return 'is an Apple Pages document; export it from Pages as Word (File > Export To > Word) and lint the .docx'
  if (/\.odt$/i.test(name)) return `is an OpenDocument text (.odt); save it as Word in LibreOffice, or convert it: soffice --headless --convert-to docx "${name}"`
  return undefined
}

function safeText(zip: ReturnType<typeof openZip>, name: string): string {
  try {
    return new TextDecoder().decode(zip.read(name) ?? new Uint8Array())
  } catch (error) {
    if (error instanceof DocxError) return ''
    throw error
  }
}

/** Why a file named .docx is not a Word package, when its first bytes say so. */
export function notAPackage(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8', {fatal: false}).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase()
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<\?xml[^>]*>\s*<html/.test(head) || head.startsWith('<head') || head.includes('urn:schemas-microsoft-com:office:word')) {
    return 'is a web page (HTML) with a .docx name, not a Word package; open it in Word and save it as .docx, or rename it .html'
  }
  if (head.startsWith('<?xml') && head.includes('<w:worddocument')) return 'is a Word 2003 XML document, not a .docx package; open it in Word and save it as .docx'
  return 'is not a Word package (no zip signature at its start): it is corrupt, truncated, or another format renamed .docx'
}
