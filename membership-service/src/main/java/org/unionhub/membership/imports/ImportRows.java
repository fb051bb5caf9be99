package org.unionhub.membership.imports;

import org.unionhub.membership.member.EmploymentForm;
import org.unionhub.membership.member.MobilePhone;
import org.unionhub.membership.member.ResidentIdNumber;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Checks the rows of an enrollment file before anything is written: each row either becomes a
 * {@link Row} or a {@link Failure} with its line number and a reason that never repeats the ID number or phone.
 */
public final class ImportRows {

    public static final List<String> COLUMNS = List.of("name", "idNumber", "phone", "employmentForm", "employer", "organizationId");
    static final List<String> REQUIRED = List.of("name", "idNumber", "phone", "employmentForm", "organizationId");

    public record Row(int line, String name, ResidentIdNumber idNumber, String idHash, String phone, EmploymentForm employmentForm,
                      String employer, UUID organizationId) {
    }

    public record Failure(int line, String reason) {
    }

    public record Checked(List<Row> rows, List<Failure> failures) {
    }

    public static class BadHeader extends RuntimeException {
        public BadHeader(String message) {
            super(message);
        }
    }

    private ImportRows() {
    }

    /** Index of each known column in the header row; a required column missing is a bad file. */
    public static Map<String, Integer> header(Csv.Record header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String h = header.fields().get(i).trim();
            for (String c : COLUMNS) {
                if (c.equalsIgnoreCase(h)) {
                    index.put(c, i);
                }
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new BadHeader("the header row lacks the columns " + missing + " (expected " + COLUMNS + ")");
        }
        return index;
    }

    public static Checked check(List<Csv.Record> data, Map<String, Integer> index, Function<String, String> hash, LocalDate today) {
        return check(data, index, hash, today, new HashMap<>());
    }

    /**
     * @param firstLineOfPerson keyed hash → the line that first named the person, shared by the chunks of one file
     *                          so that a person named twice in it fails the second time whichever chunk it is in
     */
    public static Checked check(List<Csv.Record> data, Map<String, Integer> index, Function<String, String> hash, LocalDate today,
                                Map<String, Integer> firstLineOfPerson) {
        List<Row> rows = new ArrayList<>(data.size());
        List<Failure> failures = new ArrayList<>();
        for (Csv.Record r : data) {
            String name = field(r, index, "name");
            String id = field(r, index, "idNumber");
            String phone = field(r, index, "phone");
            String form = field(r, index, "employmentForm");
            String employer = field(r, index, "employer");
            String org = field(r, index, "organizationId");
            String reason = null;
            if (name == null || name.isBlank()) {
                reason = "name: is required";
            } else if (name.length() > 100) {
                reason = "name: must be at most 100 characters";
            } else if (ResidentIdNumber.problem(id, today) != null) {
                reason = "idNumber: " + ResidentIdNumber.problem(id, today);
            } else if (!MobilePhone.isValid(phone)) {
                reason = "phone: must be a mainland mobile number: 11 digits starting with 1";
            } else if (employmentForm(form) == null) {
                reason = "employmentForm: must be one of " + java.util.Arrays.toString(EmploymentForm.values());
            } else if (uuid(org) == null) {
                reason = "organizationId: must be a UUID";
            } else if (employer != null && employer.length() > 200) {
                reason = "employer: must be at most 200 characters";
            }
            if (reason != null) {
                failures.add(new Failure(r.line(), reason));
                continue;
            }
            ResidentIdNumber rid = ResidentIdNumber.parse(id, today);
            String h = hash.apply(rid.value());
            Integer earlier = firstLineOfPerson.putIfAbsent(h, r.line());
            if (earlier != null) {
                failures.add(new Failure(r.line(), "idNumber: the same person as line " + earlier));
                continue;
            }
            rows.add(new Row(r.line(), name.trim(), rid, h, MobilePhone.normalise(phone), employmentForm(form),
                    employer == null || employer.isBlank() ? null : employer.trim(), uuid(org)));
        }
        return new Checked(rows, failures);
    }

    private static String field(Csv.Record r, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null || i >= r.fields().size() ? null : r.fields().get(i).trim();
    }

    private static EmploymentForm employmentForm(String s) {
        if (s == null) return null;
        try {
            return EmploymentForm.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
