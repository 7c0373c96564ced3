-- clauselint in Neovim (0.9+): diagnostics, quick fixes (`vim.lsp.buf.code_action()`) and hover (`K`) for Markdown.
-- Put this in your config, e.g. ~/.config/nvim/after/ftplugin/markdown.lua, or in an init.lua autocmd on FileType markdown.
local markers = { '.clauselintrc.json', '.clauselintrc.yaml', '.clauselintrc.yml', 'clauselint.config.json', 'package.json', '.git' }
local found = vim.fs.find(markers, { upward = true, path = vim.fs.dirname(vim.api.nvim_buf_get_name(0)) })[1]
local root = found and vim.fs.dirname(found) or vim.fn.getcwd()
-- the project's own clauselint (npm install --save-dev clauselint), else the one on the PATH
local local_bin = root .. '/node_modules/.bin/clauselint'
local cmd = vim.fn.executable(local_bin) == 1 and local_bin or 'clauselint'

vim.lsp.start({
  name = 'clauselint',
  cmd = { cmd, '--lsp' },
  root_dir = root,
  -- like the command-line flags: profile = 'msa' | 'language' | 'auto', requireReason, configFile, noConfig, allowJsConfig
  settings = { clauselint = {} },
})
