package org.unionhub.competition.badinput;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.competition.Api;
import org.unionhub.competition.Fixtures;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.fuzz.BadInputCampaign;
import org.unionhub.infra.fuzz.RowCounts;

import javax.sql.DataSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Generated bad input against every operation of competition-service's OpenAPI document (issue 16): never a 5xx,
 * every 4xx problem+json, nothing written on a 4xx. The scores and mark confirmations are sent as the judge and the
 * chief judge appointed to the competition, every other operation as an admin.
 */
@QuarkusTest
class CompetitionBadInputTest {

    static final int CASES = Integer.getInteger("unionhub.bad-input.cases", 2_100);

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    Fixtures fixtures;

    @Inject
    ObjectMapper json;

    @Test
    void generatedBadInputNeverAnswers5xxAndWritesNothingWhenRefused() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID parent = fixtures.organization(null, "能源化学地质工会");
        UUID organizer = fixtures.organization(parent, "化工行业工会");
        UUID member = fixtures.activeMemberOf(organizer, "选手");
        List<Map<String, Object>> items = List.of(Api.item("THEORY", "理论知识", 50, 100, "MEASUREMENT", null),
                Api.item("HAZARD_SPOTTING", "现场安全隐患排查", 50, 10, "JUDGEMENT", 2));
        String running = Api.create(organizer, Api.competitionBody(Api.unique("坏输入"), 1, items, List.of()));
        Api.advanceTo(organizer, running, "REGISTRATION");
        String contestant = Api.team(organizer, running, "坏输入队", "企业甲", "LOCAL", "江苏", List.of(member)).get(0);
        String judgeAccount = "bad-judge-" + tag;
        String judge = Api.judge(organizer, running, "阅卷组", "中国化工教育协会", List.of("THEORY"), judgeAccount);
        String chiefToken = Api.chiefToken(running);
        Api.advanceTo(organizer, running, "IN_PROGRESS");
        String judgeToken = DevTokens.role("judge", judgeAccount);
        String admin = DevTokens.role("admin");

        BadInputCampaign.forService("competition")
                .baseUri(base)
                .cases(CASES)
                .token(key -> key.endsWith("/scores") && key.startsWith("POST") ? judgeToken
                        : key.endsWith("/marks/confirm") ? chiefToken : admin)
                .pathValue("id", running)
                .pathValue("cid", contestant)
                .pathValue("memberId", member)
                .pathValue("/internal/projections/", "id", member)
                .body("POST /api/v1/competitions", json.writeValueAsString(Api.competitionBody("坏输入新建", 1,
                        List.of(Api.item("THEORY", "理论知识", 100, 100, "MEASUREMENT", null)), List.of())))
                .body("POST /api/v1/competitions/{id}/teams", json.writeValueAsString(Map.of("name", "队", "enterprise",
                        "企业", "enterpriseType", "LOCAL", "province", "江苏", "memberIds",
                        List.of(fixtures.activeMemberOf(organizer, "报名")))))
                .body("POST /api/v1/competitions/{id}/judges", json.writeValueAsString(Map.of("name", "评委", "enterprise",
                        "企业丙", "items", List.of("THEORY"), "account", "bad-new-" + tag)))
                .body("POST /api/v1/competitions/{id}/scores", json.writeValueAsString(Map.of("contestantId", contestant,
                        "itemCode", "THEORY", "judgeId", judge, "score", 50)))
                .body("POST /api/v1/competitions/{id}/marks/confirm", json.writeValueAsString(Map.of("contestantId",
                        contestant, "itemCode", "HAZARD_SPOTTING", "note", "复核")))
                .body("POST /api/v1/competitions/{id}/contestants/{cid}/disqualify", "{\"reason\":\"携带违禁通讯设备\"}")
                .body("POST /api/v1/competitions/{id}/publish", "{\"individualQuotas\":{\"FIRST\":1},\"teamQuotas\":{\"FIRST\":1}}")
                .rowCounts(RowCounts.of(dataSource))
                .verify();
    }
}
