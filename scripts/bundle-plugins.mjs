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

// A pattern written `needs(/…/flags)` (src/text.ts, NeedsRegExp) looks for its literals before it runs: read here from
// each such pattern of the sources, once, rather than by every run that first uses it (a walk over the pattern's source
// in code that has not yet been compiled costs a short run about what the check saves). The literals come from the tsc
// output of src/text.ts, which the build makes first.
export function patternLiterals(root) {
  let guardLiterals
  return {
    name: 'pattern-literals',
    setup(b) {
      b.onLoad({filter: /[\\/](?:src|rules)[\\/].*\.ts$/}, async (args) => {
        const source = await fs.promises.readFile(args.path, 'utf8')
        if (!source.includes('needs(/')) return undefined
        guardLiterals ??= (await import(pathToFileURL(path.join(root, 'dist', 'src', 'text.js')).href)).guardLiterals
        let out = ''
        let at = 0
        for (let i = source.indexOf('needs(/'); i >= 0; i = source.indexOf('needs(/', i + 1)) {
          // the literal's end: a "/" outside a class and not escaped, then its flags and the call's ")"
          let j = i + 7
          let inClass = false
          for (; j < source.length && source[j] !== '\n'; j++) {
            const c = source[j]
            if (c === '\\') j++
            else if (c === '[') inClass = true
            else if (c === ']') inClass = false
            else if (c === '/' && !inClass) break
          }
          const flags = /^[dgimsuyv]*/.exec(source.slice(j + 1))[0]
          const close = j + 1 + flags.length
          if (source[j] !== '/' || source[close] !== ')') throw new Error(`${args.path}: a needs(/…/) the build cannot read`)
          const literal = source.slice(i + 6, close)
          const re = new Function(`return ${literal}`)()
          out += source.slice(at, close) + `, ${JSON.stringify(guardLiterals(re.source, re.flags))}`
          at = close
        }
        return {contents: out + source.slice(at), loader: 'ts'}
      })
    },
  }
}
