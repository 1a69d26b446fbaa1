/**
 * Key log SPI: hands session keys to a debugging sink (Wireshark decryption tables) ONLY when a user
 * explicitly asks for it. The default is {@link org.jvpn.api.spi.keylog.KeyLogSink#none()}.
 */
@NullMarked
package org.jvpn.api.spi.keylog;

import org.jspecify.annotations.NullMarked;
