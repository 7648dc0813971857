package io.ledgerline.app.support.qbo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * QuickBooks' query language, as far as a sync backend uses it:
 * {@code SELECT * | COUNT(*) FROM Entity [WHERE cond {AND cond}] [ORDERBY field [ASC|DESC]] [STARTPOSITION n]
 * [MAXRESULTS n]}, where a condition is {@code field (= | != | < | <= | > | >=) value}, {@code field LIKE '%x%'} or
 * {@code field IN (value, …)}. String literals are single-quoted with {@code \'} and {@code \\} escapes; anything
 * else (an unescaped quote, a dangling word) is fault 4000. Comparisons ignore case, as QuickBooks' do.
 */
final class FakeQuery {

    static final int DEFAULT_MAX_RESULTS = 100;
    static final int MAX_RESULTS_LIMIT = 1000;

    /** The properties QuickBooks lets a query filter or sort on; any other is fault 4001. */
    private static final Set<String> QUERYABLE = Set.of("id", "displayname", "givenname", "familyname", "companyname",
            "fullyqualifiedname", "primaryemailaddr", "active", "docnumber", "customerref", "txndate", "duedate",
            "totalamt", "balance", "name", "type", "metadata.createtime", "metadata.lastupdatedtime");

    final String entity;
    final boolean count;
    final List<Condition> conditions;
    final String orderBy;
    final boolean descending;
    final int startPosition;
    final int maxResults;

    private FakeQuery(String entity, boolean count, List<Condition> conditions, String orderBy, boolean descending,
                      int startPosition, int maxResults) {
        this.entity = entity;
        this.count = count;
        this.conditions = conditions;
        this.orderBy = orderBy;
        this.descending = descending;
        this.startPosition = startPosition;
        this.maxResults = maxResults;
    }

    /** Whether the statement filters on {@code Active}: without it, name lists answer only active records. */
    boolean filtersOnActive() {
        return conditions.stream().anyMatch(c -> c.field.equalsIgnoreCase("Active"));
    }

    boolean matches(ObjectNode record) {
        return conditions.stream().allMatch(c -> c.test(record));
    }

    Comparator<ObjectNode> order() {
        Comparator<ObjectNode> byId = Comparator.comparing(r -> new BigDecimal(r.path("Id").asString("0")));
        if (orderBy == null) {
            return byId;
        }
        Comparator<ObjectNode> by = (a, b) -> compare(value(a, orderBy), value(b, orderBy), orderBy);
        return (descending ? by.reversed() : by).thenComparing(byId);
    }

    record Condition(String field, String operator, List<String> values) {

        boolean test(ObjectNode record) {
            String actual = value(record, field);
            if (actual == null) {
                return false;
            }
            return switch (operator) {
                case "=" -> compare(actual, values.get(0), field) == 0;
                case "!=" -> compare(actual, values.get(0), field) != 0;
                case "<" -> compare(actual, values.get(0), field) < 0;
                case "<=" -> compare(actual, values.get(0), field) <= 0;
                case ">" -> compare(actual, values.get(0), field) > 0;
                case ">=" -> compare(actual, values.get(0), field) >= 0;
                case "IN" -> values.stream().anyMatch(v -> compare(actual, v, field) == 0);
                case "LIKE" -> like(values.get(0)).matcher(actual).matches();
                default -> throw new IllegalStateException(operator);
            };
        }

        private static Pattern like(String pattern) {
            String regex = Arrays.stream(pattern.split("%", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        }
    }

    /** A property's value as text: a reference by its {@code value}, an email by its {@code Address}. */
    static String value(JsonNode record, String field) {
        JsonNode node = record;
        for (String step : field.split("\\.")) {
            node = property(node, step);
            if (node == null) {
                return null;
            }
        }
        if (node.isObject()) {
            node = node.has("value") ? node.get("value") : node.get("Address");
        }
        return node == null || node.isNull() ? null : node.asString();
    }

    /** Property names are matched ignoring case, as QuickBooks does in queries. */
    private static JsonNode property(JsonNode node, String name) {
        if (!node.isObject()) {
            return null;
        }
        for (var entry : node.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    static int compare(String actual, String expected, String field) {
        if (field.toLowerCase(Locale.ROOT).endsWith("time")) {
            return instant(actual).compareTo(instant(expected));
        }
        if (isNumber(actual) && isNumber(expected)) {
            return new BigDecimal(actual).compareTo(new BigDecimal(expected));
        }
        return actual.compareToIgnoreCase(expected);
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.ofHours(-7));
                } catch (DateTimeParseException notDate) {
                    throw FakeFault.queryParse("Invalid date-time " + text);
                }
            }
        }
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }

    // ---- parsing -----------------------------------------------------------------------------------------------

    private record Token(Kind kind, String text, int column) {
    }

    private enum Kind { WORD, STRING, SYMBOL }

    static FakeQuery parse(String statement) {
        List<Token> tokens = tokens(statement);
        Parser parser = new Parser(tokens);
        return parser.statement();
    }

    private static List<Token> tokens(String statement) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < statement.length()) {
            char c = statement.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder text = new StringBuilder();
                int start = i++;
                boolean closed = false;
                while (i < statement.length()) {
                    char d = statement.charAt(i);
                    if (d == '\\' && i + 1 < statement.length()) {
                        text.append(statement.charAt(i + 1));
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        closed = true;
                        break;
                    } else {
                        text.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw FakeFault.queryParse("Lexical error at line 1, column " + (start + 1)
                            + ".  Encountered: <EOF> after : \"'" + text + "\"");
                }
                tokens.add(new Token(Kind.STRING, text.toString(), start + 1));
            } else if ("<>!=".indexOf(c) >= 0) {
                int start = i;
                String symbol = (i + 1 < statement.length() && statement.charAt(i + 1) == '=')
                        ? statement.substring(i, i + 2) : String.valueOf(c);
                i += symbol.length();
                if (symbol.equals("<") && i < statement.length() && statement.charAt(i) == '>') {
                    symbol = "!=";
                    i++;
                }
                tokens.add(new Token(Kind.SYMBOL, symbol, start + 1));
            } else if ("(),*".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i + 1));
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') {
                int start = i;
                while (i < statement.length() && (Character.isLetterOrDigit(statement.charAt(i))
                        || ".-_:+".indexOf(statement.charAt(i)) >= 0)) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, statement.substring(start, i), start + 1));
            } else {
                throw FakeFault.queryParse("Lexical error at line 1, column " + (i + 1) + ".  Encountered: \""
                        + c + "\"");
            }
        }
        return tokens;
    }

    private static final class Parser {

        private final List<Token> tokens;
        private int next;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        FakeQuery statement() {
            keyword("SELECT");
            boolean count;
            if (peekSymbol("*")) {
                next++;
                count = false;
            } else {
                keyword("COUNT");
                symbol("(");
                symbol("*");
                symbol(")");
                count = true;
            }
            keyword("FROM");
            String entity = word();
            List<Condition> conditions = new ArrayList<>();
            if (peekKeyword("WHERE")) {
                next++;
                conditions.add(condition());
                while (peekKeyword("AND")) {
                    next++;
                    conditions.add(condition());
                }
            }
            String orderBy = null;
            boolean descending = false;
            if (peekKeyword("ORDERBY") || peekKeyword("ORDER")) {
                if (peekKeyword("ORDER")) {
                    next++;
                    keyword("BY");
                } else {
                    next++;
                }
                orderBy = queryable(word());
                if (peekKeyword("DESC") || peekKeyword("ASC")) {
                    descending = tokens.get(next++).text().equalsIgnoreCase("DESC");
                }
            }
            int startPosition = 1;
            int maxResults = DEFAULT_MAX_RESULTS;
            if (peekKeyword("STARTPOSITION")) {
                next++;
                startPosition = Math.max(1, number());
            }
            if (peekKeyword("MAXRESULTS")) {
                next++;
                maxResults = Math.min(MAX_RESULTS_LIMIT, Math.max(1, number()));
            }
            if (next < tokens.size()) {
                throw unexpected();
            }
            return new FakeQuery(entity, count, List.copyOf(conditions), orderBy, descending, startPosition,
                    maxResults);
        }

        private Condition condition() {
            String field = queryable(word());
            if (peekKeyword("LIKE")) {
                next++;
                return new Condition(field, "LIKE", List.of(string()));
            }
            if (peekKeyword("IN")) {
                next++;
                symbol("(");
                List<String> values = new ArrayList<>();
                values.add(literal());
                while (peekSymbol(",")) {
                    next++;
                    values.add(literal());
                }
                symbol(")");
                return new Condition(field, "IN", List.copyOf(values));
            }
            Token operator = take();
            if (operator.kind() != Kind.SYMBOL || !Set.of("=", "!=", "<", "<=", ">", ">=").contains(operator.text())) {
                next--;
                throw unexpected();
            }
            return new Condition(field, operator.text(), List.of(literal()));
        }

        private String queryable(String field) {
            if (!QUERYABLE.contains(field.toLowerCase(Locale.ROOT))) {
                throw FakeQuery.notQueryable(field);
            }
            return field;
        }

        private String literal() {
            Token token = take();
            if (token.kind() == Kind.STRING || token.kind() == Kind.WORD) {
                return token.text();
            }
            next--;
            throw unexpected();
        }

        private String string() {
            Token token = take();
            if (token.kind() != Kind.STRING) {
                next--;
                throw unexpected();
            }
            return token.text();
        }

        private int number() {
            Token token = take();
            try {
                return Integer.parseInt(token.text());
            } catch (NumberFormatException notNumber) {
                next--;
                throw unexpected();
            }
        }

        private String word() {
            Token token = take();
            if (token.kind() != Kind.WORD) {
                next--;
                throw unexpected();
            }
            return token.text();
        }

        private void keyword(String keyword) {
            if (!peekKeyword(keyword)) {
                throw unexpected();
            }
            next++;
        }

        private void symbol(String symbol) {
            if (!peekSymbol(symbol)) {
                throw unexpected();
            }
            next++;
        }

        private boolean peekKeyword(String keyword) {
            return next < tokens.size() && tokens.get(next).kind() == Kind.WORD
                    && tokens.get(next).text().equalsIgnoreCase(keyword);
        }

        private boolean peekSymbol(String symbol) {
            return next < tokens.size() && tokens.get(next).kind() == Kind.SYMBOL
                    && tokens.get(next).text().equals(symbol);
        }

        private Token take() {
            if (next >= tokens.size()) {
                throw unexpected();
            }
            return tokens.get(next++);
        }

        private FakeFault unexpected() {
            if (next >= tokens.size()) {
                return FakeFault.queryParse("Encountered \"<EOF>\" at end of statement.");
            }
            Token token = tokens.get(next);
            return FakeFault.queryParse("Encountered \" \"" + token.text() + "\" \" at line 1, column "
                    + token.column() + ".");
        }
    }

    static FakeFault notQueryable(String field) {
        return FakeFault.queryValidation("property '" + field + "' is not queryable");
    }
}
