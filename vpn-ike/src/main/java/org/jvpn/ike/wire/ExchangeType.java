package org.jvpn.ike.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ISAKMP exchange types (RFC 2408 section 3.1, RFC 2409 sections 5 and 5.5). Unlisted numbers stay
 * numbers in {@link IsakmpHeader#exchangeType()}. jvpn speaks {@link #IDENTITY_PROTECTION} (main mode),
 * {@link #QUICK_MODE} and {@link #INFORMATIONAL}; {@link #requireSupported(int)} refuses the rest.
 */
public enum ExchangeType {
    BASE(1, false), IDENTITY_PROTECTION(2, true), AUTHENTICATION_ONLY(3, false),
    /** Aggressive mode: recognised so that it is refused clearly (it exposes the PSK hash). */
    AGGRESSIVE(4, false), INFORMATIONAL(5, true),
    /** Mode config / XAUTH transaction (draft-dukes-ike-mode-cfg). */
    TRANSACTION(6, false), QUICK_MODE(32, true), NEW_GROUP_MODE(33, false);

    private static final Map<Integer, ExchangeType> BY_NUMBER = new HashMap<>();

    static {
        for (ExchangeType t : values()) {
            BY_NUMBER.put(t.number, t);
        }
    }

    private final int number;
    private final boolean supported;

    ExchangeType(int number, boolean supported) {
        this.number = number;
        this.supported = supported;
    }

    public int number() {
        return number;
    }

    /** Whether jvpn implements this exchange. */
    public boolean isSupported() {
        return supported;
    }

    public static Optional<ExchangeType> of(int number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }

    public static String nameOf(int number) {
        ExchangeType t = BY_NUMBER.get(number);
        return t != null ? t.name() : "EXCHANGE(" + number + ")";
    }

    /**
     * The supported exchange type for {@code number}.
     *
     * @throws IkeWireException INVALID-EXCHANGE-TYPE for aggressive mode and any other exchange type
     */
    public static ExchangeType requireSupported(int number) throws IkeWireException {
        ExchangeType t = BY_NUMBER.get(number);
        if (t == AGGRESSIVE) {
            throw IkeWireException.notify(NotifyType.INVALID_EXCHANGE_TYPE,
                    "exchange type 4 (aggressive mode) is refused: it exposes a PSK hash to offline guessing; use main mode (2)");
        }
        if (t == null || !t.supported) {
            throw IkeWireException.notify(NotifyType.INVALID_EXCHANGE_TYPE, "exchange type " + nameOf(number)
                    + " is not supported; expected IDENTITY_PROTECTION (2), QUICK_MODE (32) or INFORMATIONAL (5)");
        }
        return t;
    }
}
