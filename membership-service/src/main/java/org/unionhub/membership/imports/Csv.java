package org.unionhub.membership.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, a BOM; each record keeps its first line
 * number. It reads a {@link Reader} record by record, so a file of any size is never held whole in memory.
 */
public final class Csv implements AutoCloseable {

    public record Record(int line, List<String> fields) {
        public boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int pos;
    private int end;
    private int line = 1;
    private boolean started;

    public Csv(Reader in) {
        this.in = in;
    }

    /** The whole text at once (tests and small inputs). */
    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        try (Csv csv = new Csv(new StringReader(text))) {
            for (Record r = csv.next(); r != null; r = csv.next()) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** The next record that is not blank, or null at the end. */
    public Record next() throws IOException {
        while (true) {
            if (!started) {
                started = true;
                if (peek() == '\uFEFF') {
                    pos++;
                }
            }
            if (peek() < 0) {
                return null;
            }
            Record r = record();
            if (!r.isBlank()) {
                return r;
            }
        }
    }

    /** The line the reader has reached (where a decoding error was met). */
    public int line() {
        return line;
    }

    private Record record() throws IOException {
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            int ch = read();
            if (ch < 0) {
                break;
            }
            char c = (char) ch;
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                // part of CRLF: the LF ends the record
            } else if (c == '\n') {
                line++;
                break;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return new Record(startLine, fields);
    }

    private int peek() throws IOException {
        if (pos == end && !fill()) {
            return -1;
        }
        return buffer[pos];
    }

    private int read() throws IOException {
        if (pos == end && !fill()) {
            return -1;
        }
        return buffer[pos++];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
