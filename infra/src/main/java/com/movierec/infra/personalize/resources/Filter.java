package com.movierec.infra.personalize.resources;

import com.movierec.infra.personalize.provider.LifecycleProvider;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.constructs.Construct;

/** {@code Custom::PersonalizeFilter}: a recommendation filter; immutable, so a new expression needs a new name. */
public final class Filter extends PersonalizeResource {
    public static final String TYPE = CustomResourceType.FILTER.cloudFormationName();
    /** Personalize's limit on a filter expression. */
    static final int MAX_EXPRESSION_LENGTH = 2500;
    private static final Pattern EXPRESSION = Pattern.compile("(?s)\\s*(INCLUDE|EXCLUDE) \\S.*");

    private final String name;

    public Filter(Construct scope, String id, Props props) {
        super(scope, id, props.lifecycle(), TYPE, properties(props));
        this.name = props.name();
    }

    /** The Personalize name, known at synth: the last part of the filter's ARN. */
    public String name() {
        return name;
    }

    private static Map<String, String> properties(Props props) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Name", requireName("filter", props.name()));
        properties.put("DatasetGroupArn", props.datasetGroup().arn());
        properties.put("FilterExpression", props.expression());
        return properties;
    }

    /**
     * @param lifecycle    the custom-resource provider
     * @param name         the Personalize name; derive it from the expression
     * @param datasetGroup the group whose datasets the expression reads
     * @param expression   e.g. {@code EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("Watch")}
     */
    public record Props(LifecycleProvider lifecycle, String name, DatasetGroup datasetGroup, String expression) {
        public Props {
            require("lifecycle", lifecycle);
            require("datasetGroup", datasetGroup);
            if (expression == null || expression.length() > MAX_EXPRESSION_LENGTH
                    || !EXPRESSION.matcher(expression).matches()) {
                throw new IllegalArgumentException("filter " + name + " has the expression \"" + expression + "\": "
                        + "write INCLUDE or EXCLUDE ItemID WHERE ..., at most 2500 characters");
            }
        }
    }
}
