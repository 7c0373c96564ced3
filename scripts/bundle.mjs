// npm run build (after tsc): bundle the command line into dist/bundle, one file per entry plus shared chunks, and the
// command once more as one CommonJS file (cli.cjs), which bin/clauselint.js runs with V8's code cache (see there), and
// the lint worker the same way (worker.cjs, run with its own code cache: cachedWorkerCode in src/scale.ts).
// A run of `clauselint` then loads a few files instead of ~300 modules: module resolution and loading was most of a
// single-file run's start-up. The language server, the HTML report and other rarely used parts stay in chunks of
// their own that load only when used. The library (`import {lint} from 'clauselint'`) stays the unbundled tsc output.
import fs from 'node:fs'
import path from 'node:path'
import {build} from 'esbuild'
import {lazyDeps, lazyFsPromises, noChalkTerminalCheck, noFdirPicomatch, noFflateWorker, patternLiterals} from './bundle-plugins.mjs'

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
  plugins: [noFdirPicomatch, noFflateWorker, lazyDeps, noChalkTerminalCheck, lazyFsPromises, patternLiterals(root)],
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
  plugins: [noFdirPicomatch, noFflateWorker, lazyDeps, noChalkTerminalCheck, lazyFsPromises, patternLiterals(root), separate],
  // without the indentation and comments: a run reads, copies and keeps the whole script (2.6 MB written out, 1.85 MB
  // without), and every page of it that a run touches costs it a page fault
  minifyWhitespace: true,
  write: false,
}
// The scripts that run through V8's code cache (cli.cjs, run by bin/clauselint.js; worker.cjs, by a lint worker: see
// cachedWorkerCode in src/scale.ts) are written wrapped in the function node wraps a CommonJS module in, so that V8
// compiles the text as read: wrapped at run time (Module.wrap), the script is copied whole once more before V8 compiles
// it. The loaders look for this exact start and wrap a script that lacks it.
const WRAPPED = new Set(['cli.cjs', 'worker.cjs'])
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n});\n']
const cjs = {outputFiles: []}
for (const [entry, outfile] of [['src/cli.ts', 'cli.cjs'], ['src/worker.ts', 'worker.cjs'], ['src/lsp.ts', 'lsp.cjs'], ['src/mcp/server.ts', 'mcp.cjs']]) {
  cjs.outputFiles.push(...(await build({...cjsOptions, entryPoints: [entry], outfile: `dist/bundle/${outfile}`})).outputFiles)
}
// import() in a script run from V8's code cache fails on Node 20 ("a dynamic import callback was not specified"): every
// import() of the script goes through a function that bin/clauselint.js provides.
for (const file of cjs.outputFiles) {
  let text = file.text
  if (file.path.endsWith('.cjs')) {
    const banner = text.indexOf('\n')
    const rest = text.slice(banner).replace(/(?<![\w$.`])import\(/g, '__clauselintImport(')
    if (/(?<![\w$.`])import\(/.test(rest)) throw new Error('cli.cjs: an import() was left')
    text = text.slice(0, banner) + rest
    // Only ASCII, so that bin/clauselint.js reads the script as Latin-1 (a copy, about 1 ms for the 2.5 MB) rather than
    // decoding UTF-8 (20-30 ms on every start): esbuild already escapes strings; what it keeps are comments, regular
    // expression literals and String.raw templates (regular expression sources here), where \uXXXX means the same
    // character. A backslash before such a character would turn the escape into text: refused rather than built.
    if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`${path.basename(file.path)}: a backslash before a non-ASCII character`)
    text = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    if (WRAPPED.has(path.basename(file.path))) text = WRAPPER[0] + text + WRAPPER[1]
  }
  // written whole, then renamed: a run beside the build reads the old file or the new one
  fs.mkdirSync(path.dirname(file.path), {recursive: true})
  fs.writeFileSync(`${file.path}.tmp`, text)
  fs.renameSync(`${file.path}.tmp`, file.path)
}
