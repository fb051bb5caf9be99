package org.unionhub.partner.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.OrganizationView;
import org.unionhub.platform.time.BusinessClock;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Registering partners (admin). */
@ApplicationScoped
public class Partners {

    /** The event types partner-service relays: those of the four domain services' topics. */
    public static final Pattern RELAYED_TYPE = Pattern.compile("org\\.unionhub\\.(membership|venue|assistance|competition)\\.[a-z]+\\.[a-z]+\\.v[0-9]+");

    public record Registration(String name, String contact, List<String> allowedEventTypes, UUID organizationId,
                               RedactionLevel redaction, Boolean kafkaStream) {
    }

    @Inject
    BusinessClock clock;

    @Transactional
    public Partner register(Registration r, String actor) {
        Partner p = new Partner();
        p.id = UUID.randomUUID();
        p.name = r.name();
        p.contact = r.contact();
        p.allowedEventTypes = checkedTypes("allowedEventTypes", r.allowedEventTypes());
        if (r.organizationId() != null && OrganizationView.findById(r.organizationId()) == null) {
            throw ProblemException.rule("organization-unknown", "organization " + r.organizationId()
                    + " is not known (yet) to partner-service").with("organizationId", r.organizationId());
        }
        p.organizationId = r.organizationId();
        p.redaction = r.redaction();
        p.kafkaStream = r.kafkaStream() == null || r.kafkaStream();
        p.createdAt = clock.now();
        p.createdBy = actor;
        p.persist();
        return p;
    }

    static String[] checkedTypes(String field, List<String> types) {
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (int i = 0; i < types.size(); i++) {
            String t = types.get(i);
            if (t == null || !RELAYED_TYPE.matcher(t).matches()) {
                throw ProblemException.invalid(field + "[" + i + "]", "is not an event type partner-service relays"
                        + " (org.unionhub.<membership|venue|assistance|competition>.<aggregate>.<verb>.v<major>)");
            }
            set.add(t);
        }
        return set.toArray(String[]::new);
    }
}
