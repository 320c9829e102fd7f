package com.movierec.local.deployer.deploy.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    @Test
    void createsEveryResourceAfterItsDependenciesBreakingTiesByLogicalId() {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        needs.put("Campaign", Set.of("Version", "Filter"));
        needs.put("Version", Set.of("Solution"));
        needs.put("Solution", Set.of("Group"));
        needs.put("Filter", Set.of("Group"));
        needs.put("Group", Set.of());
        needs.put("Bucket", Set.of());

        DependencyGraph graph = new DependencyGraph(needs);

        assertThat(graph.creationOrder()).containsExactly("Bucket", "Group", "Filter", "Solution", "Version",
                "Campaign");
        assertThat(graph.deletionOrder()).containsExactly("Campaign", "Version", "Solution", "Filter", "Group",
                "Bucket");
        assertThat(graph.withDependencies("Version")).containsExactlyInAnyOrder("Version", "Solution", "Group");
    }

    @Test
    void aCycleIsAnErrorNamingItsResources() {
        assertThatThrownBy(() -> new DependencyGraph(Map.of("A", Set.of("B"), "B", Set.of("A"), "C", Set.of()))
                .creationOrder())
                .isInstanceOf(TemplateException.class)
                .hasMessage("Circular dependency between resources: [A, B]");
    }

    @Test
    void referencesAreRefGetAttAndSubVariablesButNotParametersOrPseudoParameters() {
        Template template = Template.parse("""
                {"Parameters": {"Env": {"Type": "String", "Default": "dev"}},
                 "Resources": {"Job": {"Type": "Custom::PersonalizeDatasetImportJob", "DependsOn": "Bucket",
                   "Properties": {
                     "DatasetArn": {"Fn::GetAtt": ["Dataset", "Arn"]},
                     "RoleArn": {"Fn::GetAtt": "Role.Arn"},
                     "SignalUrl": {"Ref": "Handle"},
                     "Name": {"Ref": "Env"},
                     "Location": {"Fn::Sub": ["s3://${Bucket}/${Key}-${AWS::Region}-${Queue.Arn}",
                                              {"Key": {"Ref": "KeySource"}}]}}}}}
                """);
        TemplateResource job = template.resource("Job");

        assertThat(References.resourcesIn(job.properties(), template.parameters().keySet()))
                .containsExactly("Bucket", "Dataset", "Handle", "KeySource", "Queue", "Role");
        assertThat(job.dependsOn()).containsExactly("Bucket");
    }
}
