#!/usr/bin/env bash
# Smoke test with a second, independent LSP client: Neovim, headless. Starts the built language server
# (run `npm run build` first) on a rule file with mistakes, waits for its diagnostics, asks for a hover
# and a completion, and prints them as JSON. Needs `nvim` (Debian: apt-get install neovim).
#   scripts/nvim-smoke.sh [file.award]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v nvim >/dev/null || { echo "nvim is not installed (apt-get install neovim)" >&2; exit 2; }
file=${1:-}
if [ -z "$file" ]; then
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
  file="$dir/broken.award"
  printf 'notice "示例〔2024〕1号" {\n  issued 2024-01-02\n}\nexclude rank >= vice-bureu\npublicity >= 5 workdays at \n' > "$file"
fi
AWARDRULES_LSP="$root/packages/language-server/bin/awardrules-lsp.js" \
  timeout 60 nvim --headless --clean -u "$root/test/lsp/neovim/init.lua" "$file"
