# Sourced by ./retail, ./retail-mvn and ./retail-bench. Sets RETAILRL_JDK to a JDK >= 21.
#
# Why a search instead of trusting `java` on PATH: the machines this project targets ship Java 17 as
# the default and a newer JDK beside it. The project needs 21+ (Vector API incubator, --release 21).
# Order: RETAILRL_JDK, JAVA_HOME, the usual install folders, then whatever `java`/`javac` on PATH
# resolves to. Among the folders the newest version wins.

retailrl_jdk_major() { # prints the feature version of the JDK at $1, or nothing
  local home=$1 v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$home/release" | head -n 1)
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  v=${v#1.}            # "1.8.0" -> "8.0"
  v=${v%%[.+-]*}       # "25.0.3" -> "25"
  case "$v" in ''|*[!0-9]*) return 0;; esac
  printf '%s\n' "$v"
}

retailrl_find_jdk() {
  local min=21 best="" bestv=0 cand v looked=""
  for cand in "${RETAILRL_JDK:-}" "${JAVA_HOME:-}"; do
    [ -n "$cand" ] || continue
    looked="$looked $cand"
    v=$(retailrl_jdk_major "$cand")
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then RETAILRL_JDK=$cand; export RETAILRL_JDK; return 0; fi
  done
  local onpath=""
  for tool in javac java; do
    if command -v "$tool" >/dev/null 2>&1; then
      onpath="$onpath $(dirname "$(dirname "$(readlink -f "$(command -v "$tool")")")")"
    fi
  done
  for cand in /usr/lib/jvm/* /usr/java/* /usr/local/java/* /opt/java/* /opt/jdk* /opt/*/jdk* \
              /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* \
              "$HOME"/.jdks/* $onpath; do
    [ -d "$cand" ] || continue
    looked="$looked $cand"
    v=$(retailrl_jdk_major "$cand")
    if [ -n "$v" ] && [ "$v" -ge "$min" ] && [ "$v" -gt "$bestv" ]; then best=$cand; bestv=$v; fi
  done
  if [ -n "$best" ]; then RETAILRL_JDK=$best; export RETAILRL_JDK; return 0; fi
  {
    echo "error: no JDK >= $min found."
    echo "  looked at RETAILRL_JDK, JAVA_HOME, /usr/lib/jvm/*, /usr/java/*, /opt/java/*, /opt/jdk*,"
    echo "  ~/.sdkman/candidates/java/*, ~/.jdks/* and java/javac on PATH; candidates seen:${looked:- none}"
    echo "  install a JDK 21+ (e.g. Temurin) or set RETAILRL_JDK=/path/to/jdk"
  } >&2
  return 1
}
