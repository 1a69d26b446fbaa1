package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.crypto.InvalidPublicValueException;
import org.jvpn.api.spi.crypto.KeyAgreement;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.LifetimeLimits;
import org.jvpn.api.spi.dataplane.SaConfig;
import org.jvpn.api.spi.dataplane.SaKeys;
import org.jvpn.api.spi.time.Timer;
import org.jvpn.ike.keys.DecryptException;
import org.jvpn.ike.keys.IsakmpKeys;
import org.jvpn.ike.keys.Keymat;
import org.jvpn.ike.proposal.Phase2Suite;
import org.jvpn.ike.wire.HashPayload;
import org.jvpn.ike.wire.IkeMessage;
import org.jvpn.ike.wire.IkeWireException;
import org.jvpn.ike.wire.Phase2Attributes;

/**
 * Quick mode (RFC 2409 section 5.5), one task per message ID, either role, with PFS:
 *
 * <pre>
 *   Initiator                                   Responder
 *   HDR*, HASH(1), SA, Ni [, KE], IDci, IDcr --&gt;
 *                                            &lt;-- HDR*, HASH(2), SA, Nr [, KE], IDci, IDcr
 *   HDR*, HASH(3)                            --&gt;
 * </pre>
 *
 * SAs are installed inbound before outbound: the initiator installs both on message 2 (then sends
 * message 3); the responder installs its inbound SA when it sends message 2 and its outbound SA on
 * message 3, so the first packet either side sends is never lost.
 *
 * <p>This class is the task's state and the logic both roles share; the role is chosen at construction:
 * {@link QuickModeInitiator} or {@link QuickModeResponder}.
 */
abstract sealed class QuickMode permits QuickModeInitiator, QuickModeResponder {

    enum State { SENT_QM1, SENT_QM2, DONE }

    static final Duration LINGER = Duration.ofSeconds(30);

    final IkeSa sa;
    final boolean initiator;
    final int messageId;
    final Transmission transmission = new Transmission();
    State state;
    ConnectionRuntime.@Nullable Policy policy;
    Phase2Suite ours;
    int inEsp;
    int inAh;
    byte[] ni = new byte[0];
    byte[] nr = new byte[0];
    @Nullable KeyAgreement dh;
    Phase2Suite.@Nullable Selection chosen;
    @Nullable Secret gqmxy;
    boolean installed;
    boolean rekey;
    @Nullable Timer linger;

    QuickMode(IkeSa sa, boolean initiator, int messageId, Phase2Suite ours) {
        this.sa = sa;
        this.initiator = initiator;
        this.messageId = messageId;
        this.ours = ours;
        this.state = initiator ? State.SENT_QM1 : State.SENT_QM2;
    }

    /** Starts quick modes for every policy of the connection that has no SA pair and none in progress. */
    static void startMissing(IkeEngine e, IkeSa sa) {
        QuickModeInitiator.startMissing(e, sa);
    }

    /** Initiates quick mode for one policy (also a rekey when the policy already has an SA pair). */
    static void initiate(IkeEngine e, IkeSa sa, ConnectionRuntime.Policy p) {
        QuickModeInitiator.initiate(e, sa, p);
    }

