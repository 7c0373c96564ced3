// The release bundle: the command line, its worker and the library, each one ES module with every dependency bundled
// in (no node_modules needed at run time), plus the licences of the bundled packages. Built into `release/` of a
// release commit (see scripts/release.mjs); reproducible: the same sources and lockfile give the same bytes.
import {readFileSync, existsSync, writeFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {build} from 'esbuild'
import {lazyDeps} from './bundle-plugins.mjs'

/** The folder of the committed bundle, relative to the package root. */
export const RELEASE_DIR = 'release'

/**
 * Build the bundle of the sources under `root` into `outdir`. Packages are resolved from `root`'s node_modules (or
 * `nodePaths`). Returns the names of the bundled packages.
 */
export async function buildRelease(root, outdir, {nodePaths = []} = {}) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: {cli: 'src/cli.ts', worker: 'src/worker.ts', index: 'src/index.ts'},
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    nodePaths,
    // a node_modules reached through a link (a test's copy of the sources) gives the same paths, so the same bytes
    preserveSymlinks: true,
    // the CommonJS dependencies (ajv, yaml, ignore, vscode-languageserver) call require() for Node's own modules
    banner: {js: "import {createRequire as __clauselintRequire} from 'node:module'; const require = __clauselintRequire(import.meta.url);"},
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    // yaml, ajv and fflate load on first use (src/deps.ts), from the bundle like every other package
    plugins: [lazyDeps],
  })
  // every package whose code is in the bundle, with its licence text
  const packages = new Map()
  for (const input of Object.keys(result.metafile.inputs)) {
    const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.split(path.sep).join('/'))
    if (!m) continue
    const dir = path.resolve(root, input.slice(0, m.index + m[0].length))
    if (!packages.has(m[1])) packages.set(m[1], dir)
  }
  const sections = []
  for (const name of [...packages.keys()].sort()) {
    const dir = packages.get(name)
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
    const licenceFile = readdirSync(dir).find((f) => /^(?:licen[cs]e|copying)(?:\.|$)/i.test(f))
    const text = licenceFile && existsSync(path.join(dir, licenceFile)) ? readFileSync(path.join(dir, licenceFile), 'utf8').trim() : `(no licence file; package.json says ${pkg.license ?? 'nothing'})`
    sections.push(`${name}@${pkg.version} (${pkg.license ?? 'unknown'})\n\n${text}\n`)
  }
  writeFileSync(path.join(outdir, 'THIRD-PARTY-LICENSES.txt'), `The release bundle of clauselint includes these packages:\n\n${sections.join('\n---\n\n')}`)
  return [...packages.keys()].sort()
}

/** package.json of a release commit: no build step, the bundle as entry points, no dependencies (they are bundled). */
export function releasePackageJson(pkg) {
  const {scripts: _scripts, dependencies: _deps, devDependencies: _dev, types: _types, ...rest} = pkg
  return {
    ...rest,
    main: `./${RELEASE_DIR}/index.js`,
    exports: {'.': {import: `./${RELEASE_DIR}/index.js`}, './package.json': './package.json'},
    files: ['bin', RELEASE_DIR, 'schema', 'docs', 'README.md'],
  }
}
