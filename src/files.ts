// Expands CLI arguments (files, directories, globs) into the Markdown and Word (.docx) files to lint.
import {existsSync} from 'node:fs'
import {lstat, readdir, readFile, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {escapePath, glob, isDynamicPattern} from 'tinyglobby'
import {Confinement} from './confine.js'
import {git, realOrResolved, within, workTreeTops} from './git.js'

const MARKDOWN = /\.(?:md|markdown|docx)$/i
/** Word's lock file for a document that is open (`~$msa.docx`): not a document. */
const LOCK_FILE = /^~\$/
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn'])

export class UsageError extends Error {}

export interface Problem {
  readonly path: string
  readonly message: string
  /**
   * A Markdown file (or a folder that may hold some) that cannot be linted: reported as a fatal result, so that it
   * cannot pass a gate unseen. Otherwise only a warning (a link to a folder outside the lint root, not followed).
   */
  readonly fatal: boolean
  /** The path is a folder: the report says "Folder …" rather than "File …". */
  readonly folder?: boolean
}

export interface Expanded {
  readonly files: string[]
  /** What could not be listed or followed, with the reason. */
  readonly problems: Problem[]
}

/** Walk options: the lint root (a real path) that symbolic links found on the way may not leave. */
export interface WalkOptions {
  readonly root?: string
  /**
   * Whether a folder walk skips what the `.gitignore` files in it and above it ignore (default true). `--no-ignore`
   * sets it false: every Markdown and Word file below the folder is then found (node_modules and version control
   * folders are still not walked).
   */
  readonly gitignore?: boolean
}

/** Turn arguments into a sorted, de-duplicated list of Markdown files. Throws UsageError for a bad argument. */
export async function expandPaths(args: readonly string[], cwd = process.cwd(), options: WalkOptions = {}): Promise<Expanded> {
  const files: string[] = []
  const problems: Problem[] = []
  const confine = options.root === undefined ? undefined : new Confinement(options.root)
  for (const arg of args) {
    // A path that exists is taken literally, even when it looks like a glob ("MSA (final).md", "[draft].md").
    let info
    try {
      info = await stat(path.resolve(cwd, arg))
    } catch (error) {
      const code = (error as {code?: string}).code
      if (code === 'ELOOP') {
        problems.push({path: arg, message: 'is a symbolic link loop', fatal: true})
        continue
      }
      if (code === 'EACCES' || code === 'EPERM') {
        problems.push({path: arg, message: 'cannot be read (permission denied)', fatal: true})
        continue
      }
      if (isDynamicPattern(arg)) {
        // Links to folders are not followed (a link to / would list the whole file system); a linked file the pattern
        // matches is linted when it stays inside the lint root, and reported as fatal when it leaves it (never dropped
        // unseen). The glob library lists no links at all when it does not follow them, so when the pattern's folder
        // holds links, it is asked again following links but with every linked folder ignored.
        const ignoreAlways = ['**/node_modules/**', '**/.git/**']
        const options = {cwd, dot: false, followSymbolicLinks: false}
        let matched = await glob(arg, {...options, ignore: ignoreAlways})
        const {base, depth} = staticBase(arg)
        const links = await linksBelow(path.resolve(cwd, base), depth)
        if (links.files || links.dirs.length) {
          const linkedDirs = links.dirs.map((d) => escapePath(path.relative(cwd, d).split(path.sep).join('/')))
          matched = await glob(arg, {...options, followSymbolicLinks: true, ignore: [...ignoreAlways, ...linkedDirs, ...linkedDirs.map((d) => `${d}/**`)]})
          for (const d of links.dirs) if (confine && !confine.allows(d)) problems.push({path: path.relative(cwd, d), message: 'is a symbolic link to a folder out of the lint root; not followed', fatal: false})
        }
        const found = [...new Set(matched)].filter((f) => MARKDOWN.test(f) && !LOCK_FILE.test(path.basename(f))).sort()
        if (!found.length) throw new UsageError(`no Markdown or Word files match ${JSON.stringify(arg)}`)
        for (const f of found) {
          const rel = path.relative(cwd, path.resolve(cwd, f)) || f
          const linked = confine !== undefined && (await lstat(path.resolve(cwd, f))).isSymbolicLink()
          if (linked && !confine.allows(path.resolve(cwd, f))) problems.push({path: rel, message: OUT_OF_ROOT, fatal: true})
          else files.push(rel)
        }
        continue
      }
      throw new UsageError(`path ${JSON.stringify(arg)} does not exist`)
    }
    if (info.isDirectory()) {
      const before = files.length
      const problemsBefore = problems.length
      // a folder named on the command line is the user's choice even when it is a link; what the walk finds in it is confined
      const start = path.resolve(cwd, arg)
      const gitignore = options.gitignore !== false
      await walk(start, cwd, files, problems, new Set(), gitignore ? await ancestorIgnores(start, cwd) : [], confine, gitignore)
      if (files.length === before && problems.length === problemsBefore) throw new UsageError(`no Markdown or Word files in directory ${JSON.stringify(arg)}`)
    } else {
      files.push(arg)
    }
  }
  return {files: [...new Set(files)], problems}
}

/**
 * The folder a glob starts from (its leading path parts that hold no pattern, `.` when the first part does), and how
 * many folders deep below it the pattern can reach (Infinity with `**`).
 */
function staticBase(pattern: string): {base: string; depth: number} {
  const parts = pattern.split(/[\\/]/)
  const fixed: string[] = []
  for (const part of parts.slice(0, -1)) {
    if (isDynamicPattern(part)) break
    fixed.push(part)
  }
  const depth = pattern.includes('**') ? Infinity : parts.length - fixed.length - 1
  return {base: fixed.length ? fixed.join('/') || '/' : '.', depth}
}

/**
 * The symbolic links below a folder, up to `depth` folders down, without following any: the linked folders a pattern
 * that deep could enter, and whether any linked file is there. Skips the folders a walk skips; a folder that cannot be
 * read is passed over (the glob reports nothing from it either).
 */
async function linksBelow(dir: string, depth: number): Promise<{dirs: string[]; files: boolean}> {
  const found = {dirs: [] as string[], files: false}
  // `level` folders below `dir`: a pattern `depth` deep can match a file there, and enter a folder there when level < depth
  const visit = async (d: string, level = 0): Promise<void> => {
    let entries
    try {
      entries = await readdir(d, {withFileTypes: true})
    } catch {
      return
    }
    for (const entry of entries) {
      if (SKIP_DIRS.has(entry.name)) continue
      const full = path.join(d, entry.name)
      if (entry.isDirectory()) {
        if (level < depth) await visit(full, level + 1)
      } else if (entry.isSymbolicLink()) {
        const target = await stat(full).catch(() => undefined)
        if (!target?.isDirectory()) found.files = true
        else if (level < depth) found.dirs.push(full)
      }
    }
  }
  await visit(dir)
  return found
}

type IgnoreStack = ReadonlyArray<{readonly base: string; readonly ig: Ignore}>

const OUT_OF_ROOT = 'is a symbolic link out of the lint root; not read (set the root with --root)'

async function walk(dir: string, cwd: string, out: string[], problems: Problem[], seen: Set<string>, stack: IgnoreStack, confine: Confinement | undefined, gitignore: boolean): Promise<void> {
  let real: string
  try {
    real = await realpath(dir)
  } catch {
    problems.push({path: path.relative(cwd, dir) || dir, message: 'is a symbolic link loop or cannot be resolved', fatal: true})
    return
  }
  if (seen.has(real)) return
  seen.add(real)
  let entries
  try {
    entries = await readdir(dir, {withFileTypes: true})
  } catch (error) {
    const code = (error as {code?: string}).code
    problems.push({path: path.relative(cwd, dir) || dir, message: code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'error'})`, fatal: true, folder: true})
    return
  }
  const local = gitignore ? await readIgnoreFile(dir) : undefined
  const rules: IgnoreStack = local === undefined ? stack : [...stack, {base: dir, ig: ignore().add(local)}]
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  // `dir` is a normalised path and an entry's name has no separator: a path below it is a join of strings, not
  // path.join() and path.relative() again for each of its (thousands of) files
  const prefix = dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`
  const relDir = path.relative(cwd, dir)
  const relPrefix = relDir ? `${relDir}${path.sep}` : ''
  for (const entry of entries) {
    if (SKIP_DIRS.has(entry.name)) continue
    const full = `${prefix}${entry.name}`
    let isDir = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      try {
        const s = await stat(full)
        isDir = s.isDirectory()
        isFile = s.isFile()
      } catch {
        problems.push({path: path.relative(cwd, full), message: 'is a broken symbolic link or a link loop', fatal: MARKDOWN.test(entry.name)})
        continue
      }
      if (ignored(rules, full, isDir)) continue
      if (confine && !confine.allows(full)) {
        // a link out of the root is not followed: a linked Markdown file is reported (it cannot pass unseen), a linked folder only warned about
        if (isDir) problems.push({path: path.relative(cwd, full), message: 'is a symbolic link to a folder out of the lint root; not followed', fatal: false})
        else if (isFile && MARKDOWN.test(entry.name)) problems.push({path: path.relative(cwd, full), message: OUT_OF_ROOT, fatal: true})
        continue
      }
    }
    if (ignored(rules, full, isDir)) continue
    if (isDir) await walk(full, cwd, out, problems, seen, rules, confine, gitignore)
    else if (isFile && MARKDOWN.test(entry.name) && !LOCK_FILE.test(entry.name)) out.push(`${relPrefix}${entry.name}`)
  }
}

/**
 * Is a path ignored by the .gitignore files above it? As in git: each file's patterns are relative to its own folder, a
 * deeper file's verdict (ignore, or re-include with `!`) wins over a shallower one's, and the last matching line wins
 * within a file.
 */
function ignored(stack: IgnoreStack, full: string, isDir: boolean): boolean {
  let verdict = false
  for (const {base, ig} of stack) {
    const rel = path.relative(base, full).split(path.sep).join('/')
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) continue
    const {ignored: yes, unignored} = ig.test(isDir ? `${rel}/` : rel)
    if (yes) verdict = true
    else if (unignored) verdict = false
  }
  return verdict
}

