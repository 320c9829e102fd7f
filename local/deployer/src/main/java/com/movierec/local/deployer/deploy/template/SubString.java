package com.movierec.local.deployer.deploy.template;

import java.util.ArrayList;
import java.util.List;

/**
 * The string of an {@code Fn::Sub}, split into literal text and {@code ${Variable}} / {@code ${Resource.Attribute}}
 * placeholders; {@code ${!Text}} is the literal {@code ${Text}}, as CloudFormation defines it.
 */
final class SubString {
    sealed interface Part permits Literal, Variable {
    }

    record Literal(String text) implements Part {
    }

    /** {@code name} is a parameter, pseudo parameter or logical id; {@code attribute} is set for {@code ${Id.Attr}}. */
    record Variable(String name, String attribute) implements Part {
        boolean isAttribute() {
            return attribute != null;
        }
    }

    private SubString() {
    }

    static List<Part> parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            if (open < 0) {
                literal.append(text, i, text.length());
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new TemplateException("Fn::Sub: '" + text + "' has a ${ without its closing }");
            }
            literal.append(text, i, open);
            String inside = text.substring(open + 2, close);
            if (inside.startsWith("!")) {
                literal.append("${").append(inside.substring(1)).append('}');
            } else {
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(variable(inside.trim(), text));
            }
            i = close + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return parts;
    }

    private static Variable variable(String inside, String text) {
        if (inside.isEmpty()) {
            throw new TemplateException("Fn::Sub: '" + text + "' has an empty ${}");
        }
        // Pseudo parameters contain "::" but no attribute; Id.Attr splits at the first dot.
        int dot = inside.indexOf('.');
        if (inside.startsWith("AWS::") || dot < 0) {
            return new Variable(inside, null);
        }
        return new Variable(inside.substring(0, dot), inside.substring(dot + 1));
    }
}
