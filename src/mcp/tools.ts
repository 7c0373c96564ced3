// The MCP server's tools: each is one entry of TOOLS (name, description, input and output schemas, handler), so a
// new tool is one more entry. Every tool is read-only: it reads agreements inside the workspace and writes nothing.
import {realpath} from 'node:fs/promises'
import path from 'node:path'
import {Readable} from 'node:stream'
import {z} from 'zod'
import {rules as builtinRules} from '../../rules/index.js'
import {didYouMean} from '../config-error.js'
import {buildDocument} from '../document.js'
import {PROFILES} from '../profiles.js'
import {explainRule} from '../rule-docs.js'
import {extractDurations, extractFrequencies, extractHours, extractMoney, extractMultipliers, extractPercentages, extractPriorities} from '../reading/values/index.js'
import {planSkeleton, renderBody, SKELETONS} from '../lsp/skeletons.js'

/** What a tool handler gets besides its arguments. */
/**
 * The command line run in-process (the command's `run(argv, io)`): the lint and compare tools answer with exactly what
 * `clauselint --format json` prints. The command gives it to the server when it starts one, so this module does not
 * import the command line (which loads this server).
 */
export type RunCommand = (
  argv: readonly string[],
  io: {
    readonly stdout: (text: string) => void
    readonly stderr: (text: string) => void
    readonly cwd: string
    readonly env: Readonly<Record<string, string | undefined>>
    readonly isTTY: boolean
    readonly stdin?: AsyncIterable<Uint8Array | string>
  },
) => Promise<number>

export interface ToolContext {
  /** The workspace root: every `path` must resolve inside it. */
  readonly root: string
  /** The command line, run in-process. */
  readonly run: RunCommand
}

/** A tool's answer: data for `structuredContent` (and as JSON text), or an error the model can read. */
export type ToolAnswer = {readonly data: Record<string, unknown>} | {readonly error: string}

export interface ToolDefinition<Shape extends z.ZodRawShape = z.ZodRawShape> {
  readonly name: string
  readonly title: string
  readonly description: string
  readonly input: Shape
  /** Shape of `structuredContent` on success. */
  readonly output: z.ZodRawShape
  readonly handler: (args: z.infer<z.ZodObject<Shape>>, context: ToolContext) => Promise<ToolAnswer>
}

/** A tool, its argument types checked against its input shape. */
export function defineTool<Shape extends z.ZodRawShape>(tool: ToolDefinition<Shape>): ToolDefinition {
  return tool as unknown as ToolDefinition
}

/** A refused request: the model is told why, the server keeps running. */
export class ToolError extends Error {}

/**
 * The workspace root, real path. The root of the file system is refused: it is where desktop clients start a server
 * whose configuration names no folder, and a path the user gives relative to their contracts would be looked up there.
 */
async function workspaceRoot(root: string): Promise<string> {
  const realRoot = await realpath(root)
  if (path.parse(realRoot).root === realRoot) {
    throw new ToolError(`the workspace root is ${realRoot} (the folder the server was started in); give the folder of the agreements: "cwd" in the client's configuration, --root FOLDER after --mcp, or a client that sends its workspace as roots`)
  }
  return realRoot
}

/**
 * A path the client gave, resolved inside the workspace root (symbolic links followed). Throws ToolError for a path
 * outside it or one that does not exist.
 */
export async function workspacePath(given: string, root: string): Promise<string> {
  const realRoot = await workspaceRoot(root)
  const abs = path.resolve(realRoot, given)
  const inside = (p: string): boolean => {
    const rel = path.relative(realRoot, p)
    return !rel.startsWith('..') && !path.isAbsolute(rel)
  }
  if (!inside(abs)) throw new ToolError(`"${given}" is outside the workspace root; only files under it can be read`)
  let real: string
  try {
    real = await realpath(abs)
  } catch {
    throw new ToolError(`"${given}" does not exist in the workspace (${realRoot})`)
  }
  // a symbolic link inside that leads outside
  if (!inside(real)) throw new ToolError(`"${given}" is outside the workspace root; only files under it can be read`)
  // git's own folder holds credentials (a checkout token in .git/config): never read, named or reached through a link
  if (path.relative(realRoot, real).split(path.sep)[0] === '.git') throw new ToolError(`"${given}" is inside the workspace's .git folder; it is not read`)
  return real
}

// ---------------------------------------------------------------------------------------------------------------
// Linting through the command line itself, so that config files, front matter, profiles and document sets apply
// exactly as they do for `clauselint`.

interface JsonResult {
  filePath: string
  messages: Array<{ruleId: string; severity: string; message: string; line: number; column: number; sectionPath: string[]; outcome?: string}>
  errorCount: number
  warningCount: number
  infoCount: number
  coverage: Array<{ruleId: string; outcome: string; sectionPath: string[]; line: number; evidence?: string}>
  profile?: {name: string; reason: string}
  suppressedMessages?: unknown[]
}

