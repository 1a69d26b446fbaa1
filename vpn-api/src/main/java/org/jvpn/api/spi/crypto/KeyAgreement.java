package org.jvpn.api.spi.crypto;

/**
 * One ephemeral Diffie-Hellman key pair of an IKE group (MODP or ECP), for one exchange. Its private
 * value is wiped by {@link #destroy()}, and after {@link #computeShared} the caller destroys it.
 */
public interface KeyAgreement {

    /** The IANA IKE group number (2, 14, 19, ...). */
    int group();

    /**
     * This side's public value as carried in the KE payload: for MODP big-endian, left-padded to the
     * prime's length; for ECP x || y (RFC 5903), each coordinate padded to the field size.
     */
    byte[] publicValue();

    /**
     * The shared secret g^xy (MODP, padded to the prime's length) or the x coordinate (ECP).
     *
     * @throws InvalidPublicValueException if the peer's value is invalid (out of range, not on the curve)
     */
    Secret computeShared(byte[] peerPublicValue) throws InvalidPublicValueException;

    void destroy();
}
