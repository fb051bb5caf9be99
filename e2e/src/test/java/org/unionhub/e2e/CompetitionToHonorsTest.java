package org.unionhub.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.e2e.Suite.activeMember;
import static org.unionhub.e2e.Suite.as;
import static org.unionhub.e2e.Suite.eventually;
import static org.unionhub.e2e.Suite.idNumber;
import static org.unionhub.e2e.Suite.member;
import static org.unionhub.e2e.Suite.org;
import static org.unionhub.e2e.Suite.staff;

/**
 * A small competition through the gateway: registration, a judge's marks, the chief judge's publication; the rankings
 * are then public without a token and tied contestants share a rank; the winner's first prize and his May 1st Labour
 * Medal nomination appear among his honors in membership-service.
 */
class CompetitionToHonorsTest {

    @Test
    void judgedMarksArePublishedRankedPubliclyWithSharedRanksAndBecomeTheWinnersHonors() {
        UUID union = org("中国能源化学地质工会", "FEDERATION_PROVINCIAL", null);
        UUID winner = activeMember(union, idNumber());
        UUID second = activeMember(union, idNumber());
        UUID tied = activeMember(union, idNumber());
        String staff = staff(union);
        String name = "全国化工行业职业技能竞赛-" + Suite.suffix();
        String comp = as(staff).body("{\"name\":\"" + name + "\",\"industry\":\"CHEMICAL\",\"level\":\"NATIONAL\",\"stage\":\"FINAL\","
                        + "\"organizers\":[\"中国能源化学地质工会\"],\"location\":\"泉州\",\"startsOn\":\"2023-02-20\",\"endsOn\":\"2023-02-22\","
                        + "\"teamSize\":1,\"items\":[{\"code\":\"THEORY\",\"name\":\"理论知识\",\"weight\":100,\"maxScore\":100,"
                        + "\"kind\":\"MEASUREMENT\"}],\"tieBreakOrder\":[]}")
                .post("/api/v1/competitions").then().statusCode(201).extract().path("id");
        advance(staff, comp, "REGISTRATION");
        // competition-service learns of the members by events
        String c1 = contestant(staff, comp, winner, "一队", "中国石化");
        String c2 = contestant(staff, comp, second, "二队", "中国中化");
        String c3 = contestant(staff, comp, tied, "三队", "万华化学");
        String judgeAccount = "judge-e2e-" + Suite.suffix();
        String judge = as(staff).body("{\"name\":\"张裁判\",\"enterprise\":\"应急管理部化学品登记中心\",\"items\":[\"THEORY\"],"
                + "\"account\":\"" + judgeAccount + "\"}").post("/api/v1/competitions/" + comp + "/judges").then().statusCode(201)
                .extract().path("id");
        advance(staff, comp, "IN_PROGRESS");
        String judgeToken = DevTokens.role("judge", judgeAccount);
        score(judgeToken, comp, c1, judge, "95.5");
        score(judgeToken, comp, c2, judge, "88");
        score(judgeToken, comp, c3, judge, "88");
        // not yet published: nobody outside sees the rankings, an anonymous caller is asked to sign in
        assertThat(as(null).get("/api/v1/competitions/" + comp + "/rankings/individuals").statusCode()).isEqualTo(401);

        String chiefAccount = "chief-e2e-" + Suite.suffix();
        as(staff).body("{\"name\":\"李总裁判长\",\"enterprise\":\"中国化学品安全协会\",\"items\":[],\"account\":\"" + chiefAccount
                + "\",\"role\":\"CHIEF_JUDGE\"}").post("/api/v1/competitions/" + comp + "/judges").then().statusCode(201);
        as(DevTokens.role("chief-judge", chiefAccount))
                .body("{\"individualQuotas\":{\"FIRST\":1,\"SECOND\":2,\"THIRD\":0},\"teamQuotas\":{\"FIRST\":1,\"SECOND\":0,\"THIRD\":0}}")
                .post("/api/v1/competitions/" + comp + "/publish").then().statusCode(200);

        // public now, without a token, through the gateway: details, rankings with the shared rank, awards
        assertThat(as(null).get("/api/v1/competitions/" + comp).<String>path("status")).isEqualTo("PUBLISHED");
        Response ranking = as(null).get("/api/v1/competitions/" + comp + "/rankings/individuals");
        assertThat(ranking.statusCode()).isEqualTo(200);
        List<Map<String, Object>> rows = ranking.jsonPath().getList("items");
        assertThat(rows).extracting(r -> r.get("memberId")).first().isEqualTo(winner.toString());
        assertThat(rows).extracting(r -> ((Number) r.get("rank")).intValue()).containsExactly(1, 2, 2);
        assertThat(rows).extracting(r -> r.get("prize")).containsExactly("FIRST", "SECOND", "SECOND");
        assertThat(as(null).get("/api/v1/competitions/" + comp + "/awards").statusCode()).isEqualTo(200);

        // membership turns the award and the nomination into the winner's honors
        List<Map<String, Object>> honors = eventually(10, () -> as(member(winner)).get("/api/v1/members/" + winner + "/honors")
                .jsonPath().<Map<String, Object>>getList("items"), h -> h != null && h.size() >= 2);
        assertThat(honors).extracting(h -> h.get("kind")).contains("COMPETITION_PRIZE", "MEDAL_NOMINATION");
        assertThat(honors).extracting(h -> String.valueOf(h.get("title"))).anyMatch(t -> t.contains(name) && t.contains("个人一等奖"));
        List<Map<String, Object>> tiedHonors = eventually(10, () -> as(member(tied)).get("/api/v1/members/" + tied + "/honors")
                .jsonPath().<Map<String, Object>>getList("items"), h -> h != null && !h.isEmpty());
        assertThat(tiedHonors).extracting(h -> String.valueOf(h.get("title"))).anyMatch(t -> t.contains("个人二等奖"));
        assertThat(tiedHonors).extracting(h -> h.get("kind")).doesNotContain("MEDAL_NOMINATION");
    }

    private static void advance(String staff, String comp, String status) {
        as(staff).body("{\"status\":\"" + status + "\"}").post("/api/v1/competitions/" + comp + "/status").then().statusCode(200);
    }

    private static String contestant(String staff, String comp, UUID member, String team, String enterprise) {
        Response r = eventually(10, () -> as(staff).body("{\"name\":\"" + team + "\",\"enterprise\":\"" + enterprise
                        + "\",\"enterpriseType\":\"CENTRAL\",\"province\":\"福建\",\"memberIds\":[\"" + member + "\"]}")
                .post("/api/v1/competitions/" + comp + "/teams"), x -> x.statusCode() == 201);
        return r.path("contestants[0].contestantId");
    }

    private static void score(String judgeToken, String comp, String contestant, String judge, String score) {
        as(judgeToken).body("{\"contestantId\":\"" + contestant + "\",\"itemCode\":\"THEORY\",\"judgeId\":\"" + judge
                + "\",\"score\":" + score + "}").post("/api/v1/competitions/" + comp + "/scores").then().statusCode(201);
    }
}
