// `clauselint --mcp`: a Model Context Protocol server on stdio (the official TypeScript SDK), so that drafting
// assistants can lint agreements, list missing clauses, read rule docs, get clause skeletons and extract values.
// Loaded only by --mcp. Every tool is read-only and reads only files under the workspace root (the current folder).
import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js'
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js'
import {TOOLS, ToolError, type RunCommand, type ToolContext, type ToolDefinition} from './tools.js'

/** A server with the given tools (by default all of TOOLS), reading files under `root`; `run` is the command line. */
export function createServer(root: string, version: string, run: RunCommand, tools: readonly ToolDefinition[] = TOOLS): McpServer {
  const server = new McpServer({name: 'clauselint', version}, {instructions: 'clauselint lints Markdown service agreements (MSAs, SLAs) for missing and vague clauses. Paths are relative to the workspace root.'})
  const context: ToolContext = {root, run}
  for (const tool of tools) {
    server.registerTool(
      tool.name,
      {title: tool.title, description: tool.description, inputSchema: tool.input, outputSchema: tool.output, annotations: {readOnlyHint: true, openWorldHint: false}},
      async (args: Record<string, unknown>) => {
        try {
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
export async function startMcpServer(root: string, version: string, run: RunCommand): Promise<void> {
  const server = createServer(root, version, run)
  await server.connect(new StdioServerTransport())
}
