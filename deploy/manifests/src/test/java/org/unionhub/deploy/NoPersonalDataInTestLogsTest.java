package org.unionhub.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration tests of every service join members with real-looking resident ID numbers and
 * phones; none may reach a log. Reads the captured output of the test classes of every module the
 * root pom lists ({@code <module>/target/surefire-reports/*-output.txt}), whatever the order in
 * which they ran; in a Maven build only the logs this build wrote count (an older run's would say
 * nothing about today's code). With no log to read the check cannot say anything: it is skipped,
 * saying so, or fails when {@code -Dunionhub.require-test-logs=true} (a build that runs every module).
 */
class NoPersonalDataInTestLogsTest {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{16}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z.])1[3-9]\\d{9}(?![0-9A-Za-z])");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    @Test
    void noResidentIdNumberOrPhoneAppearsInAnyTestLog() {
        Path root = Repo.get().root;
        Optional<Instant> since = buildStarted();
        List<Path> logs = logs(root, modules(root), since);
        String none = "no test output to read in " + modules(root) + " (target/surefire-reports/*-output.txt"
                + since.map(s -> " written since this build started at " + s).orElse("")
                + "): run the modules' tests in the same build, e.g. ./mvnw verify";
        if (Boolean.getBoolean("unionhub.require-test-logs")) {
            assertThat(logs).as(none).isNotEmpty();
        }
        Assumptions.assumeFalse(logs.isEmpty(), none);
        System.out.println("checked the test logs of " + readModules(root, logs));
        assertThat(leaks(root, logs)).as("personal data in test logs").isEmpty();
    }

    @Test
    void aPlantedIdNumberOrPhoneIsFoundInTheLogsOfAnyModuleAndAStaleLogIsIgnored(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<modules><module>svc</module><module>deploy/other</module></modules>");
        Path id = root.resolve("deploy/other/target/surefire-reports/org.x.ATest-output.txt");
        Path phone = root.resolve("svc/target/surefire-reports/org.x.BTest-output.txt");
        Path stale = root.resolve("svc/target/surefire-reports/org.x.OldTest-output.txt");
        for (Path p : List.of(id, phone, stale)) {
            Files.createDirectories(p.getParent());
        }
        Files.writeString(id, "INFO joined member 11010519491231002X\n");
        Files.writeString(phone, "INFO phone=13812345678\n");
        Files.writeString(stale, "INFO 11010519491231002X\n");
        Instant since = Instant.now().minusSeconds(60);
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(since.minusSeconds(3600)));

        List<Path> logs = logs(root, modules(root), Optional.of(since));
        assertThat(logs).containsExactlyInAnyOrder(id, phone);
        assertThat(leaks(root, logs)).containsExactlyInAnyOrder(
                "deploy/other/target/surefire-reports/org.x.ATest-output.txt: resident ID number 110***",
                "svc/target/surefire-reports/org.x.BTest-output.txt: phone 138********");
    }

    @Test
    void theCheckRecognisesARealIdNumber() {
        assertThat(validIdNumber("11010519491231002X")).isTrue();
        assertThat(validIdNumber("110105194912310021")).isFalse();
        // the right check digit, but born on the 59th of September 154: a temporary directory's random number
        assertThat(validIdNumber("502666015409594350")).isFalse();
    }

    /** When the build started (surefire passes Maven's build timestamp); empty outside Maven. */
    static Optional<Instant> buildStarted() {
        String started = System.getProperty("unionhub.build.started", "");
        return started.isBlank() || started.contains("$") ? Optional.empty() : Optional.of(Instant.parse(started));
    }

    /** Every module the root pom lists, in any profile, except this one (its own output would make the check pass alone). */
    static Set<String> modules(Path root) {
        Set<String> modules = new TreeSet<>();
        Path self = Path.of("").toAbsolutePath().normalize();
        Matcher m = MODULE.matcher(Repo.read(root.resolve("pom.xml")));
        while (m.find()) {
            String module = m.group(1).trim();
            if (!root.resolve(module).toAbsolutePath().normalize().equals(self)) {
                modules.add(module);
            }
        }
        return modules;
    }

    static List<Path> logs(Path root, Set<String> modules, Optional<Instant> since) {
        List<Path> logs = new ArrayList<>();
        for (String module : modules) {
            Path reports = root.resolve(module).resolve("target/surefire-reports");
            if (!Files.isDirectory(reports)) {
                continue;
            }
            try (Stream<Path> files = Files.list(reports)) {
                files.filter(f -> f.getFileName().toString().endsWith("-output.txt"))
                        .filter(f -> since.isEmpty() || !modified(f).isBefore(since.get()))
                        .sorted()
                        .forEach(logs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return logs;
    }

    static List<String> leaks(Path root, List<Path> logs) {
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            String text = Repo.read(log);
            String where = root.relativize(log).toString().replace('\\', '/');
            Matcher id = ID_NUMBER.matcher(text);
            while (id.find()) {
                if (validIdNumber(id.group())) {
                    leaks.add(where + ": resident ID number " + id.group().substring(0, 3) + "***");
                }
            }
            Matcher phone = PHONE.matcher(text);
            while (phone.find()) {
                leaks.add(where + ": phone " + phone.group().substring(0, 3) + "********");
            }
        }
        return leaks;
    }

    private static Set<String> readModules(Path root, List<Path> logs) {
        Set<String> modules = new LinkedHashSet<>();
        logs.forEach(l -> modules.add(root.relativize(l.getParent().getParent().getParent()).toString()));
        return modules;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A resident ID number as GB 11643 defines it: the check digit and a real birth date (1900 on). Without the date,
     * one random 18-digit run in ten or so passes the check digit alone: the embedded database's temporary directory
     * ({@code /tmp/unionhub-pg-502666015409594350}) once failed a CI run that way.
     */
    static boolean validIdNumber(String s) {
        try {
            java.time.LocalDate born = java.time.LocalDate.parse(s.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            if (born.getYear() < 1900) {
                return false;
            }
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(s.charAt(17)) == CHECK.charAt(sum % 11);
    }
}