/**
 * The .gitignore files in the folders above a directory that is linted, outermost first: up to the root of the git
 * repository it is in (the folder holding `.git`), or, outside a repository, up to the current folder. So `clauselint
 * contracts` skips what the repository's root .gitignore ignores, as git does.
 */
async function ancestorIgnores(dir: string, cwd: string): Promise<IgnoreStack> {
  const chain: string[] = []
  let top: string | undefined
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    chain.push(d)
    if (existsSync(path.join(d, '.git'))) {
      top = d
      break
    }
    if (path.dirname(d) === d) break
  }
  if (existsSync(path.join(dir, '.git'))) return []
  let dirs: string[]
  if (top !== undefined) dirs = chain
  else {
    const inside = (d: string): boolean => d === cwd || !path.relative(cwd, d).startsWith('..')
    dirs = path.relative(cwd, dir).startsWith('..') ? [] : chain.filter(inside)
  }
  const stack: Array<{base: string; ig: Ignore}> = []
  for (const d of dirs.reverse()) {
    const text = await readIgnoreFile(d)
    if (text !== undefined) stack.push({base: d, ig: ignore().add(text)})
  }
  return stack
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

/**
 * Markdown files below the given folders that git tracks although a .gitignore matches them (a pull request can add a
 * .gitignore line to hide its own agreement from a walk): the CLI lints them, with a warning. Paths relative to cwd;
 * none when git is not there or the folder is not in a work tree. Git is asked only about folders in the work tree
 * holding `cwd` (one outside it would make git refuse them all), and not at all when there are none.
 */
