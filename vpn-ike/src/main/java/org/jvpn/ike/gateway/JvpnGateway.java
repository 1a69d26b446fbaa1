package org.jvpn.ike.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.ConnectionEvent;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.GatewayOptions;
import org.jvpn.api.RetransmitPolicy;
import org.jvpn.api.VpnGateway;
import org.jvpn.api.config.GatewayConfig;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.dataplane.Dataplane;
import org.jvpn.api.spi.io.DatagramTransport;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.api.spi.io.TunnelDevice;
import org.jvpn.api.spi.keylog.KeyLogSink;
import org.jvpn.api.spi.time.Scheduler;
import org.jvpn.esp.EspDataplane;
import org.jvpn.esp.InnerSink;
import org.jvpn.esp.OutboundSender;
import org.jvpn.esp.Verdict;
import org.jvpn.esp.crypto.CryptoBackends;
import org.jvpn.ike.v1.EngineContext;
import org.jvpn.ike.v1.IkeEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link VpnGateway}: an {@link IkeEngine} on an event loop, the ESP data plane, an outer transport
 * and an inner tunnel device. IKE runs on the event loop; ESP runs on the transport's and the device's
 * threads. Port 500 carries IKE; port 4500 carries IKE behind the non-ESP marker, ESP and keepalives.
 */
public final class JvpnGateway implements VpnGateway {

    private static final Logger LOG = LoggerFactory.getLogger(JvpnGateway.class);
    private static final Duration KEEPALIVE = Duration.ofSeconds(20);

    private volatile GatewayConfig config;
    private final GatewayOptions options;
    private final Scheduler scheduler;
    private final @Nullable EventLoop ownLoop;
    private final DatagramTransport transport;
    private final TunnelDevice tunnel;
    private final RandomSource random;
    private final CryptoBackend crypto;
    private final EspDataplane dataplane;
    private final IkeEngine engine;
    private final Map<String, Handle> handles = new ConcurrentHashMap<>();
    private volatile boolean started;
    private volatile boolean stopped;

