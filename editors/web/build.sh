#!/bin/sh
# Builds the editor of `bdl serve` into one file the binary embeds (src/serve/assets/editor.js):
# CodeMirror 6 from the npm registry (versions pinned in package-lock.json) and src/editor.js,
# bundled and minified by esbuild. The bundle is committed, so building bdl needs no Node.
#   cd editors/web && npm ci && sh build.sh
set -eu
cd "$(dirname "$0")"
out=../../src/serve/assets/editor.js
{
  printf '/* bdl serve editor. Built by editors/web/build.sh from editors/web/src/editor.js with CodeMirror 6 (MIT, https://codemirror.net):'
  # Every package bundled: all but the build tools (tests/serve_bundle.rs compares with the lock).
  node -e 'const l=require("./package-lock.json").packages;for(const k of Object.keys(l).filter(k=>k.startsWith("node_modules/")&&!l[k].dev))process.stdout.write(" "+k.slice(13)+"@"+l[k].version)'
  # The source's CRC-32 (line ends as LF): tests/serve_bundle.rs checks the bundle is built from it.
  node -e 'const s=require("fs").readFileSync("src/editor.js","utf8").replace(/\r\n/g,"\n");process.stdout.write("; src/editor.js crc32 "+require("zlib").crc32(s).toString(16).padStart(8,"0"))'
  printf ' */\n'
  ./node_modules/.bin/esbuild src/editor.js --bundle --minify --format=iife --target=es2020 --legal-comments=none
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(wc -c < "$out") bytes)"
