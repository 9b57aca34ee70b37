package io.findoc.batch.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressRenderingTest {

  private static Progress progress(int done, int total) {
    return new Progress(1, 0, total, done - 10, 10, 0, 0, 20, false, false);
  }

  @Test
  void theBarShowsCountsPercentRateAndEta() {
    String line = TerminalBar.line(progress(450, 1000), 52.34, Duration.ofSeconds(11));
    assertThat(line)
        .startsWith("[##########--------------] ")
        .contains("450/1000 45%")
        .contains("440 ok, 10 failed, 20 running")
        .contains("52.3/s")
        .contains("ETA 11s");
  }

  @Test
  void anUnknownEtaIsAQuestionMarkAndLongOnesReadInMinutesAndHours() {
    assertThat(ProgressText.summary(progress(10, 100), 0, null)).contains("ETA ?");
    assertThat(ProgressText.duration(Duration.ofSeconds(185))).isEqualTo("3m05s");
    assertThat(ProgressText.duration(Duration.ofMinutes(130))).isEqualTo("2h10m");
  }

  @Test
  void theBarIsRedrawnInPlaceOnOneLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TerminalBar bar = new TerminalBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    bar.update(progress(100, 1000), 10, Duration.ofSeconds(90));
    bar.update(progress(200, 1000), 10, Duration.ofSeconds(80));
    String drawn = bytes.toString(StandardCharsets.UTF_8);
    assertThat(drawn).doesNotContain("\n").contains("\r\033[K");
    assertThat(drawn.split("\r\033\\[K")).hasSize(3);
  }

  @Test
  void plainLinesComeAtMostOncePerInterval() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MutableClock clock = new MutableClock();
    PeriodicLines lines =
        new PeriodicLines(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), clock, Duration.ofSeconds(5));
    lines.update(progress(100, 1000), 10, null);
    clock.advance(Duration.ofSeconds(2));
    lines.update(progress(120, 1000), 10, null);
    clock.advance(Duration.ofSeconds(3));
    lines.update(progress(150, 1000), 10, null);
    lines.finish(progress(1000, 1000), 0);
    String[] printed = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(printed).hasSize(3);
    assertThat(printed[0]).startsWith("findoc: 100/1000");
    assertThat(printed[1]).startsWith("findoc: 150/1000");
    assertThat(printed[2]).startsWith("findoc: done: 1000/1000");
    assertThat(String.join("", printed)).doesNotContain("\r");
  }

  @Test
  void theRateIsOverTheRecentWindow() {
    RateMeter rate = new RateMeter(Duration.ofSeconds(10));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    rate.add(t0, 0);
    rate.add(t0.plusSeconds(2), 100);
    assertThat(rate.perSecond()).isEqualTo(50.0);
    assertThat(rate.eta(500)).isEqualTo(Duration.ofSeconds(10));
    assertThat(rate.eta(0)).isEqualTo(Duration.ZERO);
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
