#!/usr/bin/env bash
# Releases the current event schemas as the new baseline: copies each service's
# <service>-service/src/main/resources/events/*.json to contracts/<service>/ (docs/partners.md, "Compatibility").
# Run it when a change was reviewed as compatible or a new type / new major version is ready for partners, and
# commit contracts/ with it. It never deletes a released schema: retiring a type is a separate, deliberate commit.
#   contracts/release.sh                  # every service
#   contracts/release.sh venue partner    # only these
set -euo pipefail
cd "$(dirname "$0")/.."
services=("$@")
if [ ${#services[@]} -eq 0 ]; then
  for dir in *-service/src/main/resources/events; do
    [ -d "$dir" ] && services+=("${dir%%-service/*}")
  done
fi
for service in "${services[@]}"; do
  src="$service-service/src/main/resources/events"
  if [ ! -d "$src" ]; then
    echo "no $src" >&2
    exit 1
  fi
  mkdir -p "contracts/$service"
  count=0
  for schema in "$src"/*.json; do
    [ -e "$schema" ] || continue
    cp "$schema" "contracts/$service/"
    count=$((count + 1))
  done
  echo "released $count schemas of $service to contracts/$service/"
  for released in "contracts/$service"/*.json; do
    [ -e "$released" ] || continue
    [ -e "$src/$(basename "$released")" ] || echo "  note: $(basename "$released") is released but no longer in $src (left in place)"
  done
done
