#!/usr/bin/env bash
# Starts the whole kc-userdata demo locally, no Docker: Keycloak with the pack and two realms
# (`upstream` acting as the identity provider, `acme` the app realm with every feature configured),
# plus the demo services from demo/services (demo app, external claims API, webhook receiver, and a
# mail catcher that Keycloak's mails go to).
#
#   ./demo.sh            build the pack if needed, start everything on http://localhost:8080
#   ./demo.sh --reset    the same, after throwing away the demo's data (users, logins, realm
#                        changes, received webhooks and mails)
#
# Environment: KC_PORT (8080), KC_MANAGEMENT_PORT (9000), DEMO_SERVICES_PORT (8081),
# DEMO_SMTP_PORT (2525). Ctrl-C (or SIGTERM) stops everything it started. Everything it downloads
# or writes lives in .demo/; the logs there are appended to, each start marked.
# The realm files are imported once, with the ports of that run: after changing ports, --reset.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
demo_dir="$root/.demo"
port="${KC_PORT:-8080}"
management_port="${KC_MANAGEMENT_PORT:-9000}"
services_port="${DEMO_SERVICES_PORT:-8081}"
smtp_port="${DEMO_SMTP_PORT:-2525}"

die() { echo "demo.sh: $*" >&2; exit 1; }

# --- preconditions: a JDK 17+, free ports -------------------------------------------------------
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java_bin="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then java_bin="$(command -v java)"
else die "no Java found: install a JDK 17 or newer (e.g. 'apt-get install openjdk-17-jdk-headless') or set JAVA_HOME"
fi
java_home="$(dirname "$(dirname "$(readlink -f "$java_bin")")")"
[ -x "$java_home/bin/javac" ] || die "no javac next to $java_bin: the demo services need a JDK, not only a JRE (e.g. 'apt-get install openjdk-17-jdk-headless')"
java_major="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
[ "${java_major:-0}" -ge 17 ] || die "Java ${java_major:-?} at $java_bin is too old: Keycloak and the pack need 17 or newer"

command -v curl >/dev/null 2>&1 || die "curl is needed to see when Keycloak is ready: install it (e.g. 'apt-get install curl')"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_in_use "$port" && die "port $port is already in use: stop what runs there, or choose another with KC_PORT=8081 ./demo.sh"
port_in_use "$management_port" && die "management port $management_port is already in use: choose another with KC_MANAGEMENT_PORT=9001 ./demo.sh"
port_in_use "$services_port" && die "port $services_port (demo services) is already in use: choose another with DEMO_SERVICES_PORT=8091 ./demo.sh"
port_in_use "$smtp_port" && die "port $smtp_port (the demo's mail catcher) is already in use: choose another with DEMO_SMTP_PORT=2526 ./demo.sh"

case "${1:-}" in
  --reset) reset=true ;;
  "") reset=false ;;
  *) die "unknown option '$1' (use --reset to start from fresh demo data)" ;;
esac

# --- the pack: build it when a source changed since the last build -------------------------------
kc_version="$(sed -n 's:.*<keycloak.dist.version>\(.*\)</keycloak.dist.version>.*:\1:p' pom.xml | head -1)"
bundle="$(ls bundle/target/kc-userdata-bundle-*.jar 2>/dev/null | head -1 || true)"
if [ -z "$bundle" ] || [ -n "$(find . \( -path ./.demo -o -path ./integration-tests \) -prune -o \( -path '*/src/*' -o -name pom.xml \) -type f -newer "$bundle" -print -quit)" ]; then
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
services_data="$demo_dir/services"
if [ "$reset" = true ]; then
  echo "Removing the demo's data..."
  rm -rf "$kc_home/data/h2" "$services_data"
fi
# Copied only when it changed: a new file makes Keycloak rebuild itself (a minute or two).
installed="$kc_home/providers/kc-userdata-bundle.jar"
if ! cmp -s "$bundle" "$installed"; then
  rm -f "$kc_home"/providers/kc-userdata-*.jar
  cp "$bundle" "$installed"
