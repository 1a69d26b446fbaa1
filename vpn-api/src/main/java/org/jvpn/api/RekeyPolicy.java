package org.jvpn.api;

import java.time.Duration;

/**
 * When SAs are renewed before they expire: IPsec SAs (a new quick mode) and ISAKMP SAs (a new main mode,
 * IKEv1 has no in-place rekey) are replaced {@code margin} plus a random fuzz of up to
 * {@code fuzzPercent} percent of the margin before their hard lifetime. The margin is at most a tenth of
 * the lifetime (so short lifetimes still live most of their time), at least 1 s. Byte limits rekey at 90%
 * (95% on the deferring side). With {@code responderDefers}, the side that answered the SA's negotiation
 * uses half the margin, so the two peers rarely rekey at the same moment; turning it off (with no fuzz)
 * makes both peers rekey at once, which tests collisions.
 *
 * @param margin          time before the hard lifetime (default 540 s, AWS's and strongSwan's 9 min)
 * @param fuzzPercent     random extra margin, 0..100 percent of the margin (default 50)
 * @param responderDefers whether the responder of the SA's negotiation uses half the margin (default true)
 */
public record RekeyPolicy(Duration margin, int fuzzPercent, boolean responderDefers) {

    public static final RekeyPolicy DEFAULT = new RekeyPolicy(Duration.ofSeconds(540), 50, true);

    public RekeyPolicy {
        if (margin.isNegative() || margin.isZero()) {
            throw new IllegalArgumentException("RekeyPolicy: margin must be positive, was " + margin);
        }
        if (fuzzPercent < 0 || fuzzPercent > 100) {
            throw new IllegalArgumentException("RekeyPolicy: fuzzPercent " + fuzzPercent + " outside 0..100");
        }
    }
}
