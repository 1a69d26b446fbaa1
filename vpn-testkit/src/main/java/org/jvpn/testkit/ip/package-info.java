/** Building and parsing plain IPv4/IPv6 packets with UDP and ICMP/ICMPv6, with correct checksums. */
@NullMarked
package org.jvpn.testkit.ip;

import org.jspecify.annotations.NullMarked;