const agreementInput = {
  path: z.string().optional().describe('An agreement file (Markdown), relative to the workspace root'),
  text: z.string().optional().describe('The agreement text (Markdown), when it is not a file'),
  fileName: z.string().optional().describe('With text: the name to give it, for config lookup and reports (e.g. contracts/acme.md)'),
  profile: z.enum(PROFILES as [string, ...string[]]).optional().describe('Rule profile; default: the config\'s, else auto'),
}

type AgreementArgs = {path?: string | undefined; text?: string | undefined; fileName?: string | undefined; profile?: string | undefined}

async function lintAgreement(args: AgreementArgs, context: ToolContext): Promise<JsonResult[]> {
  if ((args.path === undefined) === (args.text === undefined)) throw new ToolError('give either path or text')
  const argv = ['--format', 'json']
  if (args.profile) argv.push('--profile', args.profile)
  let stdin: string | undefined
  if (args.path !== undefined) {
    const file = await workspacePath(args.path, context.root)
    argv.push('--', path.relative(context.root, file) || '.')
  } else {
    if (args.fileName !== undefined) await workspacePathOrNew(args.fileName, context.root)
    argv.push('--stdin', ...(args.fileName ? ['--stdin-filename', args.fileName] : []))
    stdin = args.text
  }
  let out = ''
  let err = ''
  const code = await context.run(argv, {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    cwd: context.root,
    env: {},
    isTTY: false,
    ...(stdin !== undefined ? {stdin: Readable.from([Buffer.from(stdin, 'utf8')])} : {}),
  })
  if (code === 2 || !out.trim()) throw new ToolError(err.trim().replace(/^clauselint: /gm, '') || 'the agreement could not be linted')
  return JSON.parse(out) as JsonResult[]
}

/** A name for text that need not exist, but must be inside the workspace (config lookup reads its folders). */
async function workspacePathOrNew(given: string, root: string): Promise<void> {
  const realRoot = await workspaceRoot(root)
  const rel = path.relative(realRoot, path.resolve(realRoot, given))
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new ToolError(`"${given}" is outside the workspace root`)
}

const messageShape = z.object({ruleId: z.string(), severity: z.string(), message: z.string(), line: z.number(), column: z.number(), sectionPath: z.array(z.string()), outcome: z.string().optional()})
const coverageShape = z.object({ruleId: z.string(), outcome: z.string(), sectionPath: z.array(z.string()), line: z.number(), evidence: z.string().optional()})

