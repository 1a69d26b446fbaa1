package org.jvpn.ike.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An ISAKMP message: {@link IsakmpHeader} followed by a payload chain (RFC 2408 section 3), either in
 * clear or, when the E flag is set, as an encrypted body that the key-material code decrypts and
 * then hands to {@link PayloadChain#parse} with {@code header().nextPayload()}.
 *
 * <pre>
 *   HDR (28 bytes) | payload | payload | ...            (cleartext)
 *   HDR (28 bytes, E flag) | IV-chained CBC ciphertext   (encrypted, RFC 2409 appendix B)
 * </pre>
 *
 * {@link #encode()} computes the header's next payload and length, and the chain's next payloads and
 * payload lengths; parsing then encoding a cleartext message gives back the same bytes.
 */
public final class IkeMessage {

    private final IsakmpHeader header;
    private final List<Payload> payloads;
    private final byte @Nullable [] encryptedBody;
    private final @Nullable PayloadChain chain;

    private IkeMessage(IsakmpHeader header, List<Payload> payloads, byte @Nullable [] encryptedBody,
            @Nullable PayloadChain chain) {
        this.header = header;
        this.payloads = List.copyOf(payloads);
        this.encryptedBody = encryptedBody;
        this.chain = chain;
    }

    /** A cleartext message (the E flag is cleared). */
    public static IkeMessage of(IsakmpHeader header, List<? extends Payload> payloads) {
        return new IkeMessage(header.withFlags(header.flags() & ~IsakmpHeader.FLAG_ENCRYPTION),
                new ArrayList<>(payloads), null, null);
    }

    /**
     * An encrypted message: {@code ciphertext} is the encrypted payload chain (with padding) and
     * {@code firstPayloadType} the type of its first payload (goes into the header).
     */
    public static IkeMessage encrypted(IsakmpHeader header, int firstPayloadType, byte[] ciphertext) {
        IsakmpHeader h = header.withFlags(header.flags() | IsakmpHeader.FLAG_ENCRYPTION)
                .withChain(firstPayloadType, IsakmpHeader.LENGTH + (long) ciphertext.length);
        return new IkeMessage(h, List.of(), ciphertext.clone(), null);
    }

    /**
     * Parses a datagram (the UDP payload, after the non-ESP marker on port 4500). Bytes after the
     * header's Length are ignored. A cleartext body must be exactly the payload chain.
     *
     * @throws IkeWireException from the header (drop silently / INVALID-MAJOR-VERSION...), from the
     *         payloads, or UNEQUAL-PAYLOAD-LENGTHS when a cleartext chain does not end at the Length
     */
    public static IkeMessage parse(byte[] datagram, int off, int len) throws IkeWireException {
        IsakmpHeader header = IsakmpHeader.parse(datagram, off, len);
        int bodyOff = off + IsakmpHeader.LENGTH;
        int bodyLen = (int) header.length() - IsakmpHeader.LENGTH;
        if (header.isEncrypted()) {
            return new IkeMessage(header, List.of(), Wire.copy(datagram, bodyOff, bodyLen), null);
        }
        PayloadChain chain = PayloadChain.parse(header.nextPayload(), datagram, bodyOff, bodyLen);
        if (chain.paddingLength() != 0 || chain.lastNextPayloadIgnored()) {
            throw IkeWireException.notify(NotifyType.UNEQUAL_PAYLOAD_LENGTHS, "cleartext payloads cover "
                    + chain.consumedLength() + " bytes, the header's Length leaves " + bodyLen);
        }
        return new IkeMessage(header, chain.payloads(), null, chain);
    }

    /** Parses a whole datagram. */
    public static IkeMessage parse(byte[] datagram) throws IkeWireException {
        return parse(datagram, 0, datagram.length);
    }

    /** The message bytes, with next payloads and lengths computed. */
    public byte[] encode() {
        if (encryptedBody != null) {
            return Wire.concat(header.encode(), encryptedBody);
        }
        byte[] body = PayloadChain.encode(payloads);
        int first = payloads.isEmpty() ? 0 : payloads.get(0).type();
        return Wire.concat(header.withChain(first, IsakmpHeader.LENGTH + (long) body.length).encode(), body);
    }

    /** The header; after {@link #parse} exactly as received. */
    public IsakmpHeader header() {
        return header;
    }

    public boolean isEncrypted() {
        return encryptedBody != null;
    }

    /** The encrypted body (empty for cleartext messages). */
    public byte[] encryptedBody() {
        return encryptedBody == null ? new byte[0] : encryptedBody.clone();
    }

    /** The payloads of a cleartext message (empty when encrypted). */
    public List<Payload> payloads() {
        return payloads;
    }

    /** The parsed chain of a received cleartext message, for raw payload bodies (SAi_b). */
    public Optional<PayloadChain> chain() {
        return Optional.ofNullable(chain);
    }

    /** All payloads of class {@code type}. */
    public <T extends Payload> List<T> all(Class<T> type) {
        return Payloads.all(payloads, type);
    }

    /** The first payload of class {@code type}. */
    public <T extends Payload> Optional<T> first(Class<T> type) {
        return Payloads.first(payloads, type);
    }

    @Override
    public String toString() {
        return header + (encryptedBody != null ? " [encrypted " + encryptedBody.length + " bytes]" : " " + payloads);
    }
}
