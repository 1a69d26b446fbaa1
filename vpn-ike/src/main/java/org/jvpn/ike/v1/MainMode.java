package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jvpn.api.config.PeerId;
import org.jvpn.api.spi.crypto.InvalidPublicValueException;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.ike.keys.DecryptException;
import org.jvpn.ike.keys.IkeCrypter;
import org.jvpn.ike.keys.IsakmpKeys;
import org.jvpn.ike.keys.NatDetection;
import org.jvpn.ike.keys.Prf;
import org.jvpn.ike.proposal.Phase1Suite;
import org.jvpn.ike.wire.IdPayload;
import org.jvpn.ike.wire.IdType;
import org.jvpn.ike.wire.IkeMessage;
import org.jvpn.ike.wire.IkeWireException;
import org.jvpn.ike.wire.KnownVendorId;
import org.jvpn.ike.wire.NatDPayload;
import org.jvpn.ike.wire.NotifyPayload;
import org.jvpn.ike.wire.NotifyType;
import org.jvpn.ike.wire.Payload;
import org.jvpn.ike.wire.PayloadType;
import org.jvpn.ike.wire.Payloads;
import org.jvpn.ike.wire.VendorIdPayload;

/**
 * Main mode with pre-shared keys (RFC 2409 section 5), with NAT-T (RFC 3947) and DPD (RFC 3706) vendor
 * IDs: the entry points, the dispatch to {@link MainModeInitiator} or {@link MainModeResponder} by the
 * role the SA was created with, and the logic both roles share (NAT-D, vendor IDs, key derivation, peer
 * ID check, completion):
 *
 * <pre>
 *   Initiator                          Responder
 *   HDR, SA, VID*              --&gt;
 *                              &lt;--     HDR, SA, VID*
 *   HDR, KE, Ni, NAT-D, NAT-D  --&gt;
 *                              &lt;--     HDR, KE, Nr, NAT-D, NAT-D
 *   HDR*, IDii, HASH_I [, N]   --&gt;     (from here on port 4500)
 *                              &lt;--     HDR*, IDir, HASH_R
 * </pre>
 *
 * jvpn always carries ESP in UDP, so like strongSwan's {@code encap = yes} it sends a NAT-D hash for its
 * own address that cannot match, which makes the peer see a NAT and encapsulate; both sides float to
 * port 4500 from message 5.
 */
final class MainMode {

    static final int NONCE_LENGTH = 32;

    private MainMode() {}

    // ------------------------------------------------------------------ entry points

    static void initiate(IkeEngine e, ConnectionRuntime c, InetSocketAddress peer) {
        MainModeInitiator.initiate(e, c, peer);
    }

    /** MM1 from a peer with no ISAKMP SA yet. */
    static void respond(IkeEngine e, int localPort, InetSocketAddress remote, IkeMessage msg, byte[] datagram) {
        MainModeResponder.respond(e, localPort, remote, msg, datagram);
    }

    static void onMessage(IkeEngine e, IkeSa sa, int localPort, InetSocketAddress remote, IkeMessage msg, byte[] datagram) {
        if (sa.state == IkeSa.State.DELETED) {
            return;
        }
        if (sa.phase1.receivedDuplicate(datagram)) {
            // Only the responder answers a duplicate (a retransmitted request); the initiator retransmits on
            // its timer. An initiator resending message 5 on a duplicated message 6 ping-pongs forever.
            if (!sa.initiator) {
                IkeEngine.LOG.debug("duplicate main mode message from {}: resending our last message", remote);
                sa.phase1.resend(e.ctx::sendIke);
            }
            return;
        }
        try {
            if (sa.initiator) {
                MainModeInitiator.onMessage(e, sa, localPort, remote, msg, datagram);
            } else {
                MainModeResponder.onMessage(e, sa, localPort, remote, msg, datagram);
            }
        } catch (IkeWireException ex) {
            IkeEngine.LOG.info("main mode message from {} refused: {}", remote, ex.getMessage());
            sa.phase1.forgetReceived();
        } catch (InvalidPublicValueException ex) {
            e.status.failSa(sa, "the peer's key exchange value is invalid: " + ex.getMessage());
        }
    }

