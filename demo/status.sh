#!/usr/bin/env bash
# Prints what the pack keeps in the `status` namespace of a demo-realm user, read through
# Keycloak's own admin REST API as an operator would.
#
#   demo/status.sh [username]     (default: demo; realm DEMO_REALM, default acme; KC_PORT as for ./demo.sh)
set -euo pipefail
user="${1:-demo}"
base="http://localhost:${KC_PORT:-8080}"

token="$(curl -fsS -d client_id=admin-cli -d grant_type=password -d username=admin -d password=admin \
  "$base/realms/master/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
[ -n "$token" ] || { echo "status.sh: could not sign in as admin at $base: is ./demo.sh running?" >&2; exit 1; }

json="$(curl -fsS -H "Authorization: Bearer $token" \
  "$base/admin/realms/${DEMO_REALM:-acme}/users?exact=true&briefRepresentation=false&username=$user")"
[ "$json" != "[]" ] || { echo "status.sh: no user '$user' in realm ${DEMO_REALM:-acme}" >&2; exit 1; }

status="$(printf '%s' "$json" | grep -o '"status\.[a-z][a-z_]*":\["[^"]*"\]' | sed 's/":\["/ = /; s/"\]$//; s/^"//' || true)"
if [ -z "$status" ]; then
  echo "$user has not signed in since the listener was enabled."
else
  echo "$status"
fi
