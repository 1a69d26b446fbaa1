package org.jvpn.ike.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A seeded generator of valid ISAKMP messages with every payload class. */
final class RandomMessages {

    private static final int[] UNKNOWN_TYPES = {14, 17, 18, 19, 22, 60, 127, 133, 200, 255};

    private final Random rnd;

    RandomMessages(long seed) {
        this.rnd = new Random(seed);
    }

    byte[] bytes(int min, int max) {
        byte[] b = new byte[min + rnd.nextInt(max - min + 1)];
        rnd.nextBytes(b);
        return b;
    }

    IkeMessage message() {
        IsakmpHeader h = IsakmpHeader.of(bytes(8, 8), bytes(8, 8), new int[] {2, 4, 5, 32, 77}[rnd.nextInt(5)],
                rnd.nextInt(256) & ~IsakmpHeader.FLAG_ENCRYPTION, rnd.nextInt());
        List<Payload> ps = new ArrayList<>();
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            ps.add(payload());
        }
        return IkeMessage.of(h, ps);
    }

    Payload payload() {
        switch (rnd.nextInt(16)) {
            case 0:
                return sa();
            case 1:
                return new KeyExchangePayload(bytes(1, 300));
            case 2:
                return id();
            case 3:
                return new CertPayload(rnd.nextInt(256), bytes(0, 100));
            case 4:
                return new CertRequestPayload(rnd.nextInt(256), bytes(0, 40));
            case 5:
                return new HashPayload(bytes(1, 64));
            case 6:
                return new SignaturePayload(bytes(0, 128));
            case 7:
                return new NoncePayload(bytes(8, 256));
            case 8:
                return new NotifyPayload(rnd.nextInt(3), rnd.nextInt(256), rnd.nextInt(65536),
                        bytes(0, 1) .length == 0 ? new byte[0] : bytes(4, 16), bytes(0, 20));
            case 9: {
                int size = new int[] {4, 16, 8}[rnd.nextInt(3)];
                List<byte[]> spis = new ArrayList<>();
                for (int i = rnd.nextInt(5); i > 0; i--) {
                    spis.add(bytes(size, size));
                }
                return new DeletePayload(1, rnd.nextInt(4), size, spis);
            }
            case 10:
                return new VendorIdPayload(bytes(0, 32));
            case 11:
                return new NatDPayload(new int[] {20, 130, 15}[rnd.nextInt(3)], bytes(1, 64));
            case 12:
                return new NatOaPayload(new int[] {21, 131, 16}[rnd.nextInt(3)], rnd.nextInt(256), bytes(0, 16));
            default:
                return new UnknownPayload(UNKNOWN_TYPES[rnd.nextInt(UNKNOWN_TYPES.length)], bytes(0, 50));
        }
    }

    IdPayload id() {
        int t = 1 + rnd.nextInt(13);
        int len = IdType.of(t).map(IdType::dataLength).orElse(-1);
        return new IdPayload(t, rnd.nextInt(256), rnd.nextInt(65536), len >= 0 ? bytes(len, len) : bytes(0, 40));
    }

    SaPayload sa() {
        List<ProposalPayload> ps = new ArrayList<>();
        for (int p = 1 + rnd.nextInt(3); p > 0; p--) {
            List<TransformPayload> ts = new ArrayList<>();
            for (int t = 1 + rnd.nextInt(4); t > 0; t--) {
                List<DataAttribute> as = new ArrayList<>();
                for (int a = rnd.nextInt(7); a > 0; a--) {
                    as.add(rnd.nextBoolean() ? DataAttribute.tv(rnd.nextInt(0x8000), rnd.nextInt(65536))
                            : DataAttribute.tlv(rnd.nextInt(0x8000), bytes(0, 12)));
                }
                ts.add(new TransformPayload(rnd.nextInt(256), rnd.nextInt(256), as));
            }
            ps.add(new ProposalPayload(rnd.nextInt(256), 1 + rnd.nextInt(3), bytes(0, 1).length == 0 ? new byte[0]
                    : bytes(4, 4), ts));
        }
        return new SaPayload(ps);
    }
}
