package org.jvpn.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.io.DatagramTransport;
import org.jvpn.api.spi.io.TunnelDevice;
import org.jvpn.api.spi.keylog.KeyLogSink;
import org.jvpn.api.spi.time.Scheduler;

/**
 * How a gateway meets the world. Everything has a production default except the tunnel device:
 * <ul>
 *   <li>transport: real UDP bound to the service's local address, ports {@link #ikePort()} and
 *       {@link #nattPort()} (default 500 and 4500);</li>
 *   <li>scheduler: the gateway's own event-loop thread on the system clock;</li>
 *   <li>random: {@link RandomSource#secure()};</li>
 *   <li>key log: none. A key log writes secrets: enable it only for debugging or tests.</li>
 * </ul>
 */
public final class GatewayOptions {

    private final @Nullable DatagramTransport transport;
    private final TunnelDevice tunnel;
    private final @Nullable Scheduler scheduler;
    private final @Nullable RandomSource random;
    private final KeyLogSink keyLog;
    private final RetransmitPolicy retransmit;
    private final int ikePort;
    private final int nattPort;
    private final int replayWindow;
    private final RekeyPolicy rekey;

    private GatewayOptions(Builder b) {
        this.transport = b.transport;
        this.tunnel = Objects.requireNonNull(b.tunnel, "GatewayOptions: tunnel is required (the inner device through which the host exchanges IP packets)");
        this.scheduler = b.scheduler;
        this.random = b.random;
        this.keyLog = b.keyLog;
        this.retransmit = b.retransmit;
        this.ikePort = b.ikePort;
        this.nattPort = b.nattPort;
        this.replayWindow = b.replayWindow;
        this.rekey = b.rekey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The outer transport, or null for real UDP. */
    public @Nullable DatagramTransport transport() {
        return transport;
    }

    public TunnelDevice tunnel() {
        return tunnel;
    }

    /** The scheduler, or null for the gateway's own event loop. */
    public @Nullable Scheduler scheduler() {
        return scheduler;
    }

    /** The random source, or null for {@link RandomSource#secure()}. */
    public @Nullable RandomSource random() {
        return random;
    }

    public KeyLogSink keyLog() {
        return keyLog;
    }

    public RetransmitPolicy retransmit() {
        return retransmit;
    }

    /** Local and remote IKE port (default 500). */
    public int ikePort() {
        return ikePort;
    }

    /** Local and remote NAT-T port for IKE after floating and for ESP-in-UDP (default 4500). */
    public int nattPort() {
        return nattPort;
    }

    /** Anti-replay window for inbound SAs (default 128, 32..4096). */
    public int replayWindow() {
        return replayWindow;
    }

    /** When SAs are renewed before their lifetimes end (default {@link RekeyPolicy#DEFAULT}). */
    public RekeyPolicy rekey() {
        return rekey;
    }

    public static final class Builder {
        private @Nullable DatagramTransport transport;
        private @Nullable TunnelDevice tunnel;
        private @Nullable Scheduler scheduler;
        private @Nullable RandomSource random;
        private KeyLogSink keyLog = KeyLogSink.none();
        private RetransmitPolicy retransmit = RetransmitPolicy.DEFAULT;
        private int ikePort = 500;
        private int nattPort = 4500;
        private int replayWindow = 128;
        private RekeyPolicy rekey = RekeyPolicy.DEFAULT;

        private Builder() {}

        public Builder transport(DatagramTransport transport) {
            this.transport = transport;
            return this;
        }

        public Builder tunnel(TunnelDevice tunnel) {
            this.tunnel = tunnel;
            return this;
        }

        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        public Builder random(RandomSource random) {
            this.random = random;
            return this;
        }

        /** Writes IKE and ESP keys to {@code keyLog} (secrets!): for debugging and tests only. */
        public Builder keyLog(KeyLogSink keyLog) {
            this.keyLog = keyLog;
            return this;
        }

        public Builder retransmit(RetransmitPolicy retransmit) {
            this.retransmit = retransmit;
            return this;
        }

        public Builder ports(int ikePort, int nattPort) {
            if (ikePort < 1 || ikePort > 65535 || nattPort < 1 || nattPort > 65535 || ikePort == nattPort) {
                throw new IllegalArgumentException("GatewayOptions: ports " + ikePort + "/" + nattPort
                        + " must be two different ports in 1..65535");
            }
            this.ikePort = ikePort;
            this.nattPort = nattPort;
            return this;
        }

        public Builder replayWindow(int replayWindow) {
            if (replayWindow < 32 || replayWindow > 4096) {
                throw new IllegalArgumentException("GatewayOptions: replayWindow " + replayWindow + " outside 32..4096");
            }
            this.replayWindow = replayWindow;
            return this;
        }

        public Builder rekey(RekeyPolicy rekey) {
            this.rekey = rekey;
            return this;
        }

        public GatewayOptions build() {
            return new GatewayOptions(this);
        }
    }
}
