// clauselint for VS Code: starts `clauselint --lsp` for Markdown files and shows its findings, quick fixes and hovers.
const fs = require('node:fs')
const path = require('node:path')
const vscode = require('vscode')
const {LanguageClient} = require('vscode-languageclient/node')

let client

/** The configured command, else the workspace's own clauselint, else the one on the PATH. */
function command() {
  const configured = vscode.workspace.getConfiguration('clauselint').get('path')
  if (configured) return configured
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'clauselint.cmd' : 'clauselint')
    if (fs.existsSync(local)) return local
  }
  return 'clauselint'
}

/** The server's settings (the same keys as `clauselint.*` without `path`). */
function settings() {
  const config = vscode.workspace.getConfiguration('clauselint')
  return Object.fromEntries(['profile', 'requireReason', 'configFile', 'noConfig', 'allowJsConfig'].map((key) => [key, config.get(key)]))
}

async function activate(context) {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath
  // stdio is the default transport for a command: the client adds no flags of its own
  const server = {command: command(), args: ['--lsp'], options: {cwd: folder, shell: process.platform === 'win32'}}
  client = new LanguageClient('clauselint', 'clauselint', server, {
    documentSelector: [
      {scheme: 'file', language: 'markdown'},
      {scheme: 'untitled', language: 'markdown'},
    ],
    synchronize: {
      // settings under "clauselint" are sent on change; config files re-lint the open documents
      configurationSection: 'clauselint',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.clauselintrc*,clauselint.config.*,package.json}'),
    },
    initializationOptions: settings(),
  })
  context.subscriptions.push(client)
  await client.start()
}

function deactivate() {
  return client?.stop()
}

module.exports = {activate, deactivate}
