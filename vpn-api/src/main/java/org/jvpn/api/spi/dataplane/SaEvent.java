package org.jvpn.api.spi.dataplane;

/**
 * Something the data plane tells the control plane.
 *
 * @param kind      what happened
 * @param policyId  the policy concerned
 * @param spi       the SA's SPI (0 for {@link Kind#ACQUIRE})
 * @param direction the SA's direction (OUTBOUND for ACQUIRE)
 */
public record SaEvent(Kind kind, long policyId, int spi, Direction direction) {

    public enum Kind {
        /** A soft lifetime (time, bytes, packets) or near sequence exhaustion: rekey now. Raised once per SA. */
        SOFT_EXPIRED,
        /** A hard lifetime was reached or sequence numbers are exhausted: the SA was removed. */
        HARD_EXPIRED,
        /** Outbound traffic matched a policy that has no outbound SA (bring the tunnel up). */
        ACQUIRE,
        /** ESP arrived for an SPI we do not know (peer restart hint; {@code policyId} is -1). */
        UNKNOWN_SPI
    }
}
