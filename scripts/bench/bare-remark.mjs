// Bench helper: the bare parse a Markdown linter starts from, unified + remark-parse + remark-gfm over every Markdown
// file below the given paths, nothing else. The packages come from a peers folder (never from clauselint's own
// dependencies):  node scripts/bench/bare-remark.mjs PEERS_DIR PATH...
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {markdownFiles} from './files.mjs'
import {pathToFileURL} from 'node:url'

const [peers, ...paths] = process.argv.slice(2)
const require = createRequire(path.join(path.resolve(peers), 'package.json'))
const load = async (name) => import(pathToFileURL(require.resolve(name)).href)
const [{unified}, {default: remarkParse}, {default: remarkGfm}] = await Promise.all([load('unified'), load('remark-parse'), load('remark-gfm')])
const processor = unified().use(remarkParse).use(remarkGfm)

let nodes = 0
for (const arg of paths) for (const file of markdownFiles(arg)) nodes += processor.runSync(processor.parse(fs.readFileSync(file, 'utf8'))).children.length
if (!nodes) process.exitCode = 1
