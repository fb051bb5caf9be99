package org.unionhub.assistance.relief;

/** {@code DRAFT} (defined, previewed) → {@code COMMITTED} (approved: entitlements counted) → {@code DISBURSED} (paid once). */
public enum CampaignStatus {
    DRAFT, COMMITTED, DISBURSED
}
