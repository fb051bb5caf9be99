package org.unionhub.platform.event;

/** Names of events and topics, built the one way the conventions give. */
public final class EventTypes {

    private EventTypes() {
    }

    /** {@code org.unionhub.<service>.<aggregate>.<verb>.v<major>} */
    public static String type(String service, String aggregate, String pastTenseVerb, int major) {
        return "org.unionhub." + service + "." + aggregate + "." + pastTenseVerb + ".v" + major;
    }

    /** {@code /unionhub/<service>} */
    public static String source(String service) {
        return "/unionhub/" + service;
    }

    /** The dead-letter topic of a topic. */
    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }
}
