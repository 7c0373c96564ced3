// The lint root: every file clauselint reads because a repository told it to (a walk, a document set's members,
// `extends`, `customRules`, config files found by lookup) must resolve, after symbolic links, inside it. Files and
// folders named on the command line are the user's choice and are not confined.
import {existsSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'

/** A reference that leaves the lint root; the message is one line naming it. */
export class OutsideRootError extends Error {}

/** The real path of `p`; for a path that does not exist (yet), the real path of its nearest existing folder plus the rest. */
export function realPath(p: string): string {
  const abs = path.resolve(p)
  try {
    return realpathSync(abs)
  } catch {
    const parent = path.dirname(abs)
    if (parent === abs) return abs
    return path.join(realPath(parent), path.basename(abs))
  }
}

/** Is `inner` (a real path) `outer` or below it? */
export function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner)
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel))
}

/** The top of the git work tree holding `cwd` (a folder with a `.git` entry), else `cwd` itself. */
export function defaultRoot(cwd: string): string {
  let dir = realPath(cwd)
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) return realPath(cwd)
    dir = parent
  }
}

/** `--root DIR`: an existing folder, as a real path. Throws OutsideRootError with a one-line message. */
export function givenRoot(dir: string, cwd: string): string {
  const abs = path.resolve(cwd, dir)
  let isDir = false
  try {
    isDir = statSync(abs).isDirectory()
  } catch {
    throw new OutsideRootError(`--root: ${JSON.stringify(dir)} does not exist`)
  }
  if (!isDir) throw new OutsideRootError(`--root: ${JSON.stringify(dir)} is not a folder`)
  return realPath(abs)
}

/** Where reads may go: the lint root, and any trusted folders (that of a `--config` file outside the root). */
export class Confinement {
  readonly roots: readonly string[]
  constructor(
    readonly root: string,
    trusted: readonly string[] = [],
  ) {
    this.roots = [root, ...trusted]
  }

  /** Does `p` resolve (after symbolic links) inside the root or a trusted folder? */
  allows(p: string): boolean {
    const real = realPath(p)
    // git's own folder holds credentials (an actions/checkout token in .git/config): never read from it
    return this.roots.some((r) => isInside(r, real) && !path.relative(r, real).split(path.sep).includes('.git'))
  }

  /**
   * Is `p` itself (its folder's links resolved, not a link at `p`) inside the lint root? Such a file is the
   * repository's, untrusted; a file above the root (a config in the home folder) or a trusted `--config` is not.
   */
  holds(p: string): boolean {
    const abs = path.resolve(p)
    return isInside(this.root, path.join(realPath(path.dirname(abs)), path.basename(abs)))
  }
}

/**
 * A name (a file name, a path from front matter, a value from config) safe to print on one line of a terminal or CI
 * log: control characters (newlines, ESC, bidi overrides) are shown escaped, so a name cannot start a new line that a
 * CI runner reads as a command (`::error …`), recolour the terminal or reorder the text.
 */
export function printable(name: string): string {
  // C0 and C1 controls, DEL, line and paragraph separators, bidi embeddings, overrides and isolates, BOM
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => {
    const code = c.charCodeAt(0)
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    if (c === '\t') return '\\t'
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}
