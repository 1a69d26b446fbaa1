/**
 * Matching configured policies to proposals: building our SA payloads from an IkePolicy or IpsecPolicy,
 * choosing among a peer's offers, and diagnostics that name exactly which attribute did not match.
 */
@NullMarked
package org.jvpn.ike.proposal;

import org.jspecify.annotations.NullMarked;
