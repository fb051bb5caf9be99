package org.unionhub.platform.http;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ETagsTest {

    @Test
    void theETagOfAReadIsAcceptedBackQuotedWeakOrBare() {
        assertThat(ETags.expected(ETags.of(7))).isEqualTo(7L);
        assertThat(ETags.expected("W/\"7\"")).isEqualTo(7L);
        assertThat(ETags.expected(" 7 ")).isEqualTo(7L);
        assertThat(ETags.expected(null)).isNull();
        assertThat(ETags.expected("*")).isNull();
        assertThat(ETags.weakTag(7).isWeak()).isTrue();
        assertThat(ETags.weakTag(7).getValue()).isEqualTo("7");
    }

    @Test
    void somethingThatIsNoETagOfOursIsBadInputNamingTheHeader() {
        for (String bad : new String[] {"\"abc\"", "\"-1\"", "\"7", "\u0000"}) {
            assertThatThrownBy(() -> ETags.expected(bad)).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errors()).extracting(f -> f.field()).containsExactly("If-Match");
            });
        }
    }

    @Test
    void anEditWithoutAVersionIs428AndAnOldVersionIs412WithTheCurrentOne() {
        assertThatThrownBy(() -> ETags.required(null, "GET /api/v1/programs/X"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
        assertThat(ETags.required("\"3\"", "GET /x")).isEqualTo(3L);
        assertThatThrownBy(() -> ETags.check(3L, 4, "the program")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(412);
            assertThat(e.extensions()).containsEntry("currentETag", "\"4\"");
        });
        ETags.check(4L, 4, "the program");
        ETags.check(null, 4, "the program");
    }
}
