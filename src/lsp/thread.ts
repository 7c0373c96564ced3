// The language server lints in a worker thread, so that a slow document (a huge table, a pattern-heavy config) never
// stops it answering hovers, code actions and other documents: the main thread keeps the protocol, the worker keeps
// a Linter (config, custom rules, parse caches). A lint has a time budget inside the worker; a worker that does not
// answer well after it (or dies) is ended and a new one started.
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import {budgetFor, DEFAULT_TIMEOUT_MS} from '../lint.js'
import type {LintOutcome, ServerSettings} from './linter.js'

/** What the server asks the worker to lint: the text, its path, and the text of any member open in the editor. */
export interface ThreadRequest {
  readonly text: string
  readonly filePath: string | undefined
  readonly name: string
  readonly open: Readonly<Record<string, string>>
}

export type ThreadMessage =
  | {readonly id: number; readonly kind: 'lint'; readonly request: ThreadRequest}
  | {readonly id: number; readonly kind: 'reset'; readonly settings?: ServerSettings}
  | {readonly id: number; readonly kind: 'forget'; readonly name: string}

export type ThreadReply = {readonly id: number; readonly outcome?: LintOutcome; readonly error?: string}

/** Start src/lsp/lint-worker.(js|ts) beside this module; under TypeScript sources, through tsx. */
function startLintWorker(data: unknown): Worker {
  const here = fileURLToPath(import.meta.url)
  // beside the sources (.ts), or the bundle's lint-worker.js (also from the CommonJS builds of the command, *.cjs)
  const ext = path.extname(here) === '.ts' ? '.ts' : '.js'
  const url = pathToFileURL(path.join(path.dirname(here), `lint-worker${ext}`)).href
  if (ext !== '.ts') return new Worker(new URL(url), {workerData: data})
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const code = `import(${JSON.stringify(api)}).then((m) => (m.tsImport ?? m.default.tsImport)(${JSON.stringify(url)}, ${JSON.stringify(url)}))`
  return new Worker(code, {eval: true, workerData: data})
}

interface Pending {
  readonly resolve: (reply: ThreadReply) => void
  readonly timer: NodeJS.Timeout | undefined
}

/** A Linter in a worker thread, with the Linter's methods, asynchronous. */
export class LintThread {
  private worker: Worker | undefined
  private next = 1
  private readonly pending = new Map<number, Pending>()
  private settings: ServerSettings | undefined

  constructor(
    private readonly cwd: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  private start(): Worker {
    const worker = startLintWorker({cwd: this.cwd, timeoutMs: this.timeoutMs, settings: this.settings ?? {}})
    worker.on('message', (reply: ThreadReply) => {
      const p = this.pending.get(reply.id)
      if (!p) return
      this.pending.delete(reply.id)
      clearTimeout(p.timer)
      p.resolve(reply)
    })
    const gone = (why: string): void => {
      if (this.worker !== worker) return
      this.worker = undefined
      this.log(`clauselint: the lint thread stopped (${why}); a new one starts with the next lint`)
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer)
        p.resolve({id, error: why})
      }
      this.pending.clear()
    }
    worker.on('error', (error) => gone(error.message.split('\n')[0]!))
    worker.on('exit', (code) => gone(`exit code ${code}`))
    worker.unref()
    return worker
  }

  private send(message: ThreadMessage, watchdogMs?: number): Promise<ThreadReply> {
    this.worker ??= this.start()
    const worker = this.worker
    return new Promise((resolve) => {
      // the worker stops a lint at its budget; one that still does not answer is stuck outside it: end the worker
      const timer = watchdogMs === undefined ? undefined : setTimeout(() => void worker.terminate(), watchdogMs)
      timer?.unref()
      this.pending.set(message.id, {resolve, timer})
      worker.postMessage(message)
    })
  }

  async lint(request: ThreadRequest): Promise<LintOutcome> {
    const budget = this.settings?.timeoutPerFile !== undefined ? this.settings.timeoutPerFile * 1000 : this.timeoutMs
    // the budget is CPU time: on a busy machine a lint may take up to 32 times as long in wall time before it is stopped
    const reply = await this.send({id: this.next++, kind: 'lint', request}, budget > 0 ? budgetFor(request.text.length, budget) * 70 + 10_000 : undefined)
    if (reply.outcome) return reply.outcome
    return {kind: 'problem', ruleId: 'fatal', message: `File could not be linted (${reply.error ?? 'no answer'})`}
  }

  /** Forget cached config (a config or rule file changed), and take new settings if given. */
  reset(settings?: ServerSettings): void {
    if (settings) this.settings = settings
    if (this.worker) void this.send({id: this.next++, kind: 'reset', ...(settings ? {settings} : {})})
  }

  forget(name: string): void {
    if (this.worker) void this.send({id: this.next++, kind: 'forget', name})
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    await worker?.terminate()
  }
}
