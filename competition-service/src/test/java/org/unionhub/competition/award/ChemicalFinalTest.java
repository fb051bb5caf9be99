package org.unionhub.competition.award;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.competition.Api;
import org.unionhub.competition.Fixtures;
import org.unionhub.infra.DevTokens;
import org.unionhub.competition.judging.Scores;
import org.unionhub.infra.TopicProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The national chemical-industry final at full size: 132 contestants from 18 provinces and 31
 * enterprises (5 central, 26 local) in 44 teams of three; THEORY, VR_SIMULATION and
 * HAZARD_SPOTTING (five judges); published with 15 individual and 5 team first prizes.
 *
 * Contestant p (0 = best) scores THEORY 99 - p/2, VR 98 - p/2 and five hazard marks around
 * 9 - p/20 (the trimmed mean is exactly that), so his total is 95.90 - p/2; three pairs are
 * made to tie: p3 = p2 (a shared rank), p11 ties p10 on the total but loses the tie-break on
 * HAZARD_SPOTTING, and p35 = p34 at the edge of the SECOND quota (15 + 20 = 35).
 */
@QuarkusTest
class ChemicalFinalTest {

    static final String[] PROVINCES = {"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海",
            "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南"};
    static final String[] CENTRAL = {"中国石油化工集团有限公司", "中国石油天然气集团有限公司", "中国海洋石油集团有限公司",
            "中国中化控股有限责任公司", "国家能源投资集团有限责任公司"};
    static final int CONTESTANTS = 132;
    static final int TEAMS = 44;

    @Inject
    Fixtures fixtures;
    @Inject
    Scores scores;

    final UUID org = UUID.randomUUID();
    final ObjectMapper json = new ObjectMapper();

    static String enterprise(int e) {
        return e < CENTRAL.length ? CENTRAL[e] : "地方化工企业" + String.format("%02d", e - CENTRAL.length + 1);
    }

