package org.jvpn.ike.keys;

import java.net.InetAddress;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.Digest;
import org.jvpn.api.spi.crypto.HashAlgorithm;

/**
 * NAT-D payload hashes (RFC 3947 section 3.2): HASH = hash(CKY-I | CKY-R | IP | Port), with the
 * negotiated hash function (not its HMAC); the IP address is 4 bytes for IPv4, 16 for IPv6, the port 2
 * bytes, both in network byte order. The first NAT-D payload carries the peer's (destination) address,
 * the following ones the sender's own (source) addresses. The same formula serves the draft NAT-D payload
 * type 130 (and 15 of draft-02/03).
 */
public final class NatDetection {

    private NatDetection() {}

    /** The NAT-D hash of one address and UDP port. */
    public static byte[] hash(CryptoBackend backend, HashAlgorithm hash, byte[] ckyI, byte[] ckyR,
                              InetAddress address, int port) {
        return hash(backend, hash, ckyI, ckyR, address.getAddress(), port);
    }

    /** The NAT-D hash of a raw 4- or 16-byte address and UDP port. */
    public static byte[] hash(CryptoBackend backend, HashAlgorithm hash, byte[] ckyI, byte[] ckyR,
                              byte[] address, int port) {
        if (ckyI.length != 8 || ckyR.length != 8) {
            throw new IllegalArgumentException("cookies must be 8 bytes, were " + ckyI.length + " and " + ckyR.length);
        }
        if (address.length != 4 && address.length != 16) {
            throw new IllegalArgumentException("address must be 4 or 16 bytes, was " + address.length);
        }
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Digest digest = backend.digest(hash);
        return digest.digest(ckyI, ckyR, address, new byte[] {(byte) (port >>> 8), (byte) port});
    }
}