    // ------------------------------------------------------------------ both roles

    static Messages.Decrypted decryptAuth(IkeEngine e, IkeSa sa, IkeMessage msg, byte[] datagram, String what) {
        try {
            Messages.Decrypted d = Messages.decrypt(sa, msg, datagram);
            return d;
        } catch (DecryptException | IkeWireException ex) {
            sa.phase1.forgetReceived();
            String why = what + " from " + msg.header() + " did not decrypt to a valid message (" + ex.getMessage()
                    + "): the pre-shared keys probably differ";
            IkeEngine.LOG.info(why);
            sa.authProblem = "AUTHENTICATION-FAILED: " + what + " did not decrypt: the pre-shared keys probably differ";
            sa.connection.lastError = sa.authProblem;
            e.publish(sa.connection);
            return null;
        }
    }

    static boolean checkPeerId(IkeEngine e, IkeSa sa, IdPayload id) {
        PeerId expected = sa.connection.config.peerId();
        if (expected.matches(id.idType(), id.data())) {
            return true;
        }
        String seen = PeerId.fromIdData(id.idType(), id.data()).map(PeerId::toString).orElse(IdType.nameOf(id.idType()));
        Informational.sendNotify(e, sa, NotifyPayload.error(NotifyType.INVALID_ID_INFORMATION, sa.cookies()));
        e.status.failSa(sa, "INVALID-ID-INFORMATION: the peer identified as '" + seen + "' but connection '" + sa.connection.name()
                + "' expects peerId '" + expected + "'");
        return false;
    }

    static void deriveKeys(IkeEngine e, IkeSa sa) throws InvalidPublicValueException {
        Phase1Suite s = sa.suite;
        byte[] peerPublic = sa.initiator ? sa.gxr : sa.gxi;
        Prf prf = new Prf(e.ctx.crypto(), s.hash().hash());
        try (Secret gxy = sa.dh.computeShared(peerPublic); Secret psk = sa.connection.config.psk().toSecret()) {
            sa.keys = IsakmpKeys.derivePsk(prf, psk, sa.ni, sa.nr, gxy, sa.ckyI, sa.ckyR, s.encryption().keyLength());
        } finally {
            sa.dh.destroy();
            sa.dh = null;
        }
        sa.crypter = IkeCrypter.create(e.ctx.crypto(), s.encryption(), s.hash().hash(), sa.keys.encryptionKey(), sa.gxi, sa.gxr);
        e.ctx.keyLog().ikeSa(sa.ckyI, sa.ckyR, s.encryption(), sa.keys.encryptionKey().unsafeBytes());
    }

    static void complete(IkeEngine e, IkeSa sa) {
        sa.state = IkeSa.State.ESTABLISHED;
        sa.establishedNanos = e.ctx.scheduler().clock().nanoTime();
        sa.lifetimeSeconds = sa.suite.lifeSeconds();
        if (sa.halfOpenTimer != null) {
            sa.halfOpenTimer.cancel();
            sa.halfOpenTimer = null;
        }
        Lifecycle.armIke(e, sa);
        IkeEngine.LOG.info("ISAKMP SA {} established with {} ({}, NAT-T {}{})", sa.key(), sa.remote, sa.suite.name(), sa.natT,
                sa.natLocal ? ", we are behind a NAT" : sa.natRemote ? ", NAT-D mismatch (a NAT or forced encapsulation)" : "");
        e.status.established(sa);
        if (sa.initiator) {
            QuickMode.startMissing(e, sa);
        }
    }

    static void armHalfOpen(IkeEngine e, IkeSa sa) {
        org.jvpn.api.RetransmitPolicy p = e.ctx.retransmit();
        Duration total = Duration.ZERO;
        for (int i = 1; i <= p.tries(); i++) {
            total = total.plus(p.delayAfter(i));
        }
        sa.halfOpenTimer = e.ctx.scheduler().schedule(total, () -> e.withMdc(sa.connection, () -> {
            if (!sa.established() && sa.state != IkeSa.State.DELETED) {
                e.status.failSa(sa, "main mode with " + sa.remote.getAddress().getHostAddress() + " did not complete (half-open SA expired)");
            }
        }));
    }

