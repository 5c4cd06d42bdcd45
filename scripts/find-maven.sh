# Sourced by retail-mvn: finds Apache Maven. `mvn` on PATH when there is one (unless
# RETAILRL_MAVEN=wrapper), otherwise the distribution pinned in .mvn/wrapper/maven-wrapper.properties,
# downloaded once into ${MAVEN_USER_HOME:-~/.m2}/wrapper/dists, its SHA-512 checked before it is
# unpacked, and moved into place only when complete (an interrupted download leaves nothing behind
# that a later run would trust). Sets RETAILRL_MVN to the mvn executable.
retailrl_find_maven() {
  local root=$1
  if [ "${RETAILRL_MAVEN:-}" != "wrapper" ] && command -v mvn >/dev/null 2>&1; then
    RETAILRL_MVN=$(command -v mvn)
    return 0
  fi
  local props="$root/.mvn/wrapper/maven-wrapper.properties"
  local url sum name dists home tmp
  url=$(sed -n 's/^distributionUrl=//p' "$props")
  sum=$(sed -n 's/^distributionSha512Sum=//p' "$props")
  if [ -z "$url" ] || [ -z "$sum" ]; then
    echo "error: $props must set distributionUrl and distributionSha512Sum" >&2
    return 1
  fi
  name=$(basename "$url")
  name=${name%-bin.tar.gz}
  dists="${MAVEN_USER_HOME:-$HOME/.m2}/wrapper/dists"
  home="$dists/$name"
  if [ ! -x "$home/bin/mvn" ]; then
    mkdir -p "$dists"
    tmp=$(mktemp -d "$dists/.download.XXXXXX")
    echo "retailrl: no mvn on PATH; downloading $name from $url" >&2
    if command -v curl >/dev/null 2>&1; then
      curl -fsSL -o "$tmp/dist.tar.gz" "$url" || { rm -rf "$tmp"; echo "error: download failed: $url" >&2; return 1; }
    elif command -v wget >/dev/null 2>&1; then
      wget -q -O "$tmp/dist.tar.gz" "$url" || { rm -rf "$tmp"; echo "error: download failed: $url" >&2; return 1; }
    else
      rm -rf "$tmp"
      echo "error: neither mvn nor curl/wget is available; install Apache Maven 3.8+ (e.g. apt-get install maven)" >&2
      return 1
    fi
    if [ "$(sha512sum "$tmp/dist.tar.gz" | cut -d' ' -f1)" != "$sum" ]; then
      rm -rf "$tmp"
      echo "error: $name does not match distributionSha512Sum in $props; refusing to run it" >&2
      return 1
    fi
    tar -xzf "$tmp/dist.tar.gz" -C "$tmp"
    # Another run may have finished first; either copy is the same verified distribution.
    mv "$tmp/$name" "$home" 2>/dev/null || true
    rm -rf "$tmp"
  fi
  RETAILRL_MVN="$home/bin/mvn"
}
