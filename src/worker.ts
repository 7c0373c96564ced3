// A lint worker for --concurrency: resolves each file's config itself (settings hold functions, which cannot be sent
// between threads), takes batches of jobs from the main thread and posts each job's outcome as soon as it has it.
import {parentPort, workerData} from 'node:worker_threads'
import {ConfigError, ConfigLoader} from './config.js'
import {TextCache} from './reading/index.js'
// the worker lints every job it is given: the built-in rules' code is loaded with it (see loadRuleCode in plan.ts)
import '../rules/index.js'
import {isJob, lintedCharacters, lintJob, takeJob, type FromWorker, type JobOutcome, type ToWorker, type WorkerInput} from './scale.js'

const input = workerData as WorkerInput
const loader = new ConfigLoader(input.loader)
// this worker's answers per text, kept across the jobs it takes
const textCache = new TextCache()
const queue: Array<ToWorker['jobs'][number]> = []
let running = false

async function drain(): Promise<void> {
  if (running) return
  running = true
  while (queue.length) {
    const {index, job} = queue.shift()!
    let outcome: JobOutcome
    try {
      const config = await loader.forFile(job.file)
      // a job handed as its file is read here, by the thread that lints it
      const taken = await takeJob(job)
      outcome = isJob(taken) ? lintJob(taken, config.settings, input.requireReason, input.timeoutMs ?? 0, textCache) : taken
    } catch (error) {
      outcome = error instanceof ConfigError ? {configError: error.message} : {crash: (error instanceof Error ? error.message : String(error)).split('\n')[0]!}
    }
    parentPort!.postMessage({index, outcome} satisfies FromWorker)
    if (++linted === CODE_CACHE_AFTER) saveCodeCache()
  }
  running = false
}

// Run through V8's code cache (see cachedWorkerCode in scale.ts), the worker writes one once it has linted a few jobs, so
// that it holds the code those compiled too: when it found none it could use, or one made by a worker that had linted
// fewer than half the characters it has.
const CODE_CACHE_AFTER = 4
let linted = 0
function saveCodeCache(): void {
  const save = (globalThis as {__clauselintSaveCodeCache?: (linted: number) => void}).__clauselintSaveCodeCache
  delete (globalThis as {__clauselintSaveCodeCache?: (linted: number) => void}).__clauselintSaveCodeCache
  save?.(lintedCharacters())
}

parentPort!.on('message', (message: ToWorker) => {
  queue.push(...message.jobs)
  void drain()
})
parentPort!.postMessage({ready: true} satisfies FromWorker)
