#!/usr/bin/env bash
# Quick start, step 1: the whole Solstice path on real data, on this machine.
# Builds the project (Maven; npm installs the DynamoDB and S3 stand-ins from local/package-lock.json),
# then starts local DynamoDB and S3, replays the Online Retail transactions through the ingest
# function as API Gateway events, runs the train job, asks the rank function for three customers
# on two dates, runs the evaluation, and stops everything it started.
# Options are passed to the demo: --data=FILE --dates=D1,D2 --customers=A,B,C --count=N --skip-evaluation
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "==> Building Solstice (tests are run by: mvn -B verify)"
mvn -B -q install -DskipTests

code_version="$(git rev-parse --short HEAD 2>/dev/null || echo local)"
exec java -Xmx2g \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dsolstice.repo.root="$root" \
  -Dsolstice.code.version="$code_version" \
  -jar local/demo/target/solstice-demo.jar "$@"
