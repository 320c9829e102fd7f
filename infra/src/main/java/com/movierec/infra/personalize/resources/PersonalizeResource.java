package com.movierec.infra.personalize.resources;

import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.infra.personalize.provider.LifecycleProvider;
import java.util.Map;
import software.amazon.awscdk.CustomResource;
import software.constructs.Construct;
import software.constructs.IDependable;

/** A Personalize resource managed by the lifecycle custom resource of its type (docs/personalize-resources.md). */
public abstract class PersonalizeResource extends Construct {
    private final CustomResource resource;

    // A construct is its children's scope, so passing this from the constructor is how CDK builds the tree.
    @SuppressWarnings("this-escape")
    protected PersonalizeResource(Construct scope, String id, LifecycleProvider lifecycle, String resourceType,
                                  Map<String, String> properties) {
        super(scope, id);
        resource = lifecycle.resource(this, "Resource", resourceType, properties);
    }

    /** The resource's ARN, known once the custom resource has been created. */
    public String arn() {
        return resource.getAttString("Arn");
    }

    public CustomResource resource() {
        return resource;
    }

    /** Makes CloudFormation create this resource after, and delete it before, each of {@code others}. */
    public void dependOn(IDependable... others) {
        resource.getNode().addDependency(others);
    }

    static String requireName(String what, String name) {
        if (name == null || name.length() > PersonalizeNames.MAX_LENGTH || !PersonalizeNames.VALID.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name \"" + name + "\" is not a valid Personalize name: use at "
                    + "most 63 letters, digits, '-' or '_' starting with a letter or digit, as PersonalizeNames derives");
        }
        return name;
    }

    static <T> T require(String what, T value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing: pass it in the props");
        }
        return value;
    }
}
