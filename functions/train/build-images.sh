#!/usr/bin/env bash
# Builds the training job's container images, CPU and GPU, and optionally pushes them to ECR.
#   functions/train/build-images.sh                  build solstice-train:cpu-<tag>, :gpu-<tag>
#   functions/train/build-images.sh --push REPO_URI  also push, e.g. REPO_URI=
#       123456789012.dkr.ecr.us-east-1.amazonaws.com/solstice-train (log in first:
#       aws ecr get-login-password | docker login --username AWS --password-stdin <registry>)
# <tag> is the git commit (with -dirty for uncommitted changes): every build is a new,
# immutable tag, which becomes a new job definition revision on `sam deploy`.
set -euo pipefail
cd "$(dirname "$0")/../.."

repo=""
if [[ "${1:-}" == "--push" ]]; then
  repo="${2:?--push needs the ECR repository URI}"
fi

tag="$(git describe --always --dirty 2>/dev/null || echo local)"
tf_version="$(sed -n 's:.*<tensorflow.native.version>\(.*\)</tensorflow.native.version>.*:\1:p' pom.xml)"

mvn -B -pl functions/train -am package -DskipTests
mvn -B dependency:copy -DoutputDirectory=functions/train/target/gpu-lib \
  -Dartifact="org.tensorflow:tensorflow-core-native:${tf_version}:jar:linux-x86_64-gpu"

docker build -f functions/train/Dockerfile -t "solstice-train:cpu-${tag}" functions/train
docker build -f functions/train/Dockerfile.gpu --build-arg "TF_NATIVE_VERSION=${tf_version}" \
  -t "solstice-train:gpu-${tag}" functions/train

if [[ -n "$repo" ]]; then
  for flavour in cpu gpu; do
    docker tag "solstice-train:${flavour}-${tag}" "${repo}:${flavour}-${tag}"
    docker push "${repo}:${flavour}-${tag}"
  done
  echo "TrainCpuImageUri=${repo}:cpu-${tag} TrainGpuImageUri=${repo}:gpu-${tag}"
fi
