package org.jvpn.api.spi.dataplane;

import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * Something the data plane tells the control plane.
 *
 * @param kind       what happened
 * @param policyId   the policy concerned
 * @param spi        the SA's SPI (0 for {@link Kind#ACQUIRE})
 * @param direction  the SA's direction (OUTBOUND for ACQUIRE)
 * @param source     the outer source of the packet that caused the event ({@link Kind#UNKNOWN_SPI}: who sent
 *                   it; {@link Kind#REMOTE_CHANGED}: the SA's peer endpoint now), or null
 * @param finalUsage {@link Kind#HARD_EXPIRED}: the SA's usage when it was removed (its counters are gone
 *                   from the data plane), or null
 */
public record SaEvent(Kind kind, long policyId, int spi, Direction direction, @Nullable InetSocketAddress source,
                      @Nullable SaUsage finalUsage) {

    /** An event without a source or final usage. */
    public SaEvent(Kind kind, long policyId, int spi, Direction direction) {
        this(kind, policyId, spi, direction, null, null);
    }

    public enum Kind {
        /** A soft lifetime (time, bytes, packets) or near sequence exhaustion: rekey now. Raised once per SA. */
        SOFT_EXPIRED,
        /** A hard lifetime was reached or sequence numbers are exhausted: the SA was removed. */
        HARD_EXPIRED,
        /** Outbound traffic matched a policy that has no outbound SA (bring the tunnel up). */
        ACQUIRE,
        /** ESP arrived for an SPI we do not know (peer restart hint; {@code policyId} is -1). */
        UNKNOWN_SPI,
        /**
         * An authenticated packet for an inbound SA came from another outer endpoint than the SA's remote
         * (the peer's NAT mapping changed): {@code source} is where it came from. Raised once per change.
         */
        REMOTE_CHANGED
    }
}
