package org.unionhub.membership.imports;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upload's charset decision and size limit, on real bytes (plain JUnit). */
class ImportUploadTest {

    static final String CSV = "name,idNumber,phone,employmentForm,employer,organizationId\n"
            + "王师傅,11010519491231002X,13812345678,TRUCK_DRIVER,绥中县顺达物流,6f1c2d3e-0000-4000-8000-000000000002\n"
            + "李快递,11010519491231002X,13812345678,COURIER,顺丰速运,6f1c2d3e-0000-4000-8000-000000000002\n";
    static final Charset GBK = Charset.forName("GBK");

    final Path file;

    ImportUploadTest() throws IOException {
        file = Files.createTempFile("import-upload-test", ".csv");
    }

    @AfterEach
    void cleanUp() throws IOException {
        Files.deleteIfExists(file);
    }

    ImportUpload.Received receive(byte[] body, Charset declared) {
        return ImportUpload.receive(new ByteArrayInputStream(body), file, 1_000_000, declared, 200_000);
    }

    @Test
    void utf8WithAndWithoutABomIsUtf8() {
        assertThat(receive(CSV.getBytes(StandardCharsets.UTF_8), null).charset()).isEqualTo(StandardCharsets.UTF_8);
        ImportUpload.Received bom = receive(("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_8), null);
        assertThat(bom.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(bom.rows()).isEqualTo(2);
    }

    @Test
    void gbkIsReadWhenDeclaredAndDetectedWhenNot() {
        byte[] gbk = CSV.getBytes(GBK);
        assertThat(receive(gbk, ImportUpload.declared("text/csv; charset=GBK", null)).charset().name()).isEqualTo("GBK");
        ImportUpload.Received detected = receive(gbk, ImportUpload.declared("text/csv; charset=ISO-8859-1", null));
        assertThat(detected.charset().name()).isEqualTo("GB18030");
        assertThat(detected.rows()).isEqualTo(2);
    }

    @Test
    void bytesThatAreNeitherAre400AndADeclaredCharsetThatDoesNotFitToo() {
        byte[] good = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 3];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xff;
        bad[good.length + 1] = (byte) 0xfe;
        bad[good.length + 2] = (byte) 0x0a;
        assertThatThrownBy(() -> receive(bad, null)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors().get(0).field()).isEqualTo("body");
            assertThat(e.getMessage()).contains("line 4").contains("UTF-8");
        });
        assertThatThrownBy(() -> receive(CSV.getBytes(GBK), StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).contains("line 2 is not UTF-8"));
        assertThatThrownBy(() -> ImportUpload.declared("text/csv", "Shift_JIS"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("charset"));
    }

    @Test
    void aBodyOverTheImportLimitIs413WhileItIsRead() {
        byte[] big = new byte[2_000_001];
        assertThatThrownBy(() -> receive(big, null)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(413);
            assertThat(e.slug()).isEqualTo("payload-too-large");
        });
    }
}
