package com.movierec.local.personalize.filter;

import com.movierec.local.personalize.filter.Expression.Dataset;
import com.movierec.local.personalize.filter.Expression.Field;
import com.movierec.local.personalize.filter.Expression.Operand;
import com.movierec.local.personalize.filter.Lexer.Kind;
import com.movierec.local.personalize.filter.Lexer.Token;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchema;
import com.movierec.schemas.PersonalizeSchemas;
import com.movierec.schemas.SchemaField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for the part of Personalize's filter language that item recommendations use:
 * <pre>
 * filter     := expression ('|' expression)*
 * expression := (INCLUDE | EXCLUDE) ItemID WHERE anyOf
 * anyOf      := allOf (OR allOf)*
 * allOf      := condition (AND condition)*
 * condition  := Dataset.FIELD ((NOT)? IN '(' operand (',' operand)* ')' | ('=' | '<' | '<=' | '>' | '>=') operand)
 * operand    := "string" | number | $PARAMETER
 * </pre>
 * AND binds tighter than OR. Keywords and dataset names ignore case; field names are the schema's, exactly.
 * Fields are checked against the project's items schema; Interactions conditions may test only EVENT_TYPE.
 */
final class FilterParser {
    private static final Set<String> NUMERIC_TYPES = Set.of("int", "long", "float", "double");
    private static final Set<String> UNSUPPORTED_DATASETS = Set.of("users", "currentuser", "currentitem", "actions",
            "action_interactions", "actioninteractions");
    private static final String EVENT_TYPE = "EVENT_TYPE";

    private final List<Token> tokens;
    private final PersonalizeSchema items = PersonalizeSchemas.load(DatasetType.ITEMS);
    private int next;

    private FilterParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static List<Expression> parse(String text) {
        if (text == null) {
            throw new FilterSyntaxException(1, "the filter expression is missing");
        }
        return new FilterParser(Lexer.tokens(text)).filter();
    }

    private List<Expression> filter() {
        List<Expression> expressions = new ArrayList<>();
        expressions.add(expression());
        while (peek().kind() == Kind.PIPE) {
            next++;
            expressions.add(expression());
        }
        Token t = peek();
        if (t.isWord("IF")) {
            throw unsupported(t, "IF CurrentUser conditions are not supported: personalize-local has no Users dataset");
        }
        if (t.kind() != Kind.END) {
            throw expected(t, "AND, OR, '|' or the end of the expression");
        }
        return expressions;
    }

    private Expression expression() {
        Token verb = take();
        if (!verb.isWord("INCLUDE") && !verb.isWord("EXCLUDE")) {
            throw expected(verb, "INCLUDE or EXCLUDE");
        }
        Token subject = take();
        if (subject.isWord("UserID") || subject.isWord("ActionID")) {
            throw unsupported(subject, "only item filters (ItemID) are supported");
        }
        if (!subject.isWord("ItemID")) {
            throw expected(subject, "ItemID");
        }
        Token where = take();
        if (!where.isWord("WHERE")) {
            throw expected(where, "WHERE");
        }
        Dataset[] dataset = new Dataset[1];
        Expression.Condition condition = anyOf(dataset);
        return new Expression(verb.isWord("INCLUDE"), dataset[0], condition);
    }

    private Expression.Condition anyOf(Dataset[] dataset) {
        List<Expression.Condition> any = new ArrayList<>();
        any.add(allOf(dataset));
        while (peek().isWord("OR")) {
            next++;
            any.add(allOf(dataset));
        }
        return any.size() == 1 ? any.get(0) : new Expression.AnyOf(List.copyOf(any));
    }

    private Expression.Condition allOf(Dataset[] dataset) {
        List<Expression.Condition> all = new ArrayList<>();
        all.add(condition(dataset));
        while (peek().isWord("AND")) {
            next++;
            all.add(condition(dataset));
        }
        return all.size() == 1 ? all.get(0) : new Expression.AllOf(List.copyOf(all));
    }

