package org.unionhub.competition;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.unionhub.infra.DevTokens;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** The HTTP calls the competition tests make over and over. */
public final class Api {

    public static final String BASE = "/api/v1/competitions";

    private Api() {
    }

    public static Map<String, Object> item(String code, String name, int weight, int maxScore, String kind, Number tolerance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("weight", weight);
        m.put("maxScore", maxScore);
        m.put("kind", kind);
        if (tolerance != null) {
            m.put("tolerance", tolerance);
        }
        return m;
    }

    /** The chemical final's three parts. */
    public static List<Map<String, Object>> chemicalItems() {
        return List.of(item("THEORY", "理论知识", 30, 100, "MEASUREMENT", null),
                item("VR_SIMULATION", "VR/3D仿真操作", 40, 100, "MEASUREMENT", null),
                item("HAZARD_SPOTTING", "现场安全隐患排查", 30, 10, "JUDGEMENT", 2));
    }

    public static Map<String, Object> competitionBody(String name, int teamSize, List<Map<String, Object>> items, List<String> tieBreak) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("industry", "CHEMICAL");
        b.put("level", "NATIONAL");
        b.put("stage", "FINAL");
        b.put("organizers", List.of("中国能源化学地质工会", "中国职工技术协会"));
        b.put("location", "泉州");
        b.put("startsOn", "2023-02-20");
        b.put("endsOn", "2023-02-22");
        b.put("teamSize", teamSize);
        b.put("items", items);
        b.put("tieBreakOrder", tieBreak);
        return b;
    }

    public static String create(UUID org, Map<String, Object> body) {
        return given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON).body(body)
                .post(BASE).then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse advance(UUID org, String id, String status) {
        return given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON).body(Map.of("status", status))
                .post(BASE + "/" + id + "/status").then();
    }

    public static void advanceTo(UUID org, String id, String... statuses) {
        for (String s : statuses) {
            advance(org, id, s).statusCode(200);
        }
    }

    public static ValidatableResponse registerTeam(UUID org, String id, String name, String enterprise, String type, String province,
                                                   List<UUID> members) {
        return given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "enterprise", enterprise, "enterpriseType", type, "province", province, "memberIds", members))
                .post(BASE + "/" + id + "/teams").then();
    }

    /** Registers a team and answers its contestant ids, in the order of the members given. */
    public static List<String> team(UUID org, String id, String name, String enterprise, String type, String province, List<UUID> members) {
        List<Map<String, Object>> contestants = registerTeam(org, id, name, enterprise, type, province, members)
                .statusCode(201).extract().path("contestants");
        List<String> out = new ArrayList<>();
        for (UUID m : members) {
            out.add(contestants.stream().filter(c -> m.toString().equals(c.get("memberId"))).findFirst().orElseThrow()
                    .get("contestantId").toString());
        }
        return out;
    }

    public static String judge(UUID org, String id, String name, String enterprise, List<String> items, String account) {
        return given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "enterprise", enterprise, "items", items, "account", account))
                .post(BASE + "/" + id + "/judges").then().statusCode(201).extract().path("id");
    }

    /** Appoints {@code account} as the chief judge of the competition, as staff of its organizer. */
    public static ValidatableResponse appointChief(UUID org, String id, String name, String account) {
        return given().auth().oauth2(DevTokens.staff(org)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "enterprise", "中国化工教育协会", "role", "CHIEF_JUDGE", "account", account))
                .post(BASE + "/" + id + "/judges").then();
    }

    private static final Map<String, String> CHIEFS = new ConcurrentHashMap<>();

    /**
     * The account of the competition's chief judge, appointed by an admin on first use (before publication; the
     * concurrent publication tests ask for it from many threads at once, hence computeIfAbsent).
     */
    public static String chief(String id) {
        return CHIEFS.computeIfAbsent(id, k -> {
            String account = "chief-" + k;
            given().auth().oauth2(DevTokens.role("admin")).contentType(ContentType.JSON)
                    .body(Map.of("name", "总裁判长", "enterprise", "中国化工教育协会", "role", "CHIEF_JUDGE", "account", account))
                    .post(BASE + "/" + k + "/judges").then().statusCode(201);
            return account;
        });
    }

    /** A token of the competition's appointed chief judge. */
    public static String chiefToken(String id) {
        return DevTokens.role("chief-judge", chief(id));
    }

    public static ValidatableResponse score(String account, String id, String contestantId, String item, String judgeId, String score) {
        return given().auth().oauth2(DevTokens.role("judge", account)).contentType(ContentType.JSON)
                .body(Map.of("contestantId", contestantId, "itemCode", item, "judgeId", judgeId, "score", new BigDecimal(score)))
                .post(BASE + "/" + id + "/scores").then();
    }

    public static Map<String, Object> quotas(int first, int second, int third) {
        return Map.of("FIRST", first, "SECOND", second, "THIRD", third);
    }

    /** Publishes as the competition's appointed chief judge. */
    public static ValidatableResponse publish(String id, Map<String, Object> individual, Map<String, Object> team) {
        return publishAs(chiefToken(id), id, individual, team);
    }

    public static ValidatableResponse publishAs(String token, String id, Map<String, Object> individual, Map<String, Object> team) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("individualQuotas", individual, "teamQuotas", team))
                .post(BASE + "/" + id + "/publish").then();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
