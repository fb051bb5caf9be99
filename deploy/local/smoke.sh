#!/usr/bin/env bash
# End-to-end smoke test across real processes: starts the local suite (deploy/local/run.sh), creates
# an organization and a member through the gateway, and waits until venue-, assistance- and
# competition-service each hold the member in their projection (over the real Kafka broker) within a
# second; then runs a small competition through the gateway and waits until the winner's prize and
# May 1st medal nomination are among his honors in membership-service; registers a partner whose webhooks (a
# receiver started here) must get a signed member.joined within 2 s, and after three failures on a later attempt.
# Prints the delays; stops what it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GW=http://localhost:8080
LIMIT_MS=${SMOKE_LIMIT_MS:-10000}       # give up waiting
WITHIN_MS=${SMOKE_WITHIN_MS:-1000}      # the promise: every projection holds a new member within a second

started=0
if ! curl -fsS -o /dev/null "$GW/q/health/ready" 2>/dev/null; then
  "$ROOT/deploy/local/run.sh" --detach
  started=1
fi
cleanup() { [ "$started" = 1 ] && "$ROOT/deploy/local/run.sh" stop >/dev/null || true; }
trap cleanup EXIT

token() { "$ROOT/deploy/local/token.sh" "$@"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }

ADMIN=$(token admin)
ORG=$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"辽宁省总工会","type":"FEDERATION_PROVINCIAL","regionCode":"210000"}' \
  "$GW/api/v1/organizations" | json '["id"]') || fail "could not create an organization through the gateway"
STAFF=$(token staff --org="$ORG")

# the first call to a freshly started JVM loads classes for a second; that is start-up, not propagation
for port in 8082 8083 8084; do
  curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" "http://localhost:$port/internal/projections/members/00000000-0000-0000-0000-000000000000"
done

MEMBERS=()

# join one member through the gateway and wait until the three consuming services project him;
# prints the delay from the 201 to the last projection
join_and_follow() { # name, ID number, phone, [bound in ms, default WITHIN_MS]
  local headers body start member elapsed
  headers=$(mktemp)
  body=$(curl -sS -D "$headers" -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"idNumber\":\"$2\",\"phone\":\"$3\",\"employmentForm\":\"TRUCK_DRIVER\",\"organizationId\":\"$ORG\",\"joinChannel\":\"ON_SITE\"}" \
    "$GW/api/v1/members")
  start=$(date +%s%N)
  grep -qi '^HTTP/[0-9.]* 201' "$headers" || fail "member not created: $(head -1 "$headers") $body"
  grep -qi '^x-request-id:' "$headers" || fail "the gateway did not return X-Request-Id"
  rm -f "$headers"
  # grep, not python: the interpreter's start (a quarter of a second) would count as propagation time
  member=$(echo "$body" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
  [ -n "$member" ] || fail "no member id in $body"
  for port in 8082 8083 8084; do
    until curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN" "http://localhost:$port/internal/projections/members/$member" 2>/dev/null; do
      elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
      [ "$elapsed" -lt "$LIMIT_MS" ] || fail "port $port has no projection of member $member after ${elapsed} ms"
      sleep 0.02
    done
  done
  elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
  MEMBERS+=("$member")
  echo "member $member ($1) created through the gateway; venue, assistance and competition projections hold him ${elapsed} ms later"
  [ "$elapsed" -le "${4:-$WITHIN_MS}" ] || fail "member $member reached the projections after ${elapsed} ms, more than ${4:-$WITHIN_MS} ms"
}

# a fresh, valid resident ID number (GB 11643 check digit) and mobile number per run: the local suite keeps its data
id_number() {
  python3 -c 'import random
body = "110105" + str(random.randint(1960, 2000)) + "%02d%02d" % (random.randint(1, 12), random.randint(1, 28)) + "%03d" % random.randint(0, 999)
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print(body + "10X98765432"[sum(int(c) * x for c, x in zip(body, w)) % 11])'
}
phone() { python3 -c 'import random; print("139" + "%08d" % random.randint(0, 99999999))'; }

# Webhooks (partner-service): a partner with two endpoints on a receiver started here, one answering at once and one
# failing three times per event; the partner is registered and subscribes before the members below join.
RECEIVER_PORT=${SMOKE_RECEIVER_PORT:-18099}
RECEIVER_LOG=$(mktemp)
"${JAVA_HOME:+$JAVA_HOME/bin/}java" "$ROOT/deploy/local/WebhookReceiver.java" "$RECEIVER_PORT" "$RECEIVER_LOG" > "$RECEIVER_LOG.out" 2>&1 &
RECEIVER_PID=$!
cleanup() { kill "$RECEIVER_PID" 2>/dev/null || true; [ "$started" = 1 ] && "$ROOT/deploy/local/run.sh" stop >/dev/null || true; }
for _ in $(seq 1 100); do grep -q "RECEIVER READY" "$RECEIVER_LOG.out" 2>/dev/null && break; sleep 0.1; done
grep -q "RECEIVER READY" "$RECEIVER_LOG.out" || fail "the webhook receiver did not start: $(cat "$RECEIVER_LOG.out")"
JOINED_TYPE=org.unionhub.membership.member.joined.v1
PARTNER=$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"冒烟测试银行\",\"contact\":\"ops@example.cn\",\"allowedEventTypes\":[\"$JOINED_TYPE\"],\"organizationId\":\"$ORG\",\"redaction\":\"FULL\"}" \
  "$GW/api/v1/partners" | json '["id"]') || fail "could not register a partner through the gateway"
