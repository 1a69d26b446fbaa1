package org.jvpn.api.spi.dataplane;

import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * One IPsec SA (one direction) as negotiated by quick mode, always tunnel mode, always ESP in UDP
 * (RFC 3948). For the AH+ESP bundle both {@code esp} and {@code ah} are set: AH is outermost
 * (applied last outbound, checked first inbound) and the inbound SA is found by the AH SPI; otherwise
 * by the one protocol's SPI.
 *
 * @param policyId      the policy this SA serves (outbound SAs carry its traffic; inbound SAs check it)
 * @param direction     inbound or outbound
 * @param esp           ESP keys, or null for AH only
 * @param ah            AH keys, or null for ESP only
 * @param local         our outer UDP endpoint (normally port 4500)
 * @param remote        the peer's outer UDP endpoint (after NAT), where outbound packets go
 * @param replayWindow  anti-replay window size in packets (inbound; 0 disables), 32..4096
 * @param esn           extended (64-bit) sequence numbers
 * @param limits        lifetime limits
 */
public record SaConfig(long policyId, Direction direction, @Nullable SaKeys esp, @Nullable SaKeys ah,
                       InetSocketAddress local, InetSocketAddress remote, int replayWindow, boolean esn,
                       LifetimeLimits limits) {

    public SaConfig {
        if (esp == null && ah == null) {
            throw new IllegalArgumentException("an SA needs ESP or AH keys");
        }
        if (replayWindow != 0 && (replayWindow < 32 || replayWindow > 4096)) {
            throw new IllegalArgumentException("replayWindow " + replayWindow + " outside 32..4096 (or 0 to disable)");
        }
    }

    /** The SPI by which the SA is known: AH's when AH is present (outermost), else ESP's. */
    public int spi() {
        SaKeys outer = ah != null ? ah : esp;
        return outer.spi();
    }
}
