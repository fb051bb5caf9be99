package org.unionhub.infra.access;

/**
 * The kinds of caller every operation is tried with. The organizations are relative to the record the call is
 * about: the fixture of each service decides which organization is "the subtree", which is its sibling and which its
 * ancestor, and which member is "self".
 */
public enum Caller {
    ANONYMOUS("anonymous"),
    SELF("self"),
    OTHER_MEMBER("other member"),
    SUBTREE_STAFF("subtree staff"),
    SIBLING_STAFF("sibling staff"),
    ANCESTOR_STAFF("ancestor staff"),
    FINANCE("finance"),
    PARTNER("partner"),
    OTHER_JUDGE("other judge"),
    OTHER_CHIEF_JUDGE("other chief judge"),
    ADMIN("admin");

    private final String label;

    Caller(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
