#!/usr/bin/env bash
# Dev helper: run a TypeScript file with Node 20 by bundling it with esbuild first.
set -euo pipefail
out=$(mktemp /tmp/run-ts-XXXXXX.mjs)
npx esbuild "$1" --bundle --platform=node --format=esm --conditions=source --log-level=warning --outfile="$out" \
  --banner:js="import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);"
shift
node "$out" "$@"
