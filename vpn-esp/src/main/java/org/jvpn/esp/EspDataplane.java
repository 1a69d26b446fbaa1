package org.jvpn.esp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.dataplane.Dataplane;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.PolicyConfig;
import org.jvpn.api.spi.dataplane.SaConfig;
import org.jvpn.api.spi.dataplane.SaEvent;
import org.jvpn.api.spi.dataplane.SaKeys;
import org.jvpn.api.spi.dataplane.SaUsage;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.api.spi.time.Clock;
import org.jvpn.api.spi.time.Scheduler;
import org.jvpn.esp.sa.AhCodec;
import org.jvpn.esp.sa.AhCrypto;
import org.jvpn.esp.sa.Bytes;
import org.jvpn.esp.sa.EspCodec;
import org.jvpn.esp.sa.EspCrypto;

/**
 * The ESP/AH data plane: tunnel mode, always in UDP (RFC 3948), with SAD, SPD, anti-replay, lifetimes
 * and counters. Control-plane methods ({@link Dataplane}) may be called from any thread (normally the
 * gateway's event loop) while packets flow through {@link #outbound} and {@link #inbound} on others.
 *
 * <p>Packet path: lock-free SA and policy lookup, per-thread cipher contexts per SA, atomic sequence
 * numbers; encryption in place in the caller's buffer; no allocation of its own in steady state. Every
 * packet gets one {@link Verdict}, counted globally and per SA; no exception escapes.
 *
 * <p>The tables live in {@link SaTable} (SAD) and {@link PolicyTable} (SPD), the timers in
 * {@link PeriodicWork}; this class holds the one lock that guards every write to both tables.
 */
public final class EspDataplane implements Dataplane, AutoCloseable {

    private static final int NH_ESP = 50;
    private static final int NH_NONE = 59;
    private static final long UNKNOWN_SPI_EVENT_INTERVAL = 1_000_000_000L;

    private final CryptoBackend backend;
    private final Clock clock;
    private final RandomSource random;
    private final OutboundSender sender;
    private final InnerSink sink;

    /** Guards every write to {@link #sad} and {@link #spd}, and starting/stopping {@link #periodic}. */
    private final Object lock = new Object();
    private final SaTable sad = new SaTable();
    private final PolicyTable spd = new PolicyTable();
    private final PeriodicWork periodic;
    private volatile Listener listener = e -> { };

    private final AtomicLongArray counters = new AtomicLongArray(Verdict.values().length);
    private volatile long lastUnknownSpiEvent = Long.MIN_VALUE;

    /**
     * @param backend crypto back end (normally {@code CryptoBackends.defaults()})
     * @param clock   lifetimes and last-used times
     * @param random  SPIs and CBC IV keys
     * @param sender  where ESP-in-UDP datagrams and keepalives go
     * @param sink    where decrypted inner packets go
     */
    public EspDataplane(CryptoBackend backend, Clock clock, RandomSource random, OutboundSender sender, InnerSink sink) {
        this.backend = backend;
        this.clock = clock;
        this.random = random;
        this.sender = sender;
        this.sink = sink;
        this.periodic = new PeriodicWork(sad, clock, sender);
    }

    // ---------------------------------------------------------------- packet path

    /**
     * Host to tunnel: finds the policy for the inner IPv4/IPv6 packet, encrypts it in place with the
     * policy's newest outbound SA (ESP, then AH for a bundle) and sends the UDP payload from the SA's
     * local endpoint to its remote one. The buffer needs about 70 bytes of headroom and 60 of tailroom
     * ({@link PacketBuffer#DEFAULT_HEADROOM} and {@link PacketBuffer#DEFAULT_TAILROOM} are plenty).
     */
    public Verdict outbound(PacketBuffer innerIpPacket) {
        Verdict v;
        try {
            v = doOutbound(innerIpPacket);
        } catch (RuntimeException e) {
            v = Verdict.INTERNAL_ERROR;
        }
        counters.incrementAndGet(v.ordinal());
        return v;
    }

