#!/usr/bin/env bash
# Install JupyterHub's proxy (configurable-http-proxy, an npm package) for the hub test,
# into the project folder .node/ (git-ignored), only when it is not there yet.
# Needs node and npm (Debian: apt-get install nodejs npm); without them the hub test is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=5.3.0
PREFIX=.node
if [ -x "$PREFIX/node_modules/.bin/configurable-http-proxy" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "ensure-proxy: npm is missing; install node and npm (Debian: apt-get install nodejs npm)," >&2
  echo "or the JupyterHub test will be skipped." >&2
  exit 0
fi
echo "ensure-proxy: installing configurable-http-proxy $VERSION into $PREFIX/ (once)..."
mkdir -p "$PREFIX"
npm install --silent --no-audit --no-fund --prefix "$PREFIX" "configurable-http-proxy@$VERSION" >/dev/null
