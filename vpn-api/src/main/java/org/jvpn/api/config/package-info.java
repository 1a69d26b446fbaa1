/**
 * The configuration model: the four cloud VPN resources ({@link org.jvpn.api.config.IkePolicy},
 * {@link org.jvpn.api.config.IpsecPolicy}, {@link org.jvpn.api.config.VpnService},
 * {@link org.jvpn.api.config.IpsecSiteConnection}) and a whole gateway
 * ({@link org.jvpn.api.config.GatewayConfig}), as immutable values built with fluent builders.
 *
 * <p>Every setter validates at once and {@code build()} cross-checks; a refusal is always a
 * {@link org.jvpn.api.config.ConfigException} whose message names the resource, its name, the field, the
 * value and what is allowed. Attribute names follow Neutron VPNaaS in Java casing, so a JSON or YAML file
 * maps one to one: {@code ike_version} is {@code ikeVersion("v1")}, {@code phase1_negotiation_mode} is
 * {@code phase1Mode("main")}, {@code pfs} is {@code pfs("group14")} or {@code pfs("none")},
 * {@code lifetime: {units: seconds, value: 3600}} is {@code lifetime(3600)}, {@code peer_cidrs} is
 * {@code peerCidrs(...)}, {@code dpd: {action, interval, timeout}} is {@code dpdAction}, {@code dpdInterval},
 * {@code dpdTimeout}, and {@code initiator} is {@code initiator("bi-directional")}.
 */
@NullMarked
package org.jvpn.api.config;

import org.jspecify.annotations.NullMarked;
