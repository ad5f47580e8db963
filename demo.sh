#!/usr/bin/env bash
# Starts a local Keycloak with the kc-userdata pack and a demo realm, for trying the pack by hand.
#
#   ./demo.sh            build the pack if needed, start Keycloak on http://localhost:8080
#   ./demo.sh --reset    the same, after throwing away the demo's data (users, logins, realm changes)
#
# Environment: KC_PORT (8080), KC_MANAGEMENT_PORT (9000). Ctrl-C stops Keycloak.
# Everything the demo downloads or writes lives in .demo/ (git-ignored).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
demo_dir="$root/.demo"
port="${KC_PORT:-8080}"
management_port="${KC_MANAGEMENT_PORT:-9000}"

die() { echo "demo.sh: $*" >&2; exit 1; }

# --- preconditions: a JDK 17+, free ports -------------------------------------------------------
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java_bin="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then java_bin="$(command -v java)"
else die "no Java found: install a JDK 17 or newer (e.g. 'apt-get install openjdk-17-jdk-headless') or set JAVA_HOME"
fi
java_major="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
[ "${java_major:-0}" -ge 17 ] || die "Java ${java_major:-?} at $java_bin is too old: Keycloak and the pack need 17 or newer"

command -v curl >/dev/null 2>&1 || die "curl is needed to see when Keycloak is ready: install it (e.g. 'apt-get install curl')"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_in_use "$port" && die "port $port is already in use: stop what runs there, or choose another with KC_PORT=8081 ./demo.sh"
port_in_use "$management_port" && die "management port $management_port is already in use: choose another with KC_MANAGEMENT_PORT=9001 ./demo.sh"

case "${1:-}" in
  --reset) reset=true ;;
  "") reset=false ;;
  *) die "unknown option '$1' (use --reset to start from fresh demo data)" ;;
esac

# --- the pack: build it when a source changed since the last build -------------------------------
kc_version="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -1)"
bundle="$(ls bundle/target/kc-userdata-bundle-*.jar 2>/dev/null | head -1 || true)"
if [ -z "$bundle" ] || [ -n "$(find . -path ./.demo -prune -o \( -path '*/src/*' -o -name pom.xml \) -type f -newer "$bundle" -print -quit)" ]; then
  echo "Building the kc-userdata bundle (./mvnw package)..."
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl bundle -am
  bundle="$(ls bundle/target/kc-userdata-bundle-*.jar | head -1)"
fi

# --- Keycloak: the distribution zip from Maven Central, as the tests use ------------------------
kc_home="$demo_dir/keycloak-$kc_version"
if [ ! -f "$kc_home/bin/kc.sh" ]; then
  echo "Fetching Keycloak $kc_version from Maven Central..."
  mkdir -p "$demo_dir"
  ./mvnw -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" -DoutputDirectory="$demo_dir"
  zip="$demo_dir/keycloak-quarkus-dist-$kc_version.zip"
  if command -v unzip >/dev/null 2>&1; then unzip -q -o "$zip" -d "$demo_dir"; else (cd "$demo_dir" && "${java_bin%/java}/jar" xf "$zip"); fi
  rm -f "$zip"
fi
if [ "$reset" = true ]; then
  echo "Removing the demo's data..."
  rm -rf "$kc_home/data/h2"
fi
rm -f "$kc_home"/providers/kc-userdata-*.jar
cp "$bundle" "$kc_home/providers/kc-userdata-bundle.jar"
mkdir -p "$kc_home/data/import"
cp demo/realm-demo.json "$kc_home/data/import/realm-demo.json"

# --- run until Ctrl-C ---------------------------------------------------------------------------
log="$demo_dir/keycloak.log"
echo "Starting Keycloak $kc_version with the pack on port $port (log: ${log#"$root/"})..."
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java_bin")")")" \
  bash "$kc_home/bin/kc.sh" start-dev --http-port="$port" --http-management-port="$management_port" \
  --health-enabled=true --import-realm --log-console-color=false >"$log" 2>&1 &
kc_pid=$!

stop() {
  trap - INT TERM
  echo
  echo "Stopping Keycloak..."
  kill -TERM "$kc_pid" 2>/dev/null || true
  wait "$kc_pid" 2>/dev/null || true
  echo "Stopped. Data is kept in ${kc_home#"$root/"}/data; './demo.sh --reset' starts afresh."
  exit 0
}
trap stop INT TERM

until curl -fsS "http://localhost:$management_port/health/ready" >/dev/null 2>&1; do
  if ! kill -0 "$kc_pid" 2>/dev/null; then
    echo "demo.sh: Keycloak stopped while starting; the end of its log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  sleep 1
done

base="http://localhost:$port"
cat <<EOF

  Keycloak $kc_version with kc-userdata is running.

  Admin console     $base/admin/                  admin / admin
  Demo account      $base/realms/demo/account/    demo / demo
  Demo realm        demo (listener userdata-account-status enabled)

  Sign in to the demo account, sign out, sign in again; then see the status the pack keeps:
    demo/status.sh          (prints status.login_count, status.last_login_at, status.last_login_ip)

  Ctrl-C stops Keycloak.
EOF
wait "$kc_pid"
