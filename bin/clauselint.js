#!/usr/bin/env node
// clauselint command: runs the bundled CLI — dist/bundle (built from the sources by `npm install` in a clone; its
// CommonJS build through V8's code cache when there is one), else release/ (the committed bundle of a release tag,
// which needs no build and no dependencies).
// A CommonJS script (bin/package.json says so): node starts it without its ES module loader, which is about 10 ms of
// a short run's CPU.
'use strict'
const {isAscii} = require('node:buffer')
const {readFileSync, renameSync, rmSync, statSync, writeFileSync} = require('node:fs')
const Module = require('node:module')
const path = require('node:path')
const {pathToFileURL} = require('node:url')
const v8 = require('node:v8')
const vm = require('node:vm')

// V8 first runs each regular expression in its bytecode interpreter and compiles it only when it runs again. The
// rules run many expressions once over long texts, so a single lint pays the slow path on most of them (a cold
// 50 KB lint: 1.2 s with the default, 0.45 s without). Compile them at once.
v8.setFlagsFromString('--no-regexp-tier-up')
// V8 hands a function to its optimising compiler once it has run a set amount of bytecode (the interrupt budget). With
// the default, a short run spends much of its CPU optimising code it leaves soon after (and throwing some away again);
// eight times the default leaves that to code that stays hot. Measured as whole processes (CPU, against the default):
// one 50 KB agreement via --stdin 0.90 x, a warm --cache run over 1,000 files 0.80 x, 100 files 0.68 x (two threads)
// and 0.89 x (one), 1,000 files on one thread 0.96 x; sixteen times the default lost on the 1,000 files (1.04 x).
// The language server (--lsp), which runs for hours, keeps both flags too, measured: its re-lint of the bench's 50 KB
// agreement after a one-line edit, the whole server's instructions per edit (valgrind) with this budget against V8's
// default: 196 M against 353 M over the bench's 30 edits, 162 M against 223 M over the 70 edits after them (V8's default
// budget keeps optimising and dropping the rules' code edit after edit); without --no-regexp-tier-up as well, CPU per
// edit 53-55 ms against 29-37 ms.
v8.setFlagsFromString('--interrupt-budget=540672')

const bundle = path.join(__dirname, '..', 'dist', 'bundle')
/** How the build starts the scripts it writes already wrapped (scripts/bundle.mjs). */
const WRAPPER = '(function (exports, require, module, __filename, __dirname) { '
/**
 * A code cache holds the code its run compiled, and V8 compiles the rules' code as they first read a text: made by a run
 * that linted a few lines (a first run on an empty or short file), it lacks most of it, and every later run compiles
 * that code again (a 50 KB agreement via --stdin: 1.10 x the CPU of a run from a cache made by a lint of the same
 * agreement). So the cache names how many characters its run linted, and a later run that lints at least twice as many
 * writes it again, until a run of this many characters has made it. A cache made again keeps what the one before held.
 */
const FULL_CACHE_CHARS = 64 * 1024

/**
 * The command, run as one CommonJS script with V8's code cache: the code V8 compiled in an earlier run is kept in
 * dist/bundle/cli.cjs.cache (written after a run that found none, when the folder is writable; a cache made by
 * another build, another Node or with other flags is not used, and is written again): a short run takes about 0.88 x the
 * CPU. With CLAUSELINT_NO_CODE_CACHE set, or without cli.cjs, the ES module bundle runs instead.
 */
