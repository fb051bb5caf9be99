package org.unionhub.platform.projection;

import org.unionhub.platform.event.IncomingEvent;

/**
 * What a service does with a membership event beyond the projection (e.g. venue cancels the bookings
 * of a member who left). A CDI bean implementing it is called for each event applied for the first
 * time, in order, in the batch's transaction, after the projection holds the batch's newest states.
 */
public interface MemberEventHook {

    void onMemberEvent(IncomingEvent event);
}
