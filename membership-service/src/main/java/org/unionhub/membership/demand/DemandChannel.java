package org.unionhub.membership.demand;

/** How a demand reached the union. */
public enum DemandChannel {
    /** raised by the member himself from the app */
    APP,
    /** recorded by staff at a forum (座谈会); names the forum */
    FORUM,
    /** recorded by staff on a visit (走访) or at the counter */
    VISIT
}
