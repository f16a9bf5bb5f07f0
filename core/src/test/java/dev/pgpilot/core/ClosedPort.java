package dev.pgpilot.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port where nobody listens, for as long as this is open: a client socket holds it
 * bound and never connects, so connecting to it is refused and no other server can take it. A port
 * found by opening and closing a ServerSocket was free only for a moment: with test classes running
 * in two JVMs, the next server bound it and "refused" became "accepted and never answered".
 */
public final class ClosedPort implements AutoCloseable {
    private final Socket holder = new Socket();

    public ClosedPort() {
        try {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return holder.getLocalPort();
    }

    @Override
    public void close() {
        try {
            holder.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
