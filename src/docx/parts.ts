// The small parts of a Word package: styles, numbering definitions, comments, relationships, content types.
import {attr, isOn, walkXml, type Tag} from './xml.js'

export interface Style {
  readonly id: string
  readonly name: string
  readonly basedOn: string | undefined
  readonly outlineLevel: number | undefined
  readonly numId: string | undefined
  readonly ilvl: number | undefined
}

export interface Styles {
  readonly byId: ReadonlyMap<string, Style>
  /** The paragraph style used when a paragraph names none. */
  readonly defaultId: string | undefined
}

/** Paragraph styles by id. */
export function readStyles(xml: string | undefined): Styles {
  const byId = new Map<string, Style>()
  let defaultId: string | undefined
  if (xml === undefined) return {byId, defaultId}
  let current: {id: string; name: string; basedOn?: string | undefined; outlineLevel?: number; numId?: string | undefined; ilvl?: number} | undefined
  let skip = 0
  walkXml(xml, 'word/styles.xml', {
    open(tag) {
      if (skip) {
        if (!tag.selfClosing) skip++
        return
      }
      if (tag.name === 'w:style') {
        if (attr(tag, 'type') !== 'paragraph') return
        current = {id: attr(tag, 'styleId') ?? '', name: ''}
        if (isDefault(tag)) defaultId = current.id
        return
      }
      if (!current) return
      if (tag.name === 'w:pPrChange' || tag.name === 'w:rPr') {
        if (!tag.selfClosing) skip = 1
        return
      }
      if (tag.name === 'w:name') current.name = attr(tag, 'val') ?? ''
      else if (tag.name === 'w:basedOn') current.basedOn = attr(tag, 'val')
      else if (tag.name === 'w:outlineLvl') current.outlineLevel = Number(attr(tag, 'val'))
      else if (tag.name === 'w:numId') current.numId = attr(tag, 'val')
      else if (tag.name === 'w:ilvl') current.ilvl = Number(attr(tag, 'val'))
    },
    close(tag) {
      if (skip) {
        skip--
        return
      }
      if (tag.name === 'w:style' && current) {
        byId.set(current.id, {id: current.id, name: current.name, basedOn: current.basedOn, outlineLevel: current.outlineLevel, numId: current.numId, ilvl: current.ilvl})
        current = undefined
      }
    },
  })
  return {byId, defaultId}
}

function isDefault(tag: Tag): boolean {
  const v = attr(tag, 'default')
  return v === '1' || v === 'true' || v === 'on'
}

/** Follow `basedOn` from a style up, at most 20 steps (a loop in a hostile file ends there). */
export function styleChain(styles: Styles, id: string | undefined): Style[] {
  const out: Style[] = []
  let at = id ?? styles.defaultId
  for (let i = 0; at !== undefined && i < 20; i++) {
    const s = styles.byId.get(at)
    if (!s || out.includes(s)) break
    out.push(s)
    at = s.basedOn
  }
  return out
}

export interface Level {
  start: number
  format: string
  text: string
  /** 0: never restart; k: restart after a paragraph at level k-1 or above; undefined: after any level above. */
  restart: number | undefined
  legal: boolean
  style: string | undefined
}

export interface AbstractNum {
  readonly id: string
  readonly levels: Map<number, Level>
  /** `w:numStyleLink`: the levels are those of the numbering this style points at. */
  readonly styleLink: string | undefined
}

export interface NumInstance {
  readonly id: string
  readonly abstractId: string
  /** Per level: a start override and/or a whole level that replaces the abstract one. */
  readonly overrides: Map<number, {start?: number; level?: Level}>
}

export interface Numbering {
  readonly abstracts: ReadonlyMap<string, AbstractNum>
  readonly nums: ReadonlyMap<string, NumInstance>
}

