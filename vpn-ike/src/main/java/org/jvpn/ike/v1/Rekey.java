package org.jvpn.ike.v1;

import java.time.Duration;
import org.jvpn.api.spi.crypto.RandomSource;

/**
 * When IPsec SAs are rekeyed: a margin before the hard lifetime plus random fuzz, so the two peers
 * rarely rekey at the same moment (the quick-mode initiator rekeys first, with the larger margin).
 */
final class Rekey {

    /** How long a replaced SA pair keeps accepting traffic before it is deleted. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private Rekey() {}

    /**
     * The soft lifetime for an SA with hard lifetime {@code hard} seconds: hard - margin - fuzz, with
     * margin = hard/10 bounded to [5, 540] s (AWS's default margin is 540 s) and fuzz up to half the
     * margin; the responder of the quick mode uses half the margin so that the initiator normally rekeys.
     */
    static long softSeconds(long hard, boolean initiator, RandomSource random) {
        long margin = Math.max(5, Math.min(540, hard / 10));
        if (!initiator) {
            margin = Math.max(2, margin / 2);
        }
        long fuzz = margin / 2 == 0 ? 0 : random.nextInt((int) Math.min(Integer.MAX_VALUE, margin / 2));
        long soft = hard - margin - fuzz;
        return Math.max(1, soft);
    }
}
