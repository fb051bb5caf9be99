package org.unionhub.infra.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of bad input a careless or hostile client sends: values as raw JSON text (so that the catalogue can
 * hold what no JSON library would produce: 1e309, lone surrogates, 10,000 levels), whole bodies, path and query
 * values. Each entry has a short label for the failure list.
 */
final class Mutations {

    private Mutations() {
    }

    record Raw(String label, String json) {
    }

    record Bytes(String label, byte[] bytes) {
    }

    static final String LONG_TEXT = "长".repeat(10_000) + "x".repeat(10_001); // 20,001 characters

    /** Replacements for one field of a JSON body (raw JSON text). */
    static final List<Raw> FIELD_VALUES = List.of(
            new Raw("null", "null"),
            new Raw("true", "true"),
            new Raw("0", "0"),
            new Raw("-1", "-1"),
            new Raw("1.5", "1.5"),
            new Raw("2^63", "9223372036854775808"),
            new Raw("-2^63-1", "-9223372036854775809"),
            new Raw("1e309", "1e309"),
            new Raw("-1e309", "-1e309"),
            new Raw("1e-400", "1e-400"),
            new Raw("30-digit integer", "123456789012345678901234567890"),
            new Raw("empty string", "\"\""),
            new Raw("blank string", "\"   \""),
            new Raw("20,001-char string", "\"" + LONG_TEXT + "\""),
            new Raw("NUL escape", "\"a\\u0000b\""),
            new Raw("control char escape", "\"a\\u0001\\u001fb\""),
            new Raw("DEL and C1", "\"a\\u007f\\u0085b\""),
            new Raw("lone high surrogate", "\"a\\ud800b\""),
            new Raw("lone low surrogate", "\"\\udc00\""),
            new Raw("not a UUID", "\"not-a-uuid\""),
            new Raw("nil UUID", "\"00000000-0000-0000-0000-000000000000\""),
            new Raw("30 February", "\"2023-02-30\""),
            new Raw("year +999999999", "\"+999999999-12-31\""),
            new Raw("year -999999999", "\"-999999999-01-01\""),
            new Raw("year 1", "\"0001-01-01\""),
            new Raw("instant far future", "\"+999999999-12-31T23:59:59Z\""),
            new Raw("instant far past", "\"-999999999-01-01T00:00:00Z\""),
            new Raw("instant 9999", "\"9999-12-31T23:59:59Z\""),
            new Raw("local date-time", "\"2023-02-22T08:00:00\""),
            new Raw("NaN string", "\"NaN\""),
            new Raw("Infinity string", "\"Infinity\""),
            new Raw("1e309 string", "\"1e309\""),
            new Raw("negative amount", "\"-0.01\""),
            new Raw("three decimals", "\"0.001\""),
            new Raw("huge amount string", "\"99999999999999999999999999.99\""),
            new Raw("word", "\"abc\""),
            new Raw("full-width digits", "\"１２３\""),
            new Raw("emoji and Chinese", "\"工会😀\""),
            new Raw("unknown enum", "\"NO_SUCH_VALUE\""),
            new Raw("lower-case enum", "\"active\""),
            new Raw("object", "{}"),
            new Raw("array", "[]"),
            new Raw("array of null", "[null]"),
            new Raw("nested object", "{\"a\":{\"b\":[1,{\"c\":null}]}}"),
            new Raw("array 1,000 levels", "[".repeat(1_000) + "]".repeat(1_000)),
            new Raw("array of 10,000", "[" + "1,".repeat(9_999) + "1]"));

