package io.findoc.batch.worker.intake;

/**
 * The decision whether to hold intake: hold while the CPU share (averaged over the last {@value
 * #SAMPLES} samples, so one busy second does not stop intake) or the heap share is above its
 * ceiling; release once both are at or below. Unknown CPU (negative) counts as zero.
 */
public final class ResourceCeiling {

  static final int SAMPLES = 3;

  private final double cpuCeiling;
  private final double heapCeiling;
  private final double[] cpu = new double[SAMPLES];
  private int samples;
  private boolean holding;

  public ResourceCeiling(double cpuCeiling, double heapCeiling) {
    this.cpuCeiling = cpuCeiling;
    this.heapCeiling = heapCeiling;
  }

  /**
   * Takes one sample and says whether intake should be held now.
   *
   * @param cpuShare the process's share of the machine's CPU, 0 to 1 (negative if unknown)
   * @param heapShare the live heap's share of the maximum heap, 0 to 1
   */
  public boolean sample(double cpuShare, double heapShare) {
    cpu[samples % SAMPLES] = Math.max(0, cpuShare);
    samples++;
    double average = 0;
    int n = Math.min(samples, SAMPLES);
    for (int i = 0; i < n; i++) {
      average += cpu[i];
    }
    average /= n;
    holding = average > cpuCeiling || heapShare > heapCeiling;
    return holding;
  }

  public boolean holding() {
    return holding;
  }
}
