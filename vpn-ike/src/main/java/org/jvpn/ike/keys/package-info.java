/**
 * IKEv1 key material (RFC 2409 section 5 and appendix B, RFC 3526, RFC 5903): Diffie-Hellman groups
 * ({@link org.jvpn.ike.keys.DhGroups}), the PRF ({@link org.jvpn.ike.keys.Prf}), SKEYID and its
 * derivatives with the authentication hashes ({@link org.jvpn.ike.keys.IsakmpKeys}), KEYMAT
 * ({@link org.jvpn.ike.keys.Keymat}), NAT-D hashes ({@link org.jvpn.ike.keys.NatDetection}) and the
 * encryption of ISAKMP messages with its IV chains ({@link org.jvpn.ike.keys.IkeCrypter}).
 *
 * <p>Every secret lives in a {@link org.jvpn.api.spi.crypto.Secret}; nothing here logs, prints or puts
 * key material in exception messages. Nothing here is thread-safe: the IKE event loop owns it.
 */
@NullMarked
package org.jvpn.ike.keys;

import org.jspecify.annotations.NullMarked;
