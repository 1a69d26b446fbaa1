/**
 * The IKEv1 wire format (RFC 2407 IPsec DOI, RFC 2408 ISAKMP, RFC 2409 IKE, RFC 3947 NAT-T, RFC 3706 DPD).
 *
 * <p>One small class per structure, each with a bounds-checked static {@code parse} over the payload
 * body and an {@code encode}/{@code body()}, and the RFC field diagram in its Javadoc:
 * {@link org.jvpn.ike.wire.IsakmpHeader}, {@link org.jvpn.ike.wire.SaPayload},
 * {@link org.jvpn.ike.wire.ProposalPayload}, {@link org.jvpn.ike.wire.TransformPayload},
 * {@link org.jvpn.ike.wire.DataAttribute}, {@link org.jvpn.ike.wire.KeyExchangePayload},
 * {@link org.jvpn.ike.wire.IdPayload}, {@link org.jvpn.ike.wire.HashPayload},
 * {@link org.jvpn.ike.wire.NoncePayload}, {@link org.jvpn.ike.wire.NotifyPayload},
 * {@link org.jvpn.ike.wire.DeletePayload}, {@link org.jvpn.ike.wire.VendorIdPayload},
 * {@link org.jvpn.ike.wire.NatDPayload}, {@link org.jvpn.ike.wire.NatOaPayload},
 * {@link org.jvpn.ike.wire.CertPayload}, {@link org.jvpn.ike.wire.CertRequestPayload},
 * {@link org.jvpn.ike.wire.SignaturePayload}, {@link org.jvpn.ike.wire.UnknownPayload}.
 * {@link org.jvpn.ike.wire.PayloadChain} walks a next-payload chain (also a decrypted one with
 * padding), {@link org.jvpn.ike.wire.IkeMessage} is header plus payloads, and
 * {@link org.jvpn.ike.wire.MessageKind} is the table of payloads each message must and may carry.
 * Every parse error is an {@link org.jvpn.ike.wire.IkeWireException} that says which notify to send
 * (or to drop silently). Unknown values from the wire are data, not exceptions.
 */
@NullMarked
package org.jvpn.ike.wire;

import org.jspecify.annotations.NullMarked;
