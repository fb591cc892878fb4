#!/usr/bin/env bash
# Dev helper: run a TypeScript file with Node 20 by bundling it with esbuild first. The bundle is
# written inside the repository so that the packages left external (ts-morph, the spreadsheet
# libraries) resolve from node_modules.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/node_modules/.cache/run-ts"
out=$(mktemp "$root/node_modules/.cache/run-ts/XXXXXX.mjs")
trap 'rm -f "$out"' EXIT
"$root/node_modules/.bin/esbuild" "$1" --bundle --platform=node --format=esm --conditions=source \
  --external:ts-morph --external:esbuild --external:read-excel-file --external:write-excel-file --log-level=warning --outfile="$out" \
  --banner:js="import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);"
shift
node "$out" "$@"
