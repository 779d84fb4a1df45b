#!/usr/bin/env bash
# Builds local stand-ins for the two base images the Dockerfile names, under the same names, because
# mcr.microsoft.com cannot be reached here. The Dockerfile itself stays exactly what release CI builds.
#   mcr.microsoft.com/dotnet/sdk:10.0-noble                   <- this machine's .NET SDK + the libraries it loads
#   mcr.microsoft.com/dotnet/sdk:10.0-noble-aot               <- that, plus what the real one adds for Native AOT:
#                                                                clang, llvm and zlib1g-dev (dotnet-docker src/sdk/10.0/noble-aot)
#   mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled <- glibc, libstdc++, OpenSSL, CA certificates,
#                                                                no shell, USER 1654 (as the real one)
set -euo pipefail
export STORAGE_DRIVER=vfs
SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-noble
AOT_SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-noble-aot
DEPS_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Copies each file and the shared libraries it needs (by ldd) into a rootfs, keeping their paths.
with_libraries() {
  local rootfs=$1; shift
  for file in "$@"; do
    ldd "$file" 2>/dev/null | awk '/=> \// {print $3} /^\s*\/.*ld-linux/ {print $1}'
    echo "$file"
  done | sed -e 's#^/lib/#/usr/lib/#' -e 's#^/lib64/#/usr/lib64/#' | sort -u | while read -r lib; do
    [ -e "$lib" ] || continue
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done
}

base_files() {
  local rootfs=$1
  mkdir -p "$rootfs"/{etc,tmp,root,usr/lib64} "$rootfs/etc/ssl/certs"
  chmod 1777 "$rootfs/tmp"
  cp -L /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/"
  ln -sf usr/lib "$rootfs/lib"; ln -sf usr/lib64 "$rootfs/lib64"
  cp -L /lib64/ld-linux-x86-64.so.2 "$rootfs/usr/lib64/"
}

openssl_libs=$(ls /usr/lib/x86_64-linux-gnu/libssl.so.3 /usr/lib/x86_64-linux-gnu/libcrypto.so.3)

echo "stand-in $DEPS_IMAGE"
deps=$work/deps
base_files "$deps"
printf 'root:x:0:0:root:/root:/noshell\napp:x:1654:1654::/home/app:/noshell\n' >"$deps/etc/passwd"
printf 'root:x:0:\napp:x:1654:\n' >"$deps/etc/group"
mkdir -p "$deps/home/app"
# The packages the chiseled image is cut from (its "slices"): their shared libraries, nothing else.
with_libraries "$deps" $(dpkg -L libc6 libgcc-s1 libstdc++6 libssl3 zlib1g 2>/dev/null | grep -E '\.so(\.[0-9]+)*$' | grep -v -E '/gconv/|/audit/')
ctr=$(buildah from scratch)
buildah copy -q "$ctr" "$deps/" / >/dev/null
buildah config --user 1654 --env APP_UID=1654 --env DOTNET_RUNNING_IN_CONTAINER=true "$ctr"
buildah commit -q --rm "$ctr" "$DEPS_IMAGE" >/dev/null

echo "stand-in $SDK_IMAGE"
sdk=$work/sdk
base_files "$sdk"
printf 'root:x:0:0:root:/root:/bin/sh\n' >"$sdk/etc/passwd"
printf 'root:x:0:\n' >"$sdk/etc/group"
mkdir -p "$sdk/usr/share" "$sdk/usr/bin" "$sdk/bin"
cp -a "$dotnet_root" "$sdk/usr/share/dotnet"
ln -sf /usr/share/dotnet/dotnet "$sdk/usr/bin/dotnet"
cp /bin/dash "$sdk/bin/sh"
with_libraries "$sdk" "$dotnet_root/dotnet" /bin/dash "$dotnet_root"/shared/Microsoft.NETCore.App/*/*.so $openssl_libs
ctr=$(buildah from scratch)
buildah copy -q "$ctr" "$sdk/" / >/dev/null
buildah config --env PATH=/usr/share/dotnet:/usr/bin:/bin --env DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
  --env DOTNET_CLI_TELEMETRY_OPTOUT=1 --env DOTNET_NOLOGO=1 --env SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
  --env NUGET_CERT_REVOCATION_MODE=offline --env DOTNET_EnableDiagnostics=0 "$ctr"
buildah commit -q --rm "$ctr" "$SDK_IMAGE" >/dev/null

echo "stand-in $AOT_SDK_IMAGE"
# The real image installs clang, llvm and zlib1g-dev with apt; here, the files of those packages and of every
# package they need, as this machine has them (.ci/run installs clang and zlib1g-dev when missing).
toolchain=$(apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances clang llvm zlib1g-dev binutils 2>/dev/null | grep -v -e '^ ' -e '<' | sort -u)
# shellcheck disable=SC2086
dpkg -L $toolchain 2>/dev/null | grep -v -E '^/usr/share/(doc|man|info|locale|lintian)/' | sort -u | while read -r path; do
  case "$path" in /bin|/sbin|/lib|/lib32|/lib64|/libx32) continue ;; esac # the merged-/usr links; the rootfs has its own
  if [ -L "$path" ] || [ -f "$path" ]; then echo "${path#/}"; fi
done >"$work/toolchain.txt"
mkdir -p "$work/aot"
# Merged /usr: files listed under /lib, /bin and /sbin live under /usr (the rootfs links /lib and /lib64 there).
tar -C / -cf - --files-from "$work/toolchain.txt" \
  --transform 's,^lib/,usr/lib/,;s,^lib64/,usr/lib64/,;s,^bin/,usr/bin/,;s,^sbin/,usr/sbin/,' | tar -C "$work/aot" -xf -
ctr=$(buildah from "$SDK_IMAGE")
buildah copy -q "$ctr" "$work/aot/" / >/dev/null
buildah commit -q --rm "$ctr" "$AOT_SDK_IMAGE" >/dev/null
buildah images --format '{{.Name}}:{{.Tag}} {{.Size}}' | grep -E 'dotnet/(sdk|runtime-deps)'
