package org.unionhub.infra.access;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One operation of a service's OpenAPI document and its declared access rule: the callers let through, every other
 * caller refused. Also how to call it: path and query values and a valid body, so that a refused caller is refused
 * for who he is and not for bad input.
 */
public final class Operation {

    final String method;
    final String path;
    final Map<String, Function<Caller, Object>> pathValues = new LinkedHashMap<>();
    final Map<String, Object> queryValues = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    Function<Caller, String> body;
    String contentType = "application/json";
    String rule = "";
    final Set<Caller> allowed = EnumSet.noneOf(Caller.class);
    boolean declared;
    boolean hiddenAs404;
    Supplier<Object> stateProbe;

    Operation(String method, String path) {
        this.method = method;
        this.path = path;
    }

    String key() {
        return method + " " + path;
    }

    /** A fixed value for {@code {name}} in the path. */
    public Operation path(String name, Object value) {
        pathValues.put(name, caller -> value);
        return this;
    }

    /** A fresh value for {@code {name}} for each caller, for operations that use up their target (approve, cancel). */
    public Operation pathPerCall(String name, Function<Caller, Object> value) {
        pathValues.put(name, value);
        return this;
    }

    public Operation query(String name, Object value) {
        queryValues.put(name, value);
        return this;
    }

    public Operation header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A JSON body, the same for every caller. */
    public Operation body(String json) {
        this.body = caller -> json;
        return this;
    }

    /** A JSON body made for each caller (unique ID numbers, fresh idempotency). */
    public Operation body(Function<Caller, String> json) {
        this.body = json;
        return this;
    }

    public Operation contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    /** The rule in a few words, for docs/security.md. */
    public Operation rule(String rule) {
        this.rule = rule;
        return this;
    }

    /** The callers let through; every caller not named here must be refused. */
    public Operation allow(Caller... callers) {
        declared = true;
        allowed.addAll(Set.of(callers));
        return this;
    }

    /** Everyone, anonymous included. */
    public Operation allowAll() {
        return allow(Caller.values());
    }

    /** No caller at all is let through (e.g. an operation only a role outside the eleven may use). */
    public Operation allowNone() {
        declared = true;
        return this;
    }

    /** A refused caller may be told 404 (the record's existence is not revealed) instead of 403. */
    public Operation hiddenAs404() {
        hiddenAs404 = true;
        return this;
    }

    /** Evaluated before and after every refused call: a refusal must leave it unchanged (nothing written). */
    public Operation unchangedWhenDenied(Supplier<Object> probe) {
        this.stateProbe = probe;
        return this;
    }
}
