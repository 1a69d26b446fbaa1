package org.jvpn.ike.v1;

import java.time.Duration;
import org.jvpn.api.RekeyPolicy;
import org.jvpn.api.spi.crypto.RandomSource;

/**
 * When SAs are renewed ({@link RekeyPolicy}): a margin before the hard lifetime plus random fuzz, so the
 * two peers rarely rekey at the same moment (the side that initiated the SA's negotiation rekeys first,
 * with the larger margin, unless the policy says otherwise).
 */
final class Rekey {

    /** How long a replaced SA pair keeps accepting traffic before it is deleted. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private Rekey() {}

    /**
     * The soft lifetime for an SA with hard lifetime {@code hard} seconds: hard - margin - fuzz, with
     * margin = min(policy margin, hard/10), at least 1 s, halved for the responder when it defers, and
     * fuzz up to the policy's percentage of the margin.
     */
    static long softSeconds(long hard, boolean initiator, RekeyPolicy policy, RandomSource random) {
        long margin = Math.max(1, Math.min(policy.margin().toSeconds(), hard / 10));
        if (!initiator && policy.responderDefers()) {
            margin = Math.max(1, margin / 2);
        }
        long fuzzMax = margin * policy.fuzzPercent() / 100;
        long fuzz = fuzzMax <= 0 ? 0 : random.nextInt((int) Math.min(Integer.MAX_VALUE, fuzzMax + 1));
        return Math.max(1, hard - margin - fuzz);
    }

    /** The soft byte limit: 90% of the hard one, 95% on a deferring responder. */
    static long softBytes(long hardBytes, boolean initiator, RekeyPolicy policy) {
        if (hardBytes <= 0) {
            return 0;
        }
        return !initiator && policy.responderDefers() ? hardBytes / 20 * 19 : hardBytes / 10 * 9;
    }
}
