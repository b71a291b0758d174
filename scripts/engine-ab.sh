#!/usr/bin/env bash
# A/B of the engine benchmark against an earlier commit, in one sitting: both trees' engine child
# (bench/engineChild.ts) is bundled as `society run` ships, then each runs the same size in turn,
# alternating, so a busy machine slows both alike. Prints wall and CPU seconds, the trace's lines
# and bytes (equal when the change was meant to leave the model alone) and peak RSS.
#   scripts/engine-ab.sh <git ref> [runs per side, default 4] [size, default 1000x50]
set -euo pipefail
ref=${1:?usage: scripts/engine-ab.sh <git ref> [runs] [AxR]}
runs=${2:-4}
size=${3:-1000x50}
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git -C "$here" worktree add --detach "$tmp/base" "$ref" >/dev/null
ln -s "$here/node_modules" "$tmp/base/node_modules"
for side in base head; do
  src=$([ "$side" = base ] && echo "$tmp/base" || echo "$here")
  (cd "$src" && node -e "require('esbuild').buildSync({entryPoints:['bench/engineChild.ts'],outfile:'$tmp/$side.js',bundle:true,platform:'node',format:'cjs',target:'node20',logLevel:'warning'})")
done
echo "side  wall_s  cpu_s  lines  bytes  rss_mb   ($size, $ref → working tree)"
for _ in $(seq "$runs"); do
  for side in base head; do
    SOCIETY_BENCH_ENGINE=$size node "$tmp/$side.js" | tail -1 | node -e "
      const d = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      console.log('$side', (d.ms / 1000).toFixed(2), (d.cpuMs / 1000).toFixed(2), d.lines, d.bytes, Math.round(d.maxRssKb / 1024));"
  done
done
