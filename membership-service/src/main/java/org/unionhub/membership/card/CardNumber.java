package org.unionhub.membership.card;

import java.security.SecureRandom;

/** A 16-digit benefit card number: the prefix 8860, 11 random digits and a Luhn check digit (catches typos at the till). */
public final class CardNumber {

    static final String PREFIX = "8860";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CardNumber() {
    }

    public static String generate() {
        StringBuilder sb = new StringBuilder(PREFIX);
        for (int i = 0; i < 11; i++) {
            sb.append(RANDOM.nextInt(10));
        }
        return sb.append(luhnDigit(sb.toString())).toString();
    }

    /** The digit that makes {@code payload + digit} pass the Luhn check. */
    public static int luhnDigit(String payload) {
        int sum = 0;
        boolean dbl = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    public static boolean isValid(String number) {
        if (number == null || number.length() != 16 || !number.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return luhnDigit(number.substring(0, 15)) == number.charAt(15) - '0';
    }
}
