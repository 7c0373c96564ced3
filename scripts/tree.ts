// Print the section tree of agreements (a debugging aid): `npm run tree -- FILE…`
import {readFileSync} from 'node:fs'
import {buildDocument} from '../src/document.js'
import {read} from '../src/reading/index.js'
import type {Section} from '../src/types.js'

function print(section: Section, indent: string): void {
  if (section.kind !== 'root') {
    const num = section.number ? `${section.number} ` : ''
    console.log(`${indent}${num}${section.title}  [${section.kind} ${section.headingPosition.start.line}, ${section.blocks.length} blocks]`)
  }
  for (const c of section.children) print(c, section.kind === 'root' ? indent : `${indent}  `)
}

for (const file of process.argv.slice(2)) {
  const doc = buildDocument(readFileSync(file, 'utf8'), file)
  console.log(`# ${file} (${doc.sections.length - 1} sections, ${doc.blocks.length} blocks, ${read(doc).definitions.size} definitions)`)
  print(doc.root, '')
}
