package org.unionhub.membership.demand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unionhub.membership.member.Member;
import org.unionhub.membership.organization.Organization;
import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Forum use cases: a forum is recorded once held, with the representatives present and the opinions heard. */
@ApplicationScoped
public class Forums {

    public static Forum require(UUID id) {
        Forum f = Forum.<Forum>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("forum", id));
        return f;
    }

    /**
     * @param representatives members of the organization's subtree (each once, in the order given)
     * @param opinions         the opinions heard, each counted once in the yearly figures
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Forum hold(Organization o, LocalDate heldOn, String topic, String minutes, List<UUID> representatives,
                      List<String> opinions, String actor, Instant now) {
        if (heldOn.isAfter(BusinessClock.dateOf(now))) {
            throw ProblemException.invalid("heldOn", "a forum is recorded once held; " + heldOn + " is in the future");
        }
        List<UUID> present = new ArrayList<>(new LinkedHashSet<>(representatives == null ? List.of() : representatives));
        for (int i = 0; i < present.size(); i++) {
            Member m = Member.findById(present.get(i));
            if (m == null || !OrganizationPath.isWithin(m.organizationPath, o.id)) {
                throw ProblemException.invalid("representativeMemberIds[" + i + "]",
                        "no member " + present.get(i) + " in the organization's subtree");
            }
        }
        List<String> heard = new ArrayList<>();
        if (opinions != null) {
            for (int i = 0; i < opinions.size(); i++) {
                String text = opinions.get(i);
                if (text == null || text.isBlank()) {
                    throw ProblemException.invalid("opinions[" + i + "]", "must not be blank");
                }
                heard.add(text.strip());
            }
        }
        Forum f = new Forum();
        f.id = UUID.randomUUID();
        f.organizationId = o.id;
        f.heldOn = heldOn;
        f.topic = topic.strip();
        f.minutes = minutes == null || minutes.isBlank() ? null : minutes.strip();
        f.representatives = present;
        f.opinions = heard;
        f.recordedAt = now;
        f.recordedBy = actor;
        f.persist();
        return f;
    }
}