/** Numbering definitions: abstract lists and the numbering instances that use them. */
export function readNumbering(xml: string | undefined): Numbering {
  const abstracts = new Map<string, AbstractNum>()
  const nums = new Map<string, NumInstance>()
  if (xml === undefined) return {abstracts, nums}
  let abstract: AbstractNum | undefined
  let num: NumInstance | undefined
  let overrideLevel: number | undefined
  let level: Level | undefined
  let levelIndex = 0
  let skip = 0
  walkXml(xml, 'word/numbering.xml', {
    open(tag) {
      if (skip) {
        if (!tag.selfClosing) skip++
        return
      }
      switch (tag.name) {
        case 'w:abstractNum':
          abstract = {id: attr(tag, 'abstractNumId') ?? '', levels: new Map(), styleLink: undefined}
          return
        case 'w:num':
          num = {id: attr(tag, 'numId') ?? '', abstractId: '', overrides: new Map()}
          return
        case 'w:abstractNumId':
          if (num) (num as {abstractId: string}).abstractId = attr(tag, 'val') ?? ''
          return
        case 'w:numStyleLink':
          if (abstract) abstract = {...abstract, styleLink: attr(tag, 'val')}
          return
        case 'w:lvlOverride':
          overrideLevel = Number(attr(tag, 'ilvl') ?? 0)
          if (num && !num.overrides.has(overrideLevel)) num.overrides.set(overrideLevel, {})
          return
        case 'w:startOverride':
          if (num && overrideLevel !== undefined) num.overrides.get(overrideLevel)!.start = Number(attr(tag, 'val') ?? 0)
          return
        case 'w:lvl':
          levelIndex = Number(attr(tag, 'ilvl') ?? 0)
          level = {start: 0, format: 'decimal', text: '', restart: undefined, legal: false, style: undefined}
          return
        case 'w:pPr':
        case 'w:rPr':
          if (!tag.selfClosing) skip = 1
          return
      }
      if (!level) return
      if (tag.name === 'w:start') level.start = Number(attr(tag, 'val') ?? 0)
      else if (tag.name === 'w:numFmt') level.format = attr(tag, 'val') ?? 'decimal'
      else if (tag.name === 'w:lvlText') level.text = attr(tag, 'val') ?? ''
      else if (tag.name === 'w:lvlRestart') level.restart = Number(attr(tag, 'val') ?? 0)
      else if (tag.name === 'w:isLgl') level.legal = isOn(tag)
      else if (tag.name === 'w:pStyle') level.style = attr(tag, 'val')
    },
    close(tag) {
      if (skip) {
        skip--
        return
      }
      if (tag.name === 'w:lvl' && level) {
        if (num && overrideLevel !== undefined) num.overrides.get(overrideLevel)!.level = level
        else if (abstract) abstract.levels.set(levelIndex, level)
        level = undefined
      } else if (tag.name === 'w:lvlOverride') overrideLevel = undefined
      else if (tag.name === 'w:abstractNum' && abstract) {
        abstracts.set(abstract.id, abstract)
        abstract = undefined
      } else if (tag.name === 'w:num' && num) {
        nums.set(num.id, num)
        num = undefined
      }
    },
  })
  return {abstracts, nums}
}

export interface WordComment {
  readonly id: number
  readonly author: string
  readonly text: string
}

/** The comments of `word/comments.xml`, with their text (paragraphs joined by newlines). */
export function readComments(xml: string | undefined): WordComment[] {
  const out: WordComment[] = []
  if (xml === undefined) return out
  let current: {id: number; author: string; paragraphs: string[]} | undefined
  let inText = false
  walkXml(xml, 'word/comments.xml', {
    open(tag) {
      if (tag.name === 'w:comment') current = {id: Number(attr(tag, 'id') ?? -1), author: attr(tag, 'author') ?? '', paragraphs: []}
      else if (current && tag.name === 'w:p') current.paragraphs.push('')
      else if (current && tag.name === 'w:t' && !tag.selfClosing) inText = true
      else if (current && (tag.name === 'w:tab' || tag.name === 'w:br') && current.paragraphs.length) current.paragraphs[current.paragraphs.length - 1] += ' '
    },
    close(tag) {
      if (tag.name === 'w:t') inText = false
      else if (tag.name === 'w:comment' && current) {
        out.push({id: current.id, author: current.author, text: current.paragraphs.join('\n')})
        current = undefined
      }
    },
    text(t) {
      if (inText && current?.paragraphs.length) current.paragraphs[current.paragraphs.length - 1] += t
    },
  })
  return out
}

export interface Relationship {
  readonly id: string
  readonly type: string
  readonly target: string
}

/** The relationships of a `.rels` part. */
export function readRelationships(xml: string | undefined, name: string): Relationship[] {
  const out: Relationship[] = []
  if (xml === undefined) return out
  walkXml(xml, name, {
    open(tag) {
      if (tag.name === 'Relationship') out.push({id: tag.attributes['Id'] ?? '', type: tag.attributes['Type'] ?? '', target: tag.attributes['Target'] ?? ''})
    },
  })
  return out
}

/** Resolve a relationship target against the folder of the part that owns it (`word/`), as a zip entry name. */
export function resolveTarget(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${base}${target}`).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '..') out.pop()
    else if (p !== '.' && p !== '') out.push(p)
  }
  return out.join('/')
}