    // ------------------------------------------------------------------ NAT-T and vendor IDs

    static List<Payload> vendorIds() {
        return List.of(VendorIdPayload.of(KnownVendorId.NAT_T_RFC3947), VendorIdPayload.of(KnownVendorId.NAT_T_DRAFT_02_N),
                VendorIdPayload.of(KnownVendorId.NAT_T_DRAFT_02), VendorIdPayload.of(KnownVendorId.DPD));
    }

    static IkeSa.NatT natT(List<Payload> payloads) {
        boolean rfc = false;
        boolean draft = false;
        for (VendorIdPayload v : Payloads.all(payloads, VendorIdPayload.class)) {
            Optional<KnownVendorId> k = v.known();
            if (k.isPresent()) {
                if (k.get() == KnownVendorId.NAT_T_RFC3947) {
                    rfc = true;
                } else if (k.get() == KnownVendorId.NAT_T_DRAFT_02 || k.get() == KnownVendorId.NAT_T_DRAFT_02_N
                        || k.get() == KnownVendorId.NAT_T_DRAFT_03) {
                    draft = true;
                }
            }
        }
        return rfc ? IkeSa.NatT.RFC3947 : draft ? IkeSa.NatT.DRAFT : IkeSa.NatT.NONE;
    }

    static boolean hasDpd(List<Payload> payloads) {
        return Payloads.all(payloads, VendorIdPayload.class).stream().anyMatch(v -> v.known().orElse(null) == KnownVendorId.DPD);
    }

    /** NAT-D payloads: the hash of the peer's endpoint, then a hash of ours that cannot match (forced encapsulation). */
    static List<Payload> natD(IkeEngine e, IkeSa sa, InetSocketAddress remote) {
        int type = sa.natT == IkeSa.NatT.RFC3947 ? PayloadType.NAT_D.number() : PayloadType.NAT_D_DRAFT.number();
        org.jvpn.api.spi.crypto.HashAlgorithm hash = sa.suite.hash().hash();
        byte[] dst = NatDetection.hash(e.ctx.crypto(), hash, sa.ckyI, sa.ckyR, remote.getAddress(), remote.getPort());
        byte[] fake = e.ctx.random().nextBytes(hash.outputLength());
        return List.of(new NatDPayload(type, dst), new NatDPayload(type, fake));
    }

    /** Reads the peer's NAT-D payloads: the first is about us, the rest about the peer (RFC 3947 section 3.2). */
    static void checkNatD(IkeEngine e, IkeSa sa, List<Payload> payloads, int localPort, InetSocketAddress remote) {
        List<NatDPayload> natd = Payloads.all(payloads, NatDPayload.class);
        if (natd.isEmpty()) {
            return;
        }
        org.jvpn.api.spi.crypto.HashAlgorithm hash = sa.suite.hash().hash();
        byte[] me = NatDetection.hash(e.ctx.crypto(), hash, sa.ckyI, sa.ckyR, e.ctx.localAddress(), localPort);
        sa.natLocal = !IsakmpKeys.hashMatches(me, natd.get(0).hash());
        byte[] them = NatDetection.hash(e.ctx.crypto(), hash, sa.ckyI, sa.ckyR, remote.getAddress(), remote.getPort());
        boolean seen = false;
        for (int i = 1; i < natd.size(); i++) {
            seen |= IsakmpKeys.hashMatches(them, natd.get(i).hash());
        }
        sa.natRemote = !seen;
    }

    static IdPayload idPayload(PeerId id) {
        return switch (id.type()) {
            case IPV4_ADDR, IPV6_ADDR -> IdPayload.address(id.address().orElseThrow());
            case FQDN -> IdPayload.fqdn(id.value());
            case USER_FQDN -> IdPayload.userFqdn(id.value());
            case KEY_ID -> IdPayload.keyId(id.idData());
        };
    }

    static byte[] nonZeroCookie(IkeEngine e) {
        while (true) {
            byte[] c = e.ctx.random().nextBytes(8);
            if (!IkeEngine.isZero(c)) {
                return c;
            }
        }
    }
}
