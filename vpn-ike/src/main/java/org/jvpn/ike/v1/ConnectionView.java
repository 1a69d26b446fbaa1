package org.jvpn.ike.v1;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.ConnectionStats;
import org.jvpn.api.IkeSaInfo;
import org.jvpn.api.IpsecSaInfo;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.spi.dataplane.Dataplane;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.SaUsage;
import org.jvpn.api.spi.time.Clock;

/**
 * An immutable snapshot of a connection, published by the event loop for other threads. Counters and
 * remaining lifetimes are read from the dataplane and the clock when asked.
 */
public final class ConnectionView {

    private final IpsecSiteConnection config;
    private final ConnectionState state;
    private final @Nullable String lastError;
    private final @Nullable IkeSaInfo ike;
    private final long ikeExpiresNanos;
    private final List<ChildSa> children;
    private final long ikeRetransmits;
    private final long ipsecRekeys;
    private final long ikeRekeys;
    /** Counters of removed SAs: bytes in, bytes out, packets in, packets out. */
    private final long[] retired;
    /** Inbound SPIs of replaced pairs that still accept in-flight traffic. */
    private final List<Integer> retiring;

    private ConnectionView(IpsecSiteConnection config, ConnectionState state, @Nullable String lastError, @Nullable IkeSaInfo ike,
            long ikeExpiresNanos, List<ChildSa> children, long ikeRetransmits, long ipsecRekeys, long ikeRekeys, long[] retired,
            List<Integer> retiring) {
        this.retired = retired;
        this.retiring = retiring;
        this.config = config;
        this.state = state;
        this.lastError = lastError;
        this.ike = ike;
        this.ikeExpiresNanos = ikeExpiresNanos;
        this.children = children;
        this.ikeRetransmits = ikeRetransmits;
        this.ipsecRekeys = ipsecRekeys;
        this.ikeRekeys = ikeRekeys;
    }

    static ConnectionView of(IkeEngine e, ConnectionRuntime c) {
        IkeSa sa = c.ikeSa;
        IkeSaInfo ike = null;
        long expires = 0;
        if (sa != null && sa.established()) {
            HexFormat hex = HexFormat.of();
            ike = new IkeSaInfo(hex.formatHex(sa.ckyI), hex.formatHex(sa.ckyR), sa.initiator, sa.suite.name(),
                    Duration.ofSeconds(sa.lifetimeSeconds), sa.natLocal || sa.natRemote,
                    e.ctx.localAddress().getHostAddress() + ":" + sa.localPort,
                    sa.remote.getAddress().getHostAddress() + ":" + sa.remote.getPort());
            expires = sa.establishedNanos + sa.lifetimeSeconds * 1_000_000_000L;
        }
        return new ConnectionView(c.config, c.state, c.lastError, ike, expires, List.copyOf(c.children), c.ikeRetransmits,
                c.ipsecRekeys, c.ikeRekeys, new long[] {c.retiredBytesIn, c.retiredBytesOut, c.retiredPacketsIn, c.retiredPacketsOut},
                List.copyOf(c.retiring));
    }

    public IpsecSiteConnection config() {
        return config;
    }

    public ConnectionState state() {
        return state;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** The ISAKMP SA with its remaining lifetime as of {@code clock}. */
    public Optional<IkeSaInfo> ikeSa(Clock clock) {
        if (ike == null) {
            return Optional.empty();
        }
        long left = Math.max(0, ikeExpiresNanos - clock.nanoTime());
        return Optional.of(new IkeSaInfo(ike.initiatorCookie(), ike.responderCookie(), ike.initiator(), ike.algorithms(),
                Duration.ofNanos(left).withNanos(0), ike.natDetected(), ike.localEndpoint(), ike.remoteEndpoint()));
    }

    public List<IpsecSaInfo> ipsecSas(Dataplane dp, Clock clock) {
        List<IpsecSaInfo> out = new ArrayList<>();
        for (ChildSa c : children) {
            SaUsage in = dp.usage(c.inboundSpi(), Direction.INBOUND).orElse(new SaUsage(0, 0, Long.MIN_VALUE, c.installedNanos(), 0));
            SaUsage outU = dp.usage(c.outboundSpi(), Direction.OUTBOUND).orElse(new SaUsage(0, 0, Long.MIN_VALUE, c.installedNanos(), 0));
            long hardNanos = c.suite().lifeSeconds() * 1_000_000_000L;
            long left = Math.max(0, c.installedNanos() + hardNanos - clock.nanoTime());
            out.add(new IpsecSaInfo(String.format("0x%08x", c.inboundSpi()), String.format("0x%08x", c.outboundSpi()),
                    c.suite().protocolName(), c.suite().name(), c.local().toString(), c.remote().toString(),
                    Duration.ofNanos(left).withNanos(0), in.bytes(), outU.bytes(), in.packets(), outU.packets()));
        }
        return out;
    }

    /** Totals since the connection was added: the current pairs, replaced pairs still draining, and removed SAs. */
    public ConnectionStats stats(Dataplane dp, Clock clock, Map<String, Long> drops) {
        long bi = retired[0];
        long bo = retired[1];
        long pi = retired[2];
        long po = retired[3];
        for (int spi : retiring) {
            Optional<SaUsage> u = dp.usage(spi, Direction.INBOUND);
            if (u.isPresent()) {
                bi += u.get().bytes();
                pi += u.get().packets();
            }
        }
        for (IpsecSaInfo i : ipsecSas(dp, clock)) {
            bi += i.bytesIn();
            bo += i.bytesOut();
            pi += i.packetsIn();
            po += i.packetsOut();
        }
        return new ConnectionStats(bi, bo, pi, po, drops, ikeRetransmits, ipsecRekeys, ikeRekeys);
    }
}
