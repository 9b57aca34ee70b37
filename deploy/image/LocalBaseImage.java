/*
 * Writes a base image for Jib from this machine's own JDK, for builds that cannot reach a
 * registry: `java deploy/image/LocalBaseImage.java <out.tar>`, then build with
 * -Dfindoc.image.base=tar://<out.tar> (the image-offline profile of the root pom does both).
 *
 * The tar is in the format of `docker save` (manifest.json, the configuration, one uncompressed
 * layer), which Jib reads as a base image from a tar:// reference. The layer holds a runtime made
 * by jlink from the running JDK's modules at /opt/java/openjdk, and the C libraries that runtime
 * and libjvm link to (x86-64, Debian's paths), copied from this machine. It stands in for
 * eclipse-temurin:17-jre to prove the build offline: the libraries of the JDK's graphics modules
 * (lcms2, freetype, harfbuzz, libjpeg: PDFs with ICC colour spaces or JPEG images) are not copied,
 * and /tmp is root's, so a worker run from it needs a writable volume there, as the manifests
 * give. Releases are built on the registry's image.
 *
 * Plain Java (a single-file program, no dependencies), so the build needs no other tool.
 */

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

public class LocalBaseImage {

  /** The modules a Spring Boot application with Kafka, JDBC and PDFBox uses. */
  private static final String MODULES =
      String.join(
          ",",
          "java.base",
          "java.desktop",
          "java.instrument",
          "java.logging",
          "java.management",
          "java.naming",
          "java.net.http",
          "java.prefs",
          "java.rmi",
          "java.scripting",
          "java.security.jgss",
          "java.security.sasl",
          "java.sql",
          "java.transaction.xa",
          "java.xml",
          "jdk.charsets",
          "jdk.crypto.ec",
          "jdk.jfr",
          "jdk.management",
          "jdk.naming.dns",
          "jdk.net",
          "jdk.security.auth",
          "jdk.unsupported",
          "jdk.zipfs");

  /** The C libraries the runtime links to (ldd of bin/java and lib/server/libjvm.so). */
  private static final List<String> LIBRARIES =
      List.of(
          "/lib64/ld-linux-x86-64.so.2",
          "/lib/x86_64-linux-gnu/libc.so.6",
          "/lib/x86_64-linux-gnu/libm.so.6",
          "/lib/x86_64-linux-gnu/libdl.so.2",
          "/lib/x86_64-linux-gnu/libpthread.so.0",
          "/lib/x86_64-linux-gnu/librt.so.1",
          "/lib/x86_64-linux-gnu/libz.so.1",
          "/lib/x86_64-linux-gnu/libgcc_s.so.1",
          "/lib/x86_64-linux-gnu/libstdc++.so.6");

