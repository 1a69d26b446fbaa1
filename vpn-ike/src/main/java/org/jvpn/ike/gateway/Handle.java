package org.jvpn.ike.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jvpn.api.ConnectionEvent;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.ConnectionListener;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.ConnectionStats;
import org.jvpn.api.IkeSaInfo;
import org.jvpn.api.IpsecSaInfo;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.ike.v1.ConnectionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A host's handle on one connection: snapshots published by the event loop, listeners, awaitUp. */
final class Handle implements ConnectionHandle {

    private static final Logger LOG = LoggerFactory.getLogger(Handle.class);

    private final JvpnGateway gateway;
    private final String name;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final Object monitor = new Object();
    private volatile boolean removed;

    Handle(JvpnGateway gateway, String name) {
        this.gateway = gateway;
        this.name = name;
    }

    private Optional<ConnectionView> view() {
        return gateway.engine().view(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public IpsecSiteConnection config() {
        return gateway.config().connection(name).orElseGet(() -> view().orElseThrow(
                () -> new IllegalStateException("connection '" + name + "' was removed")).config());
    }

    @Override
    public ConnectionState state() {
        return removed ? ConnectionState.DOWN : view().map(ConnectionView::state).orElse(ConnectionState.DOWN);
    }

    @Override
    public Optional<String> lastError() {
        return view().flatMap(ConnectionView::lastError);
    }

    @Override
    public Optional<IkeSaInfo> ikeSa() {
        return view().flatMap(v -> v.ikeSa(gateway.scheduler().clock()));
    }

    @Override
    public List<IpsecSaInfo> ipsecSas() {
        return view().map(v -> v.ipsecSas(gateway.dataplane(), gateway.scheduler().clock())).orElse(List.of());
    }

    @Override
    public ConnectionStats stats() {
        return view().map(v -> v.stats(gateway.dataplane(), gateway.scheduler().clock(), gateway.drops()))
                .orElse(new ConnectionStats(0, 0, 0, 0, Map.of(), 0, 0, 0));
    }

    @Override
    public void addListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ConnectionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void initiate() {
        gateway.onLoop(() -> {
            gateway.engine().initiate(name);
            return null;
        });
    }

    @Override
    public boolean awaitUp(Duration timeout) throws InterruptedException {
        if (gateway.scheduler().inEventLoop()) {
            throw new IllegalStateException("awaitUp would block the gateway's event loop; drive the scheduler and check state()");
        }
        org.jvpn.api.spi.time.Clock clock = gateway.scheduler().clock();
        long deadline = clock.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (state() != ConnectionState.UP) {
                long left = deadline - clock.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // Woken by every event; the slice bounds the wait when the clock is not the system's.
                monitor.wait(Math.max(1, Math.min(100, left / 1_000_000)));
            }
            return true;
        }
    }

    void fire(ConnectionEvent event) {
        synchronized (monitor) {
            monitor.notifyAll();
        }
        for (ConnectionListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("connection listener failed", e);
            }
        }
    }

    void removed() {
        removed = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    @Override
    public String toString() {
        return "ConnectionHandle[" + name + ", " + state() + "]";
    }
}
