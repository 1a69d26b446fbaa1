/** Dataplane SPI: the boundary between the IKE control plane and the ESP/AH data plane (as strongSwan's kernel_ipsec). */
@NullMarked
package org.jvpn.api.spi.dataplane;

import org.jspecify.annotations.NullMarked;