  private static final String JAVA_HOME = "opt/java/openjdk";

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]).toAbsolutePath();
    if (Files.exists(out)) {
      System.out.println("Base image " + out + " exists; delete it to make it again.");
      return;
    }
    Path work = Files.createTempDirectory("findoc-base-image");
    Path runtime = work.resolve("runtime");
    ToolProvider jlink =
        ToolProvider.findFirst("jlink")
            .orElseThrow(() -> new IllegalStateException("no jlink: run this with a JDK"));
    int status =
        jlink.run(
            System.out,
            System.err,
            "--add-modules",
            MODULES,
            "--strip-debug",
            "--no-header-files",
            "--no-man-pages",
            "--output",
            runtime.toString());
    if (status != 0) {
      throw new IllegalStateException("jlink failed with " + status);
    }
    Path layer = work.resolve("layer.tar");
    String diffId;
    try (OutputStream file = Files.newOutputStream(layer)) {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      Tar tar = new Tar(new DigestOutputStream(file, sha256));
      tar.directories(JAVA_HOME);
      try (Stream<Path> files = Files.walk(runtime)) {
        for (Path path : files.sorted().toList()) {
          String name = JAVA_HOME + "/" + runtime.relativize(path).toString().replace('\\', '/');
          if (path.equals(runtime)) {
            continue;
          }
          if (Files.isDirectory(path)) {
            tar.directory(name);
          } else {
            tar.file(name, Files.readAllBytes(path), Files.isExecutable(path));
          }
        }
      }
      for (String library : LIBRARIES) {
        Path path = Path.of(library);
        if (Files.exists(path)) {
          tar.directories(library.substring(1, library.lastIndexOf('/')));
          tar.file(library.substring(1), Files.readAllBytes(path.toRealPath()), true);
        }
      }
      tar.directory("tmp");
      tar.finish();
      diffId = "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }
    String config =
        """
        {"architecture":"amd64","os":"linux",\
        "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk"]},\
        "rootfs":{"type":"layers","diff_ids":["%s"]},\
        "history":[{"created_by":"deploy/image/LocalBaseImage.java"}]}"""
            .formatted(diffId);
    String manifest =
        """
        [{"Config":"config.json","RepoTags":["findoc/local-base:17"],"Layers":["layer.tar"]}]""";
    Files.createDirectories(out.getParent());
    try (OutputStream file = Files.newOutputStream(out)) {
      Tar tar = new Tar(file);
      tar.file("manifest.json", manifest.getBytes(StandardCharsets.UTF_8), false);
      tar.file("config.json", config.getBytes(StandardCharsets.UTF_8), false);
      tar.file("layer.tar", Files.readAllBytes(layer), false);
      tar.finish();
    }
    System.out.println("Base image " + out + " (" + Files.size(out) / (1024 * 1024) + " MiB)");
  }

  /** Just enough of the ustar format: directories and regular files, owned by root. */
  static final class Tar {
    private final OutputStream out;
    private final List<String> written = new ArrayList<>();

    Tar(OutputStream out) {
      this.out = out;
    }

    void directories(String path) throws IOException {
      StringBuilder prefix = new StringBuilder();
      for (String part : path.split("/")) {
        prefix.append(prefix.length() == 0 ? "" : "/").append(part);
        directory(prefix.toString());
      }
    }

    void directory(String name) throws IOException {
      if (!written.contains(name + "/")) {
        written.add(name + "/");
        header(name + "/", 0, 0755, '5');
      }
    }

    void file(String name, byte[] content, boolean executable) throws IOException {
      header(name, content.length, executable ? 0755 : 0644, '0');
      out.write(content);
      out.write(new byte[(512 - content.length % 512) % 512]);
    }

    void finish() throws IOException {
      out.write(new byte[1024]);
      out.flush();
    }

    private void header(String name, long size, int mode, char type) throws IOException {
      byte[] header = new byte[512];
      String prefix = "";
      if (name.length() > 100) {
        int slash = name.lastIndexOf('/', name.length() - 2);
        while (slash > 155 || name.length() - slash - 1 > 100) {
          slash = name.lastIndexOf('/', slash - 1);
          if (slash < 0) {
            throw new IllegalArgumentException("path too long for ustar: " + name);
          }
        }
        prefix = name.substring(0, slash);
        name = name.substring(slash + 1);
      }
      put(header, 0, name, 100);
      put(header, 100, octal(mode, 7), 8);
      put(header, 108, octal(0, 7), 8);
      put(header, 116, octal(0, 7), 8);
      put(header, 124, octal(size, 11), 12);
      put(header, 136, octal(0, 11), 12);
      put(header, 148, "        ", 8);
      header[156] = (byte) type;
      put(header, 257, "ustar", 6);
      put(header, 263, "00", 2);
      put(header, 345, prefix, 155);
      long sum = 0;
      for (byte b : header) {
        sum += b & 0xff;
      }
      put(header, 148, octal(sum, 6) + "\0 ", 8);
      out.write(header);
    }

    private static String octal(long value, int digits) {
      String text = Long.toOctalString(value);
      return "0".repeat(Math.max(0, digits - text.length())) + text;
    }

    private static void put(byte[] header, int offset, String value, int length) {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
    }
  }
}
