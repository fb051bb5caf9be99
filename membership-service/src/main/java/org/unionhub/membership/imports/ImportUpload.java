package org.unionhub.membership.imports;

import org.unionhub.platform.problem.ProblemException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Receives an enrollment file: streams the body to a temporary file (never a whole-body String), bounded in
 * size; then reads it once per candidate charset to decide how it is encoded and to count its rows. UTF-8 (with
 * or without a BOM) is read as such; GBK/GB18030 (Excel's "CSV" in China) when declared, or when the bytes are
 * not UTF-8 but decode cleanly as GB18030; anything else is a 400, never replacement characters.
 */
public final class ImportUpload {

    /** GB 2312 ⊂ GBK ⊂ GB 18030: the names a Chinese spreadsheet or client declares. */
    static final Set<String> GB_FAMILY = Set.of("GBK", "GB2312", "GB18030", "CP936", "X-GBK", "EUC-CN", "MS936", "WINDOWS-936");
    static final Charset GB18030 = Charset.forName("GB18030");

    /** What was received: the file on disk, its charset, its data rows (header excluded). */
    public record Received(Path file, long bytes, Charset charset, int rows) {
    }

    private ImportUpload() {
    }

    /**
     * The charset a client declared, from the {@code charset} query parameter or else the Content-Type; null when
     * none was declared. ISO-8859-1 and US-ASCII count as undeclared: several HTTP clients add them to every
     * {@code text/*} body by default, and no enrollment file in China is Latin-1.
     */
    public static Charset declared(String contentType, String charsetParameter) {
        String name = charsetParameter;
        if (name == null || name.isBlank()) {
            name = charsetOf(contentType);
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().replace("\"", "").toUpperCase(Locale.ROOT);
        if (n.equals("UTF-8") || n.equals("UTF8")) {
            return StandardCharsets.UTF_8;
        }
        if (GB_FAMILY.contains(n)) {
            return n.equals("GB18030") ? GB18030 : Charset.forName("GBK");
        }
        if (n.equals("ISO-8859-1") || n.equals("US-ASCII") || n.equals("LATIN1")) {
            return null;
        }
        throw ProblemException.invalid("charset", "must be UTF-8, GBK or GB18030 (was " + abbreviate(name) + ")");
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8);
            }
        }
        return null;
    }

    /**
     * @param maxBytes the import route's own body limit: beyond it a 413
     * @param maxRows  beyond it a 400
     */
    public static Received receive(InputStream body, Path file, long maxBytes, Charset declared, int maxRows) {
        long bytes = copy(body, file, maxBytes);
        if (bytes == 0) {
            throw ProblemException.invalid("body", "a CSV file with a header row is required");
        }
        Charset charset;
        int rows;
        if (declared != null) {
            charset = declared;
            rows = count(file, declared, maxRows, true);
        } else {
            int utf8 = count(file, StandardCharsets.UTF_8, maxRows, false);
            if (utf8 >= 0) {
                charset = StandardCharsets.UTF_8;
                rows = utf8;
            } else {
                int gb = count(file, GB18030, maxRows, false);
                if (gb < 0) {
                    throw ProblemException.invalid("body", "line " + (-utf8) + " is neither UTF-8 nor GBK/GB18030 text; "
                            + "save the file as UTF-8 (Excel: \"CSV UTF-8\") or declare its charset (?charset=GBK)");
                }
                charset = GB18030;
                rows = gb;
            }
        }
        return new Received(file, bytes, charset, rows);
    }

    private static long copy(InputStream body, Path file, long maxBytes) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "the file is larger than " + (maxBytes / (1024 * 1024)) + " MiB; split it into several files")
                .with("maxBytes", maxBytes);
    }

    /**
     * Reads the whole file with the charset, checks the header and counts the data rows.
     *
     * @return the number of data rows; when the bytes are not text in that charset and {@code declared} is false,
     * minus the line where that showed (so that the caller tries another charset)
     */
    private static int count(Path file, Charset charset, int maxRows, boolean declared) {
        try (Csv csv = new Csv(new InputStreamReader(new BufferedInputStream(Files.newInputStream(file)), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            Csv.Record header;
            int rows = 0;
            try {
                header = csv.next();
                if (header == null) {
                    throw ProblemException.invalid("body", "a CSV file with a header row is required");
                }
                for (Csv.Record r = csv.next(); r != null; r = csv.next()) {
                    if (++rows > maxRows) {
                        throw ProblemException.invalid("body", "at most " + maxRows + " rows per file");
                    }
                }
            } catch (CharacterCodingException e) {
                int line = firstBadLine(file, charset);
                if (declared) {
                    throw ProblemException.invalid("body", "line " + line + " is not " + charset.name()
                            + " text, as the request declared; declare the file's real charset or save it as UTF-8");
                }
                return -line;
            }
            try {
                Map<String, Integer> ignored = ImportRows.header(header);
            } catch (ImportRows.BadHeader e) {
                throw ProblemException.invalid("body", e.getMessage());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line (1 = first) holding the first bytes that are not text in the charset. */
    static int firstBadLine(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        int line = 1;
        boolean eof = false;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                if (!eof && bytes.hasRemaining()) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                }
                bytes.flip();
                int start = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, eof);
                for (int i = start; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') {
                        line++;
                    }
                }
                if (result.isError()) {
                    return line;
                }
                chars.clear();
                bytes.compact();
                if (eof && result.isUnderflow()) {
                    return line;
                }
            }
        }
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
