#!/usr/bin/env bash
# Spark local[2] against one machine on the same drawn images (prediction and backbone features),
# then resident memory across jobs of 1,000 partitions:
#   spark/bench/throughput.sh [images] [work-dir] [features]   (features: that part only)
# Builds the reactor's classes first (no install); Spark's JVM flags as in spark/pom.xml.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o test-compile -pl spark -am
mvn -B -q -o dependency:build-classpath -pl spark -am -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/spark/target/bench-classpath.txt"
# the reactor's own classes, not whatever an earlier install left in the local repository
deps="$(tr ':' '\n' < spark/target/bench-classpath.txt | grep -v '/dev/sommelier/' | paste -sd:)"
own=""
for m in tf-core backbones heads tasks; do own="$own:$m/target/classes"; done
own="$own:spark/target/classes:spark/target/test-classes"
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
    java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
    sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
export TF_CPP_MIN_LOG_LEVEL=2
# shellcheck disable=SC2086 # several words on purpose
exec java -Xmx3g $opens -Djdk.reflect.useDirectMethodHandle=false \
  -Dlog4j2.level=warn -cp "${own#:}:$deps" dev.sommelier.spark.bench.SparkThroughput "$@"
