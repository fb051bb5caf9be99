package org.unionhub.gateway.edge;

import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is, for the anonymous rate limits. Behind an Ingress the TCP peer is the Ingress
 * controller, shared by everyone; its {@code X-Forwarded-For} names the client, but any client can
 * send that header too. So the header is read only when the peer is a configured trusted proxy
 * ({@code gateway.trusted-proxies}, CIDRs; empty = trust nobody), and then from the right: each
 * trusted proxy appends the address it got the call from, so the right-most address that is not a
 * trusted proxy is the last one a trusted proxy vouched for. What a client wrote further left is
 * never used, so it cannot pick its own bucket.
 */
public final class ClientAddress {

    private record Cidr(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Cidr> trusted = new ArrayList<>();

    /** @throws IllegalArgumentException for an entry that is not an IP address or CIDR, so a typo fails the start */
    public ClientAddress(List<String> trustedProxies) {
        for (String spec : trustedProxies) {
            String s = spec.trim();
            if (s.isEmpty()) {
                continue;
            }
            int slash = s.indexOf('/');
            byte[] network = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? s : s.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("gateway.trusted-proxies: '" + s + "' is not an IP address or CIDR");
            }
            int bits;
            try {
                bits = slash < 0 ? network.length * 8 : Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("gateway.trusted-proxies: '" + s + "' has an invalid prefix length");
            }
            trusted.add(new Cidr(network, bits));
        }
    }

    /**
     * The client's address: {@code peer} itself, or, when {@code peer} is a trusted proxy, the
     * right-most entry of the {@code X-Forwarded-For} values that is not a trusted proxy (the
     * left-most when all are). An entry that is not an IP address where the client should be means
     * a proxy wrote nonsense: the peer is used.
     */
    public String of(String peer, List<String> forwardedFor) {
        byte[] peerBytes = parse(peer);
        if (peerBytes == null || !isTrusted(peerBytes) || forwardedFor == null || forwardedFor.isEmpty()) {
            return normalized(peer, peerBytes);
        }
        List<String> chain = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    chain.add(entry.trim());
                }
            }
        }
        String last = null;
        byte[] lastBytes = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            byte[] bytes = parse(chain.get(i));
            if (bytes == null) {
                return last != null ? normalized(last, lastBytes) : normalized(peer, peerBytes);
            }
            last = chain.get(i);
            lastBytes = bytes;
            if (!isTrusted(bytes)) {
                break;
            }
        }
        return last == null ? normalized(peer, peerBytes) : normalized(last, lastBytes);
    }

    private boolean isTrusted(byte[] address) {
        for (Cidr c : trusted) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The bytes of an IP literal, with an optional port ("1.2.3.4:80", "[::1]:80"); null otherwise. Never a DNS lookup. */
    static byte[] parse(String s) {
        if (s == null) {
            return null;
        }
        String a = s.trim();
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            a = end < 0 ? a : a.substring(1, end);
        } else if (a.indexOf(':') > 0 && a.indexOf(':') == a.lastIndexOf(':')) {
            a = a.substring(0, a.indexOf(':')); // IPv4 with a port
        }
        return NetUtil.createByteArrayFromIpAddressString(a);
    }

    /** One spelling per address, so that "::1" and "0:0::1" share a bucket. */
    private static String normalized(String raw, byte[] bytes) {
        if (bytes == null) {
            return raw == null ? "unknown" : raw;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return raw;
        }
    }
}
