#!/usr/bin/env python3
"""Splits the execution samples of a JFR recording (jdk.ExecutionSample) by what the sampled stack is doing on the
GET-member read path. Usage: jfr-split.py <recording.jfr>. Prints one share per category; a sample belongs to the
layer of its innermost frame that belongs to a known layer (JDK frames such as BigInteger's count for the RSA check
that called them)."""
import subprocess
import sys
from collections import Counter

CATEGORIES = [
    ("token verification (smallrye-jwt, jose4j, RSA)", ("org.jose4j", "io.smallrye.jwt", "io.quarkus.smallrye.jwt", "sun.security.rsa", "java.security.Signature")),
    ("security identity, @RolesAllowed", ("io.quarkus.security", "io.quarkus.vertx.http.runtime.security")),
    ("database: Hibernate, JDBC, pool", ("org.hibernate", "org.postgresql", "io.agroal", "com.arjuna", "io.quarkus.narayana")),
    ("JSON (Jackson)", ("com.fasterxml.jackson",)),
    ("UnionHub code (access, scope, ETag, response)", ("org.unionhub",)),
    ("REST layer (RESTEasy Reactive, CDI)", ("org.jboss.resteasy", "io.quarkus.resteasy", "io.quarkus.arc")),
    ("HTTP and sockets (Vert.x, Netty)", ("io.vertx", "io.netty")),
]
BACKGROUND = ("kafka", "smallrye-kafka", "vert.x-internal-blocking", "outbox", "scheduler", "agroal", "executor-thread-blocking")

def category(block):
    # the innermost frame that belongs to a known layer decides: outer frames (the HTTP server, the security
    # handler that calls the rest of the chain) sit below every sample and would otherwise swallow everything
    frames = block.split("stackTrace = [", 1)[-1].splitlines()
    for frame in frames:
        frame = frame.strip()
        for name, prefixes in CATEGORIES:
            if any(frame.startswith(p) for p in prefixes):
                return name
    return "other (JDK, Quarkus runtime)"


def main(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                         capture_output=True, text=True, check=True).stdout
    counts, total, background = Counter(), 0, Counter()
    for block in out.split("jdk.ExecutionSample")[1:]:
        thread = ""
        for line in block.splitlines():
            if "sampledThread" in line:
                thread = line.split("=", 1)[1].strip().strip('"').split('"')[0]
                break
        total += 1
        if not (thread.startswith("executor-thread") or thread.startswith("vert.x-eventloop")):
            background[thread.split("-")[0] if thread else "?"] += 1
            counts["background threads (Kafka, outbox relay, GC helpers, ...)"] += 1
            continue
        counts[category(block)] += 1
    print(f"{total} execution samples in {path}")
    for name, n in counts.most_common():
        print(f"  {100.0 * n / max(total, 1):5.1f} %  {name}")
    print("  background threads by name:", dict(background.most_common(6)))

if __name__ == "__main__":
    main(sys.argv[1])
