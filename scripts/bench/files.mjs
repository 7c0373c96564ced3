// Bench scripts: every Markdown file below a path (or the path itself when it is a file), in name order.
import fs from 'node:fs'
import path from 'node:path'

export function* markdownFiles(p) {
  if (fs.statSync(p).isFile()) {
    yield p
    return
  }
  for (const e of fs.readdirSync(p, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(p, e.name)
    if (e.isDirectory()) yield* markdownFiles(full)
    else if (/\.(?:md|markdown)$/i.test(e.name)) yield full
  }
}
