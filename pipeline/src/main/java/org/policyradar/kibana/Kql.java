package org.policyradar.kibana;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Kibana Query Language as our saved objects write it, tokenized and compiled to Elasticsearch query DSL the way
 * Kibana compiles it: {@code field : "phrase"} (match_phrase), {@code field : word} (match), {@code field : *}
 * (exists), {@code field : pre*} (wildcard), {@code field > n} (range), value lists {@code field : (a or b)}, bare
 * terms (multi_match over all fields), and {@code and}/{@code or}/{@code not} with Kibana's precedence (not binds
 * tightest, then and, then or) and parentheses. Nested-field syntax ({@code a:{ b:c }}) is refused by name.
 *
 * <p>Replaces the regexes that rewrote KQL into a Lucene query string: those also upper-cased {@code and} inside a
 * quoted phrase and could not say where a query was malformed.
 */
final class Kql {
    enum Kind { WORD, PHRASE, COLON, RANGE, LPAREN, RPAREN, AND, OR, NOT, LBRACE, RBRACE, END }

    record Token(Kind kind, String text, int at) {
    }

    private final List<Token> tokens;
    private int pos;

    private Kql(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The query's tokens; a quoted phrase keeps its backslash escapes resolved, an unterminated one is refused. */
    static List<Token> tokens(String query) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder b = new StringBuilder();
                int start = i++;
                while (i < query.length() && query.charAt(i) != '"') {
                    if (query.charAt(i) == '\\' && i + 1 < query.length()) {
                        i++;
                    }
                    b.append(query.charAt(i++));
                }
                if (i >= query.length()) {
                    throw new IllegalArgumentException("KQL: unterminated quoted phrase at " + start + " in '" + query + "'");
                }
                i++;
                out.add(new Token(Kind.PHRASE, b.toString(), start));
            } else if (c == '>' || c == '<') {
                boolean eq = i + 1 < query.length() && query.charAt(i + 1) == '=';
                out.add(new Token(Kind.RANGE, eq ? c + "=" : String.valueOf(c), i));
                i += eq ? 2 : 1;
            } else if ("():{}".indexOf(c) >= 0) {
                out.add(new Token(switch (c) {
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case ':' -> Kind.COLON;
                    case '{' -> Kind.LBRACE;
                    default -> Kind.RBRACE;
                }, String.valueOf(c), i++));
            } else {
                int start = i;
                StringBuilder b = new StringBuilder();
                while (i < query.length() && !Character.isWhitespace(query.charAt(i)) && "\"()<>:{}".indexOf(query.charAt(i)) < 0) {
                    if (query.charAt(i) == '\\' && i + 1 < query.length()) {
                        i++;
                    }
                    b.append(query.charAt(i++));
                }
                String word = b.toString();
                Kind kind = switch (word.toLowerCase(Locale.ROOT)) {
                    case "and" -> Kind.AND;
                    case "or" -> Kind.OR;
                    case "not" -> Kind.NOT;
                    default -> Kind.WORD;
                };
                out.add(new Token(kind, word, start));
            }
        }
        out.add(new Token(Kind.END, "", query.length()));
        return out;
    }

    /**
     * The field names a query refers to: each word followed by {@code :} or a comparison. Used for Lucene queries too,
     * whose {@code field:value} reads the same way.
     */
    static List<String> fields(String query) {
        List<Token> t = tokens(query);
        List<String> fields = new ArrayList<>();
        for (int i = 0; i + 1 < t.size(); i++) {
            Kind next = t.get(i + 1).kind();
            if (t.get(i).kind() == Kind.WORD && (next == Kind.COLON || next == Kind.RANGE)) {
                fields.add(t.get(i).text());
            }
        }
        return fields;
    }

    /** The query DSL Kibana runs for this KQL; blank KQL matches everything. */
    static ObjectNode toQuery(String kql) {
        if (kql.isBlank()) {
            return node().set("match_all", node());
        }
        Kql parser = new Kql(tokens(kql));
        ObjectNode q = parser.or(null);
        parser.expect(Kind.END);
        return q;
    }

    /** {@code field}: null at the top level; the field a value list belongs to inside {@code field : ( … )}. */
    private ObjectNode or(String field) {
        List<ObjectNode> clauses = new ArrayList<>(List.of(and(field)));
        while (peek() == Kind.OR) {
            pos++;
            clauses.add(and(field));
        }
        if (clauses.size() == 1) {
            return clauses.get(0);
        }
        ObjectNode q = bool("should", clauses);
        ((ObjectNode) q.get("bool")).put("minimum_should_match", 1);
        return q;
    }

    private ObjectNode and(String field) {
        List<ObjectNode> clauses = new ArrayList<>(List.of(not(field)));
        while (peek() == Kind.AND) {
            pos++;
            clauses.add(not(field));
        }
        return clauses.size() == 1 ? clauses.get(0) : bool("filter", clauses);
    }

    private ObjectNode not(String field) {
        if (peek() == Kind.NOT) {
            pos++;
            return bool("must_not", List.of(not(field)));
        }
        if (peek() == Kind.LPAREN) {
            pos++;
            ObjectNode inner = or(field);
            expect(Kind.RPAREN);
            return inner;
        }
        return field == null ? expression() : value(field, take());
    }

    /** {@code field : values}, {@code field > n} or a bare term. */
    private ObjectNode expression() {
        Token first = take();
        if (first.kind() != Kind.WORD && first.kind() != Kind.PHRASE) {
            throw unexpected(first);
        }
        if (first.kind() == Kind.WORD && peek() == Kind.RANGE) {
            String op = take().text();
            Token bound = take();
            if (bound.kind() != Kind.WORD && bound.kind() != Kind.PHRASE) {
                throw unexpected(bound);
            }
            String es = switch (op) {
                case ">" -> "gt";
                case ">=" -> "gte";
                case "<" -> "lt";
                default -> "lte";
            };
            ObjectNode range = node();
            range.putObject(first.text()).put(es, bound.text());
            return node().set("range", range);
        }
        if (first.kind() == Kind.WORD && peek() == Kind.COLON) {
            pos++;
            if (peek() == Kind.LBRACE) {
                throw new IllegalArgumentException("KQL: nested field queries (" + first.text() + ":{ … }) are not supported");
            }
            if (peek() == Kind.LPAREN) {
                pos++;
                ObjectNode list = or(first.text());
                expect(Kind.RPAREN);
                return list;
            }
            return value(first.text(), take());
        }
        ObjectNode multi = node();
        multi.put("query", first.text()).put("lenient", true);
        if (first.kind() == Kind.PHRASE) {
            multi.put("type", "phrase");
        }
        return node().set("multi_match", multi);
    }

    private ObjectNode value(String field, Token v) {
        if (v.kind() == Kind.PHRASE) {
            return leaf("match_phrase", field, v.text());
        }
        if (v.kind() != Kind.WORD) {
            throw unexpected(v);
        }
        if (v.text().equals("*")) {
            return node().set("exists", node().put("field", field));
        }
        if (v.text().contains("*")) {
            return leaf("wildcard", field, v.text());
        }
        return leaf("match", field, v.text());
    }

    private static ObjectNode leaf(String kind, String field, String value) {
        ObjectNode inner = node();
        inner.put(field, value);
        return node().set(kind, inner);
    }

    private static ObjectNode bool(String occur, List<ObjectNode> clauses) {
        ObjectNode bool = node();
        ArrayNode list = bool.putArray(occur);
        clauses.forEach(list::add);
        ObjectNode q = node();
        q.set("bool", bool);
        return q;
    }

    private static ObjectNode node() {
        return SavedObjects.JSON.createObjectNode();
    }

    private Kind peek() {
        return tokens.get(pos).kind();
    }

    private Token take() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private void expect(Kind kind) {
        Token t = take();
        if (t.kind() != kind) {
            throw unexpected(t);
        }
    }

    private static IllegalArgumentException unexpected(Token t) {
        return new IllegalArgumentException(t.kind() == Kind.END ? "KQL: the query ends too early"
                : "KQL: unexpected '" + t.text() + "' at " + t.at());
    }
}
