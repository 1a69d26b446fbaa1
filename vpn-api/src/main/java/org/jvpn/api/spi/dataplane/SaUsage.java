package org.jvpn.api.spi.dataplane;

/**
 * Usage of one SA so far.
 *
 * @param bytes              inner bytes processed
 * @param packets            packets processed
 * @param lastUsedNanos      clock time of the last packet processed (inbound: last authenticated packet,
 *                           which DPD uses as proof of liveness), or {@link Long#MIN_VALUE} if none
 * @param installedNanos     clock time of installation
 * @param sequence           outbound: last sequence number sent; inbound: highest authenticated
 */
public record SaUsage(long bytes, long packets, long lastUsedNanos, long installedNanos, long sequence) {}
