# syntax=docker/dockerfile:1
# readiness in a small image: the build stage runs scripts/package.sh (a release build with the
# Swift runtime and libyaml linked statically, stripped, with completions and the man page),
# and the runtime stage is Debian slim with that binary and libyaml.
#
#   docker build -t readiness .
#   docker run --rm -v "$PWD:/work" -w /work readiness check project/snapshot.yaml
#
# CI runs the same steps without Docker (.ci/run calls scripts/package.sh), so they cannot rot.

ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${SWIFT_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libyaml-dev libsqlite3-dev pkg-config binutils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so a source change does not fetch them again.
COPY Package.swift Package.resolved ./
RUN swift package resolve
COPY . .
RUN scripts/package.sh /dist && mv /dist/readiness-*-linux-*/ /dist/readiness

FROM ${RUNTIME_IMAGE}
# libyaml for a binary that links it dynamically (the package script links it statically when
# libyaml.a is present, as it is with libyaml-dev); tini-free: readiness runs and exits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libyaml-0-2 libsqlite3-0 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /dist/readiness/bin/readiness /usr/local/bin/readiness
COPY --from=build /dist/readiness/share/ /usr/local/share/
COPY scripts/action-entrypoint.sh /usr/local/bin/readiness-action
RUN readiness --version
WORKDIR /work
ENTRYPOINT ["readiness"]
CMD ["--help"]
