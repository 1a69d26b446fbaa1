package org.jvpn.ike.v1;

import java.util.List;
import org.jvpn.ike.keys.DecryptException;
import org.jvpn.ike.wire.IkeMessage;
import org.jvpn.ike.wire.IkeWireException;
import org.jvpn.ike.wire.IsakmpHeader;
import org.jvpn.ike.wire.Payload;
import org.jvpn.ike.wire.PayloadChain;

/** Encrypting and decrypting whole ISAKMP messages of an SA (RFC 2408 section 3.1, E flag). */
final class Messages {

    private Messages() {}

    /** A decrypted message: the plaintext body (with the sender's padding) and its payload chain. */
    record Decrypted(byte[] plain, PayloadChain chain) {

        List<Payload> payloads() {
            return chain.payloads();
        }
    }

    /** Encodes {@code payloads} and encrypts them under the SA's IV chain for {@code h.messageId()}. */
    static byte[] encrypt(IkeSa sa, IsakmpHeader h, List<? extends Payload> payloads) {
        byte[] body = PayloadChain.encode(payloads);
        IsakmpHeader hh = h.withFlags(h.flags() | IsakmpHeader.FLAG_ENCRYPTION)
                .withChain(payloads.isEmpty() ? 0 : payloads.get(0).type(), IsakmpHeader.LENGTH);
        return sa.crypter().encryptMessage(h.messageId(), hh.encode(), body);
    }

    /**
     * Decrypts an encrypted message; the IV chain does not move until {@code sa.crypter().confirm(id)}
     * after the message authenticated.
     */
    static Decrypted decrypt(IkeSa sa, IkeMessage msg, byte[] datagram) throws DecryptException, IkeWireException {
        if (!msg.isEncrypted()) {
            throw IkeWireException.drop("message is not encrypted although the ISAKMP SA has keys");
        }
        byte[] plain = sa.crypter().decryptMessage(msg.header().messageId(), datagram);
        PayloadChain chain = PayloadChain.parse(msg.header().nextPayload(), plain, 0, plain.length);
        return new Decrypted(plain, chain);
    }
}
