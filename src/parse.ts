// Markdown → mdast with only the syntax agreements need: tables and YAML front matter.
import type {Root} from 'mdast'
import {unified, type Processor} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'

// Tables only, not all of remark-gfm: autolink literals, footnotes and task lists
// cost parse time on every text run and no rule reads them.
function remarkTables(this: Processor): undefined {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmTable())
  ;(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown())
}

let processor: Processor<Root> | undefined

/** Parse Markdown into an mdast tree (front matter as a `yaml` node, tables as `table` nodes). */
export function parseMarkdown(source: string): Root {
  processor ??= unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTables) as unknown as Processor<Root>
  return processor.parse(source)
}
