package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.crypto.KeyAgreement;
import org.jvpn.api.spi.time.Timer;
import org.jvpn.ike.keys.IkeCrypter;
import org.jvpn.ike.keys.IsakmpKeys;
import org.jvpn.ike.proposal.Phase1Suite;

/**
 * One ISAKMP SA and the state of its main mode. Confined to the engine's event loop.
 */
final class IkeSa {

    enum State {
        /** Initiator sent MM1 / responder sent MM2. */
        MM_SA,
        /** Initiator sent MM3 / responder sent MM4. */
        MM_KE,
        /** Initiator sent MM5. */
        MM_AUTH,
        ESTABLISHED,
        DELETED
    }

    /** NAT-T dialect agreed through vendor IDs. */
    enum NatT {
        NONE, DRAFT, RFC3947
    }

    final ConnectionRuntime connection;
    final boolean initiator;
    final byte[] ckyI;
    byte[] ckyR;
    State state = State.MM_SA;
    InetSocketAddress remote;
    int localPort;
    @Nullable Phase1Suite suite;
    @Nullable KeyAgreement dh;
    byte @Nullable [] ni;
    byte @Nullable [] nr;
    byte @Nullable [] gxi;
    byte @Nullable [] gxr;
    /** The initiator's SA payload body as sent in MM1 (SAi_b). */
    byte @Nullable [] saiB;
    @Nullable IsakmpKeys keys;
    @Nullable IkeCrypter crypter;
    NatT natT = NatT.NONE;
    boolean peerDpd;
    boolean natLocal;
    boolean natRemote;
    long establishedNanos;
    /** Clock time this SA's main mode started. */
    long createdNanos;
    long lifetimeSeconds;
    /** Responder: the lifetime the initiator proposed (0 if none); ours may be shorter (RESPONDER-LIFETIME). */
    long offeredLifetimeSeconds;
    @Nullable Timer expiry;
    /** When a new main mode replaces this SA (before {@link #expiry}). */
    @Nullable Timer renewal;
    @Nullable Timer halfOpenTimer;
    final Transmission phase1 = new Transmission();
    /** Quick modes and informational exchanges in progress, by message ID. */
    final Map<Integer, QuickMode> quickModes = new LinkedHashMap<>();
    /** DPD: the sequence number of our last R-U-THERE, and whether an ACK is outstanding. */
    int dpdSequence;
    boolean dpdOutstanding;
    long dpdFirstProbeNanos;
    /** The sequence number of the first R-U-THERE still unanswered. */
    int dpdFirstSequence;
    /** The highest R-U-THERE sequence number received from the peer, -1 before the first. */
    long peerDpdSequence = -1;
    /** Clock time of the last authenticated message from the peer. */
    long lastHeardNanos;
    /** Why authentication looked wrong during main mode (kept so that a later timeout still says it). */
    @Nullable String authProblem;

    IkeSa(ConnectionRuntime connection, boolean initiator, byte[] ckyI, byte[] ckyR, InetSocketAddress remote, int localPort) {
        this.connection = connection;
        this.initiator = initiator;
        this.ckyI = ckyI;
        this.ckyR = ckyR;
        this.remote = remote;
        this.localPort = localPort;
    }

    byte[] cookies() {
        byte[] c = new byte[16];
        System.arraycopy(ckyI, 0, c, 0, 8);
        System.arraycopy(ckyR, 0, c, 8, 8);
        return c;
    }

    String key() {
        return HexFormat.of().formatHex(ckyI) + HexFormat.of().formatHex(ckyR);
    }

    IsakmpKeys keys() {
        IsakmpKeys k = keys;
        if (k == null) {
            throw new IllegalStateException("ISAKMP SA has no keys yet");
        }
        return k;
    }

    IkeCrypter crypter() {
        IkeCrypter c = crypter;
        if (c == null) {
            throw new IllegalStateException("ISAKMP SA has no crypter yet");
        }
        return c;
    }

    boolean established() {
        return state == State.ESTABLISHED;
    }

    /** Cancels timers and wipes key material. */
    void destroy() {
        state = State.DELETED;
        phase1.clear();
        if (expiry != null) {
            expiry.cancel();
        }
        if (renewal != null) {
            renewal.cancel();
        }
        if (halfOpenTimer != null) {
            halfOpenTimer.cancel();
        }
        for (QuickMode qm : quickModes.values()) {
            qm.abort();
        }
        quickModes.clear();
        if (dh != null) {
            dh.destroy();
        }
        if (keys != null) {
            keys.destroy();
        }
        if (crypter != null) {
            crypter.destroy();
        }
    }

    @Override
    public String toString() {
        return "IkeSa[" + key() + ", " + (initiator ? "initiator" : "responder") + ", " + state + "]";
    }
}