    @Test
    void theChemicalFinalAtFullSize() throws Exception {
        String id = Api.create(org, Api.competitionBody("全国化工行业职业技能竞赛决赛（泉州）", 3, Api.chemicalItems(),
                List.of("HAZARD_SPOTTING", "VR_SIMULATION", "THEORY")));
        UUID competition = UUID.fromString(id);
        Api.advanceTo(org, id, "REGISTRATION");

        // registration: team t holds contestants p = t, t + 44, t + 88
        List<UUID> members = fixtures.activeMembers(CONTESTANTS, "化工选手");
        String[] contestant = new String[CONTESTANTS];
        for (int t = 0; t < TEAMS; t++) {
            int e = t % 31;
            List<UUID> team = List.of(members.get(t), members.get(t + TEAMS), members.get(t + 2 * TEAMS));
            List<String> ids = Api.team(org, id, enterprise(e) + "代表队" + (t / 31 + 1), enterprise(e), e < CENTRAL.length ? "CENTRAL" : "LOCAL",
                    PROVINCES[t % PROVINCES.length], team);
            for (int k = 0; k < 3; k++) {
                contestant[t + k * TEAMS] = ids.get(k);
            }
        }
        given().auth().oauth2(DevTokens.staff(org)).get(Api.BASE + "/" + id + "/stats").then().statusCode(200)
                .body("contestants", equalTo(132)).body("teams", equalTo(44)).body("provinces", equalTo(18))
                .body("centralEnterprises", equalTo(5)).body("localEnterprises", equalTo(26));

        UUID theory = UUID.fromString(Api.judge(org, id, "理论阅卷组", "中国化工教育协会", List.of("THEORY"), "final-theory-" + id));
        UUID vr = UUID.fromString(Api.judge(org, id, "仿真评分组", "中国化工教育协会", List.of("VR_SIMULATION"), "final-vr-" + id));
        List<UUID> hazard = new ArrayList<>();
        for (int j = 0; j < 5; j++) {
            hazard.add(UUID.fromString(Api.judge(org, id, "安全评委" + (j + 1), "中国化学品安全协会", List.of("HAZARD_SPOTTING"), "final-hz" + j + "-" + id)));
        }
        Api.advanceTo(org, id, "IN_PROGRESS");

        // generated marks, entered through the use case (the HTTP path is covered by JudgingTest)
        Random random = new Random(20230220);
        for (int p = 0; p < CONTESTANTS; p++) {
            int q = p == 3 ? 2 : p == 35 ? 34 : p; // engineered equals
            BigDecimal t = new BigDecimal("99").subtract(new BigDecimal("0.5").multiply(BigDecimal.valueOf(q)));
            BigDecimal v = new BigDecimal("98").subtract(new BigDecimal("0.5").multiply(BigDecimal.valueOf(q)));
            BigDecimal h = new BigDecimal("9.00").subtract(new BigDecimal("0.05").multiply(BigDecimal.valueOf(q)));
            if (p == 11) {
                t = new BigDecimal("98"); // THEORY(10) + 4
                v = new BigDecimal("93"); // VR(10)
                h = new BigDecimal("8.10"); // HAZARD(10) - 0.4: 0.3 × 4 = 3 × 0.4
            }
            List<BigDecimal> marks = hazardMarks(h, random, p == 3 || p == 35 ? new Random(q) : random);
            UUID c = UUID.fromString(contestant[p]);
            BigDecimal theoryScore = t;
            BigDecimal vrScore = v;
            QuarkusTransaction.requiringNew().run(() -> {
                scores.record(competition, c, "THEORY", theory, theoryScore, "final-theory-" + id, null);
                scores.record(competition, c, "VR_SIMULATION", vr, vrScore, "final-vr-" + id, null);
                for (int j = 0; j < 5; j++) {
                    scores.record(competition, c, "HAZARD_SPOTTING", hazard.get(j), marks.get(j), "final-hz" + j + "-" + id, null);
                }
            });
        }

        JsonPath result = Api.publish(id, Api.quotas(15, 20, 30), Api.quotas(5, 10, 15)).statusCode(200).extract().jsonPath();
        assertThat(result.getInt("individualPrizes.FIRST")).isEqualTo(15);
        assertThat(result.getInt("individualPrizes.SECOND")).isEqualTo(21); // 20 + the tie at the edge
        assertThat(result.getInt("individualPrizes.THIRD")).isEqualTo(29);  // one place went to the tie
        assertThat(result.getInt("teamPrizes.FIRST")).isEqualTo(5);
        assertThat(result.getInt("teamPrizes.SECOND")).isEqualTo(10);
        assertThat(result.getInt("teamPrizes.THIRD")).isEqualTo(15);
        assertThat(result.getInt("rankedContestants")).isEqualTo(132);
        assertThat(result.getInt("rankedTeams")).isEqualTo(44);
        assertThat(result.getString("nomination.memberId")).isEqualTo(members.get(0).toString());
        assertThat(result.getString("nomination.medal")).isEqualTo("NATIONAL_MAY_FIRST_LABOUR_MEDAL");
        assertThat(new BigDecimal(result.getString("nomination.total"))).isEqualByComparingTo("95.90");

        // the published individual ranking, public now
        List<Map<String, Object>> rows = given().get(Api.BASE + "/" + id + "/rankings/individuals?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(rows).hasSize(132);
        Map<String, Map<String, Object>> byContestant = new HashMap<>();
        rows.forEach(r -> byContestant.put((String) r.get("contestantId"), r));
        Map<String, Object> first = byContestant.get(contestant[0]);
        assertThat(first.get("rank")).isEqualTo(1);
        assertThat(first.get("prize")).isEqualTo("FIRST");
        assertThat(((Map<?, ?>) first.get("itemScores")).get("HAZARD_SPOTTING")).isEqualTo(9.0f);
        assertThat(rankOf(byContestant, contestant[2])).isEqualTo(3);
        assertThat(rankOf(byContestant, contestant[3])).isEqualTo(3);
        assertThat(rankOf(byContestant, contestant[4])).isEqualTo(5);
        assertThat(byContestant.get(contestant[10]).get("total")).isEqualTo(byContestant.get(contestant[11]).get("total"));
        assertThat(rankOf(byContestant, contestant[10])).isEqualTo(11);
        assertThat(rankOf(byContestant, contestant[11])).isEqualTo(12);
        assertThat(rankOf(byContestant, contestant[14])).isEqualTo(15);
        assertThat(byContestant.get(contestant[14]).get("prize")).isEqualTo("FIRST");
        assertThat(byContestant.get(contestant[15]).get("prize")).isEqualTo("SECOND");
        assertThat(rankOf(byContestant, contestant[34])).isEqualTo(35);
        assertThat(rankOf(byContestant, contestant[35])).isEqualTo(35);
        assertThat(byContestant.get(contestant[35]).get("prize")).isEqualTo("SECOND");
        assertThat(rankOf(byContestant, contestant[36])).isEqualTo(37);
        assertThat(byContestant.get(contestant[36]).get("prize")).isEqualTo("THIRD");
        assertThat(byContestant.get(contestant[65]).get("prize")).isNull();
        assertThat(rows.stream().filter(r -> "FIRST".equals(r.get("prize")))).hasSize(15);

        List<Map<String, Object>> teams = given().get(Api.BASE + "/" + id + "/rankings/teams?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(teams).hasSize(44);
        assertThat(teams.subList(0, 5)).allSatisfy(t -> assertThat(t.get("prize")).isEqualTo("FIRST"));
        assertThat(teams.get(0).get("score")).isEqualTo(73.9f); // (95.90 + 73.90 + 51.90) / 3
        assertThat(teams.get(5).get("prize")).isEqualTo("SECOND");

        JsonPath awards = given().get(Api.BASE + "/" + id + "/awards?limit=200").then().statusCode(200).extract().jsonPath();
        assertThat(awards.getList("items.findAll { it.category == 'INDIVIDUAL' && it.prize == 'FIRST' }")).hasSize(15);
        assertThat(awards.getList("items.findAll { it.category == 'TEAM' && it.prize == 'FIRST' }")).hasSize(15); // 5 teams × 3
        assertThat(awards.getList("items")).hasSize(65 + 90);

        // what membership-service consumes, on the real broker, keyed by the competition
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (TopicProbe probe = new TopicProbe(bootstrap, CompetitionEvents.TOPIC)) {
            List<ConsumerRecord<String, byte[]>> granted = probe.awaitCount(r -> id.equals(r.key())
                    && CompetitionEvents.AWARD_GRANTED.equals(TopicProbe.header(r, "ce_type")), 155, Duration.ofSeconds(90));
            assertThat(granted).hasSize(155);
            ConsumerRecord<String, byte[]> medal = probe.await(r -> id.equals(r.key())
                    && CompetitionEvents.MEDAL_NOMINATED.equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
            JsonNode m = json.readTree(medal.value());
            assertThat(m.get("memberId").asText()).isEqualTo(members.get(0).toString());
            assertThat(m.get("medal").asText()).isEqualTo("NATIONAL_MAY_FIRST_LABOUR_MEDAL");
            assertThat(m.get("rank").asInt()).isEqualTo(1);
            assertThat(m.get("total").decimalValue()).isEqualByComparingTo("95.90");
            assertThat(m.get("competitionName").asText()).isEqualTo("全国化工行业职业技能竞赛决赛（泉州）");
            assertThat(TopicProbe.header(medal, "ce_source")).isEqualTo("/unionhub/competition");
            List<JsonNode> data = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : granted) {
                data.add(json.readTree(r.value()));
            }
            JsonNode individual = data.stream().filter(d -> d.get("memberId").asText().equals(members.get(0).toString())
                    && d.get("category").asText().equals("INDIVIDUAL")).findFirst().orElseThrow();
            assertThat(individual.get("prize").asText()).isEqualTo("FIRST");
            assertThat(individual.get("rank").asInt()).isEqualTo(1);
            assertThat(individual.get("teamName").isNull()).isTrue();
            assertThat(individual.get("competitionId").asText()).isEqualTo(id);
            assertThat(individual.hasNonNull("awardId")).isTrue();
            assertThat(individual.hasNonNull("publishedAt")).isTrue();
            JsonNode team = data.stream().filter(d -> d.get("memberId").asText().equals(members.get(TEAMS).toString())
                    && d.get("category").asText().equals("TEAM")).findFirst().orElseThrow();
            assertThat(team.get("prize").asText()).isEqualTo("FIRST");
            assertThat(team.get("teamName").asText()).isEqualTo(enterprise(0) + "代表队1");
            assertThat(data.stream().map(d -> d.get("awardId").asText()).distinct()).hasSize(155);
            probe.await(r -> id.equals(r.key()) && CompetitionEvents.COMPETITION_PUBLISHED.equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(30));
        }

        // publishing again changes nothing
        Api.publish(id, Api.quotas(15, 20, 30), Api.quotas(5, 10, 15)).statusCode(200)
                .body("publishedAt", equalTo(result.getString("publishedAt")));
        assertThat(fixtures.outboxCount(competition, CompetitionEvents.AWARD_GRANTED)).isEqualTo(155);
    }

    /** Five marks whose trimmed mean is exactly {@code h}: h ± x (dropped), h ± y, h; spread 2x ≤ 1.8. */
    static List<BigDecimal> hazardMarks(BigDecimal h, Random unused, Random random) {
        BigDecimal x = new BigDecimal("0.30").add(new BigDecimal("0.10").multiply(BigDecimal.valueOf(random.nextInt(7))));
        BigDecimal y = new BigDecimal("0.05").multiply(BigDecimal.valueOf(random.nextInt(5)));
        List<BigDecimal> marks = new ArrayList<>(List.of(h.subtract(x), h.subtract(y), h, h.add(y), h.add(x)));
        Collections.shuffle(marks, random);
        return marks;
    }

    static int rankOf(Map<String, Map<String, Object>> rows, String contestantId) {
        return (Integer) rows.get(contestantId).get("rank");
    }
}