    /** Whole JSON bodies; {@code %BASE%} stands for the valid body. */
    static final List<Raw> BODIES = List.of(
            new Raw("empty body", ""),
            new Raw("whitespace body", " \n\t "),
            new Raw("open brace", "{"),
            new Raw("close brace", "}"),
            new Raw("truncated literal", "nul"),
            new Raw("missing value", "{\"a\":}"),
            new Raw("single quotes", "{'a':1}"),
            new Raw("trailing garbage", "%BASE%x"),
            new Raw("two documents", "%BASE% %BASE%"),
            new Raw("array instead of object", "[%BASE%]"),
            new Raw("empty array", "[]"),
            new Raw("number body", "42"),
            new Raw("string body", "\"text\""),
            new Raw("null body", "null"),
            new Raw("true body", "true"),
            new Raw("empty object", "{}"),
            new Raw("array 10,000 levels", "[".repeat(10_000) + "]".repeat(10_000)),
            new Raw("object 10,000 levels", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)),
            new Raw("unknown field 200,000 chars", "{\"zzUnknown\":\"" + "字".repeat(200_000) + "\"}"),
            new Raw("10,000 unknown fields", unknownFields(10_000)),
            new Raw("raw NUL in string", "{\"zz\":\"a\u0000b\"}"),
            new Raw("raw control char in string", "{\"zz\":\"a\u0001b\"}"));

    /** Bodies of bytes that are not UTF-8, sent as application/json; the valid body's first string is spliced. */
    static final List<Bytes> INVALID_UTF8 = List.of(
            new Bytes("invalid UTF-8 C3 28", new byte[]{(byte) 0xC3, 0x28}),
            new Bytes("invalid UTF-8 FF FE", new byte[]{(byte) 0xFF, (byte) 0xFE}),
            new Bytes("overlong UTF-8 C0 AF", new byte[]{(byte) 0xC0, (byte) 0xAF}),
            new Bytes("UTF-8 encoded surrogate ED A0 80", new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
            new Bytes("truncated UTF-8 E5 B7", new byte[]{(byte) 0xE5, (byte) 0xB7}),
            new Bytes("GBK bytes 工会", "工会".getBytes(java.nio.charset.Charset.forName("GBK"))));

    /** Content types the valid body is sent with (null: no Content-Type header). */
    static final List<String> WRONG_CONTENT_TYPES = java.util.Arrays.asList(
            null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=ISO-8859-1", "application/octet-stream", "application/problem+json",
            "text/csv", "application/json; charset=nonsense", "*/*", "garbage");

    /** Values of a path parameter, already percent-encoded where they must be. */
    static final List<Raw> PATH_VALUES = List.of(
            new Raw("not a UUID", "not-a-uuid"),
            new Raw("%00", "%00"),
            new Raw("..%2f traversal", "..%2f..%2f..%2fetc%2fpasswd"),
            new Raw("..%2F", "..%2F"),
            new Raw("huge integer", "99999999999999999999"),
            new Raw("-1", "-1"),
            new Raw("0", "0"),
            new Raw("%FF", "%FF"),
            new Raw("overlong %C0%AF", "%C0%AF"),
            new Raw("space", "%20"),
            new Raw("Chinese", "%E5%B7%A5%E4%BC%9A"),
            new Raw("1,000 chars", "a".repeat(1_000)),
            new Raw("null word", "null"),
            new Raw("braces", "%7Bid%7D"),
            new Raw("nil UUID", "00000000-0000-0000-0000-000000000000"),
            new Raw("UUID with junk", "7b0c7f0e-0000-4000-8000-00000000000g"),
            new Raw("UUID too long", "7b0c7f0e-0000-4000-8000-0000000000011"),
            new Raw("SQL", "1'%20OR%20'1'='1"),
            new Raw("absent UUID", "d9b2d63d-a233-4b2d-9e9f-2a6f3c8c1e11"));

    /** Values of a query parameter, percent-encoded; null means "repeat the parameter". */
    static final List<Raw> QUERY_VALUES = List.of(
            new Raw("word", "abc"),
            new Raw("-1", "-1"),
            new Raw("0", "0"),
            new Raw("huge integer", "99999999999999999999"),
            new Raw("year 1000000000", "1000000000"),
            new Raw("year -1000000000", "-1000000000"),
            new Raw("1e309", "1e309"),
            new Raw("NaN", "NaN"),
            new Raw("1.5", "1.5"),
            new Raw("date +999999999", "%2B999999999-12-31"),
            new Raw("date -999999999", "-999999999-01-01"),
            new Raw("date 0000-00-00", "0000-00-00"),
            new Raw("date 2023-13-45", "2023-13-45"),
            new Raw("30 February", "2023-02-30"),
            new Raw("instant far future", "%2B999999999-12-31T23:59:59Z"),
            new Raw("empty", ""),
            new Raw("%00", "%00"),
            new Raw("control char", "a%01b"),
            new Raw("%FF", "%FF"),
            new Raw("3,000 chars", "q".repeat(3_000)),
            new Raw("unknown enum", "NO_SUCH_VALUE"),
            new Raw("not a UUID", "not-a-uuid"),
            new Raw("SQL", "1'%20OR%20'1'='1"),
            new Raw("repeated", null));

    private static String unknownFields(int n) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        }
        return sb.append('}').toString();
    }

    /** {@code json} with {@code bad} spliced into its first string value (or appended as a field). */
    static byte[] splice(String json, byte[] bad) {
        int at = firstStringValue(json);
        byte[] head;
        byte[] tail;
        if (at < 0) {
            String body = json.isBlank() || json.equals("{}") ? "{\"zz\":\"" : json.substring(0, json.lastIndexOf('}')) + ",\"zz\":\"";
            head = body.getBytes(StandardCharsets.UTF_8);
            tail = "\"}".getBytes(StandardCharsets.UTF_8);
        } else {
            head = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
            tail = json.substring(at).getBytes(StandardCharsets.UTF_8);
        }
        byte[] out = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bad, 0, out, head.length, bad.length);
        System.arraycopy(tail, 0, out, head.length + bad.length, tail.length);
        return out;
    }

    /** The index just after the opening quote of the first string that follows a colon, or -1. */
    private static int firstStringValue(String json) {
        boolean inString = false;
        boolean afterColon = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                if (afterColon) {
                    return i + 1;
                }
                inString = true;
            } else if (c == ':') {
                afterColon = true;
            } else if (!Character.isWhitespace(c)) {
                afterColon = false;
            }
        }
        return -1;
    }

    static List<Raw> all(List<Raw> a, List<Raw> b) {
        List<Raw> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
