# shellcheck shell=bash
# Finds a JDK 21 or newer (one with javac) for building and running SyncWell.
# find_jdk prints its home: JAVA_HOME when it qualifies, else the newest JDK in the usual
# install locations, else the one whose javac is on PATH. Returns 1 when there is none.

jdk_major() { # $1 = JDK home; prints the feature version (17, 21, 25, ...)
  local release="$1/release" v=""
  if [ -r "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release")
  fi
  if [ -z "$v" ] && [ -x "$1/bin/java" ]; then
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  [ "$v" = "1" ] && v=8
  echo "${v:-0}"
}

find_jdk() {
  local min="${1:-21}" best="" best_v=0 home v
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(jdk_major "$JAVA_HOME")" -ge "$min" ]; then
    echo "$JAVA_HOME"
    return 0
  fi
  local candidates=()
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* \
    "$HOME"/.jdks/*; do
    [ -x "$home/bin/javac" ] && candidates+=("$home")
  done
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for home in "${candidates[@]}"; do
    v=$(jdk_major "$home")
    if [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then
      best="$home"
      best_v="$v"
    fi
  done
  [ -n "$best" ] || return 1
  echo "$best"
}
