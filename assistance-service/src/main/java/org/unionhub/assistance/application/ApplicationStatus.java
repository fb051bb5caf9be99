package org.unionhub.assistance.application;

/** SUBMITTED → (AWAITING_SECOND_APPROVAL →) APPROVED → DISBURSED, or REJECTED before payment. */
public enum ApplicationStatus {
    SUBMITTED, AWAITING_SECOND_APPROVAL, APPROVED, REJECTED, DISBURSED;

    public boolean isOpen() {
        return this != REJECTED && this != DISBURSED;
    }
}
