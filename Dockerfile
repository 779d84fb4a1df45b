# syntax=docker/dockerfile:1
# The dd-gates action image: one Native AOT binary on a chiseled base (no shell, no package manager, no
# .NET runtime). Release CI builds it for linux/amd64 and linux/arm64, each on a runner of that
# architecture, and pushes it to GHCR; jobs pull it prebuilt and never build it. Here, CI builds this
# same file against local stand-ins of both bases.
# AOT=false gives the trimmed, self-contained, single-file ReadyToRun build instead (any SDK image will do).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-noble-aot

FROM --platform=$BUILDPLATFORM ${SDK_IMAGE} AS build
ARG TARGETARCH=amd64
ARG BUILDARCH
ARG AOT=true
# owner/name of the repository the image is released from: export's schema line points there.
ARG REPOSITORY=
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/DdGates.Core/DdGates.Core.csproj src/DdGates.Core/
COPY src/DdGates.Cli/DdGates.Cli.csproj src/DdGates.Cli/
RUN case "$TARGETARCH" in arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac \
 && dotnet restore src/DdGates.Cli/DdGates.Cli.csproj -r "$rid" -p:PublishAot="$AOT" -p:PublishReadyToRun=true
COPY src/DdGates.Core/ src/DdGates.Core/
COPY src/DdGates.Cli/ src/DdGates.Cli/
RUN case "$TARGETARCH" in arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac \
 && if [ "$AOT" = "true" ] && [ -n "$BUILDARCH" ] && [ "$BUILDARCH" != "$TARGETARCH" ]; then \
      echo "Native AOT compiles for the machine it runs on: build $TARGETARCH on a $TARGETARCH runner (or AOT=false)" >&2; exit 1; fi \
 && if [ "$AOT" = "true" ]; then mode="-p:PublishAot=true"; else mode="-p:PublishTrimmed=true -p:PublishReadyToRun=true -p:PublishSingleFile=true"; fi \
 && dotnet publish src/DdGates.Cli/DdGates.Cli.csproj -c Release -r "$rid" --self-contained --no-restore -warnaserror \
      $mode -p:DebugType=none -p:DdGatesRepository="$REPOSITORY" -o /app

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
COPY --from=build /app/dd-gates /app/dd-gates
# The runner mounts the workspace and the file-command files as another user; the chiseled base
# runs as UID 1654, which could not append to GITHUB_OUTPUT. (Docker actions are documented to run as root.)
USER root
ENTRYPOINT ["/app/dd-gates"]
