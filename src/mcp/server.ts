// `clauselint --mcp`: a Model Context Protocol server on stdio (the official TypeScript SDK), so that drafting
// assistants can lint agreements, list missing clauses, read rule docs, get clause skeletons and extract values.
// Loaded only by --mcp. Every tool is read-only and reads only files under the workspace root: the folder given with
// --root, else the client's first root (MCP `roots`, asked for when the client offers them), else the current folder.
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js'
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js'
import {RootsListChangedNotificationSchema} from '@modelcontextprotocol/sdk/types.js'
import {TOOLS, ToolError, type RunCommand, type ToolContext, type ToolDefinition} from './tools.js'

/** Where the workspace root comes from: an explicit folder (--root) is kept; the current folder gives way to the client's roots. */
export interface RootOption {
  readonly root: string
  readonly explicit: boolean
}

/** The folder of the client's first `file:` root, or a ToolError saying why it cannot be used. */
async function clientRoot(roots: ReadonlyArray<{uri: string}>): Promise<string | undefined> {
  const first = roots.find((r) => r.uri.startsWith('file:'))
  if (!first) return undefined
  const folder = fileURLToPath(first.uri)
  const info = await stat(folder).catch(() => undefined)
  if (!info?.isDirectory()) throw new ToolError(`the client's workspace root ${first.uri} is not a folder on this machine`)
  return folder
}

/** A server with the given tools (by default all of TOOLS), reading files under the workspace root; `run` is the command line. */
export function createServer(root: string | RootOption, version: string, run: RunCommand, tools: readonly ToolDefinition[] = TOOLS): McpServer {
  const option: RootOption = typeof root === 'string' ? {root, explicit: true} : root
  const server = new McpServer({name: 'clauselint', version}, {instructions: 'clauselint lints Markdown service agreements (MSAs, SLAs) for missing and vague clauses. Paths are relative to the workspace root.'})
  let current = path.resolve(option.root)
  let fromClient: Promise<void> = Promise.resolve()
  let rootError: ToolError | undefined
  const askClient = (): void => {
    if (option.explicit || !server.server.getClientCapabilities()?.roots) return
    fromClient = server.server.listRoots().then(
      async ({roots}) => {
        try {
          const folder = await clientRoot(roots)
          current = folder ?? path.resolve(option.root)
          rootError = undefined
        } catch (error) {
          rootError = error instanceof ToolError ? error : new ToolError(String(error))
        }
      },
      // a client that offers roots but cannot list them: the current folder stays the root
      () => undefined,
    )
  }
  server.server.oninitialized = askClient
  server.server.setNotificationHandler(RootsListChangedNotificationSchema, async () => askClient())
  const context: ToolContext = {
    get root() {
      return current
    },
    run,
  }
  for (const tool of tools) {
    server.registerTool(
      tool.name,
      {title: tool.title, description: tool.description, inputSchema: tool.input, outputSchema: tool.output, annotations: {readOnlyHint: true, openWorldHint: false}},
      async (args: Record<string, unknown>) => {
        try {
          await fromClient
          if (rootError) throw rootError
          const answer = await tool.handler(args as never, context)
          if ('error' in answer) return {isError: true, content: [{type: 'text' as const, text: answer.error}]}
          return {structuredContent: answer.data, content: [{type: 'text' as const, text: JSON.stringify(answer.data, null, 2)}]}
        } catch (error) {
          if (error instanceof ToolError) return {isError: true, content: [{type: 'text' as const, text: error.message}]}
          return {isError: true, content: [{type: 'text' as const, text: `internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`}]}
        }
      },
    )
  }
  return server
}

/** Serve on stdin/stdout until the client closes the connection. */
export async function startMcpServer(root: RootOption, version: string, run: RunCommand): Promise<void> {
  const server = createServer(root, version, run)
  await server.connect(new StdioServerTransport())
}
