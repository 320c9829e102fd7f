package com.movierec.local.personalize.iam;

import static com.movierec.local.personalize.iam.PolicyDocuments.allow;
import static com.movierec.local.personalize.iam.PolicyDocuments.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeastPrivilegeReportTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/movierec-dev-api-HandlerRole1234";
    private static final String CAMPAIGN = "arn:aws:personalize:eu-west-1:123456789012:campaign/c";

    @TempDir
    Path tmp;

    /** The role's grants: two Personalize actions, a wildcard log action and an X-Ray one. */
    private static Map<String, List<NamedPolicy>> roles() {
        return Map.of(ROLE, List.of(new NamedPolicy("Default", policy(
                allow("personalize:GetRecommendations", CAMPAIGN), allow("personalize:PutEvents", "*"),
                allow("logs:Put*", "*"), allow("xray:PutTraceSegments", "*")))));
    }

    private static AccessLog log(AccessLog.Call... calls) {
        AccessLog log = new AccessLog();
        for (AccessLog.Call call : calls) {
            log.record(call);
        }
        return log;
    }

    @Test
    void aGrantIsUsedWhenAnAllowedCallOfItsRoleMatchesItsActionPatternCaseInsensitively() {
        LeastPrivilegeReport report = LeastPrivilegeReport.of(roles(), log(
                new AccessLog.Call(ROLE, "personalize:getrecommendations", CAMPAIGN, true, null),
                new AccessLog.Call(ROLE, "logs:PutLogEvents", "*", true, null)));

        assertThat(report.unused()).extracting(LeastPrivilegeReport.Grant::action)
                .containsExactly("personalize:PutEvents", "xray:PutTraceSegments");
        assertThat(report.denied()).isEmpty();
    }

    @Test
    void aDeniedCallUsesNoGrantAndIsListedWithAwsWords() {
        String denial = "User: x is not authorized to perform: personalize:PutEvents on resource: * because no "
                + "identity-based policy allows the personalize:PutEvents action";
        LeastPrivilegeReport report = LeastPrivilegeReport.of(roles(), log(
                new AccessLog.Call(ROLE, "personalize:PutEvents", "*", false, denial)));

        assertThat(report.unused()).extracting(LeastPrivilegeReport.Grant::action).contains("personalize:PutEvents");
        assertThat(report.denied()).singleElement().extracting(AccessLog.Call::denial).isEqualTo(denial);
    }

    @Test
    void anotherRolesCallsDoNotCountForThisRole() {
        LeastPrivilegeReport report = LeastPrivilegeReport.of(roles(), log(new AccessLog.Call(
                "arn:aws:iam::123456789012:role/Other", "personalize:GetRecommendations", CAMPAIGN, true, null)));

        assertThat(report.unused()).hasSize(4);
    }

    @Test
    void justificationsExplainUnusedGrantsByRoleAndActionPatternAndReportStaleLines() throws IOException {
        Path file = tmp.resolve("justifications.txt");
        Files.writeString(file, """
                # comment
                *-api-HandlerRole* | xray:* | Lambda tracing
                *-api-HandlerRole* | personalize:PutEvents | events come from the page
                *-batch-* | s3:* | no such role: stale
                """);
        GrantJustifications justifications = GrantJustifications.read(file);
        LeastPrivilegeReport report = LeastPrivilegeReport.of(roles(), log(
                new AccessLog.Call(ROLE, "personalize:GetRecommendations", CAMPAIGN, true, null)));

        assertThat(report.unexplained(justifications)).extracting(LeastPrivilegeReport.Grant::action)
                .containsExactly("logs:Put*");
        assertThat(justifications.stale(report.unused())).extracting(GrantJustifications.Justification::line)
                .containsExactly(4);
        assertThat(report.markdown(justifications)).contains("xray:PutTraceSegments (Default): Lambda tracing",
                "logs:Put* (Default): UNEXPLAINED", "- calls denied: 0");
    }

    @Test
    void aLineWithoutThreeFieldsIsRefusedNamingTheFileAndLine() throws IOException {
        Path file = tmp.resolve("bad.txt");
        Files.writeString(file, "*Role* | logs:*\n");

        assertThatThrownBy(() -> GrantJustifications.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.txt line 1").hasMessageContaining("role pattern | action pattern | reason");
    }
}
