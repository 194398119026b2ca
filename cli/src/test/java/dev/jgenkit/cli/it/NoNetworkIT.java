package dev.jgenkit.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * jgenkit itself makes no network call other than to the runtime under test: the jar runs under
 * {@code strace -f -e trace=connect,sendto,sendmsg}, attached to a reference runtime it did not
 * start (so every traced process is jgenkit's JVM, all its threads included, native code such as
 * jansi's too), through {@code test-model}, {@code validate}, {@code report render} and
 * {@code --help}. Every IP connect must go to the runtime's loopback port; nothing may be sent to
 * any other address (DNS included). strace is installed by .ci/run; on CI its absence fails.
 */
@ExtendWith(ResilienceLog.class)
class NoNetworkIT {
  private static final Pattern CONNECT =
      Pattern.compile("connect\\(\\d+, \\{sa_family=(AF_INET6?|AF_UNIX|AF_NETLINK|[A-Z_0-9]+)(.*?)\\}, \\d+\\)");
  private static final Pattern PORT = Pattern.compile("sin6?_port=htons\\((\\d+)\\)");
  private static final Pattern ADDR = Pattern.compile("(?:inet_addr\\(\"([^\"]+)\"\\)|inet_pton\\(AF_INET6, \"([^\"]+)\")");
  private static final Pattern SEND_TO_ADDR = Pattern.compile("send(?:to|msg)\\(.*sa_family=AF_INET6?");

  @TempDir Path tmp;

  @Test
  void jgenkitConnectsToTheRuntimeUnderTestAndNothingElse() throws Exception {
    var row = ResilienceLog.begin("no network", "jgenkit's own connections",
        "the jar under strace -f -e trace=connect,sendto,sendmsg: test-model (attached by URL), validate,"
            + " report render, --help",
        "every IP connect goes to the runtime's loopback port; no packet to any other address");
    boolean strace = new ProcessBuilder("sh", "-c", "command -v strace").start().waitFor() == 0;
    if (System.getenv("CI") != null) {
      assertThat(strace).as("strace is installed by .ci/run").isTrue();
    }
    assumeTrue(strace, "strace is not installed");
    Path ref = JGenkitBinary.referenceDir();

    try (ReferenceRuntime rt = ReferenceRuntime.start(tmp.resolve("rt.log"), Map.of())) {
      int port = URI.create(rt.url).getPort();
      Path reports = tmp.resolve("reports");
      List<List<String>> invocations = List.of(
          List.of("test-model", "--from-file", "specs/good.yaml", "--runtime-url", rt.url,
              "--report-dir", reports.toString()),
          List.of("validate", "specs/all.yaml"),
          List.of("report", "render", reports.resolve("results.json").toString(), "-o", tmp.resolve("rendered").toString()),
          List.of("--help"));
      List<String> connects = new ArrayList<>();
      List<String> violations = new ArrayList<>();
      long t0 = System.nanoTime();
      int runtimeConnects = 0;
      List<Integer> exits = new ArrayList<>();
      for (int i = 0; i < invocations.size(); i++) {
        Path trace = tmp.resolve("strace-" + i + ".txt");
        List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg",
            "-o", trace.toString(), javaBin(), "-jar", JGenkitBinary.jar().toString()));
        cmd.addAll(invocations.get(i));
        Process p = new ProcessBuilder(cmd).directory(ref.toFile())
            .redirectOutput(tmp.resolve("out-" + i + ".txt").toFile())
            .redirectError(tmp.resolve("err-" + i + ".txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        exits.add(p.exitValue());
        assertThat(p.exitValue()).as("%s: %s", invocations.get(i), Files.readString(tmp.resolve("err-" + i + ".txt")))
            .isZero();
        for (String line : Files.readAllLines(trace)) {
          Matcher m = CONNECT.matcher(line);
          if (m.find()) {
            connects.add(line);
            String family = m.group(1);
            if (family.startsWith("AF_INET")) {
              Matcher portM = PORT.matcher(m.group(2));
              Matcher addrM = ADDR.matcher(m.group(2));
              String addr = addrM.find() ? (addrM.group(1) != null ? addrM.group(1) : addrM.group(2)) : "?";
              int to = portM.find() ? Integer.parseInt(portM.group(1)) : -1;
              boolean loopback = addr.equals("127.0.0.1") || addr.equals("::1") || addr.equals("::ffff:127.0.0.1");
              if (loopback && to == port) {
                runtimeConnects++;
              } else {
                violations.add(line);
              }
            }
            // AF_UNIX (e.g. nscd) and AF_NETLINK (the kernel) never leave the machine
          } else if (SEND_TO_ADDR.matcher(line).find()) {
            violations.add(line);
          }
        }
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - t0);

      var run = RunChecks.assertReportsComplete(reports, 14);
      row.exit(exits.stream().mapToInt(Integer::intValue).max().orElse(-1)).took(wall)
          .verdicts("test-model: " + RunChecks.verdicts(run));
      assertThat(violations).as("connections other than to the runtime under test").isEmpty();
      assertThat(runtimeConnects).as("connects to the runtime at port %d", port).isPositive();
      row.note(connects.size() + " connect calls traced, " + runtimeConnects + " to 127.0.0.1:" + port
          + " (the runtime), " + (connects.size() - runtimeConnects) + " to local Unix/netlink sockets, 0 elsewhere");
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
