package org.unionhub.assistance.relief;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.RepeatedTest;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.relief.ReliefFixtures.Tree;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.relief.ReliefFixtures.define;
import static org.unionhub.assistance.relief.ReliefFixtures.staff;

/** Campaign commits racing each other and single approvals, on real threads: no cap and no fund is ever passed. */
@QuarkusTest
class ReliefRaceTest {

    @Inject
    ReliefFixtures data;

    private static Callable<Integer> approveCampaign(Tree tree, String campaign, String who) {
        return () -> as(staff(tree.city(), who)).body("{}").post("/api/v1/relief-campaigns/" + campaign + "/approve").statusCode();
    }

    @RepeatedTest(3)
    void aCampaignAndSingleApplicationsRacingForTheSameCapsNeverPassThem() throws Exception {
        Tree tree = data.tree();
        String program = data.program("100.00", "100000.00");
        List<UUID> members = data.members(tree.grassroots(), 8, "ACTIVE", "EMPLOYEE");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String application = TestData.submit(members.get(i), program, "80.00", Map.of());
            String approver = staff(tree.county(), "a" + i);
            calls.add(() -> as(approver).body(Map.of("approvedAmount", "80.00"))
                    .post("/api/v1/applications/" + application + "/approve").statusCode());
        }
        String campaign = define(tree, program, "30.00", Map.of());
        calls.add(approveCampaign(tree, campaign, "zhao"));

        List<Integer> codes = TestData.race(calls);

        assertThat(codes.get(codes.size() - 1)).as("the campaign's approval").isEqualTo(200);
        long approvedApplications = codes.subList(0, members.size()).stream().filter(c -> c == 200).count();
        assertThat(codes.subList(0, members.size())).allMatch(c -> c == 200 || c == 422);
        long entitled = data.rows("relief_entitlement", "campaign_id = ?1 AND status = 'COMMITTED'", UUID.fromString(campaign));
        // 80 + 30 > 100: each member got the application or the campaign's share, never both
        assertThat(approvedApplications + entitled).isEqualTo(members.size());
        BigDecimal total = BigDecimal.ZERO;
        for (UUID m : members) {
            BigDecimal committed = data.committed(m, program);
            assertThat(committed).isIn(new BigDecimal("80.00"), new BigDecimal("30.00"));
            total = total.add(committed);
        }
        assertThat(data.reserved(program)).isEqualByComparingTo(total);
    }

    @RepeatedTest(3)
    void twoCampaignsRacingForTheSameMembersAndAShortFundNeverPassCapsOrFund() throws Exception {
        Tree tree = data.tree();
        String program = data.program("100.00", "300.00");   // five shares of 60.00
        List<UUID> members = data.members(tree.grassroots(), 8, "ACTIVE", "EMPLOYEE");
        String first = define(tree, program, "60.00", Map.of());
        String second = define(tree, program, "60.00", Map.of());
        // and a single application racing them for the same money
        String application = TestData.submit(members.get(0), program, "60.00", Map.of());

        List<Integer> codes = TestData.race(List.of(approveCampaign(tree, first, "zhao"), approveCampaign(tree, second, "qian"),
                () -> as(staff(tree.county(), "a")).body(Map.of("approvedAmount", "60.00"))
                        .post("/api/v1/applications/" + application + "/approve").statusCode()));

        assertThat(codes.subList(0, 2)).containsOnly(200);
        assertThat(codes.get(2)).isIn(200, 422);
        assertThat(data.reserved(program)).isEqualByComparingTo("300.00");
        int shares = 0;
        for (UUID m : members) {
            BigDecimal committed = data.committed(m, program);
            assertThat(committed).isIn(new BigDecimal("0.00"), new BigDecimal("60.00"));   // never 120.00
            shares += committed.signum();
        }
        assertThat(shares).isEqualTo(5);
    }
}
