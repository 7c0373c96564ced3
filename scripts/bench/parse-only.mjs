// Bench helper: parse every Markdown file below the given paths with clauselint's own parser configuration
// (dist/src/parse.js: remark-parse + front matter + GFM tables), and nothing else. Run with plain node after
// `npm run build`, so that it pays the same module loading as the CLI and no TypeScript loader.
import fs from 'node:fs'
import path from 'node:path'
import {parseMarkdown} from '../../dist/src/parse.js'

function* markdownFiles(p) {
  const s = fs.statSync(p)
  if (s.isFile()) {
    yield p
    return
  }
  for (const e of fs.readdirSync(p, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(p, e.name)
    if (e.isDirectory()) yield* markdownFiles(full)
    else if (/\.(?:md|markdown)$/i.test(e.name)) yield full
  }
}

let nodes = 0
for (const arg of process.argv.slice(2)) {
  for (const file of markdownFiles(arg)) nodes += parseMarkdown(fs.readFileSync(file, 'utf8')).children.length
}
if (!nodes) process.exitCode = 1
