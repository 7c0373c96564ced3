// Document sets: an agreement and the schedules it declares in front matter, judged as one.
import path from 'node:path'
import {realPath} from './confine.js'
import type {Document} from './types.js'
import {yaml} from './deps.js'

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/

// The last front matter read and its list: a run reads a file's members, then checks them as written (memberProblem),
// and the same YAML is not parsed twice for it.
let last: {readonly yaml: string; readonly list: readonly string[]} | undefined

/** The `includes` of a document's front matter as written (`clauselint: {includes: [...]}`); none when the YAML is broken. */
export function declaredIncludeList(text: string): string[] {
  const m = FRONT_MATTER.exec(text)
  if (!m) return []
  const source = m[1]!
  if (last?.yaml === source) return [...last.list]
  let list: string[] = []
  try {
    const data: unknown = yaml().parse(source, {maxAliasCount: 1000})
    const includes = (data as {clauselint?: {includes?: unknown}} | null)?.clauselint?.includes
    list = (typeof includes === 'string' ? [includes] : Array.isArray(includes) ? includes : []).filter((x): x is string => typeof x === 'string' && x.trim() !== '')
  } catch {
    // broken YAML declares no members (the front matter is reported as a config error where it is read for settings)
  }
  last = {yaml: source, list}
  return [...list]
}

/** Most members a document set may have (distinct files); more is a mistake or an attempt to multiply the work. */
export const MAX_MEMBERS = 200

/**
 * The files a document declares as members of its set, resolved against its folder: each once (by real path), never
 * the document itself.
 */
export function declaredIncludes(text: string, filePath: string): string[] {
  const list = declaredIncludeList(text)
  // most agreements declare no members: no path is resolved for them
  if (!list.length) return []
  const self = realPath(filePath)
  const seen = new Set<string>([self])
  const out: string[] = []
  for (const x of list) {
    const p = path.isAbsolute(x) ? x : path.join(path.dirname(filePath), x)
    const real = realPath(p)
    if (seen.has(real)) continue
    seen.add(real)
    out.push(p)
  }
  return out
}

/** One Document over the whole set: sections and blocks of every member; positions stay per file. */
export function combineDocuments(main: Document, members: readonly Document[]): Document {
  if (!members.length) return main
  // the main document's properties as they are defined (its tree is parsed again only when read: see buildDocument)
  const combined = Object.defineProperties({}, Object.getOwnPropertyDescriptors(main)) as Document
  return Object.assign(combined, {
    sections: [...main.sections, ...members.flatMap((m) => m.sections)],
    blocks: [...main.blocks, ...members.flatMap((m) => m.blocks)],
    set: members,
  })
}
