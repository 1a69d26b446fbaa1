/** IKEv1 (RFC 2408/2409) control plane and the gateway. */
@NullMarked
package org.jvpn.ike;

import org.jspecify.annotations.NullMarked;
