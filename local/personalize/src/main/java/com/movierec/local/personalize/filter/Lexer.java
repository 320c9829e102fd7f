package com.movierec.local.personalize.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits a filter expression into tokens, each with its 1-based position. */
final class Lexer {
    enum Kind { WORD, STRING, NUMBER, PARAM, DOT, COMMA, LPAREN, RPAREN, PIPE, OPERATOR, END }

    /** One token; {@code text} is a string literal's content without quotes or escapes. */
    record Token(Kind kind, String text, int position) {
        boolean isWord(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        String describe() {
            return switch (kind) {
                case END -> "the end of the expression";
                case STRING -> "\"" + text + "\"";
                case PARAM -> "$" + text;
                default -> "'" + text + "'";
            };
        }
    }

    private final String text;
    private int i;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String expression) {
        Lexer lexer = new Lexer(expression);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.kind() != Kind.END);
        return out;
    }

    private Token next() {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int start = i;
        if (i == text.length()) {
            return new Token(Kind.END, "", start + 1);
        }
        char c = text.charAt(i);
        switch (c) {
            case '.' -> {
                i++;
                return new Token(Kind.DOT, ".", start + 1);
            }
            case ',' -> {
                i++;
                return new Token(Kind.COMMA, ",", start + 1);
            }
            case '(' -> {
                i++;
                return new Token(Kind.LPAREN, "(", start + 1);
            }
            case ')' -> {
                i++;
                return new Token(Kind.RPAREN, ")", start + 1);
            }
            case '|' -> {
                i++;
                return new Token(Kind.PIPE, "|", start + 1);
            }
            case '"' -> {
                return string(start);
            }
            case '=', '<', '>' -> {
                i++;
                if (c != '=' && i < text.length() && text.charAt(i) == '=') {
                    i++;
                }
                return new Token(Kind.OPERATOR, text.substring(start, i), start + 1);
            }
            case '$' -> {
                i++;
                String name = word();
                if (name.isEmpty()) {
                    throw new FilterSyntaxException(start + 1, "expected a parameter name after '$'");
                }
                return new Token(Kind.PARAM, name, start + 1);
            }
            default -> {
                if (c == '-' || c == '+' || Character.isDigit(c)) {
                    return number(start);
                }
                String w = word();
                if (w.isEmpty()) {
                    throw new FilterSyntaxException(start + 1, "unexpected character '" + c + "'");
                }
                return new Token(Kind.WORD, w, start + 1);
            }
        }
    }

    private Token string(int start) {
        StringBuilder s = new StringBuilder();
        i++;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '"') {
                return new Token(Kind.STRING, s.toString(), start + 1);
            }
            if (c == '\\' && i < text.length()) {
                c = text.charAt(i++);
            }
            s.append(c);
        }
        throw new FilterSyntaxException(start + 1, "the string starting here has no closing '\"'");
    }

    private Token number(int start) {
        i++;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.'
                || text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
        }
        String n = text.substring(start, i);
        try {
            Double.parseDouble(n);
        } catch (NumberFormatException e) {
            throw new FilterSyntaxException(start + 1, "'" + n + "' is not a number");
        }
        return new Token(Kind.NUMBER, n, start + 1);
    }

    private String word() {
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return text.substring(start, i);
    }
}
