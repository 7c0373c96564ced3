// The language server's lint thread (see src/lsp/thread.ts): one Linter, answering lint, reset and forget messages.
import {parentPort, workerData} from 'node:worker_threads'
import {Linter, type ServerSettings} from './linter.js'
import type {ThreadMessage, ThreadReply} from './thread.js'

const data = workerData as {cwd: string; timeoutMs: number; settings: ServerSettings}
const linter = new Linter(data.cwd, data.settings, data.timeoutMs)

parentPort!.on('message', (message: ThreadMessage) => {
  void (async (): Promise<ThreadReply> => {
    try {
      if (message.kind === 'reset') {
        linter.reset(message.settings)
        return {id: message.id}
      }
      if (message.kind === 'forget') {
        linter.forget(message.name)
        return {id: message.id}
      }
      const {request} = message
      const outcome = await linter.lint({...request, openText: (p) => request.open[p]})
      // rules hold functions, which cannot cross threads: hovers need only their ids and descriptions
      return {id: message.id, outcome: outcome.kind === 'result' ? {...outcome, customRules: outcome.customRules.map((r) => ({meta: {id: r.meta.id, description: r.meta.description}}) as never)} : outcome}
    } catch (error) {
      return {id: message.id, error: (error instanceof Error ? error.message : String(error)).split('\n')[0]!}
    }
  })().then((reply) => parentPort!.postMessage(reply))
})
