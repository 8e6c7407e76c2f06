# Sourced by the other scripts: finds or installs every tool the build and the tests need,
# and sets up the environment to use them. Safe to source repeatedly; installs only what is missing.
#
# Rust for wasm32, in order of preference:
#   1. rustup with the wasm32-unknown-unknown target (installed here if rustup can fetch it);
#   2. Debian's rustc-web toolchain, building std from source (machines without rustup downloads).
# Set STRAITLINE_TOOLCHAIN=rustup or =debian to skip the detection.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
TRUNK_VERSION="0.22.1"
WASM_OPT_VERSION="132"
STATE_DIR="$ROOT/target/straitline"
mkdir -p "$STATE_DIR"

say() { printf '\033[1m[straitline]\033[0m %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

SUDO=""
if [ "$(id -u)" != 0 ] && have sudo; then SUDO="sudo"; fi
apt_install() {
  have apt-get || { say "apt-get not found: please install $* with your package manager"; return 1; }
  if [ ! -f "$STATE_DIR/apt-updated" ]; then
    $SUDO apt-get update -qq && touch "$STATE_DIR/apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# The version of wasm-bindgen in Cargo.lock: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

debian_toolchain_present() {
  [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust/library ] && /usr/bin/rustc --version 2>/dev/null | grep -q '^rustc 1\.'
}

# What the cached choice depends on: the machine, and the compilers on it. When any of these
# change (a new machine, a rustup update, Debian's toolchain installed or removed), detect again.
machine_fingerprint() {
  printf '%s|%s|%s|%s\n' "$(uname -sm)" "$(hostname 2>/dev/null || true)" \
    "$(command -v rustup >/dev/null 2>&1 && rustc --version 2>/dev/null || echo no-rustup)" \
    "$(/usr/bin/rustc --version 2>/dev/null || echo no-debian-rustc)"
}

choose_toolchain() {
  if [ -n "${STRAITLINE_TOOLCHAIN:-}" ]; then echo "$STRAITLINE_TOOLCHAIN"; return; fi
  local fingerprint
  fingerprint="$(machine_fingerprint)"
  if [ -f "$STATE_DIR/toolchain" ] && [ "$(cat "$STATE_DIR/toolchain.machine" 2>/dev/null)" = "$fingerprint" ]; then
    local cached
    cached="$(cat "$STATE_DIR/toolchain")"
    # A cached rustup choice still needs the target to be installed.
    if [ "$cached" != rustup ] || rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
      echo "$cached"; return
    fi
  fi
  local choice=""
  if have rustup && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    choice=rustup
  elif have rustup && timeout 90 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    choice=rustup
  else
    say "rustup cannot provide wasm32-unknown-unknown here; using Debian's rustc-web with build-std"
    choice=debian
  fi
  echo "$choice" > "$STATE_DIR/toolchain"
  echo "$fingerprint" > "$STATE_DIR/toolchain.machine"
  echo "$choice"
}

setup_wasm_toolchain() {
  TOOLCHAIN="$(choose_toolchain)"
  if [ "$TOOLCHAIN" = debian ]; then
    debian_toolchain_present || { say "installing Debian's rustc-web toolchain"; apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22; }
    # Shims put Debian's cargo and rustc first for the wasm build only.
    local shims="$STATE_DIR/debian-shims"
    mkdir -p "$shims"
    for tool in cargo rustc rustdoc; do ln -sf "/usr/bin/$tool" "$shims/$tool"; done
    WASM_PATH="$shims:$PATH"
    WASM_ENV=(RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort)
  else
    WASM_PATH="$PATH"
    WASM_ENV=()
  fi
}

# Runs a command with the wasm toolchain selected. (`${a[@]+"${a[@]}"}` expands an empty array
# safely under `set -u` in bash 3.2, the version macOS ships.)
wasm_env() {
  env PATH="$WASM_PATH" ${WASM_ENV[@]+"${WASM_ENV[@]}"} "$@"
}

ensure_native_cargo() {
  have cargo && return
  if debian_toolchain_present || apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22; then
    export PATH="$PATH:/usr/bin"
  fi
  have cargo || { say "no cargo found: install Rust from https://rustup.rs"; exit 1; }
}

ensure_trunk() {
  if have trunk && trunk --version | grep -q " $TRUNK_VERSION"; then return; fi
  say "installing trunk $TRUNK_VERSION (once; takes several minutes)"
  # Trunk 0.22 needs a newer rustc than some stable toolchains; use nightly where rustup has it.
  if have rustup && rustup toolchain list | grep -q '^nightly'; then
    cargo +nightly install trunk --version "$TRUNK_VERSION" --locked
  else
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  local version
  version="$(wasm_bindgen_version)"
  if have wasm-bindgen && wasm-bindgen --version | grep -q " $version\$" \
     && have wasm-bindgen-test-runner; then return; fi
  say "installing wasm-bindgen-cli $version (once)"
  # Not --locked: one of its locked dependencies is no longer in the index.
  cargo install wasm-bindgen-cli --version "$version" --force
}

ensure_wasm_opt() {
  if [ -x "$ROOT/node_modules/.bin/wasm-opt" ] && "$ROOT/node_modules/.bin/wasm-opt" --version | grep -q "version $WASM_OPT_VERSION"; then return; fi
  have npm || { say "installing Node.js and npm"; apt_install nodejs npm; }
  say "installing wasm-opt (binaryen $WASM_OPT_VERSION from npm, into node_modules/)"
  npm ci --no-audit --no-fund --loglevel=error
}

# rustfmt and clippy, for the hygiene checks in scripts/test.
ensure_rust_components() {
  if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then return; fi
  if have rustup; then
    say "installing rustfmt and clippy"
    rustup component add rustfmt clippy
  else
    apt_install rustfmt rust-clippy || true
  fi
  cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1 \
    || { say "rustfmt and clippy are needed: install them with your Rust toolchain"; exit 1; }
}

# Sets CHROME_BIN and CHROMEDRIVER.
ensure_browser() {
  CHROME_BIN="${CHROME_BIN:-}"
  if [ -z "$CHROME_BIN" ]; then
    for c in chromium chromium-browser google-chrome google-chrome-stable; do
      if have "$c"; then CHROME_BIN="$(command -v "$c")"; break; fi
    done
  fi
  if [ -z "$CHROME_BIN" ] || ! have chromedriver; then
    say "installing Chromium and chromedriver"
    apt_install chromium chromium-driver
    CHROME_BIN="${CHROME_BIN:-$(command -v chromium)}"
  fi
  CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
  export CHROME_BIN CHROMEDRIVER
}

# Builds the release app into dist/.
build_release() {
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
  say "building the release app into dist/"
  wasm_env trunk build --release
}

ensure_native_cargo
setup_wasm_toolchain
