// The module graph of src/ and rules/ keeps the direction ARCHITECTURE.md documents: no import cycle, every import
// points to a layer below (or within its own group), and only the rule registry reads rules/data.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

const root = path.join(import.meta.dirname, '..')

/**
 * The layers, lowest first, as ARCHITECTURE.md draws them. A module may import from a lower rank, or from its own
 * group; groups of one rank (engine, reporters, rules) do not import one another.
 */
const LAYERS: ReadonlyArray<{group: string; rank: number; match: RegExp}> = [
  {group: 'foundation', rank: 0, match: /^src\/(?:(?:types|text|config-error|deps|parse|fast-parse|files|git|package-info|confine|user-regex)\.ts$|docx\/)/},
  {group: 'structure', rank: 1, match: /^src\/(?:document|docset|detect)\.ts$/},
  {group: 'reading', rank: 2, match: /^src\/reading\//},
  {group: 'rule kit', rank: 3, match: /^src\/(?:(?:rule|clauses|data-rules)\.ts$|compare\/(?:playbook|read|adapter)\.ts$)/},
  {group: 'engine', rank: 4, match: /^src\/(?:engine|suppressions)\.ts$/},
  {group: 'reporters', rank: 4, match: /^src\/reporters\//},
  {group: 'rules', rank: 4, match: /^rules\//},
  {group: 'application', rank: 5, match: /^src\//},
]

function layerOf(file: string): {group: string; rank: number} {
  const layer = LAYERS.find((l) => l.match.test(file))
  if (!layer) throw new Error(`${file} is in no layer`)
  return layer
}

function sources(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(path.join(root, dir), {withFileTypes: true})) {
    const rel = `${dir}/${e.name}`
    if (e.isDirectory()) out.push(...sources(rel))
    else if (e.name.endsWith('.ts')) out.push(rel)
  }
  return out.sort()
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every module of src/ and rules/ with the local modules and data files it imports (type-only imports too). */
function graph(): Map<string, {modules: string[]; lazy: string[]; data: string[]}> {
  const files = [...sources('src'), ...sources('rules')]
  const known = new Set(files)
  const out = new Map<string, {modules: string[]; lazy: string[]; data: string[]}>()
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8')
    const modules: string[] = []
    const lazy: string[] = []
    const data: string[] = []
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!
      if (!spec.startsWith('.')) continue
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))
      if (target.endsWith('.json')) {
        data.push(target)
        continue
      }
      const ts = target.replace(/\.js$/, '.ts')
      if (!known.has(ts)) throw new Error(`${file} imports ${spec}, which is not a module of src/ or rules/`)
      modules.push(ts)
      if (m[2] !== undefined) lazy.push(ts)
    }
    out.set(file, {modules, lazy, data})
  }
  return out
}

/** The import cycles of a graph: its strongly connected components with more than one module, or a self-import. */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string): void => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) !== index.get(v)) return
    const component: string[] = []
    let w: string
    do {
      w = stack.pop()!
      onStack.delete(w)
      component.push(w)
    } while (w !== v)
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort())
  }
  for (const v of edges.keys()) if (!index.has(v)) visit(v)
  return found
}

describe('module graph', () => {
  const g = graph()
  const edges = new Map([...g].map(([file, {modules}]) => [file, modules]))

  it('reads every module of src/ and rules/ and their imports', () => {
    expect(g.size).toBeGreaterThan(50)
    expect(g.get('src/engine.ts')!.modules).toContain('src/reading/index.ts')
  })

  it('has no import cycle, through static imports or lazy import() alike', () => {
    expect(cycles(edges)).toEqual([])
  })

  it('the cycle finder finds a cycle and a self-import', () => {
    const looped = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['a']],
    ])
    expect(cycles(looped)).toEqual([['a', 'b', 'c'], ['d']])
  })

  it('imports only point down the layers of ARCHITECTURE.md', () => {
    const against: string[] = []
    for (const [file, targets] of edges) {
      const from = layerOf(file)
      for (const target of targets) {
        const to = layerOf(target)
        if (to.rank < from.rank || to.group === from.group) continue
        against.push(`${file} (${from.group}) imports ${target} (${to.group})`)
      }
    }
    expect(against).toEqual([])
  })

  it('only the rule registry and the rules read rules/data', () => {
    const readers = [...g].filter(([file, {data}]) => data.some((d) => d.startsWith('rules/data/')) && !file.startsWith('rules/')).map(([file]) => file)
    expect(readers).toEqual([])
  })

  it('every layer of the table is used, and ARCHITECTURE.md names each group', () => {
    const doc = readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8')
    for (const layer of LAYERS) {
      expect([...g.keys()].some((f) => layerOf(f).group === layer.group), layer.group).toBe(true)
      expect(doc, layer.group).toContain(layer.group)
    }
  })
})

/**
 * Module-level state: a Map or Set at the top of a module of src/ or rules/ that is written after it is made. A
 * document's answers belong to its Reading (or to a WeakMap keyed by the document's own objects, which lets go with
 * the document); the only Maps and Sets a module may fill are of the process, named here with what they hold.
 */
const PROCESS_STATE: Readonly<Record<string, string>> = {
  'rules/index.ts groupOfRule': 'each rule id to its clause group, filled once at load from the groups table',
  'src/cache.ts digestsByText': 'config and rule texts to their digest, bounded (cleared past 1,000)',
  'src/custom-rules.ts cache': 'custom rule modules loaded, per path and content',
  'src/output.ts temps': 'temporary files being written, removed on exit or signal',
  'src/reading/delegation.ts PARENT_POINTERS': 'a compiled pattern per parent-document name option',
  'src/rule.ts builtinCode': 'the built-in rules by id, filled once at load',
}

/** The names of the Maps and Sets made at the top of a module's text and written after. */
function stateIn(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/^(?:export )?(?:const|let) ([A-Za-z_$][\w$]*)(?:: [^=]+)? = new (?:Map|Set)\b/gm)) {
    const name = m[1]!
    if (new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\.(?:set|add|delete|clear)\\(`).test(text)) out.push(name)
  }
  return out
}

const moduleState = (file: string): string[] => stateIn(readFileSync(path.join(root, file), 'utf8')).map((name) => `${file} ${name}`)

describe('module-level state', () => {
  const found = [...sources('src'), ...sources('rules')].flatMap(moduleState)

  it('fills no Map or Set at module level but the process-wide ones named, each of which still exists', () => {
    expect(found.filter((k) => !(k in PROCESS_STATE))).toEqual([])
    expect(Object.keys(PROCESS_STATE).filter((k) => !found.includes(k))).toEqual([])
  })

  it('the finder sees a module-level Map written later, and not a constant table or a local one', () => {
    expect(stateIn('const SEEN = new Map<string, number>()\nexport function f(k: string) { SEEN.set(k, 1) }')).toEqual(['SEEN'])
    expect(stateIn('export let seen: Set<string> = new Set()\nexport const g = (k: string) => seen.add(k)')).toEqual(['seen'])
    expect(stateIn('const TABLE = new Map([["a", 1]])\nexport const g = () => TABLE.get("a")')).toEqual([])
    expect(stateIn('export function f() {\n  const seen = new Map()\n  seen.set(1, 2)\n}')).toEqual([])
  })
})
