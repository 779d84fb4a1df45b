#!/usr/bin/env bash
# The README quickstart: start the in-repo emulator (a stand-in for Datadog), apply
# examples/gates.yaml twice, and show that the second run changes nothing.
# Needs only the .NET 10 SDK. No Datadog account, no network.
# DDGATES_BINARY=path/to/dd-gates runs that binary (CI: the Native AOT build it ships); else this build's dll.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build Actions.sln -c Release -v quiet -nologo >/dev/null
if [ -n "${DDGATES_BINARY:-}" ]; then
  dd_gates() { "$DDGATES_BINARY" "$@"; }
else
  dd_gates() { dotnet src/DdGates.Cli/bin/Release/net10.0/dd-gates.dll "$@"; }
fi
emulator=src/DdGates.Emulator/bin/Release/net10.0/dd-gates-emulator.dll

log=$(mktemp)
dotnet "$emulator" --port 0 >"$log" 2>&1 &
emulator_pid=$!
trap 'kill $emulator_pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do [ -s "$log" ] && break; sleep 0.1; done
api_url=$(head -n 1 "$log")
echo "Emulator listening at $api_url"

# Any non-empty keys work against the emulator; against Datadog use your real keys.
export DD_API_KEY=quickstart-api-key DD_APP_KEY=quickstart-app-key

# Monitors for the preflight to find (in Datadog they are your own): two P0 monitors for checkout.
curl -fsS -X POST "$api_url/_emulator/monitors" -H 'Content-Type: application/json' -d '{"monitors": [
  {"name": "Checkout error rate", "tags": ["service:checkout", "priority:p0"]},
  {"name": "Checkout latency p99", "tags": ["service:checkout", "priority:p0"]}]}' >/dev/null

echo; echo "=== First apply: creates the gates and rules"
dd_gates apply --config examples/gates.yaml --api-url "$api_url"

echo; echo "=== Second apply: nothing to do"
second=$(dd_gates apply --config examples/gates.yaml --api-url "$api_url")
echo "$second"
grep -q "Nothing to apply" <<<"$second" || { echo "FAILED: the second apply planned changes" >&2; exit 1; }

writes=$(curl -fsS "$api_url/_emulator/requests" 2>/dev/null | grep -o '"method":"\(POST\|PUT\|DELETE\)"' | wc -l || true)
echo; echo "OK: the second run changed nothing (the emulator saw $writes writes in all, every one from the first run)."

echo; echo "=== A fleet in one entry: examples/fleet.yaml declares six gates (plan only, in an empty organization)"
curl -fsS -X POST "$api_url/_emulator/reset" >/dev/null
fleet=$(dd_gates plan --config examples/fleet.yaml --api-url "$api_url" --preflight off)
grep -q "Gates: 6 to create" <<<"$fleet" || { echo "FAILED: the fleet entry did not plan six gates" >&2; echo "$fleet" >&2; exit 1; }
grep -E "^\+ |options.query" <<<"$fleet" | head -n 4
tail -n 2 <<<"$fleet"

