// npm run build (after tsc): bundle the command line into dist/bundle, one file per entry plus shared chunks.
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

const root = path.resolve(import.meta.dirname, '..')
// chunk names change with their content: start from an empty folder so that old chunks do not pile up
fs.rmSync(path.join(root, 'dist', 'bundle'), {recursive: true, force: true})
await build({
  absWorkingDir: root,
  entryPoints: {cli: 'src/cli.ts', worker: 'src/worker.ts'},
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
  plugins: [noFdirPicomatch],
})