    JvpnGateway(GatewayConfig config, GatewayOptions options) {
        this.config = config;
        this.options = options;
        if (options.scheduler() != null) {
            this.scheduler = options.scheduler();
            this.ownLoop = null;
        } else {
            this.ownLoop = new EventLoop("jvpn-" + config.service().name());
            this.scheduler = ownLoop;
        }
        this.transport = options.transport() != null ? options.transport()
                : new UdpTransport(config.service().localAddress(), options.ikePort(), options.nattPort());
        this.tunnel = options.tunnel();
        this.random = options.random() != null ? options.random() : RandomSource.secure();
        this.crypto = CryptoBackends.defaults();
        this.dataplane = new EspDataplane(crypto, scheduler.clock(), random, OutboundSender.of(transport), InnerSink.of(tunnel));
        this.engine = new IkeEngine(new Context());
        for (IpsecSiteConnection c : config.connections()) {
            handles.put(c.name(), new Handle(this, c.name()));
        }
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void start() {
        if (started) {
            return;
        }
        started = true;
        dataplane.setListener(ev -> scheduler.execute(() -> engine.onSaEvent(ev)));
        try {
            transport.open(this::onDatagram);
            tunnel.open(this::onInnerPacket);
        } catch (IOException e) {
            throw new UncheckedIOException("gateway '" + config.service().name() + "' cannot start: " + e.getMessage(), e);
        }
        dataplane.start(scheduler, KEEPALIVE);
        if (!config.service().adminStateUp()) {
            LOG.info("VPN service '{}' is admin down: no connection is brought up", config.service().name());
        }
        onLoop(() -> {
            for (IpsecSiteConnection c : config.connections()) {
                engine.addConnection(adminAware(c));
            }
            return null;
        });
    }

    @Override
    public void stop(Duration wait) {
        if (stopped) {
            return;
        }
        stopped = true;
        if (started) {
            onLoop(() -> {
                engine.shutdown();
                return null;
            });
        }
        dataplane.close();
        transport.close();
        tunnel.close();
        if (ownLoop != null) {
            ownLoop.shutdown(wait);
        }
    }

    // ------------------------------------------------------------------ connections

    @Override
    public ConnectionHandle addConnection(IpsecSiteConnection connection) {
        GatewayConfig next = config.withConnection(connection);
        if (config.connection(connection.name()).isPresent()) {
            throw new IllegalArgumentException("connection '" + connection.name() + "' exists; use updateConnection");
        }
        config = next;
        Handle h = new Handle(this, connection.name());
        handles.put(connection.name(), h);
        if (started) {
            onLoop(() -> {
                engine.addConnection(adminAware(connection));
                return null;
            });
        }
        return h;
    }

    @Override
    public boolean removeConnection(String name) {
        if (config.connection(name).isEmpty()) {
            return false;
        }
        config = config.withoutConnection(name);
        Handle h = handles.remove(name);
        if (h != null) {
            h.removed();
        }
        if (started) {
            onLoop(() -> engine.removeConnection(name));
        }
        return true;
    }

    @Override
    public ConnectionHandle updateConnection(IpsecSiteConnection connection) {
        if (config.connection(connection.name()).isEmpty()) {
            throw new IllegalArgumentException("no connection '" + connection.name() + "' to update");
        }
        config = config.withConnection(connection);
        Handle h = handles.computeIfAbsent(connection.name(), n -> new Handle(this, n));
        if (started) {
            onLoop(() -> {
                engine.removeConnection(connection.name());
                engine.addConnection(adminAware(connection));
                return null;
            });
        }
        return h;
    }

    private IpsecSiteConnection adminAware(IpsecSiteConnection c) {
        return config.service().adminStateUp() ? c : c.toBuilder().adminStateUp(false).build();
    }

    @Override
    public Optional<ConnectionHandle> connection(String name) {
        return Optional.ofNullable(handles.get(name));
    }

    @Override
    public List<ConnectionHandle> connections() {
        List<ConnectionHandle> out = new ArrayList<>();
        for (IpsecSiteConnection c : config.connections()) {
            Handle h = handles.get(c.name());
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    @Override
    public GatewayConfig config() {
        return config;
    }

    @Override
    public String statusReport() {
        return StatusReport.render(this);
    }

    // ------------------------------------------------------------------ internals for handles and reports

    IkeEngine engine() {
        return engine;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    Dataplane dataplane() {
        return dataplane;
    }

    EspDataplane espDataplane() {
        return dataplane;
    }

    /** Drop counters of the data plane by reason. */
    Map<String, Long> drops() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<Verdict, Long> en : dataplane.counters().entrySet()) {
            if (en.getKey().isDrop() && en.getValue() > 0) {
                out.put(en.getKey().name(), en.getValue());
            }
        }
        return out;
    }

    /** Runs {@code task} on the event loop: now if already there, waiting for it on our own loop, queued on a foreign one. */
    <T> @Nullable T onLoop(Supplier<T> task) {
        if (scheduler.inEventLoop()) {
            return task.get();
        }
        if (ownLoop == null) {
            scheduler.execute(task::get);
            return null;
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                f.complete(task.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the gateway's event loop did not answer within 10 s");
        }
    }

    // ------------------------------------------------------------------ packet paths

    private void onDatagram(int localPort, InetSocketAddress remote, PacketBuffer datagram) {
        if (localPort == options.nattPort()) {
            Verdict v = dataplane.inbound(remote, datagram);
            if (v != Verdict.IKE) {
                return;
            }
            if (datagram.length() < 4) {
                return;
            }
            byte[] ike = java.util.Arrays.copyOfRange(datagram.array(), datagram.offset() + 4, datagram.end());
            scheduler.execute(() -> engine.onIke(localPort, remote, ike, 0, ike.length));
        } else if (localPort == options.ikePort()) {
            byte[] ike = datagram.toByteArray();
            scheduler.execute(() -> engine.onIke(localPort, remote, ike, 0, ike.length));
        }
    }

    private void onInnerPacket(PacketBuffer packet) {
        dataplane.outbound(packet);
    }

    private final class Context implements EngineContext {

        @Override
        public Scheduler scheduler() {
            return scheduler;
        }

        @Override
        public RandomSource random() {
            return random;
        }

        @Override
        public CryptoBackend crypto() {
            return crypto;
        }

        @Override
        public Dataplane dataplane() {
            return dataplane;
        }

        @Override
        public KeyLogSink keyLog() {
            return options.keyLog();
        }

        @Override
        public RetransmitPolicy retransmit() {
            return options.retransmit();
        }

        @Override
        public org.jvpn.api.RekeyPolicy rekey() {
            return options.rekey();
        }

        @Override
        public int replayWindow() {
            return options.replayWindow();
        }

        @Override
        public InetAddress localAddress() {
            return config.service().localAddress();
        }

        @Override
        public int ikePort() {
            return options.ikePort();
        }

        @Override
        public int nattPort() {
            return options.nattPort();
        }

        @Override
        public void sendIke(int localPort, InetSocketAddress remote, byte[] message) {
            PacketBuffer b;
            if (localPort == options.nattPort()) {
                b = PacketBuffer.allocate(PacketBuffer.DEFAULT_HEADROOM + 4 + message.length, PacketBuffer.DEFAULT_HEADROOM);
                b.append(4 + message.length);
                System.arraycopy(message, 0, b.array(), b.offset() + 4, message.length);
            } else {
                b = PacketBuffer.copyOf(message);
            }
            transport.send(localPort, remote, b);
        }

        @Override
        public void onEvent(ConnectionEvent event) {
            Handle h = handles.get(event.connection());
            if (h != null) {
                h.fire(event);
            }
        }
    }
}
