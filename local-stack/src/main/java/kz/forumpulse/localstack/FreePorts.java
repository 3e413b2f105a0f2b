package kz.forumpulse.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports for servers this JVM starts itself (the benchmark's stack, the fault scenarios'). A
 * port from {@code new ServerSocket(0)} lies in the kernel's ephemeral range, from which every
 * outgoing connection also takes its local port: between picking it and binding it seconds later, a
 * Kafka or MongoDB client's connection can take it ("Port … is already in use", seen once in the
 * benchmark). These come from below that range, where only servers bind.
 */
public final class FreePorts {

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 10_000;

  private FreePorts() {}

  /**
   * A port nothing listens on now, outside the ephemeral range where the kernel says where it is.
   */
  public static int next() {
    int below = ephemeralStart();
    if (below - LOWEST >= 1_000) {
      for (int attempt = 0; attempt < 200; attempt++) {
        int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
        if (bindable(port)) {
          return port;
        }
      }
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int ephemeralStart() {
    try {
      return Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException notLinux) {
      return 0;
    }
  }

  private static boolean bindable(int port) {
    // On every address: fails as well when something listens on the port on loopback only.
    try (ServerSocket any = new ServerSocket(port)) {
      return any.isBound();
    } catch (IOException inUse) {
      return false;
    }
  }
}
