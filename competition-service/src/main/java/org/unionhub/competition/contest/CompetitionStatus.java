package org.unionhub.competition.contest;

/** A competition's life, only ever one step forward. */
public enum CompetitionStatus {
    DRAFT, REGISTRATION, IN_PROGRESS, SCORING_CLOSED, PUBLISHED;

    /** The only status this one may move to, or null at the end. */
    public CompetitionStatus next() {
        return this == PUBLISHED ? null : values()[ordinal() + 1];
    }

    public boolean mayMoveTo(CompetitionStatus target) {
        return target != null && target == next();
    }
}
