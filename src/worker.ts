// A lint worker for --concurrency: resolves each file's config itself (settings hold functions, which cannot be
// sent between threads), lints its chunk of jobs and posts the outcomes back in order.
import {parentPort, workerData} from 'node:worker_threads'
import {ConfigError, ConfigLoader} from './config.js'
import {lintJob, type JobOutcome, type WorkerInput} from './scale.js'

async function main(): Promise<void> {
  const input = workerData as WorkerInput
  const loader = new ConfigLoader(input.loader)
  const outcomes: JobOutcome[] = []
  for (const job of input.jobs) {
    try {
      const config = await loader.forFile(job.file)
      outcomes.push(lintJob(job, config.settings, input.requireReason, input.timeoutMs ?? 0))
    } catch (error) {
      if (error instanceof ConfigError) outcomes.push({configError: error.message})
      else outcomes.push({crash: (error instanceof Error ? error.message : String(error)).split('\n')[0]!})
    }
  }
  parentPort!.postMessage(outcomes)
}

void main()
