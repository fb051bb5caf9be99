package org.unionhub.platform.paging;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    private static final UUID ID = UUID.fromString("6f1c2a34-8a52-4b8e-9a57-0f6a8d1e2c3b");

    @Test
    void aCursorGivesBackTheKeysOfTheLastRowWithTheirTypes() {
        Instant startsAt = Instant.parse("2026-12-31T16:00:00Z");
        String cursor = PageRequest.encode(startsAt, ID, "/省总工会/", 40);
        Cursor c = PageRequest.of(5, cursor).cursor(4);
        assertThat(c.instant(0)).isEqualTo(startsAt);
        assertThat(c.uuid(1)).isEqualTo(ID);
        assertThat(c.text(2)).isEqualTo("/省总工会/");
        assertThat(c.position(3)).isEqualTo(40);
    }

    @Test
    void aCursorOfAnotherListingIsRefusedNamingTheCursor() {
        String twoKeys = PageRequest.encode(Instant.parse("2026-01-01T00:00:00Z"), ID);
        assertThatThrownBy(() -> PageRequest.of(5, twoKeys).cursor(1))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertCursorProblem(e));
    }

    @Test
    void keysThatDoNotParseAreTheSameBadCursorNotAServerError() {
        Cursor c = PageRequest.of(5, PageRequest.encode("not-a-time", "not-a-uuid", -3)).cursor(3);
        assertThatThrownBy(() -> c.instant(0)).isInstanceOfSatisfying(ProblemException.class, CursorTest::assertCursorProblem);
        assertThatThrownBy(() -> c.uuid(1)).isInstanceOfSatisfying(ProblemException.class, CursorTest::assertCursorProblem);
        assertThatThrownBy(() -> c.position(2)).isInstanceOfSatisfying(ProblemException.class, CursorTest::assertCursorProblem);
        assertThatThrownBy(() -> PageRequest.of(5, "%%%").cursor(1)).isInstanceOfSatisfying(ProblemException.class, CursorTest::assertCursorProblem);
    }

    private static void assertCursorProblem(ProblemException e) {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors()).extracting(f -> f.field()).containsExactly("cursor");
    }
}
