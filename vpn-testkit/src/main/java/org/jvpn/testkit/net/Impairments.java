package org.jvpn.testkit.net;

import java.time.Duration;

/**
 * What a {@link Link} does to datagrams, drawn from the link's seeded random stream. Percentages are
 * 0..100. Immutable; change one property with the {@code with*} methods.
 *
 * @param lossPercent       chance that a datagram is dropped
 * @param duplicatePercent  chance that a datagram is delivered twice
 * @param reorderPercent    chance that a datagram is held back by {@code reorderDelay}, so later ones overtake it
 * @param reorderDelay      extra delay of a reordered datagram
 * @param delay             one-way base delay
 * @param jitter            each copy's delay varies uniformly within {@code delay ± jitter} (never below 0)
 * @param mtu               largest IP packet (UDP payload + 8 + 20 for IPv4 or 40 for IPv6) that passes;
 *                          larger ones are dropped and counted
 */
public record Impairments(double lossPercent, double duplicatePercent, double reorderPercent, Duration reorderDelay,
                          Duration delay, Duration jitter, int mtu) {

    /** Default MTU: Ethernet's 1500. */
    public static final int DEFAULT_MTU = 1500;

    public Impairments {
        checkPercent("lossPercent", lossPercent);
        checkPercent("duplicatePercent", duplicatePercent);
        checkPercent("reorderPercent", reorderPercent);
        checkDuration("reorderDelay", reorderDelay);
        checkDuration("delay", delay);
        checkDuration("jitter", jitter);
        if (mtu < 68) {
            throw new IllegalArgumentException("mtu " + mtu + " below the IPv4 minimum 68");
        }
    }

    /** A perfect link: no loss, no delay, MTU 1500. */
    public static Impairments none() {
        return new Impairments(0, 0, 0, Duration.ofMillis(10), Duration.ZERO, Duration.ZERO, DEFAULT_MTU);
    }

    public Impairments withLoss(double percent) {
        return new Impairments(percent, duplicatePercent, reorderPercent, reorderDelay, delay, jitter, mtu);
    }

    public Impairments withDuplication(double percent) {
        return new Impairments(lossPercent, percent, reorderPercent, reorderDelay, delay, jitter, mtu);
    }

    public Impairments withReordering(double percent, Duration holdBack) {
        return new Impairments(lossPercent, duplicatePercent, percent, holdBack, delay, jitter, mtu);
    }

    public Impairments withDelay(Duration oneWay) {
        return new Impairments(lossPercent, duplicatePercent, reorderPercent, reorderDelay, oneWay, jitter, mtu);
    }

    public Impairments withJitter(Duration plusMinus) {
        return new Impairments(lossPercent, duplicatePercent, reorderPercent, reorderDelay, delay, plusMinus, mtu);
    }

    public Impairments withMtu(int newMtu) {
        return new Impairments(lossPercent, duplicatePercent, reorderPercent, reorderDelay, delay, jitter, newMtu);
    }

    private static void checkPercent(String field, double v) {
        if (!(v >= 0 && v <= 100)) {
            throw new IllegalArgumentException(field + " " + v + " outside 0..100");
        }
    }

    private static void checkDuration(String field, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(field + " " + d + " is negative");
        }
    }
}