    private Expression.Condition condition(Dataset[] expressionDataset) {
        Token datasetToken = take();
        Dataset dataset = dataset(datasetToken);
        if (expressionDataset[0] == null) {
            expressionDataset[0] = dataset;
        } else if (expressionDataset[0] != dataset) {
            throw new FilterSyntaxException(datasetToken.position(), "conditions joined by AND or OR must test the"
                    + " same dataset as the first one (" + expressionDataset[0] + "); join expressions on"
                    + " different datasets with '|'");
        }
        Token dot = take();
        if (dot.kind() != Kind.DOT) {
            throw expected(dot, "'.' and a field name after " + datasetToken.text());
        }
        Field field = field(dataset, take());
        Token op = take();
        if (op.isWord("NOT")) {
            Token in = take();
            if (!in.isWord("IN")) {
                throw expected(in, "IN after NOT");
            }
            return membership(field, true);
        }
        if (op.isWord("IN")) {
            return membership(field, false);
        }
        if (op.kind() == Kind.OPERATOR) {
            return comparison(field, op);
        }
        throw expected(op, "IN, NOT IN or a comparison operator after " + datasetToken.text() + "." + field.name());
    }

    private Expression.Condition membership(Field field, boolean negated) {
        Token open = take();
        if (open.kind() != Kind.LPAREN) {
            throw expected(open, "'(' and a list of values");
        }
        List<Operand> operands = new ArrayList<>();
        do {
            Token t = peek();
            Operand o = operand(field);
            if (negated && o instanceof Expression.Parameter) {
                throw new FilterSyntaxException(t.position(), "NOT IN cannot take a parameter; use IN with the"
                        + " opposite INCLUDE or EXCLUDE instead");
            }
            operands.add(o);
        } while (accept(Kind.COMMA));
        Token close = take();
        if (close.kind() != Kind.RPAREN) {
            throw expected(close, "',' or ')'");
        }
        return new Expression.Membership(field, negated, List.copyOf(operands));
    }

    private Expression.Condition comparison(Field field, Token op) {
        if (!field.numeric()) {
            throw new FilterSyntaxException(op.position(), "'" + op.text() + "' compares numbers, but "
                    + field.name() + " is not numeric; use IN or NOT IN");
        }
        return new Expression.Comparison(field, op.text(), operand(field));
    }

    private Operand operand(Field field) {
        Token t = take();
        return switch (t.kind()) {
            case PARAM -> new Expression.Parameter(t.text());
            case STRING -> {
                if (field.numeric() && !isNumber(t.text())) {
                    throw new FilterSyntaxException(t.position(), field.name() + " is numeric, but " + t.describe()
                            + " is not a number");
                }
                yield new Expression.Literal(t.text());
            }
            case NUMBER -> {
                if (field.dataset() == Dataset.INTERACTIONS) {
                    throw expected(t, "a quoted event type");
                }
                yield new Expression.Literal(t.text());
            }
            default -> throw expected(t, "a quoted string, a number or a $PARAMETER");
        };
    }

    private Dataset dataset(Token t) {
        if (t.isWord("Items")) {
            return Dataset.ITEMS;
        }
        if (t.isWord("Interactions")) {
            return Dataset.INTERACTIONS;
        }
        if (t.kind() == Kind.WORD && UNSUPPORTED_DATASETS.contains(t.text().toLowerCase(Locale.ROOT))) {
            throw unsupported(t, t.text() + " conditions are not supported; use Items or Interactions");
        }
        throw expected(t, "a dataset, Items or Interactions");
    }

    private Field field(Dataset dataset, Token t) {
        if (t.kind() != Kind.WORD) {
            throw expected(t, "a field name");
        }
        if (dataset == Dataset.INTERACTIONS) {
            if (!t.text().equals(EVENT_TYPE)) {
                throw new FilterSyntaxException(t.position(), "Interactions conditions can only test " + EVENT_TYPE
                        + ", not " + t.text());
            }
            return new Field(dataset, EVENT_TYPE, false, false);
        }
        SchemaField f = items.field(t.text()).orElseThrow(() -> new FilterSyntaxException(t.position(),
                "Items has no field " + t.text() + "; its fields are " + items.columns()));
        return new Field(dataset, f.name(), NUMERIC_TYPES.contains(f.valueType()), f.categorical());
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.END) {
            next++;
        }
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static FilterSyntaxException expected(Token found, String what) {
        return new FilterSyntaxException(found.position(), "expected " + what + ", but found " + found.describe());
    }

    private static FilterSyntaxException unsupported(Token at, String why) {
        return new FilterSyntaxException(at.position(), why);
    }
}
