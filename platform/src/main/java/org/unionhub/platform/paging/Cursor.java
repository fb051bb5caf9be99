package org.unionhub.platform.paging;

import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The sort keys a client's cursor carries back, read with their types. Whatever does not parse, or a cursor of another
 * listing (another number of keys), is the same 400 naming {@code cursor}: the client sent something this API did not
 * give out.
 */
public final class Cursor {

    private final List<String> keys;

    Cursor(List<String> keys) {
        this.keys = keys;
    }

    public String text(int i) {
        return read(i, Function.identity());
    }

    public UUID uuid(int i) {
        return read(i, UUID::fromString);
    }

    public Instant instant(int i) {
        return read(i, Instant::parse);
    }

    public LocalDate date(int i) {
        return read(i, LocalDate::parse);
    }

    public BigDecimal decimal(int i) {
        return read(i, BigDecimal::new);
    }

    public long number(int i) {
        return read(i, Long::parseLong);
    }

    /** A position in a list (offset paging of small computed lists): never negative. */
    public int position(int i) {
        int p = read(i, Integer::parseInt);
        if (p < 0) {
            throw notOurs();
        }
        return p;
    }

    Cursor expectKeys(int count) {
        if (keys.size() != count) {
            throw notOurs();
        }
        return this;
    }

    private <T> T read(int i, Function<String, T> parse) {
        try {
            return parse.apply(keys.get(i));
        } catch (RuntimeException e) {
            throw notOurs();
        }
    }

    static ProblemException notOurs() {
        return ProblemException.invalid("cursor", "is not a cursor this API gave out");
    }
}