    private Verdict doOutbound(PacketBuffer p) {
        byte[] b = p.array();
        int off = p.offset();
        int len = p.length();
        if (len < 1) {
            return Verdict.TRUNCATED;
        }
        int version = (b[off] & 0xf0) >>> 4;
        int nh = version == 4 ? InnerIp.IPV4 : version == 6 ? InnerIp.IPV6 : -1;
        if (nh < 0) {
            return Verdict.BAD_INNER_PACKET;
        }
        if (len < (nh == InnerIp.IPV4 ? 20 : 40)) {
            return Verdict.TRUNCATED;
        }
        PolicyEntry pe = spd.lookupOutbound(b, off + InnerIp.srcOffset(nh), off + InnerIp.dstOffset(nh), InnerIp.addrLength(nh));
        if (pe == null) {
            return Verdict.NO_POLICY;
        }
        SecurityAssociation sa = pe.outbound;
        if (sa == null || !sa.enter()) {
            if (pe.acquirePending.compareAndSet(false, true)) {
                emit(SaEvent.Kind.ACQUIRE, pe.config.id(), 0, Direction.OUTBOUND);
            }
            return Verdict.NO_SA;
        }
        Verdict v;
        try {
            v = encapsulateAndSend(sa, p, nh);
        } finally {
            sa.exit();
        }
        sa.count(v);
        return v;
    }

    private Verdict encapsulateAndSend(SecurityAssociation sa, PacketBuffer p, int nh) {
        long seq = sa.nextSequence();
        if (seq < 0) {
            expireHard(sa);
            return Verdict.SEQUENCE_EXHAUSTED;
        }
        int inner = p.length();
        int ahNext = nh;
        if (sa.esp != null) {
            if (!EspCodec.encapsulate(sa.espCrypto(), p, sa.espSpi, seq, nh)) {
                return Verdict.NO_ROOM;
            }
            ahNext = NH_ESP;
        }
        if (sa.ah != null && !AhCodec.encapsulate(sa.ahCrypto(), p, sa.ahSpi, seq, ahNext)) {
            return Verdict.NO_ROOM;
        }
        account(sa, inner, clock.nanoTime());
        return sender.send(sa.config.local(), sa.remote, p) ? Verdict.SENT : Verdict.SEND_FAILED;
    }

    /**
     * A UDP payload received on port 4500: ESP (verified, decrypted, checked against the SA's selectors
     * and written to the sink), IKE (non-ESP marker: the caller strips the 4 zero bytes and handles it),
     * a NAT-keepalive (ignored), or a counted drop. Any byte string is safe here; nothing changes state
     * before the ICV has been verified. The buffer's bytes are decrypted in place.
     */
    public Verdict inbound(InetSocketAddress from, PacketBuffer udpPayload) {
        Verdict v;
        try {
            v = doInbound(from, udpPayload);
        } catch (RuntimeException e) {
            v = Verdict.INTERNAL_ERROR;
        }
        counters.incrementAndGet(v.ordinal());
        return v;
    }

    private Verdict doInbound(InetSocketAddress from, PacketBuffer p) {
        byte[] b = p.array();
        int off = p.offset();
        int len = p.length();
        if (len == 1 && b[off] == (byte) 0xff) {
            return Verdict.KEEPALIVE;
        }
        if (len < 4) {
            return Verdict.TRUNCATED;
        }
        int first = Bytes.getInt(b, off);
        if (first == 0) {
            return Verdict.IKE;
        }
        if (len < 8) {
            return Verdict.TRUNCATED;
        }
        SecurityAssociation sa = sad.inbound(first);
        boolean ah = false;
        if (sa == null || sa.ah != null) {
            // Our inbound SPIs never have 16 low zero bits, so such a word is AH's next header,
            // length and RESERVED (see allocateSpi); the AH SPI follows.
            sa = null;
            if ((first & 0xffff) == 0) {
                SecurityAssociation s = sad.inbound(Bytes.getInt(b, off + 4));
                if (s != null && s.ah != null) {
                    sa = s;
                    ah = true;
                }
            }
        }
        if (sa == null || !sa.enter()) {
            unknownSpi(ah ? Bytes.getInt(b, off + 4) : first, from);
            return Verdict.NO_SA;
        }
        Verdict v;
        try {
            v = ah ? inboundAh(sa, p) : inboundEsp(sa, p, off, len, 0, true);
        } finally {
            sa.exit();
        }
        sa.count(v);
        if (v == Verdict.DELIVERED || v == Verdict.DUMMY || v == Verdict.SINK_FAILED) {
            noticeSource(sa, from);
        }
        return v;
    }

