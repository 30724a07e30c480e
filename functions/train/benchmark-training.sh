#!/usr/bin/env bash
# Training throughput on the full Online Retail file (or --csv=FILE): reads and cleans it, builds
# the training groups, trains the network for a fixed number of epochs, and prints a table
# (TrainingBenchmark). On a machine with an NVIDIA GPU (nvidia-smi on the PATH) it runs a second
# time with TensorFlow's GPU natives in place of the CPU ones, the way Dockerfile.gpu swaps them,
# and prints the speed-up of the training step.
#   functions/train/benchmark-training.sh [--csv=FILE] [--epochs=N]
set -euo pipefail
cd "$(dirname "$0")/../.."

args=("$@")
[[ " ${args[*]-} " == *" --csv="* ]] || args+=("--csv=../shared/data/online_retail.csv.gz")
train=functions/train/target
[[ -f "$train/solstice-train.jar" ]] || mvn -B -q -pl functions/train -am package -DskipTests
tf_version="$(sed -n 's:.*<tensorflow.native.version>\(.*\)</tensorflow.native.version>.*:\1:p' pom.xml)"

run() { # $1 device label, $2 folder holding solstice-train.jar and lib/
  java -Xmx8g -cp "$2/solstice-train.jar" io.solstice.train.benchmark.TrainingBenchmark \
    "${args[@]}" "--device-label=$1" | tee "$train/benchmark-$1.txt"
}
train_seconds() { sed -n 's/^| train [0-9]* epochs ([A-Z]*) | \([0-9.]*\) |.*/\1/p' "$1"; }

CUDA_VISIBLE_DEVICES=-1 run CPU "$train"

if command -v nvidia-smi >/dev/null && nvidia-smi -L >/dev/null 2>&1; then
  mvn -B -q dependency:copy -DoutputDirectory="$train/gpu-lib" \
    -Dartifact="org.tensorflow:tensorflow-core-native:${tf_version}:jar:linux-x86_64-gpu"
  gpu="$train/benchmark-gpu"
  rm -rf "$gpu" && mkdir -p "$gpu" && cp -r "$train/lib" "$train/solstice-train.jar" "$gpu/"
  cp "$train/gpu-lib/tensorflow-core-native-${tf_version}-linux-x86_64-gpu.jar" \
    "$gpu/lib/tensorflow-core-native-${tf_version}-linux-x86_64.jar"
  run GPU "$gpu"
  cpu_s="$(train_seconds "$train/benchmark-CPU.txt")"
  gpu_s="$(train_seconds "$train/benchmark-GPU.txt")"
  echo
  echo "training step: CPU ${cpu_s} s, GPU ${gpu_s} s, speed-up $(awk -v c="$cpu_s" -v g="$gpu_s" 'BEGIN { printf "%.2fx", c / g }')"
else
  echo
  echo "no NVIDIA GPU visible (nvidia-smi): CPU figures only"
fi
