package org.jvpn.ike.testvectors;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A small strict JSON reader for the test vectors (no JSON library is a test dependency). Objects
 * become {@link LinkedHashMap}s (duplicate keys rejected), arrays {@link List}s, integral numbers
 * {@link Long}s (or {@link BigInteger}s past 64 bits), other numbers {@link Double}s, plus strings,
 * booleans and {@code null}. Malformed input fails with an {@link IllegalArgumentException} naming the
 * offset and what was expected.
 */
public final class Json {

    private static final int MAX_DEPTH = 256;
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private final String s;
    private int pos;
    private int depth;

    private Json(String s) {
        this.s = s;
    }

    /** The single JSON value of {@code text}; trailing non-whitespace is an error. */
    public static @Nullable Object parse(String text) {
        Json p = new Json(text);
        Object v = p.value();
        p.ws();
        if (p.pos != p.s.length()) {
            throw p.error("trailing data");
        }
        return v;
    }

    /** {@code o} as a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> obj(@Nullable Object o) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("JSON: expected an object, got " + kind(o));
        }
        return (Map<String, Object>) o;
    }

    /** {@code o} as a JSON array. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(@Nullable Object o) {
        if (!(o instanceof List)) {
            throw new IllegalArgumentException("JSON: expected an array, got " + kind(o));
        }
        return (List<Object>) o;
    }

    /** The object under {@code key} of the object {@code o}. */
    public static Map<String, Object> obj(@Nullable Object o, String key) {
        Object v = obj(o).get(key);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("JSON: key " + key + " is not an object but " + kind(v));
        }
        return obj(v);
    }

    /** The array under {@code key} of the object {@code o}. */
    public static List<Object> list(@Nullable Object o, String key) {
        Object v = obj(o).get(key);
        if (!(v instanceof List)) {
            throw new IllegalArgumentException("JSON: key " + key + " is not an array but " + kind(v));
        }
        return list(v);
    }

    /** The string under {@code key} of the object {@code o}. */
    public static String str(@Nullable Object o, String key) {
        Object v = obj(o).get(key);
        if (!(v instanceof String)) {
            throw new IllegalArgumentException("JSON: key " + key + " is not a string but " + kind(v));
        }
        return (String) v;
    }

    private static String kind(@Nullable Object o) {
        return o == null ? "null/missing" : o.getClass().getSimpleName();
    }

    private @Nullable Object value() {
        ws();
        char c = peek();
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Map<String, @Nullable Object> object() {
        enter();
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        expect('{');
        ws();
        if (peek() == '}') {
            pos++;
            depth--;
            return m;
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            int keyAt = pos;
            String k = string();
            ws();
            expect(':');
            if (m.containsKey(k)) {
                pos = keyAt;
                throw error("duplicate key " + k);
            }
            m.put(k, value());
            ws();
            char c = next();
            if (c == '}') {
                depth--;
                return m;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<@Nullable Object> array() {
        enter();
        List<@Nullable Object> l = new ArrayList<>();
        expect('[');
        ws();
        if (peek() == ']') {
            pos++;
            depth--;
            return l;
        }
        while (true) {
            l.add(value());
            ws();
            char c = next();
            if (c == ']') {
                depth--;
                return l;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> b.append(unicodeEscape());
                default -> {
                    pos--;
                    throw error("bad escape \\" + e);
                }
            }
        }
    }

    private char unicodeEscape() {
        if (pos + 4 > s.length()) {
            throw error("short \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0) {
                throw error("bad hex digit in \\u escape");
            }
            v = v << 4 | d;
        }
        pos += 4;
        return (char) v;
    }

    private Object number() {
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        String t = s.substring(start, pos);
        if (!NUMBER.matcher(t).matches()) {
            pos = start;
            throw error(t.isEmpty() ? "unexpected character '" + s.charAt(pos) + "'" : "bad number " + t);
        }
        if (!INTEGER.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        BigInteger big = new BigInteger(t);
        return big.bitLength() < 64 ? (Object) big.longValueExact() : big;
    }

    private @Nullable Object literal(String word, @Nullable Object value) {
        if (!s.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private void ws() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= s.length()) {
            throw error("unexpected end of input");
        }
        return s.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
    }
}
