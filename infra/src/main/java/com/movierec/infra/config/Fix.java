package com.movierec.infra.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How to correct a cdk.json key, worded for the person editing it: what follows {@code <key> is <value>: } in the
 * problem sentence. {@link ConfigBinder} words a value of the wrong JSON type with it, and a compact constructor
 * (through {@link ConfigCheck}) a value out of range, so a key is corrected the same way whatever is wrong with it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@interface Fix {
    /** For a JSON boolean. */
    String BOOLEAN = "set true or false (JSON booleans, without quotes)";

    String value();

    /** When set, JSON null is refused with this fix; otherwise null means the same as leaving the key out. */
    String ifNull() default "";
}
