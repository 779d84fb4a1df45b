#!/usr/bin/env bash
# Builds the real Dockerfile (against the local base-image stand-ins) and runs the image the way the
# GitHub runner runs a Docker action: workdir /github/workspace, the runner's mounts, INPUT_* and
# GITHUB_* variables, the image's own ENTRYPOINT and action.yml's args. Checks outputs and summary,
# and reports the image size and the time from container start to the first API request.
# Usage: run-like-runner.sh EMULATOR_DLL   (podman/buildah with --isolation chroot; no Docker daemon)
set -euo pipefail
cd "$(dirname "$0")/../.."
export STORAGE_DRIVER=vfs
emulator_dll=$1
image=localhost/dd-gates:ci

bash tests/container/make-base-images.sh
mkdir -p "$HOME/.nuget/packages"
case "$(uname -m)" in aarch64) arch=arm64 ;; *) arch=amd64 ;; esac
# Default build arguments: what release CI builds (Native AOT). BUILDARCH is what BuildKit would set by itself.
podman build --isolation chroot --network host -q -v "$HOME/.nuget/packages:/root/.nuget/packages" --build-arg BUILDARCH="$arch" \
  -t "$image" -f Dockerfile . >/dev/null
entrypoint=$(podman image inspect "$image" --format '{{join .Config.Entrypoint " "}}')
user=$(podman image inspect "$image" --format '{{.Config.User}}')
[ "$entrypoint" = "/app/dd-gates" ] || { echo "unexpected ENTRYPOINT: $entrypoint" >&2; exit 1; }
[ "$user" = "root" ] || { echo "unexpected USER: $user (the runner's files need root)" >&2; exit 1; }
size=$(podman image inspect "$image" --format '{{.Size}}')
base_size=$(podman image inspect mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled --format '{{.Size}}')
probe=$(buildah from -q "$image")
binary=$(buildah mount "$probe")/app/dd-gates
binary_size=$(stat -c %s "$binary")
# A Native AOT executable: an ELF with no single-file bundle in it (a bundle carries the DOTNET_BUNDLE marker).
head -c 4 "$binary" | grep -q "ELF" || { echo "FAILED: /app/dd-gates is not an ELF executable" >&2; exit 1; }
if grep -q -a "DOTNET_BUNDLE" "$binary"; then echo "FAILED: /app/dd-gates is a single-file bundle, not Native AOT" >&2; exit 1; fi
buildah umount "$probe" >/dev/null; buildah rm "$probe" >/dev/null
[ "$binary_size" -le $(( 16 * 1024 * 1024 )) ] || { echo "FAILED: /app/dd-gates is $binary_size bytes, over 16 MiB" >&2; exit 1; }
[ $(( size - base_size )) -le 17000000 ] || { echo "FAILED: the image adds $(( size - base_size )) bytes to its base, over 17 MB" >&2; exit 1; }
echo "ok: /app/dd-gates is Native AOT, $binary_size bytes; the image adds $(( size - base_size )) bytes to its base"
compressed=$(podman save --format oci-archive "$image" 2>/dev/null | gzip -c | wc -c)

work=$(mktemp -d)
log=$work/emulator.log
dotnet "$emulator_dll" --port 0 >"$log" 2>&1 &
emulator_pid=$!
trap 'kill $emulator_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$log" ] && break; sleep 0.1; done
api_url=$(head -n 1 "$log")

mkdir -p "$work"/{workspace,file_commands,home,workflow}
cp examples/gates.yaml "$work/workspace/gates.yaml"
echo '{}' >"$work/workflow/event.json"
args=$(sed -n '/^  args:/,/^[^ ]/p' action.yml | sed -n 's/^    - //p')

step() { # step NAME INPUT=VALUE...: one action step in a fresh container; sets $status
  local name=$1; shift
  : >"$work/file_commands/set_output_$name"; : >"$work/file_commands/step_summary_$name"
  local env_args=(-e GITHUB_ACTIONS=true -e CI=true -e HOME=/github/home -e GITHUB_WORKSPACE=/github/workspace
    -e GITHUB_EVENT_PATH=/github/workflow/event.json -e RUNNER_TEMP=/github/runner_temp
    -e "GITHUB_OUTPUT=/github/file_commands/set_output_$name" -e "GITHUB_STEP_SUMMARY=/github/file_commands/step_summary_$name"
    -e "INPUT_API-KEY=ci-api-key-ab12" -e "INPUT_APP-KEY=ci-app-key-cd34" -e "INPUT_API-URL=$api_url")
  for input in "$@"; do env_args+=(-e "INPUT_$input"); done
  local ctr; ctr=$(buildah from -q "$image")
  started=$(date +%s%3N)
  set +e
  # shellcheck disable=SC2086
  buildah run --isolation chroot --network host --workingdir /github/workspace \
    -v "$work/workspace:/github/workspace" -v "$work/file_commands:/github/file_commands" \
    -v "$work/home:/github/home" -v "$work/workflow:/github/workflow" \
    "${env_args[@]}" "$ctr" -- $entrypoint $args >"$work/stdout_$name" 2>&1
  status=$?
  set -e
  buildah rm "$ctr" >/dev/null
}
output() { awk -v k="$2" 'index($0, k "<<") == 1 { getline; print; exit }' "$work/file_commands/set_output_$1"; }
check() { if ! eval "$2"; then echo "FAILED: $1" >&2; cat "$work/stdout_$3" >&2; exit 1; fi; echo "ok: $1"; }

emulator_requests() { curl -fsS "$api_url/_emulator/requests"; }
step apply CONFIG=gates.yaml COMMAND=apply
started_apply=$started
first_request=$(emulator_requests | grep -o '"at":[0-9]*' | head -n 1 | cut -d: -f2)
check "apply in the container exits 0" '[ "$status" -eq 0 ]' apply
check "result=created, changed=true" '[ "$(output apply result)" = created ] && [ "$(output apply changed)" = true ]' apply
check "gate-ids names all 3 gates" '[ "$(output apply gate-ids | grep -o ":\"[0-9a-f-]\{36\}\"" | wc -l)" -eq 3 ]' apply
check "summary table written" 'grep -q "| + | P0 monitors | create → created |" "$work/file_commands/step_summary_apply"' apply
check "keys masked, never printed" '[ "$(grep -c "ci-api-key-ab12" "$work/stdout_apply")" -eq 1 ] && grep -q "^::add-mask::ci-api-key-ab12" "$work/stdout_apply"' apply

sed -i 's/duration: 300/duration: 600/' "$work/workspace/gates.yaml"
step drift CONFIG=gates.yaml COMMAND=plan FAIL-ON-DRIFT=true
check "plan with fail-on-drift on a changed file exits 1" '[ "$status" -eq 1 ]' drift
check "changed=true, result=pending" '[ "$(output drift changed)" = true ] && [ "$(output drift result)" = pending ]' drift
check "summary names the change" 'grep -q "options.duration: 300 → 600" "$work/file_commands/step_summary_drift"' drift

echo
echo "image: $image, $(( size / 1000 / 1000 )) MB uncompressed, $(( compressed / 1000 / 1000 )) MB gzip-compressed (${size} / ${compressed} bytes)"
echo "container start to first API request: $(( first_request - started_apply )) ms"
