/** An in-memory outer network: hosts with UDP ports, impaired links, NAT boxes, captures, on virtual time. */
@NullMarked
package org.jvpn.testkit.net;

import org.jspecify.annotations.NullMarked;
