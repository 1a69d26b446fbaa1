package org.jvpn.esp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.SaConfig;
import org.jvpn.esp.sa.IntMap;

/**
 * The SAD: inbound and outbound SAs by SPI, and the inbound SPIs handed out by {@link #allocateSpi} but
 * not yet used by an SA.
 *
 * <p>Reads ({@link #inbound}, {@link #get}) are lock-free and allocation-free ({@link IntMap}). Writes
 * are not synchronized here: the caller holds the data plane's lock, which also guards the SPD, so that
 * an outbound SA and its policy's {@link PolicyEntry#outbound} change together.
 */
final class SaTable {

    private final IntMap<SecurityAssociation> inboundSas = new IntMap<>();
    private final IntMap<SecurityAssociation> outboundSas = new IntMap<>();
    private final Set<Integer> reservedSpis = new HashSet<>();

    /** The inbound SA with SPI {@code spi}, if any (packet path). */
    @Nullable SecurityAssociation inbound(int spi) {
        return inboundSas.get(spi);
    }

    /** The SA with SPI {@code spi} in {@code direction}, if any. */
    @Nullable SecurityAssociation get(int spi, Direction direction) {
        return (direction == Direction.INBOUND ? inboundSas : outboundSas).get(spi);
    }

    /**
     * A fresh inbound SPI, reserved until an SA uses it or it is released. Caller holds the lock.
     */
    int allocateSpi(RandomSource random) {
        while (true) {
            int spi = random.nextInt();
            // Not 0..255 (RFC 4303 section 2.1); low 16 bits non-zero, so that an ESP SPI never looks
            // like an AH header (whose RESERVED field is zero) on the shared UDP port.
            if ((spi & 0xffffff00) != 0 && (spi & 0xffff) != 0
                    && inboundSas.get(spi) == null && reservedSpis.add(spi)) {
                return spi;
            }
        }
    }

    /** Forgets a reservation made by {@link #allocateSpi}. Caller holds the lock. */
    void releaseSpi(int spi) {
        reservedSpis.remove(spi);
    }

    /**
     * Installs an SA of policy {@code pe}; an outbound one becomes the policy's current SA. Caller holds
     * the lock.
     *
     * @throws IllegalArgumentException if the SPI is taken in that direction, or an inbound ESP SPI has
     *                                  16 low zero bits
     */
    void add(SaConfig config, PolicyEntry pe, CryptoBackend backend, RandomSource random, long now) {
        boolean in = config.direction() == Direction.INBOUND;
        IntMap<SecurityAssociation> map = in ? inboundSas : outboundSas;
        if (map.get(config.spi()) != null) {
            throw new IllegalArgumentException("an " + config.direction() + " SA with SPI 0x" + Integer.toHexString(config.spi()) + " exists already");
        }
        if (in && (config.spi() & 0xffff) == 0 && config.ah() == null) {
            throw new IllegalArgumentException("inbound ESP SPI 0x" + Integer.toHexString(config.spi()) + " has 16 low zero bits (use allocateSpi)");
        }
        SecurityAssociation sa = new SecurityAssociation(config, backend, random, now);
        sa.policy = pe;
        map.put(config.spi(), sa);
        if (in) {
            reservedSpis.remove(config.spi());
        } else {
            pe.outbound = sa;
            pe.acquirePending.set(false);
        }
    }

    /**
     * Removes {@code sa} if it is still installed, lets its policy fall back to its newest remaining
     * outbound SA, and wipes its keys. Caller holds the lock.
     */
    boolean remove(SecurityAssociation sa) {
        IntMap<SecurityAssociation> map = sa.direction == Direction.INBOUND ? inboundSas : outboundSas;
        if (map.get(sa.spi) != sa) {
            return false;
        }
        map.remove(sa.spi);
        PolicyEntry pe = sa.policy;
        if (pe != null && pe.outbound == sa) {
            // Fall back to the newest remaining outbound SA of the policy, if any.
            SecurityAssociation best = null;
            for (SecurityAssociation o : outboundSas.values()) {
                if (o.policyId == sa.policyId && (best == null || o.serial > best.serial)) {
                    best = o;
                }
            }
            pe.outbound = best;
        }
        sa.close();
        return true;
    }

    /** A snapshot of the outbound SAs. */
    List<SecurityAssociation> outbound() {
        return outboundSas.values();
    }

    /** A snapshot of every SA, inbound first. */
    List<SecurityAssociation> all() {
        List<SecurityAssociation> all = new ArrayList<>(inboundSas.values());
        all.addAll(outboundSas.values());
        return all;
    }
}
