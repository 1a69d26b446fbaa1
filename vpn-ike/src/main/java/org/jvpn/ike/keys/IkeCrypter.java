package org.jvpn.ike.keys;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.crypto.BlockCipherAlgorithm;
import org.jvpn.api.spi.crypto.CbcCipher;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.Digest;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.api.spi.crypto.Secret;

/**
 * Encryption of ISAKMP message bodies after the phase-1 key exchange (RFC 2409 appendix B, RFC 2408
 * section 3.1 E flag) with 3DES-CBC or AES-CBC, and the IV chains that go with it.
 *
 * <p>IVs:
 * <ul>
 *   <li>Phase 1 (message ID 0): the first IV is hash(g^xi | g^xr) truncated to the block size; every
 *       later phase-1 message, in either direction, uses the last ciphertext block of the previous one.</li>
 *   <li>Other exchanges (quick mode, informational): the first IV of message ID M is
 *       hash(last phase-1 CBC block | M) truncated; the exchange then chains like phase 1, per message ID.</li>
 * </ul>
 *
 * <p>Changing state only after authenticity is established (as strongSwan's {@code iv_manager} does with
 * update_iv/confirm_iv): {@link #encrypt} advances the chain at once (our message is sent; a retransmission
 * resends the same bytes, never re-encrypts). {@link #decrypt} changes nothing: it remembers the received
 * message's last block as pending, and only {@link #confirm} (called by the engine once the message's
 * HASH verified) moves the chain. A retransmitted, forged or corrupt message therefore never corrupts the
 * IV state, and message IDs seen only in unverified messages create no entries.
 *
 * <p>Padding: zero bytes up to the block size (what strongSwan and the recorded peers send). Received
 * padding is not interpreted: the payload chain's lengths decide where the data ends.
 *
 * <p>Not thread-safe (one per ISAKMP SA, on the IKE event loop). {@link #destroy()} wipes the key.
 */
public final class IkeCrypter {

    /** ISAKMP header length (RFC 2408 section 3.1); its last 4 bytes are the message length. */
    public static final int HEADER_LENGTH = 28;

    /** How many non-phase-1 message IDs keep an IV (least recently used ones are forgotten). */
    public static final int DEFAULT_MAX_EXCHANGES = 8;

    private final CbcCipher cipher;
    private final Digest digest;
    private final int blockSize;
    private final int maxExchanges;
    private final byte[] phase1Iv;
    private final Map<Integer, byte[]> exchangeIvs;
    private int pendingMessageId;
    private byte @Nullable [] pendingLastBlock;

