// clauselint for VS Code: starts `clauselint --lsp` for Markdown files and shows its findings, quick fixes and hovers.
const fs = require('node:fs')
const path = require('node:path')
const vscode = require('vscode')
const {LanguageClient} = require('vscode-languageclient/node')

let client

/** A setting as the user (or the machine) set it, never the workspace: a repository cannot choose what runs. */
function userSetting(key) {
  const inspected = vscode.workspace.getConfiguration('clauselint').inspect(key)
  return inspected?.globalValue ?? inspected?.defaultValue
}

/** The configured command, else (when the user allows it) the workspace's own clauselint, else the one on the PATH. */
function command() {
  const configured = userSetting('path')
  if (configured) return configured
  if (userSetting('useWorkspaceBinary') === true) {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'clauselint.cmd' : 'clauselint')
      if (fs.existsSync(local)) return local
    }
  }
  return 'clauselint'
}

/** The server's settings (the same keys as `clauselint.*` without `path`); allowJsConfig only from the user's settings. */
function settings() {
  const config = vscode.workspace.getConfiguration('clauselint')
  const out = Object.fromEntries(['profile', 'requireReason', 'configFile', 'noConfig', 'timeoutPerFile'].map((key) => [key, config.get(key)]))
  out.allowJsConfig = userSetting('allowJsConfig') === true
  return out
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
      // config files and custom rule files (any YAML or JavaScript file: the server acts on those a config loaded)
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.clauselintrc*,clauselint.config.*,package.json,*.yaml,*.yml,*.js,*.mjs}'),
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