export const TOOLS: ToolDefinition[] = [
  defineTool({
    name: 'lint_agreement',
    title: 'Lint an agreement',
    description:
      'Lint a Markdown service agreement (a file in the workspace, or text) for missing and vague clauses. Returns each file\'s findings (rule, severity, message, line, section path, outcome) and clause coverage (present, vague, missing, delegated), as `clauselint --format json` does. Set quote to false to leave out the agreement\'s own words (evidence).',
    input: {...agreementInput, quote: z.boolean().optional().describe('Include quoted agreement text (coverage evidence); default true')},
    output: {files: z.array(z.object({filePath: z.string(), errorCount: z.number(), warningCount: z.number(), infoCount: z.number(), profile: z.object({name: z.string(), reason: z.string()}).optional(), messages: z.array(messageShape), coverage: z.array(coverageShape)}))},
    handler: async (args, context) => {
      const results = await lintAgreement(args, context)
      const quote = args.quote !== false
      return {
        data: {
          files: results.map((r) => ({
            filePath: r.filePath,
            errorCount: r.errorCount,
            warningCount: r.warningCount,
            infoCount: r.infoCount,
            ...(r.profile ? {profile: r.profile} : {}),
            messages: r.messages.map((m) => ({ruleId: m.ruleId, severity: m.severity, message: quote ? m.message : m.message.replace(/"[^"]*"/g, '"…"'), line: m.line, column: m.column, sectionPath: m.sectionPath, ...(m.outcome ? {outcome: m.outcome} : {})})),
            coverage: r.coverage.map((c) => ({ruleId: c.ruleId, outcome: c.outcome, sectionPath: c.sectionPath, line: c.line, ...(quote && c.evidence ? {evidence: c.evidence} : {})})),
          })),
        },
      }
    },
  }),
  defineTool({
    name: 'list_missing_clauses',
    title: 'List missing and vague clauses',
    description: 'The clauses an agreement lacks (missing), states without a measurable commitment (vague) or leaves to another document (delegated), each with where it is or should go and what to write.',
    input: agreementInput,
    output: {clauses: z.array(z.object({filePath: z.string(), ruleId: z.string(), outcome: z.string(), line: z.number(), sectionPath: z.array(z.string()), suggestion: z.string()}))},
    handler: async (args, context) => {
      const results = await lintAgreement(args, context)
      const clauses = results.flatMap((r) =>
        r.coverage
          .filter((c) => c.outcome !== 'present')
          .map((c) => {
            const finding = r.messages.find((m) => m.ruleId === c.ruleId && m.outcome === c.outcome)
            return {filePath: r.filePath, ruleId: c.ruleId, outcome: c.outcome, line: c.line, sectionPath: c.sectionPath, suggestion: finding?.message ?? ''}
          }),
      )
      return {data: {clauses}}
    },
  }),
  defineTool({
    name: 'explain_rule',
    title: 'Explain a rule',
    description: 'A rule\'s documentation: what it checks, examples of present, vague and missing clauses with what is reported, its options, and how to turn it off.',
    input: {ruleId: z.string().describe('A rule id, e.g. response-times')},
    output: {ruleId: z.string(), category: z.string(), severity: z.string(), description: z.string(), documentation: z.string()},
    handler: async ({ruleId}) => {
      const rule = builtinRules.find((r) => r.meta.id === ruleId)
      if (!rule) return {error: `unknown rule "${ruleId}"${didYouMean(ruleId, builtinRules.map((r) => r.meta.id))}`}
      return {data: {ruleId, category: rule.meta.category, severity: rule.meta.severity, description: rule.meta.description, documentation: explainRule(rule)}}
    },
  }),
  defineTool({
    name: 'suggest_skeleton',
    title: 'Suggest a clause skeleton',
    description:
      'The skeleton of a clause (Markdown with [slots] to fill in), and, given an agreement that misses the clause, where it would be inserted (line) and its heading there. Nothing is written.',
    input: {ruleId: z.string().describe('A clause rule id, e.g. response-times'), path: agreementInput.path, text: agreementInput.text, fileName: agreementInput.fileName},
    output: {ruleId: z.string(), title: z.string(), skeleton: z.string(), insertion: z.object({line: z.number(), mode: z.string(), text: z.string()}).optional()},
    handler: async (args, context) => {
      const skeleton = SKELETONS[args.ruleId]
      if (!skeleton) return {error: `no skeleton for "${args.ruleId}"${didYouMean(args.ruleId, Object.keys(SKELETONS)) || `; skeletons exist for ${Object.keys(SKELETONS).join(', ')}`}`}
      const data: Record<string, unknown> = {ruleId: args.ruleId, title: skeleton.title, skeleton: `## ${skeleton.title}\n\n${renderBody(skeleton, undefined)}\n`}
      if (args.path !== undefined || args.text !== undefined) {
        const results = await lintAgreement(args, context)
        for (const r of results) {
          const m = r.messages.find((x) => x.ruleId === args.ruleId && x.outcome === 'missing')
          if (!m) continue
          const text = args.text ?? (await import('node:fs/promises')).readFile(path.resolve(context.root, r.filePath), 'utf8')
          const doc = buildDocument(await text, r.filePath)
          const plan = planSkeleton(doc, args.ruleId, m.line, m.column)
          if (plan) data['insertion'] = {line: doc.positionAt(plan.offset).line, mode: plan.mode, text: plan.text.replace(/^(?:\r?\n)+/, '')}
          break
        }
      }
      return {data}
    },
  }),
  defineTool({
    name: 'extract_values',
    title: 'Extract typed values',
    description: 'The typed values clauselint reads in a clause: durations ("4 business hours"), frequencies ("nightly"), percentages with their period ("99.9% per calendar month"), hours with days and time zone, money, multipliers and priority levels. Lets a drafter check a clause before inserting it.',
    input: {text: z.string().describe('The clause text')},
    output: {durations: z.array(z.unknown()), frequencies: z.array(z.unknown()), percentages: z.array(z.unknown()), hours: z.array(z.unknown()), money: z.array(z.unknown()), multipliers: z.array(z.unknown()), priorities: z.array(z.unknown())},
    handler: async ({text}) => ({
      data: {
        durations: extractDurations(text),
        frequencies: extractFrequencies(text),
        percentages: extractPercentages(text),
        hours: extractHours(text),
        money: extractMoney(text),
        multipliers: extractMultipliers(text),
        priorities: extractPriorities(text),
      },
    }),
  }),
  defineTool({
    name: 'compare_with_template',
    title: 'Compare an agreement with the house template',
    description:
      'Compares an agreement with a template clause by clause (clauses matched by meaning, not by heading or number): clauses missing from the agreement, values weaker or stronger than the template (response and resolution times per priority, uptime and its period, backup interval and retention, service days and hours, after-hours charges), new delegations to other documents, new vague wording, and each clause\'s word diff; with the playbook of the workspace config, values at the fallback or walk-away position or beyond it. Markdown or .docx on either side.',
    input: {
      path: z.string().describe('The agreement (Markdown or .docx), relative to the workspace root'),
      template: z.string().describe('The house template (Markdown or .docx), relative to the workspace root'),
    },
    output: {comparisons: z.array(z.unknown())},
    handler: async (args, context) => {
      const agreement = await workspacePath(args.path, context.root)
      const template = await workspacePath(args.template, context.root)
      let out = ''
      let err = ''
      const code = await context.run(['compare', path.relative(context.root, agreement), '--template', path.relative(context.root, template), '--format', 'json'], {
        stdout: (t) => void (out += t),
        stderr: (t) => void (err += t),
        cwd: context.root,
        env: {},
        isTTY: false,
      })
      if (code === 2 || !out.trim()) throw new ToolError(err.trim().replace(/^clauselint: /gm, '') || 'the agreement could not be compared')
      return {data: {comparisons: JSON.parse(out) as unknown[]}}
    },
  }),
]
