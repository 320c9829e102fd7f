package com.movierec.lifecycle.core;

/** CloudFormation's RequestType. */
public enum RequestType {
    CREATE("Create"),
    UPDATE("Update"),
    DELETE("Delete");

    private final String wireName;

    RequestType(String wireName) {
        this.wireName = wireName;
    }

    public static RequestType of(String wireName) {
        for (RequestType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw Failure.of("the event's RequestType is '" + wireName
                + "': a CloudFormation custom resource event has Create, Update or Delete");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
