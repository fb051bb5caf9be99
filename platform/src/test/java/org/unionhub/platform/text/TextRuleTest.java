package org.unionhub.platform.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextRuleTest {

    record Body(String name, List<String> opinions) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    {
        new TextRuleCustomizer().customize(mapper);
    }

    @Test
    void controlCharactersAreRefusedButTabsAndLineBreaksAreText() {
        assertThat(TextRule.violation("绥中县\u0000大货车")).contains("contains a control character (U+0000)");
        assertThat(TextRule.violation("a\u001Bb")).isPresent();
        assertThat(TextRule.violation("a\u0085b")).isPresent();
        assertThat(TextRule.violation("a\u007Fb")).isPresent();
        assertThat(TextRule.violation("第一条\n第二条\r\n\t缩进")).isEmpty();
    }

    @Test
    void onlyWholeUnicodeIsText() {
        assertThat(TextRule.violation("a\uD800b")).contains("contains an unpaired surrogate (not valid Unicode)");
        assertThat(TextRule.violation("a\uDC00")).isPresent();
        assertThat(TextRule.violation("工会👷")).isEmpty();
    }

    @Test
    void textHasAnUpperBound() {
        assertThat(TextRule.violation("字".repeat(TextRule.MAX_LENGTH))).isEmpty();
        assertThat(TextRule.violation("字".repeat(TextRule.MAX_LENGTH + 1))).contains("is longer than 20000 characters");
    }

    @Test
    void textIsKeptInNfcAndChineseIsUnchanged() {
        assertThat(TextRule.normalize("Cafe\u0301")).isEqualTo("Caf\u00e9");
        String chinese = "绥中县大货车行业联合工会（听取意见6条、解决实际诉求13件）";
        assertThat(TextRule.normalize(chinese)).isSameAs(chinese);
    }

    @Test
    void aRequestBodyNamesTheFieldThatBreaksTheRule() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"ok\",\"opinions\":[\"好\",\"坏\\u0000\"]}", Body.class))
                .isInstanceOfSatisfying(InvalidTextException.class, e -> {
                    assertThat(e.reason()).isEqualTo("contains a control character (U+0000)");
                    assertThat(e.getPath()).extracting(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                            .containsExactly("opinions", "[1]");
                    assertThat(e.getMessage()).doesNotContain("坏");
                });
    }

    @Test
    void aRequestBodyIsReadInNfcAndNonStringsStillBecomeText() throws Exception {
        Body body = mapper.readValue("{\"name\":\"Cafe\\u0301 工会\",\"opinions\":[12, null]}", Body.class);
        assertThat(body.name()).isEqualTo("Caf\u00e9 工会");
        assertThat(body.opinions()).containsExactly("12", null);
    }
}
