package org.jvpn.esp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
import org.jvpn.api.spi.time.Timer;
import org.jvpn.esp.sa.AhCodec;
import org.jvpn.esp.sa.AhCrypto;
import org.jvpn.esp.sa.Bytes;
import org.jvpn.esp.sa.EspCodec;
import org.jvpn.esp.sa.EspCrypto;
import org.jvpn.esp.sa.IntMap;

/**
 * The ESP/AH data plane: tunnel mode, always in UDP (RFC 3948), with SAD, SPD, anti-replay, lifetimes
 * and counters. Control-plane methods ({@link Dataplane}) may be called from any thread (normally the
 * gateway's event loop) while packets flow through {@link #outbound} and {@link #inbound} on others.
 *
 * <p>Packet path: lock-free SA and policy lookup, per-thread cipher contexts per SA, atomic sequence
 * numbers; encryption in place in the caller's buffer; no allocation of its own in steady state. Every
 * packet gets one {@link Verdict}, counted globally and per SA; no exception escapes.
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

    private final Object lock = new Object();
    private final IntMap<SecurityAssociation> inboundSas = new IntMap<>();
    private final IntMap<SecurityAssociation> outboundSas = new IntMap<>();
    private final Map<Long, PolicyEntry> policies = new HashMap<>();
    private final Set<Integer> reservedSpis = new HashSet<>();
    private volatile PolicyEntry[] spd = new PolicyEntry[0];
    private volatile Listener listener = e -> { };

    private final AtomicLongArray counters = new AtomicLongArray(Verdict.values().length);
    private final AtomicLong keepalivesSent = new AtomicLong();
    private volatile long lastUnknownSpiEvent = Long.MIN_VALUE;
    private final List<Repeating> repeating = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

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
        PolicyEntry pe = lookupOutbound(b, off + InnerIp.srcOffset(nh), off + InnerIp.dstOffset(nh), InnerIp.addrLength(nh));
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
        SecurityAssociation sa = inboundSas.get(first);
        boolean ah = false;
        if (sa == null || sa.ah != null) {
            // Our inbound SPIs never have 16 low zero bits, so such a word is AH's next header,
            // length and RESERVED (see allocateSpi); the AH SPI follows.
            sa = null;
            if ((first & 0xffff) == 0) {
                SecurityAssociation s = inboundSas.get(Bytes.getInt(b, off + 4));
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

    private @Nullable PolicyEntry lookupOutbound(byte[] b, int src, int dst, int addrLen) {
        for (PolicyEntry pe : spd) {
            if (pe.matchesOutbound(b, src, dst, addrLen)) {
                return pe;
            }
        }
        return null;
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
    }

    @Override
    public void releaseSpi(int spi) {
        synchronized (lock) {
            reservedSpis.remove(spi);
        }
    }

    @Override
    public void addSa(SaConfig config) {
        synchronized (lock) {
            PolicyEntry pe = policies.get(config.policyId());
            if (pe == null) {
                throw new IllegalArgumentException("SA 0x" + Integer.toHexString(config.spi()) + " names unknown policy " + config.policyId());
            }
            boolean in = config.direction() == Direction.INBOUND;
            IntMap<SecurityAssociation> map = in ? inboundSas : outboundSas;
            if (map.get(config.spi()) != null) {
                throw new IllegalArgumentException("an " + config.direction() + " SA with SPI 0x" + Integer.toHexString(config.spi()) + " exists already");
            }
            if (in && (config.spi() & 0xffff) == 0 && config.ah() == null) {
                throw new IllegalArgumentException("inbound ESP SPI 0x" + Integer.toHexString(config.spi()) + " has 16 low zero bits (use allocateSpi)");
            }
            SecurityAssociation sa = new SecurityAssociation(config, backend, random, clock.nanoTime());
            sa.policy = pe;
            map.put(config.spi(), sa);
            if (in) {
                reservedSpis.remove(config.spi());
            } else {
                pe.outbound = sa;
                pe.acquirePending.set(false);
            }
        }
    }

    @Override
    public boolean deleteSa(int spi, Direction direction) {
        SecurityAssociation sa = (direction == Direction.INBOUND ? inboundSas : outboundSas).get(spi);
        return sa != null && remove(sa);
    }

    private boolean remove(SecurityAssociation sa) {
        synchronized (lock) {
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
    }

    @Override
    public void addPolicy(PolicyConfig policy) {
        synchronized (lock) {
            PolicyEntry pe = policies.get(policy.id());
            if (pe == null) {
                pe = new PolicyEntry(policy);
                policies.put(policy.id(), pe);
            } else {
                pe.config = policy;
            }
            PolicyEntry[] all = policies.values().toArray(new PolicyEntry[0]);
            Arrays.sort(all, PolicyEntry::compare);
            spd = all;
        }
    }

    @Override
    public boolean deletePolicy(long policyId) {
        synchronized (lock) {
            PolicyEntry pe = policies.remove(policyId);
            if (pe == null) {
                return false;
            }
            spd = Arrays.stream(spd).filter(e -> e != pe).toArray(PolicyEntry[]::new);
            for (SecurityAssociation sa : allSas()) {
                if (sa.policyId == policyId) {
                    remove(sa);
                }
            }
            return true;
        }
    }

    @Override
    public Optional<SaUsage> usage(int spi, Direction direction) {
        SecurityAssociation sa = (direction == Direction.INBOUND ? inboundSas : outboundSas).get(spi);
        return sa == null ? Optional.empty() : Optional.of(usageOf(sa));
    }

    private static SaUsage usageOf(SecurityAssociation sa) {
        return new SaUsage(sa.bytes.get(), sa.packets.get(), sa.lastUsedNanos, sa.installedNanos, sa.reportedSequence());
    }

    @Override
    public boolean updateRemote(int spi, Direction direction, InetSocketAddress remote) {
        SecurityAssociation sa = (direction == Direction.INBOUND ? inboundSas : outboundSas).get(spi);
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
        for (SecurityAssociation sa : allSas()) {
            checkLimits(sa, now, sa.bytes.get(), sa.packets.get());
        }
    }

    /**
     * Sends a NAT-keepalive (one 0xFF byte, RFC 3948 section 2.3) from each outbound SA's local endpoint
     * to its peer, unless the SA sent traffic within {@code idle}. Returns how many were sent.
     */
    public int sendKeepalives(Duration idle) {
        long now = clock.nanoTime();
        Set<List<InetSocketAddress>> pairs = new LinkedHashSet<>();
        for (SecurityAssociation sa : outboundSas.values()) {
            long last = sa.lastUsedNanos;
            if (last == Long.MIN_VALUE || now - last >= idle.toNanos()) {
                pairs.add(List.of(sa.config.local(), sa.remote));
            }
        }
        int sent = 0;
        for (List<InetSocketAddress> pair : pairs) {
            PacketBuffer ka = PacketBuffer.copyOf(new byte[] {(byte) 0xff});
            if (sender.send(pair.get(0), pair.get(1), ka)) {
                sent++;
            }
        }
        keepalivesSent.addAndGet(sent);
        return sent;
    }

    /**
     * Starts the periodic work on {@code scheduler}: NAT-keepalives every {@code keepaliveInterval} (zero
     * disables them) and a lifetime check every second.
     */
    public void start(Scheduler scheduler, Duration keepaliveInterval) {
        synchronized (lock) {
            repeat(scheduler, Duration.ofSeconds(1), this::pollLifetimes);
            if (!keepaliveInterval.isZero()) {
                repeat(scheduler, keepaliveInterval, () -> sendKeepalives(keepaliveInterval));
            }
        }
    }

    private void repeat(Scheduler scheduler, Duration every, Runnable task) {
        Repeating r = new Repeating(scheduler, every, task);
        repeating.add(r);
        r.timer = scheduler.schedule(every, r);
    }

    /** A task that re-schedules itself after each run until the data plane is closed. */
    private final class Repeating implements Runnable {
        final Scheduler scheduler;
        final Duration every;
        final Runnable task;
        volatile @Nullable Timer timer;

        Repeating(Scheduler scheduler, Duration every, Runnable task) {
            this.scheduler = scheduler;
            this.every = every;
            this.task = task;
        }

        @Override
        public void run() {
            if (closed) {
                return;
            }
            try {
                task.run();
            } finally {
                if (!closed) {
                    timer = scheduler.schedule(every, this);
                }
            }
        }

        void cancel() {
            Timer t = timer;
            if (t != null) {
                t.cancel();
            }
        }
    }

    /** Stops the timers and removes every SA (wiping keys) and policy. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            for (Repeating r : repeating) {
                r.cancel();
            }
            for (SecurityAssociation sa : allSas()) {
                remove(sa);
            }
            policies.clear();
            spd = new PolicyEntry[0];
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
        return keepalivesSent.get();
    }

    /** A snapshot of one SA. */
    public Optional<SaStatus> status(int spi, Direction direction) {
        SecurityAssociation sa = (direction == Direction.INBOUND ? inboundSas : outboundSas).get(spi);
        return sa == null ? Optional.empty() : Optional.of(status(sa));
    }

    /** Snapshots of every SA, inbound first. */
    public List<SaStatus> saStatus() {
        List<SaStatus> out = new ArrayList<>();
        for (SecurityAssociation sa : allSas()) {
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

    private List<SecurityAssociation> allSas() {
        List<SecurityAssociation> all = new ArrayList<>(inboundSas.values());
        all.addAll(outboundSas.values());
        return all;
    }

    // ---------------------------------------------------------------- test hooks (package-private)

    void testHookSequence(int outboundSpi, long lastSent) {
        outboundSas.get(outboundSpi).sequence.set(lastSent);
    }

    void testHookWindow(int inboundSpi, long top) {
        inboundSas.get(inboundSpi).window.update(top);
    }

    boolean testHookEncapsulate(int outboundSpi, PacketBuffer p, int nextHeader) {
        SecurityAssociation sa = outboundSas.get(outboundSpi);
        return EspCodec.encapsulate(sa.espCrypto(), p, sa.espSpi, sa.nextSequence(), nextHeader);
    }
}
