/** The configuration model: IKE policy, IPsec policy, VPN service and IPsec site connection, as immutable values built with validating fluent builders. */
@NullMarked
package org.jvpn.api.config;

import org.jspecify.annotations.NullMarked;
