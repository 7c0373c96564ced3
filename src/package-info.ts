// Where the package lives and where its pages are: its root folder, and the URIs of the project page and of a rule's
// page. Read from package.json and the shipped docs; imports nothing of ours, so reporters can use it.
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

/** Where the rule docs live, relative to the package root. */
export const RULE_DOCS_DIR = 'docs/rules'

/** The package's root folder (where its package.json is), found from this module's own location. */
export function packageRoot(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {name?: string}
      if (pkg.name === 'clauselint') return dir
    } catch {
      // keep looking upward
    }
    dir = path.dirname(dir)
  }
  return undefined
}

/** The package's version, from its package.json (what `--version` prints and SARIF names the tool's version). */
export function packageVersion(): string | undefined {
  const root = packageRoot()
  if (!root) return undefined
  try {
    const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version?: unknown}
    return typeof version === 'string' ? version : undefined
  } catch {
    return undefined
  }
}

/** Package metadata that says where the project's pages are, if it says so. */
function repositoryUrl(root: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {repository?: string | {url?: string}}
    const raw = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url
    if (!raw) return undefined
    const m = /^(?:git\+)?(https:\/\/[^\s#]+?)(?:\.git)?\/?$/.exec(raw)
    return m?.[1]
  } catch {
    return undefined
  }
}

/**
 * Where a rule's page is, as an absolute URI (SARIF `helpUri` needs one): on the project's web page at this version when
 * package.json names a repository, else the page shipped in the installed package (a file: URI). Undefined for a rule
 * without a shipped page (a custom rule).
 */
export function ruleDocUri(ruleId: string, version: string | undefined): string | undefined {
  const root = packageRoot()
  if (!root || !existsSync(path.join(root, RULE_DOCS_DIR, `${ruleId}.md`))) return undefined
  const repo = repositoryUrl(root)
  if (repo) return `${repo}/blob/${version ? `v${version}` : 'HEAD'}/${RULE_DOCS_DIR}/${ruleId}.md`
  return pathToFileURL(path.join(root, RULE_DOCS_DIR, `${ruleId}.md`)).href
}

/**
 * A rule's documentation page by rule id, at this package's version: the URI SARIF gives as the rule's `helpUri`, the
 * JSON report as each message's `url` and the language server as `codeDescription.href`; none for a rule without a page
 * (a custom rule). Looked up once per id.
 */
export function ruleDocs(version: string | undefined = packageVersion()): (ruleId: string) => string | undefined {
  const known = new Map<string, string | undefined>()
  return (ruleId) => {
    if (!known.has(ruleId)) known.set(ruleId, ruleDocUri(ruleId, version))
    return known.get(ruleId)
  }
}

/** The project's main page as an absolute URI: the repository, else the installed package's README. */
export function informationUri(): string | undefined {
  const root = packageRoot()
  if (!root) return undefined
  return repositoryUrl(root) ?? pathToFileURL(path.join(root, 'README.md')).href
}
