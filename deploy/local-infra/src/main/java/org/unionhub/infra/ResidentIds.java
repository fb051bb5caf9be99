package org.unionhub.infra;

/**
 * Valid resident ID numbers for tests and scripts (GB 11643: ISO 7064 MOD 11-2 check digit over the first 17 digits),
 * computed here, independently of the code under test.
 */
public final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentIds() {
    }

    /** {@code first17} followed by its check character. */
    public static String withCheckDigit(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("expected 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }
}
