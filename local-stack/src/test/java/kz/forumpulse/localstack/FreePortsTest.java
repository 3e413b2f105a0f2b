package kz.forumpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void givesBindablePortsBelowTheEphemeralRange() throws Exception {
    Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    int ephemeralStart =
        Files.exists(range)
            ? Integer.parseInt(Files.readString(range).trim().split("\\s+")[0])
            : Integer.MAX_VALUE;
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      int port = FreePorts.next();
      if (ephemeralStart > 11_000) {
        assertThat(port).isBetween(10_000, ephemeralStart - 1);
      }
      try (ServerSocket server = new ServerSocket(port)) {
        assertThat(server.getLocalPort()).isEqualTo(port);
      }
      seen.add(port);
    }
    // Random within the range, so two stacks started at once do not pick the same ones.
    assertThat(seen).hasSizeGreaterThan(10);
  }
}
