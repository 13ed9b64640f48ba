# Idempotent installers for what the portal needs; sourced by .ci/serve and .ci/test.
# Versions and working install routes: see ../shared/toolchain.md (this machine reaches only the
# Rust, npm, Python and Debian registries; tool self-downloads fail, so everything comes from those).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
export PATH="$TOOLS/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=""
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} (Debian)"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_rust() {
  command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
  rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown \
    || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
}

# The build tools are compiled from crates.io (no other host is reachable), unoptimised: they only
# drive cargo, wasm-bindgen and a small stylesheet, and an optimised cargo-leptos took 12.6 of a
# cold machine's minutes to compile against about 5 unoptimised (see the README's figures).
cargo_install_tool() { # crate version [cargo install flags…]
  local crate=$1 version=$2
  shift 2
  say "installing $crate $version (unoptimised, a few minutes, once)"
  CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_DEV_INCREMENTAL=false \
    cargo install "$crate" --version "$version" --debug --target-dir "$TOOLS/target" "$@"
}

ensure_cargo_leptos() {
  cargo leptos --version 2>/dev/null | grep -q '0.3.10' || cargo_install_tool cargo-leptos 0.3.10 --locked
  # Not --locked: a locked webpki-roots version is no longer served.
  wasm-bindgen --version 2>/dev/null | grep -q '0.2.130' || cargo_install_tool wasm-bindgen-cli 0.2.130
  rm -rf "$TOOLS/target"
}

# cargo-leptos runs wasm-opt for --release builds; Debian's binaryen is too old (breaks hydration).
ensure_wasm_opt() {
  if ! "$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q '132'; then
    say "installing binaryen 132 (npm) into .tools"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --silent binaryen@132.0.0 >/dev/null
  fi
}

# Lighthouse for `.ci/bench`'s page scores, run with Debian Chromium (ensure_browser);
# lighthouse 13 needs Node ≥ 22.19, Debian's is 20.
ensure_lighthouse() {
  if ! "$TOOLS/node_modules/.bin/lighthouse" --version 2>/dev/null | grep -qx '12.8.2'; then
    say "installing lighthouse 12.8.2 (npm) into .tools"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --silent lighthouse@12.8.2 >/dev/null
  fi
}

ensure_node() {
  command -v npm >/dev/null || apt_install nodejs npm
}

# What `.ci/serve` needs to build and run the release.
ensure_build_tools() {
  ensure_rust
  ensure_node
  ensure_cargo_leptos
  ensure_wasm_opt
}

ensure_browser() {
  apt_install chromium
  if [ ! -d "$ROOT/end2end/node_modules/@playwright/test" ]; then
    say "installing the end-to-end test packages (npm)"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund --silent)
  fi
}

# A PostgreSQL server on loopback for the integration tests, with TLS on; prints nothing if
# already running. The tests connect with `sslmode=require`, as production does.
PG_URL="postgres://portal:portal@127.0.0.1:5432/postgres?sslmode=require"
ensure_postgres() {
  apt_install postgresql
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    say "starting PostgreSQL"
    local version
    version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
    pg_lsclusters -h 2>/dev/null | grep -q "^$version main" || as_root pg_createcluster "$version" main >/dev/null
    as_root pg_ctlcluster "$version" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  as_root su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='portal'\" | grep -q 1 || psql -q -c \"CREATE ROLE portal LOGIN SUPERUSER PASSWORD 'portal'\"" >/dev/null
  # Debian's clusters have TLS on with the snakeoil certificate; any other gets a self-signed one.
  if [ "$(as_root su postgres -c "psql -Atc 'SHOW ssl'")" != on ]; then
    say "turning on TLS in PostgreSQL (self-signed certificate)"
    local data
    data="$(as_root su postgres -c "psql -Atc 'SHOW data_directory'")"
    as_root su postgres -c "openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=localhost \
      -keyout '$data/portal-tls.key' -out '$data/portal-tls.crt' && chmod 600 '$data/portal-tls.key'" 2>/dev/null
    as_root su postgres -c "psql -qc \"ALTER SYSTEM SET ssl_cert_file = '$data/portal-tls.crt'\" \
      -c \"ALTER SYSTEM SET ssl_key_file = '$data/portal-tls.key'\" -c \"ALTER SYSTEM SET ssl = on\" \
      -c 'SELECT pg_reload_conf()'" >/dev/null
  fi
}

# An S3-compatible server (moto) for the file store's S3 test (about 25 s, once). It goes into the
# Python first on PATH (pyenv's); Debian's own Python refuses pip installs.
ensure_moto() {
  python3 -c 'import moto.server' 2>/dev/null && return 0
  say "installing moto (PyPI)"
  python3 -m pip install --quiet --disable-pip-version-check 'moto[server]==5.2.5'
}
