#!/usr/bin/env bash
# Renders media/icon.svg to the 128×128 media/icon.png the manifest names, with headless Chromium
# (the one test/e2e/install.sh installs), keeping the transparent corners.
set -euo pipefail
cd "$(dirname "$0")"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --default-background-color=00000000 --window-size=128,128 --screenshot="$PWD/icon.png" "file://$PWD/icon.svg" 2>/dev/null
echo "wrote $PWD/icon.png"
