// Bench helper: parse every Markdown file below the given paths with clauselint's own parser configuration
// (dist/src/parse.js: remark-parse + front matter + GFM tables), and nothing else. Run with plain node after
// `npm run build`, so that it pays the same module loading as the CLI and no TypeScript loader.
import fs from 'node:fs'
import {markdownFiles} from './files.mjs'
import {parseMarkdown} from '../../dist/src/parse.js'

let nodes = 0
for (const arg of process.argv.slice(2)) {
  for (const file of markdownFiles(arg)) nodes += parseMarkdown(fs.readFileSync(file, 'utf8')).children.length
}
if (!nodes) process.exitCode = 1
