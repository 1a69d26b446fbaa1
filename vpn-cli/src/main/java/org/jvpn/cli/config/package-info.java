/** The jvpn configuration file: the four cloud VPN resources in Neutron VPNaaS JSON, plus a jvpn section. */
@NullMarked
package org.jvpn.cli.config;

import org.jspecify.annotations.NullMarked;
