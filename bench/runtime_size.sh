#!/usr/bin/env bash
# Size of what the player adds to every package, as packages carry it: the WebAssembly
# runtime (coursepack-runtime.js: the glue and the module, wasm/pack_runtime.mjs), the
# player's scripts and the stylesheet (minified by esbuild at build time, or left readable
# with -DCOURSEPACK_MINIFY=OFF: templates/CMakeLists.txt), raw and gzip -9.
# Each file is compressed on its own, as a server sends them.
# Usage: bash bench/runtime_size.sh [build folder, default build]
set -euo pipefail
build=${1:-build}
files=("$build/wasm/wasm/coursepack-runtime.js" "$build"/templates/player/*.js "$build/templates/player.css")
total_raw=0
total_gzip=0
printf '%-40s %10s %10s\n' file raw gzip-9
for file in "${files[@]}"; do
  raw=$(wc -c <"$file")
  gz=$(gzip -9c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gz))
  printf '%-40s %10d %10d\n' "${file#"$build"/*/}" "$raw" "$gz"
done
printf '%-40s %10d %10d\n' total "$total_raw" "$total_gzip"