export async function trackedButIgnored(dirs: readonly string[], cwd: string, listed: ReadonlySet<string>): Promise<string[]> {
  const tops = workTreeTops(cwd)
  const asked = tops === undefined ? dirs : dirs.filter((d) => [path.resolve(cwd, d), realOrResolved(path.resolve(cwd, d))].some((p) => tops.some((top) => within(top, p))))
  if (!asked.length) return []
  const out = await git(['ls-files', '-z', '--cached', '--', ...asked], cwd, {maxBuffer: 256 * 1024 * 1024}).catch(() => '')
  const found: string[] = []
  for (const name of out.split('\0')) {
    if (!name || !MARKDOWN.test(name)) continue
    const rel = path.relative(cwd, path.resolve(cwd, name))
    if (listed.has(rel) || rel.split(path.sep).some((part) => SKIP_DIRS.has(part))) continue
    const info = await lstat(path.resolve(cwd, rel)).catch(() => undefined)
    // a tracked file deleted in the work tree is not there to lint; a tracked link is checked like any link
    if (info?.isFile() || info?.isSymbolicLink()) found.push(rel)
  }
  return found.sort()
}

/**
 * Does git track this file (is it part of the checkout)? False when git is not there, the file is not in a work tree,
 * or git cannot tell. Asked only of a file that exists, and only in a work tree (outside one, git is not run).
 */
export async function trackedByGit(file: string): Promise<boolean> {
  if (!existsSync(file)) return false
  const dir = path.dirname(file)
  if (workTreeTops(dir)?.length === 0) return false
  return git(['ls-files', '--error-unmatch', '--', path.basename(file)], dir).then(
    () => true,
    () => false,
  )
}
