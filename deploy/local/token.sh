#!/usr/bin/env bash
# Prints a DEVELOPMENT token signed with the development key (see deploy/local-infra/src/main/resources/dev-keys).
#   deploy/local/token.sh member --member=UUID | staff --org=UUID | judge | chief-judge | finance | admin | partner [--partner=UUID]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cp_file="$ROOT/deploy/local-infra/target/launcher.classpath"
[ -f "$cp_file" ] || (cd "$ROOT" && ./mvnw -B -q -ntp -pl deploy/local-infra -am install -DskipTests)
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$(cat "$cp_file"):$ROOT/deploy/local-infra/target/classes" org.unionhub.infra.DevTokens "$@" 2> >(grep -v "^SLF4J" >&2)
