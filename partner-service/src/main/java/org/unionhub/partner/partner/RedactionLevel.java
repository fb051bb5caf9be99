package org.unionhub.partner.partner;

/**
 * How much of each event a partner receives (the exact fields per level: {@link Redaction}).
 * <ul>
 *   <li>{@code FULL}: the event as published, less the fields that must never leave UnionHub at all;</li>
 *   <li>{@code NO_PERSONAL_DATA}: no names of persons, card numbers, ID numbers, phones, addresses or free text
 *       about a person; the member id (a pseudonymous UUID) stays;</li>
 *   <li>{@code AGGREGATE_ONLY}: only the fields that can be counted and summed by organization (an allow-list);
 *       no id of a person or of his records, and the CloudEvent subject replaced by a pseudonym.</li>
 * </ul>
 */
public enum RedactionLevel {
    FULL,
    NO_PERSONAL_DATA,
    AGGREGATE_ONLY
}
