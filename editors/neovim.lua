-- clauselint in Neovim: diagnostics, quick fixes (`vim.lsp.buf.code_action()`) and hover (`K`) for Markdown.
-- Works on Neovim 0.7 and later (Debian 12 ships 0.7): on 0.8+ it uses vim.lsp.start, on 0.7 vim.lsp.start_client.
-- Put this in your config, e.g. ~/.config/nvim/after/ftplugin/markdown.lua, or in an init.lua autocmd on FileType markdown.
local markers = { '.clauselintrc.json', '.clauselintrc.yaml', '.clauselintrc.yml', 'clauselint.config.json', 'package.json', '.git' }
local bufname = vim.api.nvim_buf_get_name(0)
local dir = bufname ~= '' and vim.fn.fnamemodify(bufname, ':p:h') or vim.fn.getcwd()

-- the nearest folder above the buffer that holds one of the markers (vim.fs.find is 0.8+: search by hand)
local function find_root(start)
  local current = start
  while current and current ~= '' do
    for _, marker in ipairs(markers) do
      if vim.fn.filereadable(current .. '/' .. marker) == 1 or vim.fn.isdirectory(current .. '/' .. marker) == 1 then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ':h')
    if parent == current then break end
    current = parent
  end
  return nil
end

local root = find_root(dir) or vim.fn.getcwd()
-- the project's own clauselint (a devDependency), else the one on the PATH
local local_bin = root .. '/node_modules/.bin/clauselint'
local cmd = vim.fn.executable(local_bin) == 1 and local_bin or 'clauselint'

local config = {
  name = 'clauselint',
  cmd = { cmd, '--lsp' },
  root_dir = root,
  -- like the command-line flags: profile = 'auto' | 'msa' | 'sla' | 'agreement' | 'language', requireReason, configFile, noConfig, allowJsConfig
  settings = { clauselint = {} },
}

if vim.lsp.start then
  -- 0.8+: starts one server per root and attaches this buffer
  vim.lsp.start(config)
else
  -- 0.7: one server per root, started once and attached to each Markdown buffer
  _G.clauselint_clients = _G.clauselint_clients or {}
  local id = _G.clauselint_clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    _G.clauselint_clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(0, id) end
end
