#!/usr/bin/env bash
# Builds the container image of every UnionHub app with one command:
#
#   deploy/build-images.sh                 package all modules, then build the five images
#   deploy/build-images.sh --skip-package  reuse the existing */target/quarkus-app
#   deploy/build-images.sh --push          also push them (after docker/podman login)
#
# Environment:
#   UNIONHUB_REGISTRY  image name prefix (default unionhub), e.g. registry.example.org/unionhub
#   UNIONHUB_TAG       image tag (default latest)
#   CONTAINER_ENGINE   docker or podman (default: whichever answers first)
#
# Images are named $UNIONHUB_REGISTRY/<app>:$UNIONHUB_TAG; Compose and the Kubernetes manifests
# use the same names (deploy/manifests checks that they agree with APPS below).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REGISTRY="${UNIONHUB_REGISTRY:-unionhub}"
TAG="${UNIONHUB_TAG:-latest}"
DOCKERFILE="$ROOT/deploy/docker/Dockerfile.jvm"
APPS=(gateway membership-service venue-service assistance-service competition-service partner-service)

package=1
push=0
for arg in "$@"; do
  case "$arg" in
    --skip-package) package=0 ;;
    --push) push=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

engine_answers() { command -v "$1" >/dev/null 2>&1 && "$1" info >/dev/null 2>&1; }

pick_engine() {
  if [ -n "${CONTAINER_ENGINE:-}" ]; then
    engine_answers "$CONTAINER_ENGINE" && { echo "$CONTAINER_ENGINE"; return; }
    echo "error: CONTAINER_ENGINE=$CONTAINER_ENGINE does not answer ('$CONTAINER_ENGINE info' failed)." >&2
    return 1
  fi
  for candidate in docker podman; do
    engine_answers "$candidate" && { echo "$candidate"; return; }
  done
  cat >&2 <<'MSG'
error: no container engine answers: neither 'docker info' nor 'podman info' succeeded.
  Start the Docker daemon (or install podman), or set CONTAINER_ENGINE, then run this again.
  Without an engine the jars are still built: */target/quarkus-app is what the images contain.
MSG
  return 1
}

# fail before a long Maven build when the images could not be built anyway
ENGINE="$(pick_engine)"

if [ "$package" = 1 ]; then
  echo "packaging all modules (tests skipped)..."
  (cd "$ROOT" && ./mvnw -B -ntp package -DskipTests)
fi

for app in "${APPS[@]}"; do
  props="$ROOT/$app/src/main/resources/application.properties"
  port="$(sed -n 's/^quarkus\.http\.port=\([0-9]*\).*/\1/p' "$props" | head -1)"
  [ -n "$port" ] || { echo "error: no quarkus.http.port in $props" >&2; exit 1; }
  context="$ROOT/$app/target/quarkus-app"
  [ -f "$context/quarkus-run.jar" ] || { echo "error: $context/quarkus-run.jar is missing: package first (drop --skip-package)" >&2; exit 1; }
  image="$REGISTRY/$app:$TAG"
  echo "building $image (port $port) with $ENGINE"
  "$ENGINE" build -f "$DOCKERFILE" --build-arg "APP=$app" --build-arg "APP_PORT=$port" -t "$image" "$context"
  if [ "$push" = 1 ]; then
    "$ENGINE" push "$image"
  fi
done

echo "built: $(printf "$REGISTRY/%s:$TAG " "${APPS[@]}")"
