#!/usr/bin/env bash
# Trains MNIST on a real standalone Spark cluster on this machine and checks that a killed executor changes
# nothing: a master and two 1-core workers, each in its own JVM, started from the Spark jars Maven has already
# downloaded (no Spark distribution needed), all bound to 127.0.0.1. The shaded application jar is submitted
# twice with SparkSubmit (what spark-submit runs): once undisturbed, once with one executor killed (SIGKILL)
# during the second epoch. The two model files must be byte for byte the same (bp writes the same bytes for
# the same weights).
#
# Not part of the build's verify: it takes minutes. Run from anywhere:
#
#   bp-spark/scripts/standalone-cluster-check.sh [sync|averaging] [epochs]
#
# Files, logs and the two models go to bp-spark/target/standalone-check. Needs java 17+ and the network to
# Maven Central only if the build's plug-ins and Spark are not in the local repository yet.
set -euo pipefail

MODE=${1:-sync}
EPOCHS=${2:-3}
case "$MODE" in sync | averaging) ;; *) echo "mode must be sync or averaging, got '$MODE'" >&2; exit 2 ;; esac

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK="$ROOT/bp-spark/target/standalone-check"
HOME_DIR="$WORK/spark-home"
rm -rf "$WORK"
mkdir -p "$HOME_DIR/jars" "$WORK/logs"

echo "Building the application jar and listing Spark's jars"
(cd "$ROOT" && ./mvnw -B -q -pl bp-spark -am package dependency:build-classpath -DskipTests \
    -DincludeScope=compile -Dmdep.outputFile="$WORK/spark-classpath.txt")
APP_JAR=$(ls "$ROOT"/bp-spark/target/bp-spark-*-spark.jar)
# a SPARK_HOME whose jars/ holds Spark's jars: the workers build their executors' class path from it
# (the compile scope's list holds Spark, which is provided, and bp's own dependencies; bp's modules are left
# out, since they reach the executors in the application jar)
tr ':' '\n' < "$WORK/spark-classpath.txt" | grep -v -F "$ROOT" | while read -r jar; do
    ln -s "$jar" "$HOME_DIR/jars/"
done

export SPARK_HOME="$HOME_DIR"
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_SCALA_VERSION=2.13
SPARK_CP="$HOME_DIR/jars/*"
# a port from the process id, so that two checks on one machine do not collide
PORT=$((20000 + $$ % 10000))
MASTER="spark://127.0.0.1:$PORT"
PIDS=()

stop_all() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2> /dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2> /dev/null || true
    done
}
trap stop_all EXIT

java -cp "$SPARK_CP" -Xmx256m org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$PORT" --webui-port 0 > "$WORK/logs/master.log" 2>&1 &
PIDS+=($!)
for w in 1 2; do
    java -cp "$SPARK_CP" -Xmx256m org.apache.spark.deploy.worker.Worker \
        --host 127.0.0.1 --cores 1 --memory 1g --webui-port 0 --work-dir "$WORK/worker$w" \
        "$MASTER" > "$WORK/logs/worker$w.log" 2>&1 &
    PIDS+=($!)
done

echo "Waiting for two workers at $MASTER"
for _ in $(seq 1 120); do
    if [ "$(grep -c 'Registering worker' "$WORK/logs/master.log" || true)" -ge 2 ]; then break; fi
    sleep 1
done
if [ "$(grep -c 'Registering worker' "$WORK/logs/master.log" || true)" -lt 2 ]; then
    echo "The workers did not register within 2 minutes; see $WORK/logs" >&2
    exit 1
fi

# spark-submit of the application jar; the driver runs here (client mode)
submit() {
    java -cp "$SPARK_CP" org.apache.spark.deploy.SparkSubmit \
        --master "$MASTER" --deploy-mode client \
        --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
        --conf spark.ui.enabled=false --conf spark.executor.memory=512m --conf spark.cores.max=2 \
        --conf spark.locality.wait=0 --conf spark.scheduler.minRegisteredResourcesRatio=1.0 \
        --conf spark.scheduler.maxRegisteredResourcesWaitingTime=120s \
        --class dev.backprop.spark.examples.SparkMnist "$APP_JAR" \
        --mode "$MODE" --partitions 2 --epochs "$EPOCHS" --output "$1"
}

echo "Run 1: $MODE, $EPOCHS epochs, undisturbed"
if ! submit "$WORK/undisturbed.bp" > "$WORK/logs/undisturbed.out" 2> "$WORK/logs/undisturbed.err"; then
    echo "Run 1 failed; see $WORK/logs/undisturbed.err" >&2
    exit 1
fi
cat "$WORK/logs/undisturbed.out"

echo "Run 2: the same, one executor killed during epoch 2"
submit "$WORK/disturbed.bp" > "$WORK/logs/disturbed.out" 2> "$WORK/logs/disturbed.err" &
DRIVER=$!
PIDS+=("$DRIVER")
for _ in $(seq 1 600); do
    if grep -q '^epoch 1:' "$WORK/logs/disturbed.out" 2> /dev/null; then break; fi
    if ! kill -0 "$DRIVER" 2> /dev/null; then break; fi
    sleep 0.5
done
# the executors of this check: the java processes whose arguments name this check's worker directories
VICTIM=$(ps -eo pid=,args= | grep 'CoarseGrainedExecutorBackend' | grep -F "$WORK" | grep -v grep \
    | head -n 1 | awk '{print $1}' || true)
if [ -z "$VICTIM" ]; then
    echo "Found no executor of this check to kill" >&2
    exit 1
fi
echo "Killing executor process $VICTIM"
kill -9 "$VICTIM"
if ! wait "$DRIVER"; then
    echo "Run 2 failed; see $WORK/logs/disturbed.err" >&2
    exit 1
fi
cat "$WORK/logs/disturbed.out"
grep -h 'Executor .* finished with state\|Asked to launch executor' "$WORK"/logs/worker*.log || true
echo "Tasks per executor in run 2 (the replacement has the highest number):"
grep 'Finished task' "$WORK/logs/disturbed.err" | grep -o '(executor [0-9]*)' | sort | uniq -c || true

if cmp -s "$WORK/undisturbed.bp" "$WORK/disturbed.bp"; then
    echo "PASS: the model trained with a killed executor equals the undisturbed one byte for byte"
else
    echo "FAIL: the two models differ ($WORK/undisturbed.bp, $WORK/disturbed.bp)" >&2
    exit 1
fi