    /**
     * An authenticated packet came from {@code from}: if that is not the SA's remote endpoint any more (the
     * peer's NAT mapping changed), remember it and tell the control plane once.
     */
    private void noticeSource(SecurityAssociation sa, InetSocketAddress from) {
        InetSocketAddress known = sa.remote;
        if (from != null && !from.equals(known)) {
            synchronized (sa) {
                if (from.equals(sa.remote)) {
                    return;
                }
                sa.remote = from;
            }
            emit(SaEvent.Kind.REMOTE_CHANGED, sa.policyId, sa.spi, sa.direction, from, null);
        }
    }

    /** ESP at {@code b[esp, esp+len)}; with {@code ownWindow} false the sequence was checked by AH. */
    private Verdict inboundEsp(SecurityAssociation sa, PacketBuffer p, int esp, int len, long ahSeq, boolean ownWindow) {
        byte[] b = p.array();
        EspCrypto c = sa.espCrypto();
        if (len < EspCodec.overhead(c) + c.icvLength() + 4) {
            return Verdict.TRUNCATED;
        }
        if (!EspCodec.wellFormed(c, len)) {
            return Verdict.MALFORMED;
        }
        long seq;
        if (ownWindow) {
            seq = sa.window.infer(Bytes.getInt(b, esp + 4));
            if (!sa.window.check(seq)) {
                return Verdict.REPLAY;
            }
        } else {
            seq = ahSeq & 0xffff_ffff_0000_0000L | Bytes.getInt(b, esp + 4) & 0xffff_ffffL;
        }
        int r = EspCodec.decapsulate(c, b, esp, len, seq);
        if (r == EspCodec.BAD_ICV) {
            return Verdict.BAD_ICV;
        }
        if (r == EspCodec.MALFORMED) {
            return Verdict.MALFORMED;
        }
        if (ownWindow && !sa.window.update(seq)) {
            return Verdict.REPLAY;
        }
        if (r == EspCodec.BAD_PADDING) {
            return Verdict.BAD_PADDING;
        }
        return deliver(sa, p, esp + EspCodec.overhead(c), r, EspCodec.nextHeader(c, b, esp, len));
    }

    private Verdict inboundAh(SecurityAssociation sa, PacketBuffer p) {
        byte[] b = p.array();
        int off = p.offset();
        int len = p.length();
        AhCrypto c = sa.ahCrypto();
        if (len < AhCodec.HEADER + c.icvLength()) {
            return Verdict.TRUNCATED;
        }
        if (AhCodec.claimedLength(c, b, off, len) < 0) {
            return Verdict.MALFORMED;
        }
        long seq = sa.window.infer(Bytes.getInt(b, off + 8));
        if (!sa.window.check(seq)) {
            return Verdict.REPLAY;
        }
        int hl = AhCodec.verify(c, b, off, len, seq);
        if (hl == AhCodec.BAD_ICV) {
            return Verdict.BAD_ICV;
        }
        if (hl < 0) {
            return Verdict.MALFORMED;
        }
        if (!sa.window.update(seq)) {
            return Verdict.REPLAY;
        }
        int nh = b[off] & 0xff;
        if (sa.esp != null) {
            if (nh != NH_ESP || len - hl < 8 || Bytes.getInt(b, off + hl) != sa.espSpi) {
                return Verdict.BAD_NEXT_HEADER;
            }
            return inboundEsp(sa, p, off + hl, len - hl, seq, false);
        }
        return deliver(sa, p, off + hl, len - hl, nh);
    }

