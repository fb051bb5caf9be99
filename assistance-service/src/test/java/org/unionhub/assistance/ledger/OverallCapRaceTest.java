package org.unionhub.assistance.ledger;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.RepeatedTest;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.infra.DevTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;

/**
 * The overall cap across programs holds when approvals in different programs race: each program's
 * own cap has room, only the member's yearly total across them runs out.
 */
@QuarkusTest
@TestProfile(OverallCapRaceTest.OverallCapOf9000.class)
class OverallCapRaceTest {

    public static class OverallCapOf9000 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assistance.overall-cap-per-person-year", "9000.00");
        }
    }

    @Inject
    TestData data;

    @RepeatedTest(3)
    void approvalsInTwoProgramsRacingForTheOverallCapNeverExceedIt() throws Exception {
        String first = program();
        String second = program();
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(TestData.submit(member, i % 2 == 0 ? first : second, "2000.00", Map.of()));
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String approver = staff(tree.county(), "o" + i);
            calls.add(() -> as(approver).body(Map.of("approvedAmount", "2000.00"))
                    .post("/api/v1/applications/" + id + "/approve").statusCode());
        }

        List<Integer> codes = TestData.race(calls);

        // 4 × 2,000 = 8,000 fit in 9,000; a fifth would make 10,000. Each program alone holds only 6,000 of its 10,000.
        assertThat(codes.stream().filter(c -> c == 200).count()).isEqualTo(4);
        assertThat(codes.stream().filter(c -> c == 422).count()).isEqualTo(2);
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/assistance").then().statusCode(200)
                .body("total", equalTo("8000.00"))
                .body("overallCap", equalTo("9000.00"))
                .body("overallRemaining", equalTo("1000.00"));
        // what was refused was refused for the overall cap, and still is
        String refused = ids.get(codes.indexOf(422));
        as(staff(tree.county(), "later")).body(Map.of("approvedAmount", "2000.00"))
                .post("/api/v1/applications/" + refused + "/approve").then().statusCode(422)
                .body("type", endsWith("overall-cap-exceeded"));
    }

    private static String program() {
        String admin = DevTokens.role("admin");
        String code = "OVERALL_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(admin).body(Map.of("code", code, "name", "专项救助", "money", true, "capPerPersonYear", "10000.00"))
                .post("/api/v1/programs").then().statusCode(201);
        as(admin).body(Map.of("year", TestData.thisYear(), "amount", "1000000.00"))
                .post("/api/v1/programs/" + code + "/funds").then().statusCode(201);
        return code;
    }
}
