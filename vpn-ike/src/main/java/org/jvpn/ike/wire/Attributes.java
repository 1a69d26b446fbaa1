package org.jvpn.ike.wire;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Lookups shared by the typed attribute views. */
final class Attributes {

    private Attributes() {
    }

    static OptionalInt first(List<DataAttribute> attributes, int type) {
        for (DataAttribute a : attributes) {
            if (a.type() == type) {
                return OptionalInt.of(a.intValue());
            }
        }
        return OptionalInt.empty();
    }

    /** The duration that follows a life type attribute of {@code wanted} (RFC 2407 4.5 pairs). */
    static OptionalLong life(List<DataAttribute> attributes, int typeClass, int durationClass, int wanted) {
        int current = -1;
        for (DataAttribute a : attributes) {
            if (a.type() == typeClass) {
                current = a.intValue();
            } else if (a.type() == durationClass && current == wanted) {
                return OptionalLong.of(a.longValue());
            }
        }
        return OptionalLong.empty();
    }
}
