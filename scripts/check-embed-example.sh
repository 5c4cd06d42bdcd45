#!/usr/bin/env bash
# Builds and runs examples/embed the way an application would use the runtime: installs the BOM and
# the runtime artifact, trains a tiny policy with ./retail, builds the example against the installed
# artifacts and runs it with only its jar and the runtime jar on the module path and no JVM flag —
# on a Java 17 JDK when one is installed (the runtime's target), else on the build's JDK.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/find-jdk.sh
. scripts/find-maven.sh
retailrl_find_jdk
retailrl_find_maven "$root"
jdk=""
for cand in /usr/lib/jvm/* "${JAVA17_HOME:-}"; do
  [ -n "$cand" ] && [ -d "$cand" ] || continue
  if [ "$(retailrl_jdk_major "$cand")" = 17 ]; then jdk=$cand; break; fi
done
if [ -z "$jdk" ]; then
  echo "check-embed-example: no JDK 17 found; building and running on $RETAILRL_JDK" >&2
  jdk=$RETAILRL_JDK
fi
work=$(mktemp -d)
trap 'rm -rf "$work" examples/embed/target' EXIT
./retail-mvn -B -q -DskipTests -pl bom,runtime install
./retail train --algorithm fsda --episodes 2 --copies 2 --seed 1 --out "$work/run" > "$work/train.log"
JAVA_HOME=$jdk "$RETAILRL_MVN" -B -q -f examples/embed/pom.xml clean package
ex=examples/embed/target
"$jdk/bin/java" -p "$ex/retailrl-embed-example-0.1.0-SNAPSHOT.jar:$ex/lib" \
  -m org.retailrl.examples.embed/org.retailrl.examples.embed.Main "$work/run/fsda-seed1.rrpf" | tee "$work/out.txt"
grep -q '^t=6 decisions' "$work/out.txt"
echo "check-embed-example: ok ($("$jdk/bin/java" -version 2>&1 | head -n 1))"
