package io.findoc.batch.loadtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/** What the end-to-end tests take from the machine they run on: ports and scratch folders. */
public final class TestHost {

  private TestHost() {}

  private static final int FIRST_PORT = 20_000;
  private static final int LAST_PORT = 32_000;
  private static final Random RANDOM = new Random();
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  /** A free port, as {@link #freePorts} picks it. */
  public static int freePort() throws IOException {
    return freePorts(1);
  }

  /**
   * The first of {@code count} consecutive free ports, below the kernel's ephemeral range (32768
   * and up): a port the kernel hands out picked there could be taken by any outgoing connection
   * between its choice and its server's start (a second coordinator once failed to start so). Ports
   * handed out before by this JVM are not handed out again.
   */
  public static synchronized int freePorts(int count) throws IOException {
    for (int tries = 0; tries < 1000; tries++) {
      int first = FIRST_PORT + RANDOM.nextInt(LAST_PORT - FIRST_PORT - count);
      boolean free = true;
      for (int port = first; port < first + count && free; port++) {
        free = !HANDED_OUT.contains(port) && bindable(port);
      }
      if (free) {
        for (int port = first; port < first + count; port++) {
          HANDED_OUT.add(port);
        }
        return first;
      }
    }
    throw new IOException("found no " + count + " consecutive free ports");
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /** Deletes {@code path} and all below it; nothing if it does not exist. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
