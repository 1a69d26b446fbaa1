package org.jvpn.api.config;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A configuration value was refused. The message names the resource, its name, the field, the bad
 * value and what is allowed, for example {@code IpsecPolicy 'p1': encapsulationMode 'transport' is
 * not supported; supported: tunnel}. Secrets (pre-shared keys) never appear: for them the value is
 * absent from the message.
 *
 * <p>This is the only exception the configuration builders throw for bad input; it is an
 * {@link IllegalArgumentException}, so hosts that already catch that keep working.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String resource;
    private final @Nullable String resourceName;
    private final String field;
    private final @Nullable String value;

    /**
     * @param resource the resource type, e.g. {@code "IpsecPolicy"}
     * @param resourceName the resource's name, or null when it has none (e.g. a standalone value)
     * @param field the attribute in Java casing, e.g. {@code "encapsulationMode"}
     * @param value the refused value as text, or null when missing or secret
     * @param problem what is wrong and what is allowed, e.g. {@code "is not supported; supported: tunnel"}
     */
    public ConfigException(String resource, @Nullable String resourceName, String field, @Nullable String value,
            String problem) {
        super(format(resource, resourceName, field, value, problem));
        this.resource = resource;
        this.resourceName = resourceName;
        this.field = field;
        this.value = value;
    }

    private static String format(String resource, @Nullable String resourceName, String field, @Nullable String value,
            String problem) {
        StringBuilder sb = new StringBuilder(resource);
        if (resourceName != null) {
            sb.append(" '").append(resourceName).append('\'');
        }
        sb.append(": ").append(field);
        if (value != null) {
            sb.append(" '").append(value).append('\'');
        }
        return sb.append(' ').append(problem).toString();
    }

    /** The resource type: {@code IkePolicy}, {@code IpsecPolicy}, {@code VpnService}, ... */
    public String resource() {
        return resource;
    }

    /** The resource's name, when it has one. */
    public Optional<String> resourceName() {
        return Optional.ofNullable(resourceName);
    }

    /** The refused attribute in Java casing ({@code peerCidrs}). */
    public String field() {
        return field;
    }

    /** The refused value as text; empty when the value was missing or is secret. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }
}
