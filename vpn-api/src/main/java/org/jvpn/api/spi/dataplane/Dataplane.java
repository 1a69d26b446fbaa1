package org.jvpn.api.spi.dataplane;

import java.util.Optional;

/**
 * The boundary between the IKE control plane and the ESP/AH data plane, like strongSwan's
 * {@code kernel_ipsec}: the control plane allocates SPIs, installs and removes SAs and policies, and
 * reads usage; the data plane reports lifetime events.
 *
 * <p>Threading: all methods are thread-safe. Events are delivered on whatever thread noticed them
 * (often a packet-processing thread); a listener must hand them to its own event loop and return quickly.
 *
 * <p>Make-before-break: installing a new outbound SA for a policy switches outbound traffic to it at
 * once; the old one keeps existing (and its inbound twin keeps accepting traffic) until deleted.
 */
public interface Dataplane {

    /** A fresh inbound SPI, unique among live and reserved SPIs, never in 0..255 (RFC 4303). */
    int allocateSpi();

    /** Releases an allocated SPI that was never used for an SA (a failed negotiation). */
    void releaseSpi(int spi);

    /**
     * Installs an SA. Inbound SAs are installed before their outbound twins so that the first packet
     * the peer sends is not lost.
     *
     * @throws IllegalArgumentException if the SPI is in use in that direction, the policy is unknown,
     *                                  or the algorithms are not supported
     */
    void addSa(SaConfig sa);

    /** Removes an SA and wipes its keys. Returns false if there was none. */
    boolean deleteSa(int spi, Direction direction);

    /** Installs or replaces a policy. */
    void addPolicy(PolicyConfig policy);

    /** Removes a policy and every SA that serves it. */
    boolean deletePolicy(long policyId);

    /** Usage of an SA, if it exists. */
    Optional<SaUsage> usage(int spi, Direction direction);

    /**
     * Moves an SA's peer endpoint (the peer's NAT mapping changed): outbound SAs send there from now on,
     * inbound SAs stop reporting {@link SaEvent.Kind#REMOTE_CHANGED} for it. Returns false if there is no
     * such SA or the data plane cannot move SAs (the default).
     */
    default boolean updateRemote(int spi, Direction direction, java.net.InetSocketAddress remote) {
        return false;
    }

    /** Sets the one listener for SA events (replacing any earlier one). */
    void setListener(Listener listener);

    /** Receives data plane events. */
    @FunctionalInterface
    interface Listener {
        void onEvent(SaEvent event);
    }
}
