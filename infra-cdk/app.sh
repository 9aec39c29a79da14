#!/usr/bin/env bash
# The CDK app, as the cdk CLI runs it (cdk.json). target/classpath.txt is written by the Maven build.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f target/classpath.txt ] || [ ! -d target/classes ]; then
  echo "infra-cdk is not built: run ../scripts/cdk synth (or ../mvnw -DskipTests package)" >&2
  exit 1
fi
exec "${JAVA_HOME:-/usr}/bin/java" -cp "target/classes:$(cat target/classpath.txt)" dev.assetflow.infra.AssetflowApp
