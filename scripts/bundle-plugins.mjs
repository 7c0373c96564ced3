// esbuild plugins shared by the build (scripts/bundle.mjs) and the release bundle (scripts/release-build.mjs).
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

// fdir (inside tinyglobby) loads picomatch from node_modules at start-up, unbundled, for its own .glob(), which
// tinyglobby never calls (it matches with the picomatch it imports, which is bundled): drop that load.
export const noFdirPicomatch = {
  name: 'no-fdir-picomatch',
  setup(b) {
    b.onLoad({filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/}, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8')
      const optional = /__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/
      if (!optional.test(source)) throw new Error('fdir no longer loads picomatch as expected: check scripts/bundle-plugins.mjs')
      return {contents: source.replace(optional, ''), loader: 'js'}
    })
  },
}

// fflate (which writes the zip of an annotated .docx with zipSync) loads worker_threads at start-up for its
// asynchronous functions, which clauselint never calls: drop that load (they would report that workers are missing).
export const noFflateWorker = {
  name: 'no-fflate-worker',
  setup(b) {
    b.onLoad({filter: /[\\/]fflate[\\/](?:esm[\\/]index\.mjs|lib[\\/]node\.cjs)$/}, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8')
      const load = /try \{\s*\(_a = require\('worker_threads'\), Worker = _a\.Worker, isMarkedAsUntransferable = _a\.isMarkedAsUntransferable\);\s*\}\s*catch \(e\) \{\s*\}/
      if (!load.test(source)) throw new Error('fflate no longer loads worker_threads as expected: check scripts/bundle-plugins.mjs')
      return {contents: source.replace(load, ''), loader: 'js'}
    })
  },
}

// src/deps.ts loads yaml and ajv on first use through createRequire (the unbundled library reads them from
// node_modules); in the bundle the same calls become the bundle's own require of the bundled package, which esbuild
// evaluates when first called rather than at start-up.
export const lazyDeps = {
  name: 'lazy-deps',
  setup(b) {
    b.onLoad({filter: /[\\/]src[\\/]deps\.ts$/}, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8')
      const head = /import \{createRequire\} from 'node:module'\n\nconst load = createRequire\(import\.meta\.url\)\n/
      if (!head.test(source)) throw new Error('src/deps.ts no longer loads its packages as expected: check scripts/bundle-plugins.mjs')
      return {contents: source.replace(head, '').replace(/\bload\('/g, "require('"), loader: 'ts'}
    })
  },
}

// chalk works out a colour level for its default instances at load (supports-color: the terminal check loads node:tty,
// and through it node:net, ~6 ms of every start); clauselint makes every instance with the level it has decided
// (new Chalk({level}): see colorLevel in src/cli.ts), so the bundle leaves the check out.
export const noChalkTerminalCheck = {
  name: 'no-chalk-terminal-check',
  setup(b) {
    b.onResolve({filter: /^#supports-color$/}, (args) => (/[\\/]chalk[\\/]/.test(args.importer) ? {path: 'supports-color', namespace: 'no-chalk-terminal-check'} : undefined))
    b.onLoad({filter: /.*/, namespace: 'no-chalk-terminal-check'}, () => ({contents: 'export default {stdout: false, stderr: false}', loader: 'js'}))
  },
}

// node:fs/promises loads ten of Node's internal modules (readline's among them, ~7 ms of CPU) when it is required, and
// the bundle requires its imports at start-up; a run that never reads through it (--stdin) need not pay for it. The
// bundle reaches each function through fs.promises (loaded by Node on first use) when it is first called.
export const lazyFsPromises = {
  name: 'lazy-fs-promises',
  setup(b) {
    b.onResolve({filter: /^(?:node:)?fs\/promises$/}, () => ({path: 'fs-promises', namespace: 'lazy-fs-promises'}))
    b.onLoad({filter: /.*/, namespace: 'lazy-fs-promises'}, async () => {
      const {promises} = await import('node:fs')
      const names = Object.keys(promises).filter((name) => typeof promises[name] === 'function')
      if (!names.includes('readFile')) throw new Error('node:fs promises: no readFile? check scripts/bundle-plugins.mjs')
      const contents = [
        "import {promises as fsp} from 'node:fs'",
        ...names.map((name) => `export const ${name} = (...args) => fsp.${name}(...args)`),
        // the same object as fs.promises.constants, read without loading fs.promises
        "export {constants} from 'node:fs'",
      ].join('\n')
      return {contents, loader: 'js'}
    })
  },
}

// A pattern of the sources is looked for by its literals first in a run of one short text (src/text.ts, needs and
// guardPatterns): each regular expression literal written at a module's top level (made once, when the module is
// evaluated) is handed to `needs` with its Guard, read here once rather than by every run that first uses it (a walk
// over the pattern's source in code that has not yet been compiled costs a short run about what the check saves). A
// literal already written `needs(/…/)` gets its Guard as the second argument. A literal inside a function is made anew
// on each call and is left as it is, as is one without a Guard. The Guards come from the tsc output of src/text.ts,
// which the build makes first. `guardPatternLiterals` is the transform alone, for the tests.
export function guardPatternLiterals(ts, guardOf, source, fileName, textModule) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const edits = []
  const visit = (node) => {
    // a function's or a class's literals are made when it runs
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(file)
      const re = new Function(`return ${literal}`)()
      const guard = guardOf(re.source, re.flags)
      const call = node.parent
      const written = ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'needs' && call.arguments.length === 1 && call.arguments[0] === node
      if (written) edits.push({at: node.getEnd(), remove: 0, text: `, ${JSON.stringify(guard)}`})
      else if (guard) edits.push({at: node.getStart(file), remove: literal.length, text: `__needsGuarded(${literal}, ${JSON.stringify(guard)})`})
      return
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  if (edits.length === 0) return source
  let out = source
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.remove)
  if (edits.some((e) => e.remove > 0)) out = `import {needs as __needsGuarded} from ${JSON.stringify(textModule)}\n${out}`
  return out
}

export function patternLiterals(root) {
  let ts
  let guardOf
  const textModule = path.join(root, 'src', 'text.ts')
  return {
    name: 'pattern-literals',
    setup(b) {
      b.onLoad({filter: /[\\/](?:src|rules)[\\/].*\.ts$/}, async (args) => {
        // the module that defines needs is not guarded through itself
        if (path.resolve(args.path) === textModule) return undefined
        const source = await fs.promises.readFile(args.path, 'utf8')
        if (!/\/[^/\n]*\//.test(source)) return undefined
        ts ??= (await import('typescript')).default
        guardOf ??= (await import(pathToFileURL(path.join(root, 'dist', 'src', 'text.js')).href)).guardOf
        return {contents: guardPatternLiterals(ts, guardOf, source, args.path, textModule), loader: 'ts'}
      })
    },
  }
}
