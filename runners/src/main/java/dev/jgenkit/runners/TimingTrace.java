package dev.jgenkit.runners;

/**
 * Opt-in phase timestamps for profiling a run's wall time: with {@code JGENKIT_TRACE_TIMING=1} each
 * {@link #mark} prints {@code jgenkit timing: +N ms PHASE} to stderr, counted from the launcher's
 * start ({@code JGENKIT_LAUNCH_EPOCH}, which {@code scripts/jgenkit} sets when tracing) or else from
 * the JVM's start. Off by default; then a mark is one static field read.
 */
public final class TimingTrace {
  private static final boolean ON = "1".equals(System.getenv("JGENKIT_TRACE_TIMING"));
  private static final long ORIGIN_MICROS = ON ? origin() : 0;

  private TimingTrace() {}

  public static boolean enabled() {
    return ON;
  }

  /** Prints the time since the origin and {@code phase}, when tracing is on. */
  public static void mark(String phase) {
    if (ON) {
      long now = nowMicros();
      System.err.println("jgenkit timing: +" + (now - ORIGIN_MICROS) / 1000 + "." + (now - ORIGIN_MICROS) / 100 % 10
          + " ms " + phase + " [" + Thread.currentThread().getName() + "]");
    }
  }

  private static long nowMicros() {
    java.time.Instant i = java.time.Instant.now();
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
  }

  private static long origin() {
    String launch = System.getenv("JGENKIT_LAUNCH_EPOCH"); // bash's $EPOCHREALTIME: seconds.micros
    if (launch != null && launch.matches("\\d+[.,]\\d{6}")) {
      return Long.parseLong(launch.replaceAll("[.,]", ""));
    }
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() * 1000L;
  }
}