PARTNER_TOKEN=$(token partner --sub="smoke-partner" --partner="$PARTNER")
subscribe() { # path; prints "id secret"
  curl -fsS -H "Authorization: Bearer $PARTNER_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/$1\",\"eventTypes\":[\"$JOINED_TYPE\"]}" \
    "$GW/api/v1/webhook-subscriptions" | json '["secret"]'
}
OK_SECRET=$(subscribe ok) || fail "could not subscribe a webhook through the gateway"
FLAKY_SECRET=$(subscribe flaky) || fail "could not subscribe the second webhook"

# The first event after a cold start also waits for the consumers' first fetch and the JIT (404-1006 ms measured on
# 30 Nov 2026): a warm-up member, bounded by LIMIT_MS; the promise of a second holds for every member after it.
join_and_follow "预热师傅" "$(id_number)" "$(phone)" "$LIMIT_MS"
MEMBERS=()
join_and_follow "王师傅" "$(id_number)" "$(phone)"
join_and_follow "李师傅" "$(id_number)" "$(phone)"

# A competition through the gateway, won by the first member: his prize and his medal nomination
# must reach membership over Kafka (competition.v1) and show among his honors.
call() { # method, path, token, expected status, [body]; prints the body
  local out status
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
    ${5:+-d "$5"} "$GW$2")
  [ "$status" = "$4" ] || fail "$1 $2 answered $status, expected $4: $(cat "$out")"
  cat "$out"
  rm -f "$out"
}
WINNER=${MEMBERS[0]} RUNNER_UP=${MEMBERS[1]}
COMP=$(call POST /api/v1/competitions "$STAFF" 201 '{"name":"全国化工行业职业技能竞赛（冒烟测试）","industry":"CHEMICAL","level":"NATIONAL","stage":"FINAL",
  "organizers":["中国能源化学地质工会"],"location":"泉州","startsOn":"2023-02-20","endsOn":"2023-02-22","teamSize":1,
  "items":[{"code":"THEORY","name":"理论知识","weight":100,"maxScore":100,"kind":"MEASUREMENT"}],"tieBreakOrder":[]}' | json '["id"]')
call POST "/api/v1/competitions/$COMP/status" "$STAFF" 200 '{"status":"REGISTRATION"}' >/dev/null
contestant() { # member, team name, enterprise
  call POST "/api/v1/competitions/$COMP/teams" "$STAFF" 201 \
    "{\"name\":\"$2\",\"enterprise\":\"$3\",\"enterpriseType\":\"CENTRAL\",\"province\":\"福建\",\"memberIds\":[\"$1\"]}" \
    | json '["contestants"][0]["contestantId"]'
}
C1=$(contestant "$WINNER" "一队" "中国石化")
C2=$(contestant "$RUNNER_UP" "二队" "中国中化")
JUDGE_ACCOUNT="judge-smoke-$(date +%s%N)"
JUDGE=$(call POST "/api/v1/competitions/$COMP/judges" "$STAFF" 201 \
  "{\"name\":\"张裁判\",\"enterprise\":\"应急管理部化学品登记中心\",\"items\":[\"THEORY\"],\"account\":\"$JUDGE_ACCOUNT\"}" | json '["id"]')
call POST "/api/v1/competitions/$COMP/status" "$STAFF" 200 '{"status":"IN_PROGRESS"}' >/dev/null
JUDGE_TOKEN=$(token judge --sub="$JUDGE_ACCOUNT")
call POST "/api/v1/competitions/$COMP/scores" "$JUDGE_TOKEN" 201 "{\"contestantId\":\"$C1\",\"itemCode\":\"THEORY\",\"judgeId\":\"$JUDGE\",\"score\":95.5}" >/dev/null
call POST "/api/v1/competitions/$COMP/scores" "$JUDGE_TOKEN" 201 "{\"contestantId\":\"$C2\",\"itemCode\":\"THEORY\",\"judgeId\":\"$JUDGE\",\"score\":88}" >/dev/null
# a chief-judge role grants nothing by itself: the organizers appoint the account to this competition
CHIEF_ACCOUNT="chief-judge-smoke-$(date +%s%N)"
call POST "/api/v1/competitions/$COMP/judges" "$STAFF" 201 \
  "{\"name\":\"李总裁判长\",\"enterprise\":\"中国化学品安全协会\",\"items\":[],\"account\":\"$CHIEF_ACCOUNT\",\"role\":\"CHIEF_JUDGE\"}" >/dev/null
