package org.jvpn.api.spi.dataplane;

/**
 * Soft and hard limits of an SA. Zero means "no limit". Reaching a soft limit raises
 * {@link SaEvent.Kind#SOFT_EXPIRED} once (time to rekey); reaching a hard limit removes the SA and raises
 * {@link SaEvent.Kind#HARD_EXPIRED}. Time limits are measured on the injected clock from installation.
 */
public record LifetimeLimits(long softSeconds, long hardSeconds, long softBytes, long hardBytes,
                             long softPackets, long hardPackets) {

    public static final LifetimeLimits NONE = new LifetimeLimits(0, 0, 0, 0, 0, 0);

    public LifetimeLimits {
        if (softSeconds < 0 || hardSeconds < 0 || softBytes < 0 || hardBytes < 0 || softPackets < 0 || hardPackets < 0) {
            throw new IllegalArgumentException("lifetime limits must not be negative");
        }
    }
}
