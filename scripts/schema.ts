// `npm run schema`: write the JSON Schemas of config files and custom rule files (schema/*.json) from rule meta.
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {rules} from '../rules/index.js'
import {schemaFiles} from '../src/config-schema.js'

const root = path.join(import.meta.dirname, '..')
for (const [rel, text] of Object.entries(schemaFiles(rules))) {
  const file = path.join(root, rel)
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined
  if (before === text) {
    console.log(`${rel} is up to date`)
    continue
  }
  mkdirSync(path.dirname(file), {recursive: true})
  // Atomic: write a temp file beside it, then rename over the old one.
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, text, 'utf8')
  renameSync(temp, file)
  console.log(`${before === undefined ? 'wrote' : 'updated'} ${rel}`)
}
