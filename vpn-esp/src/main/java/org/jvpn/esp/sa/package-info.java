/**
 * Internals of the data plane: ESP and AH framing written once above the crypto back ends
 * ({@link org.jvpn.esp.sa.EspCodec}, {@link org.jvpn.esp.sa.AhCodec}), per-thread crypto contexts,
 * the anti-replay window, SAs and the lock-free SPI table. Not exported.
 */
@NullMarked
package org.jvpn.esp.sa;

import org.jspecify.annotations.NullMarked;
