package org.unionhub.competition.team;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.competition.Api;
import org.unionhub.competition.Fixtures;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;
import org.unionhub.platform.projection.MemberView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class TeamRegistrationTest {

    @Inject
    Fixtures fixtures;

    final UUID org = UUID.randomUUID();

    String openCompetition(int teamSize) {
        String id = Api.create(org, Api.competitionBody(Api.unique("报名"), teamSize, Api.chemicalItems(), List.of()));
        Api.advanceTo(org, id, "REGISTRATION");
        return id;
    }

    @Test
    void aTeamOfTeamSizeActiveMembersRegistersAndTheStatsCountIt() {
        String id = openCompetition(3);
        List<UUID> m = fixtures.activeMembers(9, "选手");
        Api.registerTeam(org, id, "中国石化一队", "中国石油化工集团有限公司", "CENTRAL", "福建", m.subList(0, 3))
                .statusCode(201).body("contestants", hasSize(3)).body("enterpriseType", equalTo("CENTRAL"))
                .body("contestants.name", hasItem("选手1"));
        Api.registerTeam(org, id, "中国石化二队", "中国石油化工集团有限公司", "CENTRAL", "山东", m.subList(3, 6)).statusCode(201);
        Api.registerTeam(org, id, "万华化学队", "万华化学集团股份有限公司", "LOCAL", "山东", m.subList(6, 9)).statusCode(201);
        given().auth().oauth2(DevTokens.staff(org)).get(Api.BASE + "/" + id + "/stats").then().statusCode(200)
                .body("contestants", equalTo(9)).body("teams", equalTo(3)).body("provinces", equalTo(2))
                .body("centralEnterprises", equalTo(1)).body("localEnterprises", equalTo(1));
        given().auth().oauth2(DevTokens.staff(org)).get(Api.BASE + "/" + id + "/teams?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue());
    }

    @Test
    void aTeamMustHaveExactlyTeamSizeContestants() {
        String id = openCompetition(3);
        List<UUID> m = fixtures.activeMembers(4, "人数");
        Api.registerTeam(org, id, "两人队", "某企业", "LOCAL", "江苏", m.subList(0, 2))
                .statusCode(422).body("type", endsWith("/team-size")).body("teamSize", equalTo(3));
        Api.registerTeam(org, id, "四人队", "某企业", "LOCAL", "江苏", m).statusCode(422);
        Api.registerTeam(org, id, "重复队", "某企业", "LOCAL", "江苏", List.of(m.get(0), m.get(0), m.get(1)))
                .statusCode(400).body("errors[0].field", equalTo("memberIds[1]"));
    }

    @Test
    void everyContestantMustBeAnActiveUnionMember() {
        String id = openCompetition(3);
        List<UUID> m = fixtures.activeMembers(3, "会籍");
        fixtures.setStatus(m.get(2), "SUSPENDED");
        Api.registerTeam(org, id, "停会队", "某企业", "LOCAL", "江苏", m)
                .statusCode(422).body("type", endsWith("/member-not-active")).body("memberId", equalTo(m.get(2).toString()));
        Api.registerTeam(org, id, "陌生人队", "某企业", "LOCAL", "江苏", List.of(m.get(0), m.get(1), UUID.randomUUID()))
                .statusCode(422).body("type", endsWith("/member-not-active"));
    }

    @Test
    void aMemberCompetesInOneTeamPerCompetition() {
        String id = openCompetition(2);
        List<UUID> m = fixtures.activeMembers(3, "一队");
        Api.registerTeam(org, id, "甲队", "甲企业", "LOCAL", "浙江", m.subList(0, 2)).statusCode(201);
        Api.registerTeam(org, id, "乙队", "乙企业", "LOCAL", "浙江", List.of(m.get(1), m.get(2)))
                .statusCode(409).body("type", endsWith("/already-registered")).body("memberId", equalTo(m.get(1).toString()));
        // another competition is another matter
        String other = openCompetition(2);
        Api.registerTeam(org, other, "乙队", "乙企业", "LOCAL", "浙江", List.of(m.get(1), m.get(2))).statusCode(201);
    }

    @Test
    void concurrentRegistrationsClaimingOneMemberLetExactlyOneTeamIn() throws Exception {
        String id = openCompetition(2);
        List<UUID> m = fixtures.activeMembers(9, "抢报");
        UUID shared = m.get(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                List<UUID> members = List.of(shared, m.get(i));
                String name = "并发队" + i;
                calls.add(() -> Api.registerTeam(org, id, name, "企业" + name, "LOCAL", "江苏", members).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(DevTokens.staff(org)).get(Api.BASE + "/" + id + "/stats").then().body("contestants", equalTo(2)).body("teams", equalTo(1));
    }

    @Test
    void teamsRegisterOnlyWhileRegistrationIsOpen() {
        String id = Api.create(org, Api.competitionBody(Api.unique("未开放"), 1, Api.chemicalItems(), List.of()));
        List<UUID> m = fixtures.activeMembers(2, "迟到");
        Api.registerTeam(org, id, "早到队", "企业", "LOCAL", "江苏", m.subList(0, 1))
                .statusCode(409).body("type", endsWith("/registration-closed")).body("currentStatus", equalTo("DRAFT"));
        Api.advanceTo(org, id, "REGISTRATION", "IN_PROGRESS");
        Api.registerTeam(org, id, "迟到队", "企业", "LOCAL", "江苏", m.subList(1, 2))
                .statusCode(409).body("currentStatus", equalTo("IN_PROGRESS"));
    }

    @Test
    void onlyStaffRegisterTeams() {
        String id = openCompetition(1);
        List<UUID> m = fixtures.activeMembers(1, "自报");
        given().auth().oauth2(DevTokens.member(m.get(0))).contentType(ContentType.JSON)
                .body(Map.of("name", "自己队", "enterprise", "企业", "enterpriseType", "LOCAL", "province", "江苏", "memberIds", m))
                .post(Api.BASE + "/" + id + "/teams").then().statusCode(403);
        Api.registerTeam(UUID.randomUUID(), id, "外省队", "企业", "LOCAL", "江苏", m).statusCode(403);
    }

    @Test
    void aMemberWhoJoinedOverKafkaCanCompete() throws Exception {
        UUID member = UUID.randomUUID();
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        TopicProbe.sendCloudEvent(bootstrap, "membership.member.v1", member.toString(), UUID.randomUUID(),
                "org.unionhub.membership.member.joined.v1", "/unionhub/membership", Instant.now().toString(),
                "{\"memberId\":\"" + member + "\",\"name\":\"化工操作工张伟\",\"status\":\"ACTIVE\",\"organizationId\":\""
                        + UUID.randomUUID() + "\",\"organizationAncestors\":[],\"employmentForm\":\"EMPLOYEE\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> fixtures.organizationOfOrNull(member) != null);
        String id = openCompetition(1);
        Api.registerTeam(org, id, "张伟队", "企业", "LOCAL", "江苏", List.of(member))
                .statusCode(201).body("contestants[0].name", equalTo("化工操作工张伟"));
    }
}
