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
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    echo "ensure-proxy: installing Debian's nodejs and npm (once)..."
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "ensure-proxy: npm is missing and apt-get is not available; install node and npm," >&2
    echo "or the JupyterHub test will be skipped." >&2
    exit 0
  fi
fi
echo "ensure-proxy: installing configurable-http-proxy $VERSION into $PREFIX/ (once)..."
mkdir -p "$PREFIX"
npm install --silent --no-audit --no-fund --prefix "$PREFIX" "configurable-http-proxy@$VERSION" >/dev/null
