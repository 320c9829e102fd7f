package com.movierec.local.deployer.deploy.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stack with a bucket, a role, one export, a parameter, the conditions IsDev (true) and IsProd (false). */
    private final ResolutionContext context = new ResolutionContext() {
        @Override
        public JsonNode ref(String name) {
            return switch (name) {
                case "AWS::Region" -> TextNode.valueOf("eu-west-1");
                case "AWS::AccountId" -> TextNode.valueOf("000000000000");
                case "Env" -> TextNode.valueOf("dev");
                case "Bucket" -> TextNode.valueOf("my-bucket");
                default -> throw new TemplateException("unknown " + name);
            };
        }

        @Override
        public JsonNode getAtt(String logicalId, String attribute) {
            return TextNode.valueOf(logicalId + "." + attribute);
        }

        @Override
        public JsonNode importValue(String exportName) {
            return TextNode.valueOf("imported:" + exportName);
        }

        @Override
        public boolean condition(String name) {
            return name.equals("IsDev");
        }

        @Override
        public JsonNode mappings() {
            return json("{\"Regions\": {\"eu-west-1\": {\"Short\": \"euw1\"}}}");
        }
    };
    private final Intrinsics intrinsics = new Intrinsics(context);

    @Test
    void refAndGetAttInBothForms() {
        assertThat(resolve("{\"Ref\": \"Bucket\"}")).isEqualTo("\"my-bucket\"");
        assertThat(resolve("{\"Fn::GetAtt\": [\"Role\", \"Arn\"]}")).isEqualTo("\"Role.Arn\"");
        assertThat(resolve("{\"Fn::GetAtt\": \"Role.Arn\"}")).isEqualTo("\"Role.Arn\"");
    }

    @Test
    void joinSelectAndSplitCompose() {
        assertThat(resolve("{\"Fn::Join\": [\"\", [\"arn:aws:s3:::\", {\"Ref\": \"Bucket\"}, \"/*\"]]}"))
                .isEqualTo("\"arn:aws:s3:::my-bucket/*\"");
        assertThat(resolve("{\"Fn::Select\": [\"1\", {\"Fn::Split\": [\"-\", \"a-b-c\"]}]}")).isEqualTo("\"b\"");
        assertThat(resolve("{\"Fn::Select\": [0, [\"x\", \"y\"]]}")).isEqualTo("\"x\"");
    }

    @Test
    void subResolvesVariablesAttributesMapVariablesAndKeepsEscapes() {
        assertThat(resolve("{\"Fn::Sub\": \"cdk-${AWS::AccountId}-${AWS::Region}-${Bucket}-${Role.Arn}-${!Literal}\"}"))
                .isEqualTo("\"cdk-000000000000-eu-west-1-my-bucket-Role.Arn-${Literal}\"");
        assertThat(resolve("{\"Fn::Sub\": [\"${Name}/${Env}\", {\"Name\": {\"Fn::Join\": [\"-\", [\"a\", \"b\"]]}}]}"))
                .isEqualTo("\"a-b/dev\"");
    }

    @Test
    void importValueFindInMapAndBase64() {
        assertThat(resolve("{\"Fn::ImportValue\": {\"Fn::Sub\": \"${Env}-key\"}}")).isEqualTo("\"imported:dev-key\"");
        assertThat(resolve("{\"Fn::FindInMap\": [\"Regions\", {\"Ref\": \"AWS::Region\"}, \"Short\"]}"))
                .isEqualTo("\"euw1\"");
        assertThat(resolve("{\"Fn::Base64\": \"hi\"}")).isEqualTo("\"aGk=\"");
    }

    @Test
    void ifChoosesByConditionAndNoValueRemovesThePropertyOrElement() {
        assertThat(resolve("{\"A\": {\"Fn::If\": [\"IsDev\", 1, 2]}, \"B\": {\"Fn::If\": [\"IsProd\", \"x\", "
                + "{\"Ref\": \"AWS::NoValue\"}]}, \"C\": [\"keep\", {\"Ref\": \"AWS::NoValue\"}]}"))
                .isEqualTo("{\"A\":1,\"C\":[\"keep\"]}");
    }

    @Test
    void conditionFunctionsCompareAsStrings() {
        assertThat(intrinsics.condition(json("{\"Fn::Equals\": [{\"Ref\": \"Env\"}, \"dev\"]}"), "c")).isTrue();
        assertThat(intrinsics.condition(json("{\"Fn::Equals\": [1, \"1\"]}"), "c")).isTrue();
        assertThat(intrinsics.condition(json("{\"Fn::And\": [{\"Condition\": \"IsDev\"}, "
                + "{\"Fn::Not\": [{\"Condition\": \"IsProd\"}]}]}"), "c")).isTrue();
        assertThat(intrinsics.condition(json("{\"Fn::Or\": [{\"Condition\": \"IsProd\"}, "
                + "{\"Fn::Equals\": [\"a\", \"b\"]}]}"), "c")).isFalse();
    }

    @Test
    void plainObjectsAndValuesPassThrough() {
        assertThat(resolve("{\"Statement\": [{\"Effect\": \"Allow\", \"Condition\": {\"Bool\": {\"x\": \"true\"}}}], "
                + "\"Count\": 3, \"On\": true}"))
                .isEqualTo("{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":{\"Bool\":{\"x\":\"true\"}}}],"
                        + "\"Count\":3,\"On\":true}");
    }

    @Test
    void anUnknownIntrinsicIsAnErrorSayingWhereItIs() {
        assertThatThrownBy(() -> intrinsics.resolve(json("{\"Subnets\": {\"Fn::GetAZs\": \"\"}}"), "Resources.Vpc"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Resources.Vpc.Subnets.Fn::GetAZs: Fn::GetAZs is an intrinsic function the "
                        + "local deployer does not implement");
    }

    @Test
    void malformedArgumentsAreErrors() {
        assertThatThrownBy(() -> resolve("{\"Fn::Join\": [\",\"]}")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("expects a list of 2 arguments");
        assertThatThrownBy(() -> resolve("{\"Fn::Select\": [5, [\"a\"]]}")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("index 5 is outside the list of 1");
        assertThatThrownBy(() -> resolve("{\"Fn::Sub\": \"${Unclosed\"}")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("without its closing }");
    }

    private String resolve(String expression) {
        return intrinsics.resolve(json(expression), "test").toString();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
