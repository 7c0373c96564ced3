// `clauselint --lsp`: a language server over stdio. Diagnostics for Markdown documents on open, on change (debounced)
// and on save; quick fixes (add a missing clause's skeleton, disable a rule for a line or the file); hover on findings.
// Loaded only by `--lsp` (a dynamic import in src/cli.ts), so ordinary runs do not pay for vscode-languageserver.
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {codeActions} from './lsp/actions.js'
import {ownMessages, ruleDocs, SOURCE, toDiagnostic, toRange, withDocs} from './lsp/convert.js'
import {hoverAt, type Located} from './lsp/hover.js'
import {declaredIncludes} from './docset.js'
import {FramingGuard} from './lsp/framing.js'
import {readSettings, type ServerSettings} from './lsp/linter.js'
import {LintThread} from './lsp/thread.js'
import type {AnyRule} from './rule.js'

/** Wait this long after the last change before re-linting. */
export const DEBOUNCE_MS = 300

/** Config files whose change re-lints every open document. */
const CONFIG_FILE = /^(?:\.clauselintrc(?:\.[\w]+)?|clauselint\.config\.\w+|package\.json)$/

// custom rule files have any name: every YAML and JavaScript file is watched, and a change counts when a document's
// config loaded it
const WATCHERS = [{globPattern: '**/.clauselintrc*'}, {globPattern: '**/clauselint.config.*'}, {globPattern: '**/package.json'}, {globPattern: '**/*.{yaml,yml,js,mjs}'}]

interface DocState {
  /** The version a lint was last started for (on open it also arrives as a change: lint once). */
  requested?: number
  timer?: NodeJS.Timeout | undefined
  findings: Located[]
  /** Members of the document's set (absolute paths): a change to one re-lints this document. */
  members: readonly string[]
  customRules: readonly AnyRule[]
  /** Custom rule files its config loaded (absolute paths). */
  ruleFiles: readonly string[]
  /** The profile and config files last logged for it. */
  using?: string
}

/**
 * "profile msa (title …); config .clauselintrc.yaml": what applies to a document, for the editor's output, so that
 * someone new can see which profile was chosen and why, and which config files were read (paths from the workspace).
 */
export function describeUsing(profile: {name: string; reason: string} | undefined, configFiles: readonly string[], root: string): string {
  const shown = configFiles.map((f) => {
    const rel = path.relative(root, f)
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : f
  })
  const chosen = profile ? `profile ${profile.name} (${profile.reason})` : 'profile auto'
  return `${chosen}; ${shown.length ? `config ${shown.join(', ')}` : 'no config file (defaults)'}`
}

export interface ServerOptions {
  readonly input?: NodeJS.ReadableStream
  readonly output?: NodeJS.WritableStream
  readonly debounceMs?: number
  /** Time budget of one lint, in milliseconds (default 10 s). */
  readonly timeoutMs?: number
}