    /** Checks the authenticated inner packet and hands it to the sink. */
    private Verdict deliver(SecurityAssociation sa, PacketBuffer p, int off, int avail, int nh) {
        if (nh == NH_NONE) {
            return Verdict.DUMMY;
        }
        if (nh != InnerIp.IPV4 && nh != InnerIp.IPV6) {
            return Verdict.BAD_NEXT_HEADER;
        }
        byte[] b = p.array();
        int n = InnerIp.packetLength(b, off, avail, nh);
        if (n < 0) {
            return Verdict.BAD_INNER_PACKET;
        }
        PolicyEntry pe = sa.policy;
        if (pe == null || !pe.matchesInbound(b, off + InnerIp.srcOffset(nh), off + InnerIp.dstOffset(nh), InnerIp.addrLength(nh))) {
            return Verdict.POLICY_MISMATCH;
        }
        account(sa, n, clock.nanoTime());
        p.set(off, n);
        return sink.deliver(p) ? Verdict.DELIVERED : Verdict.SINK_FAILED;
    }

    private void account(SecurityAssociation sa, int innerBytes, long now) {
        long bytes = sa.bytes.addAndGet(innerBytes);
        long packets = sa.packets.incrementAndGet();
        sa.lastUsedNanos = now;
        checkLimits(sa, now, bytes, packets);
    }

    private void checkLimits(SecurityAssociation sa, long now, long bytes, long packets) {
        int r = sa.limitReached(now, bytes, packets);
        if (r == 2) {
            expireHard(sa);
        } else if (r == 1 && sa.softFired.compareAndSet(false, true)) {
            emit(SaEvent.Kind.SOFT_EXPIRED, sa.policyId, sa.spi, sa.direction);
        }
    }

    private void expireHard(SecurityAssociation sa) {
        if (sa.hardFired.compareAndSet(false, true)) {
            SaUsage last = usageOf(sa);
            remove(sa);
            emit(SaEvent.Kind.HARD_EXPIRED, sa.policyId, sa.spi, sa.direction, null, last);
        }
    }

    private void unknownSpi(int spi, InetSocketAddress from) {
        long now = clock.nanoTime();
        long last = lastUnknownSpiEvent;
        if (last == Long.MIN_VALUE || now - last >= UNKNOWN_SPI_EVENT_INTERVAL) {
            lastUnknownSpiEvent = now;
            emit(SaEvent.Kind.UNKNOWN_SPI, -1, spi, Direction.INBOUND, from, null);
        }
    }

    private void emit(SaEvent.Kind kind, long policyId, int spi, Direction direction) {
        emit(kind, policyId, spi, direction, null, null);
    }

    private void emit(SaEvent.Kind kind, long policyId, int spi, Direction direction, @Nullable InetSocketAddress source,
                      @Nullable SaUsage finalUsage) {
        try {
            listener.onEvent(new SaEvent(kind, policyId, spi, direction, source, finalUsage));
        } catch (RuntimeException ignored) {
            // a listener's failure must not break the packet path
        }
    }

    // ---------------------------------------------------------------- control plane (Dataplane SPI)

    @Override
    public int allocateSpi() {
        synchronized (lock) {
            return sad.allocateSpi(random);
        }
    }

    @Override
    public void releaseSpi(int spi) {
        synchronized (lock) {
            sad.releaseSpi(spi);
        }
    }

    @Override
    public void addSa(SaConfig config) {
        synchronized (lock) {
            PolicyEntry pe = spd.get(config.policyId());
            if (pe == null) {
                throw new IllegalArgumentException("SA 0x" + Integer.toHexString(config.spi()) + " names unknown policy " + config.policyId());
            }
            sad.add(config, pe, backend, random, clock.nanoTime());
        }
    }

    @Override
    public boolean deleteSa(int spi, Direction direction) {
        SecurityAssociation sa = sad.get(spi, direction);
        return sa != null && remove(sa);
    }

    private boolean remove(SecurityAssociation sa) {
        synchronized (lock) {
            return sad.remove(sa);
        }
    }

    @Override
    public void addPolicy(PolicyConfig policy) {
        synchronized (lock) {
            spd.put(policy);
        }
    }

    @Override
    public boolean deletePolicy(long policyId) {
        synchronized (lock) {
            if (!spd.remove(policyId)) {
                return false;
            }
            for (SecurityAssociation sa : sad.all()) {
                if (sa.policyId == policyId) {
                    sad.remove(sa);
                }
            }
            return true;
        }
    }

    @Override
    public Optional<SaUsage> usage(int spi, Direction direction) {
        SecurityAssociation sa = sad.get(spi, direction);
        return sa == null ? Optional.empty() : Optional.of(usageOf(sa));
    }

