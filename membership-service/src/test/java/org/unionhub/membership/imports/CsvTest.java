package org.unionhub.membership.imports;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTest {

    @Test
    void quotedFieldsCommasDoubledQuotesCrlfAndABomAreRead() {
        List<Csv.Record> r = Csv.parse("\uFEFFname,employer\r\n王师傅,\"顺达, \"\"物流\"\"\"\r\n\r\n\"多\n行\",x\nlast,y");
        assertThat(r).hasSize(4);
        assertThat(r.get(0).fields()).containsExactly("name", "employer");
        assertThat(r.get(1).fields()).containsExactly("王师傅", "顺达, \"物流\"");
        assertThat(r.get(1).line()).isEqualTo(2);
        assertThat(r.get(2).fields()).containsExactly("多\n行", "x");
        assertThat(r.get(2).line()).isEqualTo(4);
        assertThat(r.get(3).line()).isEqualTo(6);
    }

    @Test
    void rowsAreCheckedWithLineNumbersAndWithoutEchoingPersonalData() {
        List<Csv.Record> recs = Csv.parse("organizationId,idNumber,name,phone,employmentForm\n"
                + UUID.randomUUID() + ",11010519491231002X,甲,13812345678,courier\n"
                + UUID.randomUUID() + ",110105194912310021,乙,13812345678,COURIER\n"
                + UUID.randomUUID() + ",11010519491231002x,丙,13812345678,COURIER\n"
                + "not-a-uuid,11010519800101001" + org.unionhub.membership.TestData.withIdCheckDigit("11010519800101001").charAt(17)
                + ",丁,13812345678,COURIER\n");
        Map<String, Integer> header = ImportRows.header(recs.get(0));
        ImportRows.Checked c = ImportRows.check(recs.subList(1, recs.size()), header, s -> "h" + s, LocalDate.of(2026, 1, 1));
        assertThat(c.rows()).extracting(ImportRows.Row::line).containsExactly(2);
        assertThat(c.failures()).extracting(ImportRows.Failure::line).containsExactly(3, 4, 5);
        assertThat(c.failures().get(1).reason()).isEqualTo("idNumber: the same person as line 2");
        assertThat(c.failures()).allSatisfy(f -> assertThat(f.reason()).doesNotContain("1101051949"));
        assertThatThrownBy(() -> ImportRows.header(Csv.parse("name,phone").get(0))).isInstanceOf(ImportRows.BadHeader.class);
    }
}