function withCodeCache() {
  if (process.env['CLAUSELINT_NO_CODE_CACHE']) return undefined
  const file = path.join(bundle, 'cli.cjs')
  let source
  let build
  try {
    // the build writes the script in ASCII (scripts/bundle.mjs): read as Latin-1, a copy, not a UTF-8 decoding (20-30 ms)
    const bytes = readFileSync(file)
    source = isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.toString('utf8')
    const s = statSync(file)
    build = `${s.size}:${s.mtimeMs}:${s.ino}`
  } catch {
    return undefined
  }
  // V8 checks only a cache's length of source and flags: the cache's first line also names the build it was made from
  // and the characters its run linted (see FULL_CACHE_CHARS), padded to a multiple of 8 bytes, since V8 copies cached
  // data that does not start on an 8-byte boundary (1.5 MB)
  const header = (linted) => {
    const line = `${build}:${linted}`
    return Buffer.from(`${line.padEnd(Math.ceil((line.length + 1) / 8) * 8 - 1)}\n`)
  }
  const cacheFile = `${file}.cache`
  let cachedData
  let made = 0
  try {
    const data = readFileSync(cacheFile)
    const end = data.indexOf(10)
    const line = end > 0 && end < 256 ? data.latin1Slice(0, end).trimEnd() : ''
    const linted = line.startsWith(`${build}:`) ? Number(line.slice(build.length + 1)) : NaN
    if (Number.isSafeInteger(linted) && linted >= 0 && (end + 1) % 8 === 0) {
      cachedData = data.subarray(end + 1)
      made = linted
    }
  } catch {
    // none yet
  }
  // the script's import() calls come here (a script run from a code cache cannot import() by itself); a relative one
  // names a script beside it (the language server's and the MCP server's, built apart: see scripts/bundle.mjs)
  globalThis.__clauselintImport = (specifier) => import(specifier.startsWith('./') ? pathToFileURL(path.join(bundle, specifier)).href : specifier)
  // the build writes the script wrapped as a CommonJS module (scripts/bundle.mjs): compiled as read, not copied once more
  const script = new vm.Script(source.startsWith(WRAPPER) ? source : Module.wrap(source), {filename: file, cachedData})
  const module = {exports: {}}
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, bundle)
  const save = () => {
    const linted = typeof module.exports.lintedCharacters === 'function' ? module.exports.lintedCharacters() : 0
    const thin = made < FULL_CACHE_CHARS && linted >= 2 * Math.max(made, 1)
    if (cachedData && !script.cachedDataRejected && !thin) return
    // the cache holds what this run compiled: made by a run that lints, not by --version or the language server
    if (process.argv.slice(2).some((arg) => /^(?:-v|-h|--version|--help|--lsp|--init|--print-config)$/.test(arg))) return
    // nor by a run that failed (exit code 2: a usage error, a config it could not read), which may have linted nothing:
    // its cache would hold a fraction of the code (0.85 against 1.56 MB) and be kept by every later run
    if ((process.exitCode ?? 0) > 1) return
    // nor by a run that handed the work to a second node (src/cli.ts, relaunchSingleThreadedGc), which writes its own:
    // this one compiled only the start of a run, and would write its smaller cache over the second run's
    if (globalThis.__clauselintHandedOver) return
    // atomically, so that a run beside this one reads a whole cache or none; a read-only install keeps none
    // with the flags the cache is checked against when a run starts (a short run turns two off: src/cli.ts)
    v8.setFlagsFromString('--regexp-optimization')
    v8.setFlagsFromString('--turbofan')
    const temp = `${cacheFile}.${process.pid}.tmp`
    try {
      writeFileSync(temp, Buffer.concat([header(linted), script.createCachedData()]))
      renameSync(temp, cacheFile)
    } catch {
      rmSync(temp, {force: true})
    }
  }
  return {main: module.exports.main, save}
}

let cli
try {
  cli = withCodeCache()
} catch {
  cli = undefined
}

/** Whether an import failed because that very file is missing (not because something inside it failed). */
const missing = (error, file) => error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(file)

if (cli) {
  cli.main(process.argv.slice(2)).then(cli.save)
} else {
  import('../dist/bundle/cli.js')
    .catch((error) => {
      if (!missing(error, 'dist/bundle/cli.js')) throw error
      return import('../release/cli.js').catch((inner) => {
        if (!missing(inner, 'release/cli.js')) throw inner
        return undefined
      })
    })
    .then(
      (esm) => {
        if (esm) return esm.main(process.argv.slice(2))
        process.stderr.write('clauselint: the package is not built; run "npm install" (or "npm run build") in its folder, or install a release tag\n')
        process.exitCode = 2
      },
      (error) => {
        process.stderr.write(`clauselint: could not load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`)
        process.exitCode = 2
      },
    )
}