call POST "/api/v1/competitions/$COMP/publish" "$(token chief-judge --sub="$CHIEF_ACCOUNT")" 200 \
  '{"individualQuotas":{"FIRST":1,"SECOND":1,"THIRD":0},"teamQuotas":{"FIRST":1,"SECOND":0,"THIRD":0}}' >/dev/null
start=$(date +%s%N)
honors_of() { # member, grep patterns...: waits until his honors hold every pattern; prints them
  local member=$1 honors elapsed; shift
  while true; do
    honors=$(call GET "/api/v1/members/$member/honors" "$ADMIN" 200)
    local missing=0 p
    for p in "$@"; do echo "$honors" | grep -q -- "$p" || missing=1; done
    [ "$missing" = 0 ] && { echo "$honors"; return; }
    elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    [ "$elapsed" -lt "$LIMIT_MS" ] || fail "honors of $member lack one of [$*] after ${elapsed} ms: $honors"
    sleep 0.05
  done
}
honors_of "$WINNER" '"COMPETITION_PRIZE"' '"MEDAL_NOMINATION"' '全国化工行业职业技能竞赛（冒烟测试） 个人一等奖' >/dev/null
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
runner_up=$(honors_of "$RUNNER_UP" '个人二等奖')
! echo "$runner_up" | grep -q 'MEDAL_NOMINATION' || fail "the runner-up was nominated too: $runner_up"
echo "competition $COMP published through the gateway; the winner's prize and May 1st medal nomination are among his honors in membership ${elapsed} ms later"

# The member who joined second (steady state): a correctly signed member.joined within WEBHOOK_WITHIN_MS of the 201,
# and the endpoint that fails three times gets it on a later attempt.
WEBHOOK_WITHIN_MS=${SMOKE_WEBHOOK_WITHIN_MS:-2000}
webhook_check() { # member, path, secret, expected attempts; prints "delay_ms attempts" or fails
  python3 - "$RECEIVER_LOG" "$1" "$2" "$3" "$4" "$LIMIT_MS" <<'PY'
import base64, hashlib, hmac, json, sys, time
log, member, path, secret, want, limit = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
key = base64.b64decode(secret[len("whsec_"):])
deadline = time.time() + limit / 1000
while True:
    hits = []
    for line in open(log, encoding="utf-8"):
        at, p, status, wid, ts, sig, body = line.rstrip("\n").split("\t")
        raw = base64.b64decode(body)
        event = json.loads(raw)
        if p.startswith("/" + path) and event.get("data", {}).get("memberId") == member:
            expected = "v1," + base64.b64encode(hmac.new(key, f"{wid}.{ts}.".encode() + raw, hashlib.sha256).digest()).decode()
            if expected not in sig.split(" "):
                sys.exit(f"bad signature on {p} for {wid}")
            if event["type"] != "org.unionhub.membership.member.joined.v1" or event["id"] != wid:
                sys.exit(f"unexpected event {event['type']} / {event['id']} under webhook-id {wid}")
            hits.append((int(at), int(status)))
    if len(hits) >= want and hits[-1][1] < 300:
        print(hits[-1][0], len(hits), " ".join(str(s) for _, s in hits))
        sys.exit(0)
    if time.time() > deadline:
        sys.exit(f"{path}: {len(hits)} deliveries of member {member}'s member.joined, statuses {[s for _, s in hits]}")
    time.sleep(0.02)
PY
}
# the ID number and phone first: their helpers start an interpreter, which would count as delivery time
id=$(id_number) ph=$(phone)
JOINED_AT=$(date +%s%3N)
join_and_follow "赵师傅" "$id" "$ph"
member=${MEMBERS[2]}
ok_out=$(webhook_check "$member" ok "$OK_SECRET" 1) || fail "webhook /ok: $ok_out"
read -r ok_at ok_n ok_statuses <<<"$ok_out"
# the 201 came just before join_and_follow's projections; measure from just before the call
delay=$(( ok_at - JOINED_AT ))
echo "member $member: signed member.joined at the partner's endpoint ${delay} ms after the join request (statuses: $ok_statuses)"
[ "$delay" -le "$WEBHOOK_WITHIN_MS" ] || fail "the webhook came ${delay} ms after the join, more than ${WEBHOOK_WITHIN_MS} ms"
flaky_out=$(webhook_check "$member" flaky "$FLAKY_SECRET" 4) || fail "webhook /flaky: $flaky_out"
read -r _ flaky_n flaky_statuses <<<"$flaky_out"
echo "the endpoint failing three times got it on attempt $flaky_n (statuses: $flaky_statuses), correctly signed"
