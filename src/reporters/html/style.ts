// The HTML report's stylesheet, inlined into the page (the report is one self-contained file).
// Text colours reach WCAG AA contrast (4.5:1) on their backgrounds; outcome colours only repeat the symbols.
export const STYLE = `
:root {
  color-scheme: light;
  --text: #1b1f24;
  --muted: #4b5563;
  --line: #c9d1d9;
  --link: #0b57d0;
  --focus: #0b57d0;
  --present-bg: #dcfce7; --present-fg: #14532d;
  --vague-bg: #fef3c7; --vague-fg: #713f12;
  --missing-bg: #fee2e2; --missing-fg: #7f1d1d;
  --delegated-bg: #dbeafe; --delegated-fg: #1e3a8a;
  --none-bg: #f3f4f6; --none-fg: #4b5563;
  --error: #b91c1c; --warning: #8a4b08; --info: #1d4ed8;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; line-height: 1.5; color: var(--text); background: #fff; }
body { margin: 0 auto; padding: 0 1.25rem 3rem; max-width: 82rem; }
h1 { font-size: 1.75rem; margin: 1.25rem 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 0 0 .35rem; overflow-wrap: anywhere; }
a { color: var(--link); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .9em; }
.vh { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.skip { position: absolute; left: 1rem; top: -10rem; background: #fff; color: var(--link); padding: .5rem .75rem; border: 2px solid var(--focus); z-index: 10; }
.skip:focus { top: .5rem; }
.summary { margin: 0 0 .5rem; color: var(--muted); }
.summary strong { color: var(--text); }
.note { color: var(--muted); max-width: 60rem; }
.legend { display: flex; flex-wrap: wrap; gap: .35rem 1rem; list-style: none; padding: 0; margin: .5rem 0; }
.legend li { display: flex; align-items: center; gap: .35rem; }
dl.labels { display: flex; flex-wrap: wrap; gap: .2rem 1rem; margin: .5rem 0; color: var(--muted); }
dl.labels div { display: flex; gap: .3rem; }
dl.labels dt { font-weight: 700; color: var(--text); }
dl.labels dd { margin: 0; }
.sym { display: inline-block; min-width: 1.6rem; text-align: center; font-weight: 700; border-radius: .25rem; padding: 0 .2rem; }
.o-present { background: var(--present-bg); color: var(--present-fg); }
.o-vague { background: var(--vague-bg); color: var(--vague-fg); }
.o-missing { background: var(--missing-bg); color: var(--missing-fg); }
.o-delegated { background: var(--delegated-bg); color: var(--delegated-fg); }
.o-none { background: var(--none-bg); color: var(--none-fg); }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0 .5rem; caption-side: top; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f6f8fa; }
.matrix th[scope="row"] { font-weight: 500; white-space: nowrap; }
.matrix thead th.clause { text-align: center; cursor: help; }
.matrix td.cell { padding: 0; text-align: center; min-width: 2.6rem; }
.matrix td.cell a, .matrix td.cell span.plain { display: block; padding: .3rem .4rem; color: inherit; text-decoration: none; font-weight: 700; font-size: 1.1rem; }
.matrix td.cell a:hover { text-decoration: underline; }
.matrix td.cell a:focus-visible { outline-offset: -3px; }
.clauses .where { min-width: 12rem; max-width: 22rem; }
.clauses th[scope="row"] { min-width: 11rem; }
.clauses th code { white-space: nowrap; font-weight: 400; }
td.score { white-space: nowrap; text-align: right; font-variant-numeric: tabular-nums; }
meter { width: 4rem; height: .8rem; vertical-align: middle; margin-right: .35rem; }
.agreement { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.1rem .5rem; margin: 1rem 0; }
.agreement .score-line { margin: 0 0 .5rem; }
.clauses { width: 100%; }
.clauses td.outcome { white-space: nowrap; font-weight: 600; }
.clauses tr:target, tr.finding:target { outline: 3px solid var(--focus); outline-offset: -3px; }
.clauses tr, tr.finding { scroll-margin-top: 4rem; }
.evidence { margin: 0 0 .25rem; padding: .1rem 0 .1rem .75rem; border-left: 3px solid var(--line); color: var(--text); font-style: italic; overflow-wrap: anywhere; }
.finding-text { margin: 0; overflow-wrap: anywhere; }
.sev { font-weight: 700; white-space: nowrap; }
.sev-error { color: var(--error); }
.tier-beyond { color: var(--error); font-weight: 600; }
.tier-fallback, .tier-walkAway { color: var(--warning); }
.sev-warning { color: var(--warning); }
.sev-info { color: var(--info); }
.filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem 1rem; padding: .75rem 1rem; margin: .5rem 0; background: #f6f8fa; border: 1px solid var(--line); border-radius: .5rem; }
.filters div { display: flex; flex-direction: column; gap: .2rem; }
.filters label { font-weight: 600; font-size: .95rem; }
.filters select { max-width: 24rem; }
.filters select, .filters input, .filters button { font: inherit; padding: .3rem .5rem; border: 1px solid #6b7280; border-radius: .3rem; background: #fff; color: var(--text); min-height: 2.25rem; }
.filters button { cursor: pointer; }
.filters button:hover { background: #eef2f6; }
#filter-status { font-weight: 600; margin: .25rem 0; }
.findings { width: 100%; }
.findings tr.group th { background: #eef2f6; font-size: 1rem; overflow-wrap: anywhere; }
.clauses tr.group th, .matrix th.group { background: #eef2f6; text-align: left; }
.findings td.rule { white-space: nowrap; }
.findings td.line { white-space: nowrap; font-variant-numeric: tabular-nums; }
.findings td.path { color: var(--muted); font-size: .9rem; }
@media print {
  .skip, .filters, #filter-status { display: none !important; }
  .agreement { break-inside: avoid; }
  a { color: inherit; }
}
`
