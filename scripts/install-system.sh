#!/usr/bin/env bash
# Debian packages the tests and the local VS Code need: Chromium (driven by playwright-core),
# fonts for readable screenshots, libkrb5-dev (code-server's kerberos module builds from source),
# the toolchains that run generated snippets (NumPy/SciPy, Go, Fortran, R; gcc, g++, javac, rustc ship with the image),
# and the outside references the unit tests compare with: PyTorch 1.13 CPU, ONNX 1.12, mpmath
# (about 50 s more on a fresh machine; importable from Debian's /usr/bin/python3 only).
# Installs only what is missing; uses sudo when not root.
set -euo pipefail
packages=(chromium fonts-liberation libkrb5-dev python3-numpy python3-scipy golang-go gfortran r-base-core python3-torch python3-onnx python3-mpmath)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
