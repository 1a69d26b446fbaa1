package org.jvpn.esp;

import java.net.InetSocketAddress;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.dataplane.Direction;

/**
 * A snapshot of one SA for status tables.
 *
 * @param spi           the SA's SPI (AH's for a bundle)
 * @param protocol      "esp", "ah" or "ah-esp"
 * @param sequence      outbound: last sequence number sent; inbound: highest authenticated
 * @param lastUsedNanos clock time of the last packet ({@link Long#MIN_VALUE} if none)
 * @param verdicts      packets per verdict on this SA (only non-zero counts)
 */
public record SaStatus(int spi, Direction direction, long policyId, String protocol,
                       @Nullable EncryptionAlgorithm encryption, @Nullable AuthAlgorithm integrity,
                       InetSocketAddress local, InetSocketAddress remote, long bytes, long packets,
                       long sequence, long installedNanos, long lastUsedNanos, Map<Verdict, Long> verdicts) {}