fi
rm -rf "$kc_home/data/import"
mkdir -p "$kc_home/data/import"
cp demo/realms/*.json "$kc_home/data/import/"

# --- the demo services: compiled again when a source changed -----------------------------------
classes="$demo_dir/services-classes"
if [ ! -f "$classes/DemoServices.class" ] || [ -n "$(find demo/services -name '*.java' -newer "$classes/DemoServices.class" -print -quit)" ]; then
  rm -rf "$classes"
  "$java_home/bin/javac" -nowarn -d "$classes" demo/services/*.java || die "the demo services do not compile (see above)"
fi
mkdir -p "$services_data"

# --- run until Ctrl-C ---------------------------------------------------------------------------
base="http://localhost:$port"
services="http://127.0.0.1:$services_port"
# The demo's HMAC secret between the claims mapper and the claims API (not a production secret).
export DEMO_CLAIMS_SECRET="whsec_ZGVtby1jbGFpbXMtc2VjcmV0LW5vdC1mb3ItcHJvZHVjdGlvbg=="
# Read by the realm files' ${...} placeholders at the first import.
export DEMO_KC_URL="$base" DEMO_SERVICES_URL="$services" DEMO_SMTP_HOST=127.0.0.1 DEMO_SMTP_PORT="$smtp_port"

# Appended, not overwritten: what happened before a restart is often the question.
services_log="$demo_dir/services.log"
log="$demo_dir/keycloak.log"
started_at="$(date '+%Y-%m-%d %H:%M:%S')"
for file in "$services_log" "$log"; do
  printf '\n===== demo.sh started %s (reset: %s) =====\n' "$started_at" "$reset" >>"$file"
done
services_log_start="$(wc -c <"$services_log")"

DEMO_SERVICES_PORT="$services_port" DEMO_BROWSER_URL="http://localhost:$services_port" KC_URL="$base" \
  DEMO_SMTP_LISTEN=127.0.0.1 DEMO_DATA_DIR=".demo/services" DEMO_KEYCLOAK_HOME="$kc_home" \
  "$java_bin" -cp "$classes" DemoServices >>"$services_log" 2>&1 &
services_pid=$!

echo "Starting Keycloak $kc_version with the pack on port $port (log: ${log#"$root/"})..."
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_HOME="$java_home" \
  bash "$kc_home/bin/kc.sh" start-dev --http-port="$port" --http-management-port="$management_port" \
  --health-enabled=true --import-realm --log-console-color=false --features=declarative-ui \
  --spi-userdata--default--outbound-allow-list=127.0.0.1/32 >>"$log" 2>&1 &
kc_pid=$!

stop() {
  trap - INT TERM
  echo
  echo "Stopping the demo..."
  kill -TERM "$kc_pid" "$services_pid" 2>/dev/null || true
  wait "$kc_pid" "$services_pid" 2>/dev/null || true
  echo "Stopped. Data is kept in .demo/; './demo.sh --reset' starts afresh."
  exit "${1:-0}"
}
trap stop INT TERM

until curl -fsS "http://localhost:$management_port/health/ready" >/dev/null 2>&1; do
  if ! kill -0 "$kc_pid" 2>/dev/null; then
    echo "demo.sh: Keycloak stopped while starting; the end of its log:" >&2
    tail -n 40 "$log" >&2
    stop 1
  fi
  sleep 1
done

# This start's lines only: the log holds earlier runs too.
until tail -c +"$((services_log_start + 1))" "$services_log" | grep -q "webhook endpoint registered"; do
  if ! kill -0 "$services_pid" 2>/dev/null; then
    echo "demo.sh: the demo services stopped; the end of ${services_log#"$root/"}:" >&2
    tail -n 20 "$services_log" >&2
    stop 1
  fi
  sleep 1
done

app="http://localhost:$services_port"
cat <<EOF

  kc-userdata demo is running (Keycloak $kc_version).

  Demo app           $app/
                     Sign in -> "Upstream IdP" -> ada / ada (verified e-mail), or bob / bob
                     (unverified: he verifies through the mail below and his account is linked)
  Webhooks received  $app/received
  Mail               $app/mail   (the acme realm's SMTP server: 127.0.0.1:$smtp_port)
  Delegated admin    $base/realms/acme/user-data/delegated-admin/   lead / lead
  Admin console      $base/admin/   admin / admin   (realm acme: the Webhooks page,
                     Realm settings -> userdata tab)
  User data          demo/status.sh ada
  Walkthrough        README.md, section "The demo"; logs in .demo/*.log

  Ctrl-C stops everything.
EOF
wait "$kc_pid"
# Keycloak ended by itself: take the services down with it.
kill -TERM "$services_pid" 2>/dev/null || true
