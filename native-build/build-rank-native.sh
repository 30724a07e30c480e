#!/usr/bin/env bash
# Builds the rank function as a native executable for the Lambda provided.al2023 runtime.
#   build-rank-native.sh          build inside Quarkus' Mandrel builder container (needs Docker/Podman)
#   build-rank-native.sh --local  build with the native-image on this machine's PATH
set -euo pipefail
cd "$(dirname "$0")/.."

container=true
if [[ "${1:-}" == "--local" ]]; then
  container=false
fi

mvn -B -pl functions/rank -am package -DskipTests -Dnative \
  -Dquarkus.native.container-build="$container" \
  -Dquarkus.native.builder-image=quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-21

echo "native rank function: functions/rank/target/function.zip"
