-- A minimal Neovim configuration for the AwardRules language server, used by test/lsp/neovim.test.ts
-- and scripts/nvim-smoke.sh: opens the file given on the command line, starts the server on it,
-- waits for its diagnostics, asks for a hover and a completion, prints all of it as one line of JSON
-- on stdout, and quits. Works with Neovim 0.7 (vim.lsp.start_client) and 0.8+ (vim.lsp.start).
vim.opt.swapfile = false
local server = assert(os.getenv('AWARDRULES_LSP'), 'set AWARDRULES_LSP to bin/awardrules-lsp.js')

local config = {
  name = 'awardrules',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.getcwd(),
}

local function start(bufnr)
  if vim.lsp.start then return vim.lsp.start(config, { bufnr = bufnr }) end
  local id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

local function finish(result)
  io.stdout:write(vim.fn.json_encode(result) .. '\n')
  vim.cmd('qall!')
end

vim.schedule(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = start(bufnr)
  local ok = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  local result = { started = client_id ~= nil, diagnostics = {} }
  if not ok then result.error = 'no diagnostics within 15 s' end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(result.diagnostics, { line = d.lnum, col = d.col, severity = d.severity, code = code, message = d.message })
  end
  -- Hover on the first line that mentions `rank`, and completion after `at ` on the line that has it.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    local col = line:find('rank')
    if col and not result.hover then
      local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
        textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = i - 1, character = col },
      }, 5000)
      for _, r in pairs(hover or {}) do
        if r.result then result.hover = r.result.contents.value end
      end
    end
    local at = line:find(' at $')
    if at and not result.completion then
      local items = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
        textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = i - 1, character = #line },
      }, 5000)
      result.completion = {}
      for _, r in pairs(items or {}) do
        for _, item in ipairs((r.result and r.result.items) or {}) do table.insert(result.completion, item.label) end
      end
    end
  end
  finish(result)
end)
