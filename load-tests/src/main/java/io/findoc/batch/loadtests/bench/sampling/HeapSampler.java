package io.findoc.batch.loadtests.bench.sampling;

import io.findoc.batch.loadtests.client.FindocClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the coordinator's heap through its metrics endpoint twice a second: used heap, and the
 * old generation (what survived young collections, G1's {@code G1 Old Gen}: it must stay flat
 * however many tasks run; the live data after a full marking, {@code jvm.gc.live.data.size}, stays
 * 0 until G1 runs one, which a flat heap may never need).
 */
public final class HeapSampler implements AutoCloseable {

  private final FindocClient client;
  private final List<double[]> used = new ArrayList<>();
  private final List<double[]> live = new ArrayList<>();
  private final long t0 = System.nanoTime();
  private SamplingThread sampling;

  private HeapSampler(FindocClient client) {
    this.client = client;
  }

  public static HeapSampler start(FindocClient client) {
    HeapSampler sampler = new HeapSampler(client);
    sampler.sampling = SamplingThread.nowAndEvery("heap-sampler", 500, sampler::sample);
    return sampler;
  }

  /** (seconds, MB) of used heap. */
  public synchronized List<double[]> used() {
    return new ArrayList<>(used);
  }

  /** (seconds, MB) of the old generation. */
  public synchronized List<double[]> live() {
    return new ArrayList<>(live);
  }

  public synchronized double maxUsedMb() {
    return used.stream().mapToDouble(p -> p[1]).max().orElse(0);
  }

  public synchronized double maxLiveMb() {
    return live.stream().mapToDouble(p -> p[1]).max().orElse(0);
  }

  /**
   * How much the old generation grew from the first to the last third of the run, in MB: near zero
   * when nothing per task stays in memory.
   */
  public synchronized double liveGrowthMb() {
    if (live.size() < 3) {
      return 0;
    }
    int third = live.size() / 3;
    double first = live.subList(0, third).stream().mapToDouble(p -> p[1]).max().orElse(0);
    double last =
        live.subList(live.size() - third, live.size()).stream()
            .mapToDouble(p -> p[1])
            .max()
            .orElse(0);
    return last - first;
  }

  @Override
  public void close() {
    sampling.close();
  }

  private void sample() {
    double seconds = (System.nanoTime() - t0) / 1e9;
    try {
      double heap = metric("jvm.memory.used?tag=area:heap");
      double liveData = metric("jvm.memory.used?tag=id:G1%20Old%20Gen");
      synchronized (this) {
        used.add(new double[] {seconds, heap});
        live.add(new double[] {seconds, liveData});
      }
    } catch (RuntimeException e) {
      // A missed sample; the next one comes in half a second.
    }
  }

  private double metric(String name) {
    return client
            .get("/actuator/metrics/" + name)
            .get("measurements")
            .get(0)
            .get("value")
            .asDouble()
        / (1024 * 1024);
  }
}
