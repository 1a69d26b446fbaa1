/** The ESP/AH data plane: ESP (RFC 4303) and AH (RFC 4302) in tunnel mode over UDP (RFC 3948), anti-replay, SAD and SPD. */
@NullMarked
package org.jvpn.esp;

import org.jspecify.annotations.NullMarked;
