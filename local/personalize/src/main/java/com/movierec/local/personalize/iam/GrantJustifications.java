package com.movierec.local.personalize.iam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why a granted action that no call used stays: one line each, {@code role pattern | action pattern | reason}
 * ({@code *} and {@code ?} as in IAM, comments after {@code #}). A grant no line explains must go; a line that
 * explains no grant is stale.
 */
public final class GrantJustifications {
    /** One line of the file. */
    public record Justification(int line, String rolePattern, String actionPattern, String reason) {
        boolean explains(LeastPrivilegeReport.Grant grant) {
            return glob(rolePattern).matcher(AccountIam.name(grant.roleArn())).matches()
                    && glob(actionPattern).matcher(grant.action()).matches();
        }
    }

    private final Path file;
    private final List<Justification> lines;

    private GrantJustifications(Path file, List<Justification> lines) {
        this.file = file;
        this.lines = List.copyOf(lines);
    }

    /** @throws IllegalArgumentException naming the line that is not {@code role | action | reason} */
    public static GrantJustifications read(Path file) {
        List<String> text;
        try {
            text = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Justification> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not 'role pattern | action "
                        + "pattern | reason': " + line);
            }
            lines.add(new Justification(i + 1, parts[0].strip(), parts[1].strip(), parts[2].strip()));
        }
        return new GrantJustifications(file, lines);
    }

    public Optional<Justification> reasonFor(LeastPrivilegeReport.Grant grant) {
        return lines.stream().filter(j -> j.explains(grant)).findFirst();
    }

    /** The lines that explain none of {@code unused}: grants that were removed or are used now. */
    public List<Justification> stale(List<LeastPrivilegeReport.Grant> unused) {
        return lines.stream().filter(j -> unused.stream().noneMatch(j::explains)).toList();
    }

    public Path file() {
        return file;
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
