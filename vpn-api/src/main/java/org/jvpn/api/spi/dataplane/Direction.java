package org.jvpn.api.spi.dataplane;

/** Direction of an IPsec SA as seen from this gateway. */
public enum Direction {
    INBOUND,
    OUTBOUND
}
