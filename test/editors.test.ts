// The editor files: the VS Code extension offers every profile, and editors/neovim.lua attaches the language server
// and shows its diagnostics in the Neovim that is installed (Debian 12 ships 0.7; skipped without nvim).
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {tempDirs} from './helpers.js'
import {PROFILES} from '../src/profiles.js'

const root = path.join(import.meta.dirname, '..')
const tempDir = tempDirs('editors')
const nvim = spawnSync('nvim', ['--version'], {encoding: 'utf8'})
const nvimVersion = nvim.status === 0 ? /NVIM v(\S+)/.exec(nvim.stdout)?.[1] : undefined

describe('editors', () => {
  it('the VS Code extension offers every profile', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'editors', 'vscode', 'package.json'), 'utf8')) as {contributes: {configuration: {properties: Record<string, {enum?: string[]}>}}}
    expect(pkg.contributes.configuration.properties['clauselint.profile']!.enum).toEqual(['', ...PROFILES])
  })

  it.runIf(nvimVersion)(`editors/neovim.lua attaches the server and shows its diagnostics in Neovim ${nvimVersion ?? ''}`, () => {
    const dir = tempDir({'msa.md': '# Managed Services Agreement\n\nThe Provider will respond promptly.\n', 'bin/clauselint': `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(root, 'bin', 'clauselint.js'))} "$@"\n`})
    fs.chmodSync(path.join(dir, 'bin', 'clauselint'), 0o755)
    const r = spawnSync(
      'nvim',
      [
        '--headless',
        '--clean',
        'msa.md',
        '-c',
        `luafile ${path.join(root, 'editors', 'neovim.lua')}`,
        '-c',
        'lua vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)',
        '-c',
        'lua io.stdout:write("clients=" .. #vim.lsp.buf_get_clients(0) .. " diagnostics=" .. #vim.diagnostic.get(0) .. "\\n")',
        '-c',
        'qa!',
      ],
      {cwd: dir, encoding: 'utf8', timeout: 60_000, env: {...process.env, PATH: `${path.join(dir, 'bin')}:${process.env['PATH']}`}},
    )
    expect(r.stdout).toMatch(/clients=1 diagnostics=([1-9]\d*)/)
  }, 90_000)
})
