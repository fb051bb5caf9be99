package org.unionhub.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration tests of every service join members with real-looking resident ID numbers and
 * phones; none may reach a log. This module builds last in the reactor, so it reads the captured
 * output of all test classes ({@code <module>/target/surefire-reports/*-output.txt}).
 */
class NoPersonalDataInTestLogsTest {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{16}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z.])1[3-9]\\d{9}(?![0-9A-Za-z])");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    @Test
    void noResidentIdNumberOrPhoneAppearsInAnyTestLog() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.toList()) {
                Path reports = module.resolve("target/surefire-reports");
                if (Files.isDirectory(reports)) {
                    try (Stream<Path> files = Files.list(reports)) {
                        files.filter(f -> f.getFileName().toString().endsWith("-output.txt")).forEach(logs::add);
                    }
                }
            }
        }
        Assumptions.assumeFalse(logs.isEmpty(), "no test output captured: run the whole build (./mvnw verify)");
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Matcher id = ID_NUMBER.matcher(text);
            while (id.find()) {
                if (validIdNumber(id.group())) {
                    leaks.add(root.relativize(log) + ": resident ID number " + id.group().substring(0, 3) + "***");
                }
            }
            Matcher phone = PHONE.matcher(text);
            while (phone.find()) {
                leaks.add(root.relativize(log) + ": phone " + phone.group().substring(0, 3) + "********");
            }
        }
        assertThat(leaks).as("personal data in test logs").isEmpty();
    }

    @Test
    void theCheckRecognisesARealIdNumber() {
        assertThat(validIdNumber("11010519491231002X")).isTrue();
        assertThat(validIdNumber("110105194912310021")).isFalse();
    }

    static boolean validIdNumber(String s) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(s.charAt(17)) == CHECK.charAt(sum % 11);
    }
}
