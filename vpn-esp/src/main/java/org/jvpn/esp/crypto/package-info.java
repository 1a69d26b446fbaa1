/**
 * Crypto back ends for the {@link org.jvpn.api.spi.crypto.CryptoBackend} SPI: JCA (the JDK's intrinsified
 * AES-GCM, AES-CBC, HMAC, DESede, digests) and Bouncy Castle's low-level API (AES-CCM and an alternative
 * for everything), and {@link org.jvpn.esp.crypto.CryptoBackends#defaults()} that picks per primitive.
 * Back ends supply primitives only; ESP/AH framing lives in {@code org.jvpn.esp}.
 */
@NullMarked
package org.jvpn.esp.crypto;

import org.jspecify.annotations.NullMarked;
