/** jvpn demo: two gateways in one JVM over real loopback UDP. */
@NullMarked
package org.jvpn.cli.demo;

import org.jspecify.annotations.NullMarked;
