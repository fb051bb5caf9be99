package org.unionhub.competition.access;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.competition.Api;
import org.unionhub.competition.Fixtures;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.access.AccessMatrix;
import org.unionhub.infra.access.CallerTokens;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The reads that are public once a competition is published, tried on a PUBLISHED competition (section
 * "competition-published" of docs/security.md; {@link CompetitionAccessMatrixTest} shows them unpublished). Every
 * caller, the anonymous one included, is let through. The gateway's public-route check reads this table too, so the
 * edge can no longer refuse published results that competition-service gives to anyone (issue 17).
 */
@QuarkusTest
class PublishedResultsAccessMatrixTest {

    private static final Set<String> PUBLISHED_READS = Set.of(
            "GET /api/v1/competitions/{id}",
            "GET /api/v1/competitions/{id}/rankings/individuals",
            "GET /api/v1/competitions/{id}/rankings/teams",
            "GET /api/v1/competitions/{id}/awards",
            "GET /api/v1/competitions/{id}/stats");

    @Inject
    Fixtures fixtures;

    @Test
    void publishedResultsArePublicToEveryCaller() {
        UUID ancestor = fixtures.organization(null, "能源化学地质工会");
        UUID organizer = fixtures.organization(ancestor, "化工行业工会");
        UUID sibling = fixtures.organization(ancestor, "地质行业工会");
        UUID self = fixtures.activeMemberOf(organizer, "自己");
        UUID other = fixtures.activeMemberOf(sibling, "别人");
        String published = Api.create(organizer, Api.competitionBody(Api.unique("已发布"), 1,
                List.of(Api.item("THEORY", "理论知识", 100, 100, "MEASUREMENT", null)), List.of()));
        Api.advanceTo(organizer, published, "REGISTRATION");
        String winner = Api.team(organizer, published, "冠军队", "企业乙", "CENTRAL", "福建", List.of(self)).get(0);
        String account = "published-judge-" + UUID.randomUUID();
        String marker = Api.judge(organizer, published, "阅卷人", "中国化工教育协会", List.of("THEORY"), account);
        Api.advanceTo(organizer, published, "IN_PROGRESS");
        Api.score(account, published, winner, "THEORY", marker, "90").statusCode(201);
        Api.publishAs(DevTokens.role("admin"), published, Api.quotas(1, 0, 0), Api.quotas(1, 0, 0)).statusCode(200);

        AccessMatrix m = AccessMatrix.forService("competition-published")
                .include(PUBLISHED_READS::contains)
                .callers(CallerTokens.standard(self, other, organizer, sibling, ancestor));
        m.op("GET /api/v1/competitions/{id}").path("id", published)
                .rule("public: the definition of a published competition")
                .allowAll();
        for (String op : List.of("GET /api/v1/competitions/{id}/rankings/individuals",
                "GET /api/v1/competitions/{id}/rankings/teams", "GET /api/v1/competitions/{id}/awards",
                "GET /api/v1/competitions/{id}/stats")) {
            m.op(op).path("id", published)
                    .rule("public once the competition is published")
                    .allowAll();
        }
        m.verify();
    }
}