    private IkeCrypter(CbcCipher cipher, Digest digest, byte[] initialIv, int maxExchanges) {
        this.cipher = cipher;
        this.digest = digest;
        this.blockSize = cipher.blockSize();
        this.maxExchanges = maxExchanges;
        this.phase1Iv = Arrays.copyOf(initialIv, blockSize);
        this.exchangeIvs = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
                return size() > IkeCrypter.this.maxExchanges;
            }
        };
    }

    /**
     * The crypter of an ISAKMP SA, its first phase-1 IV = hash(g^xi | g^xr).
     *
     * @param encryption    3DES or AES-128/192/256 (CBC); AES-GCM is not an IKEv1 phase-1 cipher
     * @param hash          the negotiated hash (the PRF's)
     * @param encryptionKey the phase-1 key ({@link IsakmpKeys#encryptionKey()}); copied
     */
    public static IkeCrypter create(CryptoBackend backend, EncryptionAlgorithm encryption, HashAlgorithm hash,
                                    Secret encryptionKey, byte[] gxi, byte[] gxr) {
        Digest digest = backend.digest(hash);
        byte[] iv = digest.digest(gxi, gxr);
        return withInitialIv(backend, encryption, hash, encryptionKey, iv);
    }

    /** The crypter with a given first phase-1 IV (tests, or a state restored from elsewhere). */
    public static IkeCrypter withInitialIv(CryptoBackend backend, EncryptionAlgorithm encryption, HashAlgorithm hash,
                                           Secret encryptionKey, byte[] initialIv) {
        BlockCipherAlgorithm algorithm = cipherOf(encryption);
        if (encryptionKey.length() != encryption.keyLength()) {
            throw new IllegalArgumentException(encryption + " key must be " + encryption.keyLength()
                    + " bytes, was " + encryptionKey.length());
        }
        if (initialIv.length < algorithm.blockSize()) {
            throw new IllegalArgumentException("initial IV shorter than the block size: " + initialIv.length);
        }
        CbcCipher cipher = backend.cbc(algorithm, encryptionKey.unsafeBytes());
        return new IkeCrypter(cipher, backend.digest(hash), initialIv, DEFAULT_MAX_EXCHANGES);
    }

    private static BlockCipherAlgorithm cipherOf(EncryptionAlgorithm encryption) {
        switch (encryption) {
            case DES3:
                return BlockCipherAlgorithm.DES_EDE3_CBC;
            case AES_128:
            case AES_192:
            case AES_256:
                return BlockCipherAlgorithm.AES_CBC;
            default:
                throw new IllegalArgumentException("not an IKEv1 phase-1 cipher: " + encryption);
        }
    }

    public int blockSize() {
        return blockSize;
    }

    /** The ciphertext length of a body of {@code plainLength} bytes (zero-padded to the block size). */
    public int encryptedLength(int plainLength) {
        return (plainLength + blockSize - 1) / blockSize * blockSize;
    }

    /**
     * Encrypts a message body (the payloads after the ISAKMP header) with the IV of {@code messageId} and
     * advances that chain to the last ciphertext block.
     *
     * @return the padded ciphertext, {@link #encryptedLength} bytes
     */
    public byte[] encrypt(int messageId, byte[] plainBody) {
        byte[] iv = ivFor(messageId);
        byte[] buf = Arrays.copyOf(plainBody, encryptedLength(plainBody.length));
        cipher.encrypt(iv, 0, buf, 0, buf.length, buf, 0);
        store(messageId, Arrays.copyOfRange(buf, buf.length - blockSize, buf.length));
        if (pendingMessageId == messageId) {
            pendingLastBlock = null;
        }
        return buf;
    }

    /**
     * Encrypts a whole message: {@code header} (the encoded 28-byte ISAKMP header, E flag set by the
     * caller) followed by the encrypted body; the header's length field is set to the total length.
     */
    public byte[] encryptMessage(int messageId, byte[] header, byte[] plainBody) {
        if (header.length != HEADER_LENGTH) {
            throw new IllegalArgumentException("ISAKMP header must be " + HEADER_LENGTH + " bytes, was " + header.length);
        }
        byte[] body = encrypt(messageId, plainBody);
        byte[] out = Arrays.copyOf(header, HEADER_LENGTH + body.length);
        System.arraycopy(body, 0, out, HEADER_LENGTH, body.length);
        int total = out.length;
        out[24] = (byte) (total >>> 24);
        out[25] = (byte) (total >>> 16);
        out[26] = (byte) (total >>> 8);
        out[27] = (byte) total;
        return out;
    }

    /**
     * Decrypts an encrypted body {@code in[off, off+len)} with the current IV of {@code messageId}. The
     * IV state is not changed; call {@link #confirm} once the message is authenticated (its HASH verified).
     * The result includes the sender's padding.
     *
     * @throws DecryptException if {@code len} is not a positive multiple of the block size
     */
    public byte[] decrypt(int messageId, byte[] in, int off, int len) throws DecryptException {
        if (off < 0 || len < 0 || off + len > in.length) {
            throw new IndexOutOfBoundsException("range [" + off + ", " + off + "+" + len + ") of " + in.length);
        }
        if (len == 0 || len % blockSize != 0) {
            throw new DecryptException("encrypted body length " + len + " is not a positive multiple of the block size "
                    + blockSize);
        }
        byte[] iv = ivFor(messageId);
        byte[] out = new byte[len];
        cipher.decrypt(iv, 0, in, off, len, out, 0);
        pendingMessageId = messageId;
        pendingLastBlock = Arrays.copyOfRange(in, off + len - blockSize, off + len);
        return out;
    }

    /**
     * Decrypts a whole message (ISAKMP header first): the body runs from byte 28 to the header's length
     * field, which must not exceed the datagram. Same IV semantics as {@link #decrypt}.
     */
    public byte[] decryptMessage(int messageId, byte[] message) throws DecryptException {
        if (message.length < HEADER_LENGTH) {
            throw new DecryptException("message of " + message.length + " bytes is shorter than the ISAKMP header");
        }
        long length = (message[24] & 0xffL) << 24 | (message[25] & 0xff) << 16 | (message[26] & 0xff) << 8
                | (message[27] & 0xff);
        if (length < HEADER_LENGTH || length > message.length) {
            throw new DecryptException("ISAKMP length field " + length + " outside [" + HEADER_LENGTH + ", "
                    + message.length + "] (datagram length)");
        }
        return decrypt(messageId, message, HEADER_LENGTH, (int) length - HEADER_LENGTH);
    }

    /**
     * Confirms the last message decrypted with {@code messageId} as authentic: its chain moves to that
     * message's last ciphertext block.
     *
     * @throws IllegalStateException if the last {@link #decrypt} was not for {@code messageId}
     */
    public void confirm(int messageId) {
        byte[] last = pendingLastBlock;
        if (last == null || pendingMessageId != messageId) {
            throw new IllegalStateException("no decrypted message pending for message ID "
                    + Integer.toUnsignedString(messageId));
        }
        store(messageId, last);
        pendingLastBlock = null;
    }

    /** Drops the IV of an exchange that is over (e.g. after an informational exchange or quick mode). */
    public void forget(int messageId) {
        if (messageId != 0) {
            exchangeIvs.remove(messageId);
        }
    }

    /** A copy of the IV the next message with {@code messageId} will use (for tests and key logs). */
    public byte[] currentIv(int messageId) {
        return ivFor(messageId).clone();
    }

    /** Wipes the key and the IV state. */
    public void destroy() {
        cipher.destroy();
        Arrays.fill(phase1Iv, (byte) 0);
        exchangeIvs.clear();
        pendingLastBlock = null;
    }

    private byte[] ivFor(int messageId) {
        if (messageId == 0) {
            return phase1Iv;
        }
        byte[] iv = exchangeIvs.get(messageId);
        if (iv != null) {
            return iv;
        }
        byte[] h = digest.digest(phase1Iv, IsakmpKeys.messageIdBytes(messageId));
        return Arrays.copyOf(h, blockSize);
    }

    private void store(int messageId, byte[] lastBlock) {
        if (messageId == 0) {
            System.arraycopy(lastBlock, 0, phase1Iv, 0, blockSize);
        } else {
            exchangeIvs.put(messageId, lastBlock);
        }
    }

    @Override
    public String toString() {
        return "IkeCrypter[block " + blockSize + ", " + exchangeIvs.size() + " exchange IVs]";
    }
}
