// npm run build (after tsc): bundle the command line into dist/bundle, one file per entry plus shared chunks, and the
// command once more as one CommonJS file (cli.cjs), which bin/clauselint.js runs with V8's code cache (see there).
// A run of `clauselint` then loads a few files instead of ~300 modules: module resolution and loading was most of a
// single-file run's start-up. The language server, the HTML report and other rarely used parts stay in chunks of
// their own that load only when used. The library (`import {lint} from 'clauselint'`) stays the unbundled tsc output.
import fs from 'node:fs'
import path from 'node:path'
import {build} from 'esbuild'

// fdir (inside tinyglobby) loads picomatch from node_modules at start-up, unbundled, for its own .glob(), which
// tinyglobby never calls (it matches with the picomatch it imports, which is bundled): drop that load.
const noFdirPicomatch = {
  name: 'no-fdir-picomatch',
  setup(b) {
    b.onLoad({filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/}, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8')
      const optional = /__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/
      if (!optional.test(source)) throw new Error('fdir no longer loads picomatch as expected: check scripts/bundle.mjs')
      return {contents: source.replace(optional, ''), loader: 'js'}
    })
  },
}

// fflate (which writes the zip of an annotated .docx with zipSync) loads worker_threads at start-up for its
// asynchronous functions, which clauselint never calls: drop that load (they would report that workers are missing).
const noFflateWorker = {
  name: 'no-fflate-worker',
  setup(b) {
    b.onLoad({filter: /[\\/]fflate[\\/](?:esm[\\/]index\.mjs|lib[\\/]node\.cjs)$/}, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8')
      const load = /try \{\s*\(_a = require\('worker_threads'\), Worker = _a\.Worker, isMarkedAsUntransferable = _a\.isMarkedAsUntransferable\);\s*\}\s*catch \(e\) \{\s*\}/
      if (!load.test(source)) throw new Error('fflate no longer loads worker_threads as expected: check scripts/bundle.mjs')
      return {contents: source.replace(load, ''), loader: 'js'}
    })
  },
}

// src/deps.ts loads yaml and ajv on first use through createRequire (the unbundled library reads them from
// node_modules); in the bundle the same calls become the bundle's own require of the bundled package, which esbuild
// evaluates when first called rather than at start-up.
const lazyDeps = {
  name: 'lazy-deps',
  setup(b) {
    b.onLoad({filter: /[\\/]src[\\/]deps\.ts$/}, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8')
      const head = /import \{createRequire\} from 'node:module'\n\nconst load = createRequire\(import\.meta\.url\)\n/
      if (!head.test(source)) throw new Error('src/deps.ts no longer loads its packages as expected: check scripts/bundle.mjs')
      return {contents: source.replace(head, '').replace(/\bload\('/g, "require('"), loader: 'ts'}
    })
  },
}

const root = path.resolve(import.meta.dirname, '..')
await build({
  absWorkingDir: root,
  entryPoints: {cli: 'src/cli.ts', worker: 'src/worker.ts', 'lint-worker': 'src/lsp/lint-worker.ts'},
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // the CommonJS dependencies (ajv, yaml, ignore, vscode-languageserver) call require() for Node's own modules
  banner: {js: "import {createRequire as __clauselintRequire} from 'node:module'; const require = __clauselintRequire(import.meta.url);"},
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [noFdirPicomatch, noFflateWorker, lazyDeps],
})

// The command as one CommonJS script: V8 can keep the code it compiles for a script (vm.Script cachedData), not for ES
// modules on Node 20. import.meta.url becomes the file's own URL. The language server and the MCP server (with their
// protocol libraries, about half the code) are scripts of their own beside it, loaded only by --lsp and --mcp: a lint
// run reads, and V8 deserialises, only the code a lint uses.
const SEPARATE = {'./lsp.js': 'lsp.cjs', './mcp/server.js': 'mcp.cjs'}
const separate = {
  name: 'separate-servers',
  setup(b) {
    b.onResolve({filter: /^\.\/(?:lsp|mcp\/server)\.js$/}, (args) => (args.importer.endsWith(`${path.sep}cli.ts`) && SEPARATE[args.path] ? {path: `./${SEPARATE[args.path]}`, external: true} : undefined))
  },
}
const cjsOptions = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: {'import.meta.url': '__clauselintUrl'},
  banner: {js: "const __clauselintUrl = require('node:url').pathToFileURL(__filename).href; const __clauselintImport = globalThis.__clauselintImport ?? ((specifier) => import(specifier));"},
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [noFdirPicomatch, noFflateWorker, lazyDeps, separate],
  write: false,
}
const cjs = {outputFiles: []}
for (const [entry, outfile] of [['src/cli.ts', 'cli.cjs'], ['src/lsp.ts', 'lsp.cjs'], ['src/mcp/server.ts', 'mcp.cjs']]) {
  cjs.outputFiles.push(...(await build({...cjsOptions, entryPoints: [entry], outfile: `dist/bundle/${outfile}`})).outputFiles)
}
// import() in a script run from V8's code cache fails on Node 20 ("a dynamic import callback was not specified"): every
// import() of the script goes through a function that bin/clauselint.js (an ES module) provides.
for (const file of cjs.outputFiles) {
  let text = file.text
  if (file.path.endsWith('.cjs')) {
    const banner = text.indexOf('\n')
    const rest = text.slice(banner).replace(/(?<![\w$.`])import\(/g, '__clauselintImport(')
    if (/(?<![\w$.`])import\(/.test(rest)) throw new Error('cli.cjs: an import() was left')
    text = text.slice(0, banner) + rest
  }
  // written whole, then renamed: a run beside the build reads the old file or the new one
  fs.mkdirSync(path.dirname(file.path), {recursive: true})
  fs.writeFileSync(`${file.path}.tmp`, text)
  fs.renameSync(`${file.path}.tmp`, file.path)
}
