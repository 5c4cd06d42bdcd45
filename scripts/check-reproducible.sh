#!/usr/bin/env bash
# Builds every jar twice from clean and compares them byte for byte: the build is reproducible
# when project.build.outputTimestamp (root pom.xml) fixes entry times and order. Exit 0 when all
# jars are identical, 1 otherwise (listing the ones that differ).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
first=$(mktemp -d)
trap 'rm -rf "$first"' EXIT
build() { ./retail-mvn -B -q ${MVN_OFFLINE:+-o} -DskipTests clean package >&2; }
sums() { find . -path ./.git -prune -o -path '*/target/*.jar' -print | sort | xargs sha256sum; }
build
sums > "$first/sums"
build
sums > "$first/sums2"
if diff -u "$first/sums" "$first/sums2"; then
  echo "reproducible: $(wc -l < "$first/sums") jars identical in two clean builds"
else
  echo "NOT reproducible: the jars above differ between two clean builds" >&2
  exit 1
fi
