// `npm run docs`: rewrite the rules table in README.md (between <!-- rules:start --> and <!-- rules:end -->), the
// rule options (between <!-- options:start --> and <!-- options:end -->), the rule pages in docs/rules/, and
// rules/meta.json (the rules' metadata without their code).
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {rules} from '../rules/index.js'
import {metaJson} from '../rules/meta.js'
import {OPTIONS_END, OPTIONS_START, optionsDoc, replaceBetween} from '../src/config-schema.js'
import {replaceRulesTable, rulesTable} from '../src/docs.js'
import {RULE_DOCS_DIR, ruleDocFiles} from '../src/rule-docs.js'

const root = path.join(import.meta.dirname, '..')

/** Atomic: write a temp file beside it, then rename over the old one. Returns whether it changed. */
function write(file: string, text: string): boolean {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined
  if (before === text) return false
  mkdirSync(path.dirname(file), {recursive: true})
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, text, 'utf8')
  renameSync(temp, file)
  return true
}

const readmePath = path.join(root, 'README.md')
const before = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : undefined
const after = replaceBetween(replaceRulesTable(before, rulesTable(rules)), OPTIONS_START, OPTIONS_END, optionsDoc(rules))
console.log(write(readmePath, after) ? 'updated the rules table and options in README.md' : 'README.md rules table and options are up to date')

// the rules' metadata without their code, which the command line reads until it lints a file (rules/meta.ts)
const metaPath = path.join(root, 'rules', 'meta.json')
console.log(write(metaPath, `${JSON.stringify(metaJson(rules), null, 2)}\n`) ? 'updated rules/meta.json' : 'rules/meta.json is up to date')

const files = ruleDocFiles(rules, root)
let changed = 0
for (const [rel, text] of Object.entries(files)) if (write(path.join(root, rel), text)) changed++
// pages of rules that no longer exist
const docsDir = path.join(root, RULE_DOCS_DIR)
for (const name of readdirSync(docsDir)) {
  if (!(`${RULE_DOCS_DIR}/${name}` in files)) {
    rmSync(path.join(docsDir, name))
    changed++
  }
}
console.log(changed ? `updated ${changed} file(s) in ${RULE_DOCS_DIR}/` : `${RULE_DOCS_DIR}/ is up to date`)
