package org.jvpn.api;

import java.time.Duration;

/**
 * IKE retransmission: the first retransmit after {@code initial}, each next one after twice the previous
 * delay up to {@code max}; after {@code tries} unanswered transmissions the exchange fails. Defaults:
 * 0.5 s doubling to 30 s, 8 tries (about a minute and a half).
 */
public record RetransmitPolicy(Duration initial, Duration max, int tries) {

    public static final RetransmitPolicy DEFAULT = new RetransmitPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 8);

    public RetransmitPolicy {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("RetransmitPolicy: initial must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("RetransmitPolicy: max " + max + " is below initial " + initial);
        }
        if (tries < 1 || tries > 50) {
            throw new IllegalArgumentException("RetransmitPolicy: tries " + tries + " outside 1..50");
        }
    }

    /** Delay before transmission number {@code attempt} + 1 (attempt 1 = the first transmission). */
    public Duration delayAfter(int attempt) {
        Duration d = initial;
        for (int i = 1; i < attempt && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
