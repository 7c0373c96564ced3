// Document sets: an agreement and the schedules it declares in front matter, judged as one.
import path from 'node:path'
import {parse as parseYaml} from 'yaml'
import type {Document} from './types.js'

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/

/** The files a document declares as members of its set (`clauselint: {includes: [...]}` in front matter), resolved against its folder. */
export function declaredIncludes(text: string, filePath: string): string[] {
  const m = FRONT_MATTER.exec(text)
  if (!m) return []
  let data: unknown
  try {
    data = parseYaml(m[1]!)
  } catch {
    return []
  }
  const settings = (data as {clauselint?: {includes?: unknown}} | null)?.clauselint
  const includes = settings?.includes
  const list = typeof includes === 'string' ? [includes] : Array.isArray(includes) ? includes : []
  return list.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => path.join(path.dirname(filePath), x))
}

/** One Document over the whole set: sections and blocks of every member; positions stay per file. */
export function combineDocuments(main: Document, members: readonly Document[]): Document {
  if (!members.length) return main
  return {
    ...main,
    sections: [...main.sections, ...members.flatMap((m) => m.sections)],
    blocks: [...main.blocks, ...members.flatMap((m) => m.blocks)],
    set: members,
  }
}
