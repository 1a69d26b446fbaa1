package org.jvpn.ike.v1;

import org.jvpn.api.config.Cidr;
import org.jvpn.ike.proposal.Phase2Suite;

/**
 * One installed IPsec SA pair of a connection.
 *
 * @param policyId      the dataplane policy it serves
 * @param local         our traffic selector
 * @param remote        the peer's traffic selector
 * @param suite         the agreed algorithms and lifetimes
 * @param inboundSpi    the SPI the dataplane knows the inbound SA by (AH's when AH is used)
 * @param outboundSpi   the same for the outbound SA
 * @param inEsp         our ESP SPI (0 without ESP)
 * @param inAh          our AH SPI (0 without AH)
 * @param outEsp        the peer's ESP SPI
 * @param outAh         the peer's AH SPI
 * @param installedNanos clock time of installation
 * @param initiator     whether we initiated its quick mode
 */
record ChildSa(long policyId, Cidr local, Cidr remote, Phase2Suite suite, int inboundSpi, int outboundSpi,
               int inEsp, int inAh, int outEsp, int outAh, long installedNanos, boolean initiator) {

    /** Whether the peer's Delete for {@code protocol} SPI {@code spi} (its inbound = our outbound) concerns this pair. */
    boolean matchesPeerSpi(int protocol, int spi) {
        return protocol == org.jvpn.ike.wire.ProtocolId.ESP ? outEsp == spi && outEsp != 0
                : protocol == org.jvpn.ike.wire.ProtocolId.AH && outAh == spi && outAh != 0;
    }
}
