package org.unionhub.membership.member;

import org.unionhub.platform.problem.ProblemException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The 18-character resident ID number (居民身份证号, GB 11643-1999): 6 digits of region, 8 of birth
 * date, 3 of sequence (odd for men) and a check character (ISO 7064 MOD 11-2, X for 10).
 * {@link #toString()} is masked so that the number cannot slip into a log by accident.
 */
public final class ResidentIdNumber {

    public enum Gender { MALE, FEMALE }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final String value;
    private final LocalDate birthDate;
    private final Gender gender;

    private ResidentIdNumber(String value, LocalDate birthDate, Gender gender) {
        this.value = value;
        this.birthDate = birthDate;
        this.gender = gender;
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** Validates (a birth date after {@code today}, the business date, is refused) or answers 400 naming {@code idNumber}; never echoes the number. */
    public static ResidentIdNumber parse(String raw, LocalDate today) {
        String reason = problem(raw, today);
        if (reason != null) {
            throw ProblemException.invalid("idNumber", reason);
        }
        String v = raw.trim().toUpperCase(Locale.ROOT);
        LocalDate birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                Integer.parseInt(v.substring(12, 14)));
        Gender gender = (v.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        return new ResidentIdNumber(v, birth, gender);
    }

    /** Why the number is not valid, or null when it is. */
    public static String problem(String raw, LocalDate today) {
        if (raw == null) {
            return "is required";
        }
        String v = raw.trim().toUpperCase(Locale.ROOT);
        if (v.length() != 18) {
            return "must be 18 characters";
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(v.charAt(i)) || v.charAt(i) > '9') {
                return "the first 17 characters must be digits";
            }
        }
        char last = v.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return "the last character must be a digit or X";
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            return "does not contain a valid birth date";
        }
        if (birth.isBefore(EARLIEST) || birth.isAfter(today)) {
            return "does not contain a plausible birth date";
        }
        if (checkCharacter(v) != last) {
            return "fails the GB 11643 check digit";
        }
        return null;
    }

    /** {@code 110***********123X}: the region's first three and the last four characters. */
    public static String mask(String value) {
        return value.substring(0, 3) + "*".repeat(11) + value.substring(14);
    }

    public String value() {
        return value;
    }

    public String masked() {
        return mask(value);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return gender;
    }

    @Override
    public String toString() {
        return masked();
    }
}
