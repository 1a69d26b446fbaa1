package org.jvpn.ike.keys;

/**
 * An encrypted ISAKMP message could not be decrypted: its body is not a positive multiple of the cipher's
 * block size, or no IV exists for it. What to do: drop the datagram silently and count it (RFC 2408
 * section 5.2 allows no reply to an undecryptable message); the IV state is unchanged.
 */
public final class DecryptException extends Exception {

    private static final long serialVersionUID = 1L;

    public DecryptException(String message) {
        super(message);
    }
}
