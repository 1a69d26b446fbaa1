package org.jvpn.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.ConfigException;

/** A JSON value with its path, with typed accessors whose errors name the path. */
final class Node {

    private final String source;
    private final String path;
    private final JsonNode json;

    Node(String source, String path, JsonNode json) {
        this.source = source;
        this.path = path;
        this.json = json;
    }

    String path() {
        return path;
    }

    ConfigFileException fail(String problem) {
        return new ConfigFileException(source, path, problem);
    }

    /** Checks this is an object whose keys are all in {@code allowed}. */
    Node object(List<String> allowed) throws ConfigFileException {
        if (!json.isObject()) {
            throw fail("expected an object, got " + kind(json));
        }
        Set<String> ok = new LinkedHashSet<>(allowed);
        for (Iterator<String> it = json.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!ok.contains(k)) {
                throw child(k).fail("unknown key '" + k + "'; allowed keys: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    boolean has(String key) {
        JsonNode v = json.get(key);
        return v != null && !v.isNull();
    }

    Node child(String key) {
        JsonNode v = json.get(key);
        return new Node(source, path + "." + key, v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v);
    }

    Node require(String key) throws ConfigFileException {
        if (!has(key)) {
            throw child(key).fail("is required");
        }
        return child(key);
    }

    /** The value of whichever of {@code keys} is present (at most one may be), or null. */
    @Nullable Node oneOf(String... keys) throws ConfigFileException {
        Node found = null;
        for (String k : keys) {
            if (has(k)) {
                if (found != null) {
                    throw child(k).fail("give only one of " + String.join(", ", keys));
                }
                found = child(k);
            }
        }
        return found;
    }

    List<Node> elements() throws ConfigFileException {
        if (!json.isArray()) {
            throw fail("expected an array, got " + kind(json));
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            out.add(new Node(source, path + "[" + i + "]", json.get(i)));
        }
        return out;
    }

    String text() throws ConfigFileException {
        if (!json.isTextual()) {
            throw fail("expected a string, got " + kind(json));
        }
        return json.textValue();
    }

    /** A string whose value never appears in a message (pre-shared keys). */
    String secretText() throws ConfigFileException {
        if (!json.isTextual()) {
            throw fail("expected a string");
        }
        return json.textValue();
    }

    /** A string, or a number written without quotes (e.g. {@code "ike_version": 1}) as its text. */
    String scalarText() throws ConfigFileException {
        if (json.isIntegralNumber()) {
            return json.asText();
        }
        return text();
    }

    long integer(long min, long max) throws ConfigFileException {
        if (!json.isIntegralNumber() || !json.canConvertToLong()) {
            throw fail("expected an integer, got " + kind(json));
        }
        long v = json.longValue();
        if (v < min || v > max) {
            throw fail("value " + v + " is out of range; expected " + min + ".." + max);
        }
        return v;
    }

    boolean bool() throws ConfigFileException {
        if (!json.isBoolean()) {
            throw fail("expected true or false, got " + kind(json));
        }
        return json.booleanValue();
    }

    /** A list of strings: an array of strings, or a single string. */
    List<String> texts() throws ConfigFileException {
        if (json.isTextual()) {
            return List.of(json.textValue());
        }
        List<String> out = new ArrayList<>();
        for (Node n : elements()) {
            out.add(n.text());
        }
        if (out.isEmpty()) {
            throw fail("expected at least one entry");
        }
        return out;
    }

    /** Runs a model setter, turning a {@link ConfigException} into an error at this path. */
    <T> void apply(T value, Consumer<T> setter) throws ConfigFileException {
        try {
            setter.accept(value);
        } catch (ConfigException e) {
            throw fail(e.getMessage());
        }
    }

    private static String kind(JsonNode n) {
        if (n.isMissingNode()) {
            return "nothing";
        }
        if (n.isTextual()) {
            return "the string \"" + n.textValue() + "\"";
        }
        if (n.isNumber() || n.isBoolean() || n.isNull()) {
            return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + n.asText();
        }
        return "an " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
