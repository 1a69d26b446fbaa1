package org.jvpn.api;

import java.time.Duration;

/**
 * A snapshot of one IPsec SA pair (inbound and outbound) of a connection.
 *
 * @param inboundSpi   our SPI (hex "0x...")
 * @param outboundSpi  the peer's SPI
 * @param protocol     "esp", "ah" or "ah-esp"
 * @param algorithms   e.g. "aes128gcm16-modp2048" (the group is the PFS group, if any)
 * @param localSubnet  our traffic selector
 * @param peerSubnet   the peer's traffic selector
 * @param remaining    lifetime left until hard expiry
 * @param bytesIn      inner bytes received and authenticated
 * @param bytesOut     inner bytes sent
 * @param packetsIn    packets received and authenticated
 * @param packetsOut   packets sent
 */
public record IpsecSaInfo(String inboundSpi, String outboundSpi, String protocol, String algorithms,
                          String localSubnet, String peerSubnet, Duration remaining,
                          long bytesIn, long bytesOut, long packetsIn, long packetsOut) {}
