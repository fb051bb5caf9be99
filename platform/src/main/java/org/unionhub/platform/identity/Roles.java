package org.unionhub.platform.identity;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {
    public static final String MEMBER = "member";
    public static final String STAFF = "staff";
    public static final String JUDGE = "judge";
    public static final String CHIEF_JUDGE = "chief-judge";
    public static final String FINANCE = "finance";
    public static final String ADMIN = "admin";
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