    static void onMessage(IkeEngine e, IkeSa sa, int localPort, InetSocketAddress remote, IkeMessage msg, byte[] datagram) {
        int msgId = msg.header().messageId();
        QuickMode qm = sa.quickModes.get(msgId);
        if (qm != null && qm.transmission.receivedDuplicate(datagram)) {
            // A duplicate message 1 gets message 2 again; a duplicate message 2 gets message 3 again. A
            // duplicate message 3 gets nothing (answering it with message 2 would ping-pong forever).
            if (qm.initiator ? qm.state == State.DONE : qm.state == State.SENT_QM2) {
                qm.transmission.resend(e.ctx::sendIke);
            }
            return;
        }
        Messages.Decrypted d;
        try {
            d = Messages.decrypt(sa, msg, datagram);
        } catch (DecryptException | IkeWireException ex) {
            IkeEngine.LOG.info("quick mode message {} from {} dropped: {}", Integer.toHexString(msgId), remote, ex.getMessage());
            if (qm != null) {
                qm.transmission.forgetReceived();
            }
            return;
        }
        try {
            if (qm == null) {
                QuickModeResponder.respond(e, sa, msgId, d, datagram, remote);
            } else if (qm instanceof QuickModeInitiator i && qm.state == State.SENT_QM1) {
                i.onQm2(e, d, remote);
            } else if (qm instanceof QuickModeResponder r && qm.state == State.SENT_QM2) {
                r.onQm3(e, d, remote);
            }
        } catch (IkeWireException ex) {
            IkeEngine.LOG.info("quick mode message {} from {} refused: {}", Integer.toHexString(msgId), remote, ex.getMessage());
            if (qm != null) {
                qm.transmission.forgetReceived();
            }
        } catch (InvalidPublicValueException ex) {
            if (qm != null) {
                qm.fail(e, "the peer's PFS key exchange value is invalid: " + ex.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------ shared

    void allocateSpis(IkeEngine e) {
        if (ours.usesEsp()) {
            inEsp = e.ctx.dataplane().allocateSpi();
        }
        if (ours.usesAh()) {
            inAh = e.ctx.dataplane().allocateSpi();
        }
    }

    /** Installs the inbound and/or outbound SA of this negotiation through the dataplane. */
    void install(IkeEngine e, boolean inbound, boolean outbound) {
        Phase2Suite.Selection sel = chosen;
        Phase2Suite s = sel.suite().orElseThrow();
        IsakmpKeys k = sa.keys();
        InetSocketAddress local = new InetSocketAddress(e.ctx.localAddress(), e.ctx.nattPort());
        LifetimeLimits limits = limits(e, s);
        if (inbound) {
            SaKeys esp = s.usesEsp() ? Keymat.espKeys(k.prf(), k.skeyidD(), gqmxy, inEsp, ni, nr, s.espEncryption(), s.espIntegrity()) : null;
            SaKeys ah = s.usesAh() ? Keymat.ahKeys(k.prf(), k.skeyidD(), gqmxy, inAh, ni, nr, s.ahIntegrity()) : null;
            logKeys(e, esp, sa.remote, local);
            e.ctx.dataplane().addSa(new SaConfig(policy.id(), Direction.INBOUND, esp, ah, local, sa.remote,
                    e.ctx.replayWindow(), false, limits));
            installed = true;
        }
        if (outbound) {
            SaKeys esp = s.usesEsp() ? Keymat.espKeys(k.prf(), k.skeyidD(), gqmxy, sel.peerEspSpi(), ni, nr, s.espEncryption(), s.espIntegrity()) : null;
            SaKeys ah = s.usesAh() ? Keymat.ahKeys(k.prf(), k.skeyidD(), gqmxy, sel.peerAhSpi(), ni, nr, s.ahIntegrity()) : null;
            logKeys(e, esp, local, sa.remote);
            e.ctx.dataplane().addSa(new SaConfig(policy.id(), Direction.OUTBOUND, esp, ah, local, sa.remote, 0, false, limits));
            if (gqmxy != null) {
                gqmxy.destroy();
            }
            int inSpi = inAh != 0 ? inAh : inEsp;
            int outSpi = sel.peerAhSpi() != 0 ? sel.peerAhSpi() : sel.peerEspSpi();
            ChildSa child = new ChildSa(policy.id(), policy.local(), policy.remote(), s, inSpi, outSpi, inEsp, inAh,
                    sel.peerEspSpi(), sel.peerAhSpi(), e.ctx.scheduler().clock().nanoTime(), initiator);
            List<ChildSa> older = new ArrayList<>();
            for (ChildSa c : sa.connection.children) {
                if (c.policyId() == policy.id()) {
                    older.add(c);
                }
            }
            e.pairs.childInstalled(sa.connection, child, rekey || !older.isEmpty());
            // Make-before-break: the old pair keeps accepting traffic for a grace period, then goes.
            e.pairs.scheduleResolve(sa.connection, policy.id());
        }
    }

    private static void logKeys(IkeEngine e, @Nullable SaKeys esp, InetSocketAddress src, InetSocketAddress dst) {
        if (esp != null && esp.encryption() != null && esp.encryptionKey() != null) {
            e.ctx.keyLog().espSa(src.getAddress(), dst.getAddress(), esp.spi(), esp.encryption(), esp.encryptionKey().unsafeBytes(),
                    esp.integrity(), esp.integrityKey() == null ? null : esp.integrityKey().unsafeBytes());
        }
    }

    private LifetimeLimits limits(IkeEngine e, Phase2Suite s) {
        long hard = s.lifeSeconds();
        long soft = hard > 0 ? Rekey.softSeconds(hard, initiator, e.ctx.rekey(), e.ctx.random()) : 0;
        long hardBytes = s.lifeKilobytes() > 0 ? s.lifeKilobytes() * 1024 : 0;
        long softBytes = Rekey.softBytes(hardBytes, initiator, e.ctx.rekey());
        return new LifetimeLimits(soft, hard, softBytes, hardBytes, 0, 0);
    }

    void finish(IkeEngine e) {
        state = State.DONE;
        IkeEngine.LOG.info("quick mode {} done: {} <-> {} {}", Integer.toHexString(messageId), policy.local(), policy.remote(),
                chosen.suite().orElseThrow().name());
        // Linger to answer a retransmitted message 2 (initiator) with our message 3, then forget the IV.
        linger = e.ctx.scheduler().schedule(LINGER, () -> {
            sa.quickModes.remove(messageId);
            if (sa.crypter != null && sa.state != IkeSa.State.DELETED) {
                sa.crypter.forget(messageId);
            }
        });
    }

    void fail(IkeEngine e, String reason) {
        abandon(e);
        sa.quickModes.remove(messageId);
        e.status.fail(sa.connection, reason);
    }

    /**
     * Gives this negotiation up (it failed, or its ISAKMP SA goes): secrets wiped, SPIs released, an inbound
     * SA installed without its outbound removed, and a rekey we initiated remembered for the next ISAKMP SA.
     */
    void abandon(IkeEngine e) {
        abort();
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        releaseSpis(e);
        if (installed && !initiator) {
            if (inAh != 0) {
                e.ctx.dataplane().deleteSa(inAh, Direction.INBOUND);
            } else if (inEsp != 0) {
                e.ctx.dataplane().deleteSa(inEsp, Direction.INBOUND);
            }
        }
        ConnectionRuntime.Policy p = policy;
        if (initiator && rekey && p != null) {
            Lifecycle.rekeyFailed(e, sa.connection, p);
        }
    }

    void releaseSpis(IkeEngine e) {
        if (!installed) {
            if (inEsp != 0) {
                e.ctx.dataplane().releaseSpi(inEsp);
            }
            if (inAh != 0) {
                e.ctx.dataplane().releaseSpi(inAh);
            }
        }
    }

    /** Stops timers and wipes secrets. */
    void abort() {
        transmission.clear();
        if (linger != null) {
            linger.cancel();
        }
        if (dh != null) {
            dh.destroy();
            dh = null;
        }
        if (gqmxy != null) {
            gqmxy.destroy();
        }
    }

    static byte[] restAfterHash(Messages.Decrypted d) {
        HashPayload hash = (HashPayload) d.payloads().get(0);
        int start = 4 + hash.dataLength();
        return java.util.Arrays.copyOfRange(d.plain(), start, d.chain().consumedLength());
    }

    static int encapMode(IkeSa sa) {
        return sa.natT == IkeSa.NatT.RFC3947 ? Phase2Attributes.MODE_UDP_TUNNEL : Phase2Attributes.MODE_UDP_TUNNEL_DRAFT;
    }

    static int newMessageId(IkeEngine e, IkeSa sa) {
        while (true) {
            int id = e.ctx.random().nextInt();
            if (id != 0 && !sa.quickModes.containsKey(id)) {
                return id;
            }
        }
    }
}
