/** Crypto SPI: randomness and self-wiping secrets, and the primitives the protocols need, implemented by JCA and Bouncy Castle back ends. */
@NullMarked
package org.jvpn.api.spi.crypto;

import org.jspecify.annotations.NullMarked;
