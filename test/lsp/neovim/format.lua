-- Formatting in Neovim, used by test/lsp/neovim.test.ts: opens the file given on the command line,
-- starts the server on it, formats the buffer through the server (vim.lsp.buf.format on 0.8+,
-- formatting_sync on 0.7), writes the file, and prints the buffer's lines, its file format and how
-- many lines hold a carriage return (a CRLF file must keep its line ends and gain no stray ^M).
vim.opt.swapfile = false
local server = assert(os.getenv('AWARDRULES_LSP'), 'set AWARDRULES_LSP to bin/awardrules-lsp.js')
local config = { name = 'awardrules', cmd = { 'node', server, '--stdio' }, root_dir = vim.fn.getcwd() }

vim.schedule(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local id
  if vim.lsp.start then id = vim.lsp.start(config, { bufnr = bufnr }) else
    id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, id)
  end
  local client = function() return vim.lsp.get_client_by_id(id) end
  local result = {}
  if not vim.wait(15000, function() return client() ~= nil and client().initialized end, 50) then result.error = 'the server did not start within 15 s' end
  local ok, err = pcall(function()
    if vim.lsp.buf.format then vim.lsp.buf.format({ async = false, timeout_ms = 10000 }) else vim.lsp.buf.formatting_sync(nil, 10000) end
  end)
  if not ok then result.error = tostring(err) end
  result.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  result.fileformat = vim.bo.fileformat
  result.withCr = 0
  for _, l in ipairs(result.lines) do if l:find('\r') then result.withCr = result.withCr + 1 end end
  vim.cmd('silent write')
  io.stdout:write(vim.fn.json_encode(result) .. '\n')
  vim.cmd('qall!')
end)
