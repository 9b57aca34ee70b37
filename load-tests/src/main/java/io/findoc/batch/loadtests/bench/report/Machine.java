package io.findoc.batch.loadtests.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on: cores, CPU model, memory, Java, OS and the load. */
public final class Machine {

  private Machine() {}

  public static Map<String, String> facts() {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    facts.put("cpu", firstValue("/proc/cpuinfo", "model name"));
    facts.put("memory", firstValue("/proc/meminfo", "MemTotal"));
    facts.put(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    facts.put("load at start (1/5/15 min)", load());
    return facts;
  }

  /** The load average: what else was running shows here. */
  public static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  public static String oneLine() {
    Map<String, String> f = facts();
    return f.get("cores")
        + " cores ("
        + f.get("cpu")
        + "), "
        + f.get("memory")
        + ", "
        + f.get("java");
  }

  private static String firstValue(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
