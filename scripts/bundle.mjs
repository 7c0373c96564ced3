// npm run build (after tsc): bundle the command line into dist/bundle, one file per entry plus shared chunks.
// A run of `clauselint` then loads a few files instead of ~300 modules: module resolution and loading was most of a
// single-file run's start-up. The language server, the HTML report and other rarely used parts stay in chunks of
// their own that load only when used. The library (`import {lint} from 'clauselint'`) stays the unbundled tsc output.
import path from 'node:path'
import {build} from 'esbuild'

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
})
