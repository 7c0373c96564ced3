// `npm run docs`: rewrite the rules table in README.md (between <!-- rules:start --> and <!-- rules:end -->) and the
// rule options (between <!-- options:start --> and <!-- options:end -->).
import {existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {rules} from '../rules/index.js'
import {OPTIONS_END, OPTIONS_START, optionsDoc, replaceBetween} from '../src/config-schema.js'
import {replaceRulesTable, rulesTable} from '../src/docs.js'

const readmePath = path.join(import.meta.dirname, '..', 'README.md')
const before = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : undefined
const after = replaceBetween(replaceRulesTable(before, rulesTable(rules)), OPTIONS_START, OPTIONS_END, optionsDoc(rules))

if (after === before) {
  console.log('README.md rules table and options are up to date')
} else {
  // Atomic: write a temp file beside it, then rename over the old one.
  const temp = `${readmePath}.${process.pid}.tmp`
  writeFileSync(temp, after, 'utf8')
  renameSync(temp, readmePath)
  console.log(before === undefined ? 'created README.md with the rules table' : 'updated the rules table and options in README.md')
}
