// Markdown-ish text built from the syntax agreements use, for differential and property tests.
import fc from 'fast-check'

const WORDS = [
  'Provider', 'Client', 'the Provider shall', 'respond', 'within 4 hours', 'Business Day', 'promptly', 'best efforts', '99.9%', 'P1', 'Schedule A',
  'Section 4.2', 'means', '"Services"', '(the “Services”)', 'backup', 'TBD', '[Client Name]', '<insert date>', '____', 'a', 'b', 'é', '🙂', '—', '§',
  'x_y', 'snake_case_name', '2*3', 'a * b', 'foo*', '*bar', '_baz', 'qux_', 'example.com', 'https://example.com/a_(b)', '&', 'AT&T', '<', '>', '5 < 6',
]
const INLINE = [
  '*', '**', '***', '_', '__', '___', '`', '``', '[', ']', '(', ')', '](', '](https://example.com)', '](#section-4 "Title")', '](<a b>)', '][ref]', '][]',
  '[ref]', '\\*', '\\_', '\\[', '\\', '<http://example.com/x>', '<a@b.co>', '<span class="header_2">', '</span>', '<br>', '<br/>', '<b>', '<!-- note -->',
  '&amp;', '![', '~', '|', '"', "'", ' ', '  ', '   ',
]
const LINE_STARTS = [
  '', '', '', '# ', '## ', '### 4.2 ', '###### ', '####### ', '#', '- ', '* ', '+ ', '1. ', '2. ', '1) ', '10. ', '  - ', '   1. ', '    - ', '  ', '   ',
  '    ', '> ', '>', '> - ', '- > ', '| ', '|',
]
const WHOLE_LINES = [
  '', '', '', '', '---', '***', '* * *', '___', '- - -', '===', '```', '```js', '~~~', '````', '<!--', '-->', '<!-- clauselint-disable -->', '<div>', '</div>',
  '| Priority | Response |', '|---|---|', '|:--|--:|', '| :-: | --- |', '| P1 | 1 hour |', '| a | b | c |', '| a |', '|---|', 'a | b', '--|--',
  '[ref]: https://example.com', '[ref]: <https://example.com/a b> "Title"', '[Other Ref]: /x \'t\'', '[ref]:', '  [ref]: /y',
]

const inlinePiece = fc.oneof({arbitrary: fc.constantFrom(...WORDS), weight: 3}, {arbitrary: fc.constantFrom(...INLINE), weight: 2})
const line = fc.oneof(
  {arbitrary: fc.tuple(fc.constantFrom(...LINE_STARTS), fc.array(inlinePiece, {maxLength: 12})).map(([start, parts]) => start + parts.join('')), weight: 4},
  {arbitrary: fc.constantFrom(...WHOLE_LINES), weight: 2},
)
/** Lines of agreement-like Markdown: headings, lists, quotes, tables, fences, comments, definitions, emphasis, links. */
export const agreementish = fc
  .tuple(fc.boolean(), fc.array(line, {minLength: 1, maxLength: 40}), fc.boolean())
  .map(([front, lines, eol]) => (front ? '---\ntitle: x\n---\n' : '') + lines.join('\n') + (eol ? '\n' : ''))