    private static SaUsage usageOf(SecurityAssociation sa) {
        return new SaUsage(sa.bytes.get(), sa.packets.get(), sa.lastUsedNanos, sa.installedNanos, sa.reportedSequence());
    }

    @Override
    public boolean updateRemote(int spi, Direction direction, InetSocketAddress remote) {
        SecurityAssociation sa = sad.get(spi, direction);
        if (sa == null) {
            return false;
        }
        synchronized (sa) {
            sa.remote = remote;
        }
        return true;
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    // ---------------------------------------------------------------- timers, status

    /** Checks time lifetimes of every SA now (packets check their own SA as they pass). */
    public void pollLifetimes() {
        long now = clock.nanoTime();
        for (SecurityAssociation sa : sad.all()) {
            checkLimits(sa, now, sa.bytes.get(), sa.packets.get());
        }
    }

    /**
     * Sends a NAT-keepalive (one 0xFF byte, RFC 3948 section 2.3) from each outbound SA's local endpoint
     * to its peer, unless the SA sent traffic within {@code idle}. Returns how many were sent.
     */
    public int sendKeepalives(Duration idle) {
        return periodic.sendKeepalives(idle);
    }

    /**
     * Starts the periodic work on {@code scheduler}: NAT-keepalives every {@code keepaliveInterval} (zero
     * disables them) and a lifetime check every second.
     */
    public void start(Scheduler scheduler, Duration keepaliveInterval) {
        synchronized (lock) {
            periodic.start(scheduler, keepaliveInterval, this::pollLifetimes);
        }
    }

    /** Stops the timers and removes every SA (wiping keys) and policy. */
    @Override
    public void close() {
        synchronized (lock) {
            periodic.stop();
            for (SecurityAssociation sa : sad.all()) {
                sad.remove(sa);
            }
            spd.clear();
        }
    }

    /** Packets with verdict {@code v} so far, over all SAs. */
    public long count(Verdict v) {
        return counters.get(v.ordinal());
    }

    /** All non-zero verdict counters. */
    public Map<Verdict, Long> counters() {
        Map<Verdict, Long> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            long n = counters.get(v.ordinal());
            if (n != 0) {
                m.put(v, n);
            }
        }
        return m;
    }

    /** NAT-keepalives sent so far. */
    public long keepalivesSent() {
        return periodic.keepalivesSent();
    }

    /** A snapshot of one SA. */
    public Optional<SaStatus> status(int spi, Direction direction) {
        SecurityAssociation sa = sad.get(spi, direction);
        return sa == null ? Optional.empty() : Optional.of(status(sa));
    }

    /** Snapshots of every SA, inbound first. */
    public List<SaStatus> saStatus() {
        List<SaStatus> out = new ArrayList<>();
        for (SecurityAssociation sa : sad.all()) {
            out.add(status(sa));
        }
        return out;
    }

    private static SaStatus status(SecurityAssociation sa) {
        SaKeys e = sa.config.esp();
        SaKeys a = sa.config.ah();
        String protocol = e != null && a != null ? "ah-esp" : e != null ? "esp" : "ah";
        return new SaStatus(sa.spi, sa.direction, sa.policyId, protocol,
                e == null ? null : e.encryption(), e != null && e.integrity() != null ? e.integrity() : a == null ? null : a.integrity(),
                sa.config.local(), sa.remote, sa.bytes.get(), sa.packets.get(), sa.reportedSequence(),
                sa.installedNanos, sa.lastUsedNanos, sa.verdictCounts());
    }

    // ---------------------------------------------------------------- test hooks (package-private)

    void testHookSequence(int outboundSpi, long lastSent) {
        sad.get(outboundSpi, Direction.OUTBOUND).sequence.set(lastSent);
    }

    void testHookWindow(int inboundSpi, long top) {
        sad.get(inboundSpi, Direction.INBOUND).window.update(top);
    }

    boolean testHookEncapsulate(int outboundSpi, PacketBuffer p, int nextHeader) {
        SecurityAssociation sa = sad.get(outboundSpi, Direction.OUTBOUND);
        return EspCodec.encapsulate(sa.espCrypto(), p, sa.espSpi, sa.nextSequence(), nextHeader);
    }
}