function uriToPath(uri: unknown): string | undefined {
  // a client may send anything: a URI that is not a string names no file
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

const isMarkdown = (doc: TextDocument): boolean => doc.languageId === 'markdown' || /\.(?:md|markdown)$/i.test(doc.uri)

/** Start the server on stdio (or the given streams). Resolves once it is listening; the process ends on `exit`. */
export function startServer(options: ServerOptions = {}): Connection {
  const connection = createConnection(ProposedFeatures.all, (options.input ?? process.stdin).pipe(new FramingGuard((line) => process.stderr.write(`${line}\n`))), options.output ?? process.stdout)
  // one bad message (a handler that throws on odd parameters) is logged; the server goes on
  const survive = (error: unknown): void => {
    connection.console.error(`clauselint: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  }
  process.on('uncaughtException', survive)
  process.on('unhandledRejection', survive)
  const documents = new TextDocuments(TextDocument)
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS
  const states = new Map<string, DocState>()
  // each finding links to its rule's page, as SARIF's helpUri does
  const docs = ruleDocs()
  let workspaceRoot = process.cwd()
  let linter = new LintThread(workspaceRoot, options.timeoutMs, (line) => connection.console.warn(line))
  let versionedEdits = false
  let pullConfiguration = false
  let registerWatchers = false
  let registerConfiguration = false

  const state = (uri: string): DocState => {
    let s = states.get(uri)
    if (!s) states.set(uri, (s = {findings: [], members: [], customRules: [], ruleFiles: []}))
    return s
  }

  const applySettings = (value: unknown): void => {
    const {settings, problems} = readSettings(value)
    for (const p of problems) connection.console.warn(`clauselint: ${p}`)
    linter.reset(settings)
  }

  const lintNow = async (uri: string): Promise<void> => {
    if (typeof uri !== 'string') return
    const doc = documents.get(uri)
    if (!doc || !isMarkdown(doc)) return
    const s = state(uri)
    clearTimeout(s.timer)
    s.timer = undefined
    const version = doc.version
    s.requested = version
    const text = doc.getText()
    const filePath = uriToPath(uri)
    // the members of its set that are open in the editor go with it (the lint thread cannot ask for them)
    const open: Record<string, string> = {}
    if (filePath) {
      for (const member of declaredIncludes(text, filePath)) {
        const t = documents.get(pathToFileURL(member).href)?.getText()
        if (t !== undefined) open[member] = t
      }
    }
    let outcome
    try {
      outcome = await linter.lint({text, filePath, name: uri, open})
    } catch (error) {
      connection.console.error(`clauselint: could not lint ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      return
    }
    // a newer version arrived while config was read: its own lint is scheduled
    const now = documents.get(uri)
    if (!now || now.version !== version) return
    const bom = text.charCodeAt(0) === 0xfeff
    let diagnostics: Diagnostic[] = []
    s.findings = []
    if (outcome.kind === 'result') {
      const messages = withDocs(ownMessages(outcome.result.messages), docs)
      s.findings = messages.map((message) => ({message, range: toRange(message, bom)}))
      s.members = outcome.members
      s.customRules = outcome.customRules
      s.ruleFiles = outcome.ruleFiles
      diagnostics = messages.map((m) => toDiagnostic(m, bom))
      connection.console.log(`clauselint: linted ${filePath ?? uri} (${Math.round(text.length / 1024)} KB, version ${version}) in ${outcome.ms.toFixed(1)} ms`)
      // which profile and config files apply: logged when the document is first linted and whenever that changes
      const using = describeUsing(outcome.result.profile, outcome.configFiles, workspaceRoot)
      if (using !== s.using) {
        s.using = using
        connection.console.info(`clauselint: ${filePath ?? uri}: ${using}`)
      }
    } else if (outcome.kind === 'problem') {
      const range = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
      diagnostics = [{range, severity: DiagnosticSeverity.Error, source: SOURCE, code: outcome.ruleId, message: outcome.message, data: {ruleId: outcome.ruleId, messageId: outcome.ruleId}}]
    }
    await connection.sendDiagnostics({uri, version, diagnostics})
  }

  const schedule = (uri: string): void => {
    const s = state(uri)
    clearTimeout(s.timer)
    s.timer = setTimeout(() => void lintNow(uri), debounceMs)
  }

  const relintAll = (): void => {
    for (const doc of documents.all()) void lintNow(doc.uri)
  }

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities
    versionedEdits = caps.workspace?.workspaceEdit?.documentChanges === true
    pullConfiguration = caps.workspace?.configuration === true
    registerWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    registerConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined
    const root = (folder && uriToPath(folder)) ?? params.rootPath ?? process.cwd()
    void linter.close()
    workspaceRoot = path.resolve(root)
    linter = new LintThread(workspaceRoot, options.timeoutMs, (line) => connection.console.warn(line))
    if (params.initializationOptions !== undefined && params.initializationOptions !== null) applySettings(params.initializationOptions)
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]},
        hoverProvider: true,
      },
      serverInfo: {name: 'clauselint'},
    }
  })

  const pullSettings = async (): Promise<void> => {
    if (!pullConfiguration) return
    try {
      const value: unknown = await connection.workspace.getConfiguration('clauselint')
      if (value !== null && value !== undefined) applySettings(value)
    } catch (error) {
      connection.console.warn(`clauselint: could not read settings: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  connection.onInitialized(async () => {
    if (registerWatchers) await connection.client.register(DidChangeWatchedFilesNotification.type, {watchers: WATCHERS})
    if (registerConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, {section: 'clauselint'})
    await pullSettings()
    relintAll()
  })

  // Settings pushed (`settings.clauselint`) or, for clients that use the pull model, read back; then every open document again.
  connection.onDidChangeConfiguration(async (params) => {
    const pushed = (params.settings as {clauselint?: unknown} | null | undefined)?.clauselint
    if (pushed !== undefined && pushed !== null) applySettings(pushed)
    else if (pullConfiguration) await pullSettings()
    else linter.reset()
    relintAll()
  })

  connection.onDidChangeWatchedFiles((params) => {
    const changed = params.changes.map((c) => uriToPath(c.uri)).filter((p): p is string => p !== undefined)
    const ruleFiles = new Set([...states.values()].flatMap((s) => s.ruleFiles))
    if (changed.some((p) => CONFIG_FILE.test(path.basename(p)) || ruleFiles.has(p))) {
      linter.reset()
      relintAll()
      return
    }
    // a schedule changed on disk: re-lint the agreements that include it
    for (const [uri, s] of states) if (s.members.some((m) => changed.includes(m))) void lintNow(uri)
  })

  documents.onDidOpen((e) => void lintNow(e.document.uri))
  documents.onDidChangeContent((e) => {
    if (states.get(e.document.uri)?.requested === e.document.version) return
    schedule(e.document.uri)
  })
  documents.onDidSave((e) => {
    void lintNow(e.document.uri)
    const saved = uriToPath(e.document.uri)
    if (saved) for (const [uri, s] of states) if (uri !== e.document.uri && s.members.includes(saved)) void lintNow(uri)
  })
  documents.onDidClose((e) => {
    const s = states.get(e.document.uri)
    if (s) clearTimeout(s.timer)
    states.delete(e.document.uri)
    linter.forget(uriToPath(e.document.uri) ?? e.document.uri)
    void connection.sendDiagnostics({uri: e.document.uri, diagnostics: []})
  })

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return []
    return codeActions(params.context.diagnostics, {document: doc, versioned: versionedEdits, ...(params.context.only ? {only: params.context.only} : {})})
  })

  connection.onHover((params) => {
    const s = states.get(params.textDocument.uri)
    return s ? hoverAt(s.findings, params.position, s.customRules) : null
  })

  let shutDown = false
  connection.onShutdown(async () => {
    shutDown = true
    for (const s of states.values()) clearTimeout(s.timer)
    await linter.close()
  })
  // the protocol ends a server whose client went away without a shutdown request with exit code 1: say why, on
  // stderr (stdout is the protocol's), so a run from a terminal (`clauselint --lsp < /dev/null`) is not a silent 1
  if (!options.input) {
    process.once('exit', (code) => {
      if (code === 1 && !shutDown) process.stderr.write('clauselint: --lsp: the client closed the connection without a shutdown request (exit 1, as the Language Server Protocol asks); start it from an editor\n')
    })
  }

  documents.listen(connection)
  connection.listen()
  return connection
}

/** For `ServerSettings` users (tests, editors' initializationOptions). */
export type {ServerSettings}
