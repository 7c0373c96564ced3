// Expands CLI arguments (files, directories, globs) into the Markdown and Word (.docx) files to lint.
import {lstat, readdir, readFile, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {glob, isDynamicPattern} from 'tinyglobby'

const MARKDOWN = /\.(?:md|markdown|docx)$/i
/** Word's lock file for a document that is open (`~$msa.docx`): not a document. */
const LOCK_FILE = /^~\$/
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn'])

export class UsageError extends Error {}

export interface Expanded {
  readonly files: string[]
  /** Directories that could not be read, with the reason. */
  readonly problems: Array<{path: string; message: string}>
}

/** Turn arguments into a sorted, de-duplicated list of Markdown files. Throws UsageError for a bad argument. */
export async function expandPaths(args: readonly string[], cwd = process.cwd()): Promise<Expanded> {
  const files: string[] = []
  const problems: Array<{path: string; message: string}> = []
  for (const arg of args) {
    // A path that exists is taken literally, even when it looks like a glob ("MSA (final).md", "[draft].md").
    let info
    try {
      info = await stat(path.resolve(cwd, arg))
    } catch (error) {
      const code = (error as {code?: string}).code
      if (code === 'ELOOP') {
        problems.push({path: arg, message: 'is a symbolic link loop'})
        continue
      }
      if (code === 'EACCES' || code === 'EPERM') {
        problems.push({path: arg, message: 'cannot be read (permission denied)'})
        continue
      }
      if (isDynamicPattern(arg)) {
        const found = (await glob(arg, {cwd, ignore: ['**/node_modules/**', '**/.git/**'], dot: false})).filter((f) => MARKDOWN.test(f) && !LOCK_FILE.test(path.basename(f))).sort()
        if (!found.length) throw new UsageError(`no Markdown files match "${arg}"`)
        files.push(...found.map((f) => path.relative(cwd, path.resolve(cwd, f)) || f))
        continue
      }
      throw new UsageError(`path "${arg}" does not exist`)
    }
    if (info.isDirectory()) {
      const before = files.length
      const problemsBefore = problems.length
      await walk(path.resolve(cwd, arg), cwd, files, problems, new Set(), [])
      if (files.length === before && problems.length === problemsBefore) throw new UsageError(`no Markdown files in directory "${arg}"`)
    } else {
      files.push(arg)
    }
  }
  return {files: [...new Set(files)], problems}
}

type IgnoreStack = ReadonlyArray<{readonly base: string; readonly ig: Ignore}>

async function walk(dir: string, cwd: string, out: string[], problems: Expanded['problems'], seen: Set<string>, stack: IgnoreStack): Promise<void> {
  let real: string
  try {
    real = await realpath(dir)
  } catch {
    problems.push({path: path.relative(cwd, dir) || dir, message: 'is a symbolic link loop or cannot be resolved'})
    return
  }
  if (seen.has(real)) return
  seen.add(real)
  let entries
  try {
    entries = await readdir(dir, {withFileTypes: true})
  } catch (error) {
    const code = (error as {code?: string}).code
    problems.push({path: path.relative(cwd, dir) || dir, message: code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'error'})`})
    return
  }
  const local = await readIgnoreFile(dir)
  const rules: IgnoreStack = local === undefined ? stack : [...stack, {base: dir, ig: ignore().add(local)}]
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (SKIP_DIRS.has(entry.name)) continue
    const full = path.join(dir, entry.name)
    let isDir = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      try {
        const s = await stat(full)
        isDir = s.isDirectory()
        isFile = s.isFile()
      } catch {
        problems.push({path: path.relative(cwd, full), message: 'is a broken symbolic link or a link loop'})
        continue
      }
    }
    if (ignored(rules, full, isDir)) continue
    if (isDir) await walk(full, cwd, out, problems, seen, rules)
    else if (isFile && MARKDOWN.test(entry.name) && !LOCK_FILE.test(entry.name)) out.push(path.relative(cwd, full))
  }
}

/** Is a path ignored by any .gitignore above it (each read relative to its own directory)? */
function ignored(stack: IgnoreStack, full: string, isDir: boolean): boolean {
  for (const {base, ig} of stack) {
    const rel = path.relative(base, full).split(path.sep).join('/')
    if (!rel || rel.startsWith('..')) continue
    if (ig.ignores(isDir ? `${rel}/` : rel)) return true
  }
  return false
}

async function readIgnoreFile(dir: string): Promise<string | undefined> {
  try {
    const info = await lstat(path.join(dir, '.gitignore'))
    if (!info.isFile()) return undefined
    return await readFile(path.join(dir, '.gitignore'), 'utf8')
  } catch {
    return undefined
  }
}
