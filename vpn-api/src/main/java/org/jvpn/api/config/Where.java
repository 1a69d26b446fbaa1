package org.jvpn.api.config;

import org.jspecify.annotations.Nullable;

/** The resource a check runs for, so that every message names it. */
record Where(String resource, @Nullable String name) {

    ConfigException fail(String field, @Nullable Object value, String problem) {
        return new ConfigException(resource, name, field, value == null ? null : String.valueOf(value), problem);
    }

    /** For warnings: the same prefix as an exception message. */
    String prefix() {
        return name == null ? resource + ": " : resource + " '" + name + "': ";
    }
}
