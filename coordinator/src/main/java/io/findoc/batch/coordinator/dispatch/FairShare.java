package io.findoc.batch.coordinator.dispatch;

/**
 * Max-min fair division ("water filling"): capacity is split evenly among the claimants, none gets
 * more than it asks for, and what a small claimant leaves goes to the others. Units that do not
 * divide evenly go to the earliest claimants.
 */
final class FairShare {

  private FairShare() {}

  /** The share of {@code capacity} each of {@code demands} gets; the shares sum to at most it. */
  static int[] divide(int capacity, int[] demands) {
    int n = demands.length;
    int[] shares = new int[n];
    int left = Math.max(0, capacity);
    int unsatisfied = 0;
    for (int demand : demands) {
      if (demand > 0) {
        unsatisfied++;
      }
    }
    while (left > 0 && unsatisfied > 0) {
      int each = Math.max(1, left / unsatisfied);
      for (int i = 0; i < n && left > 0; i++) {
        int wanted = demands[i] - shares[i];
        if (wanted <= 0) {
          continue;
        }
        int given = Math.min(Math.min(each, wanted), left);
        shares[i] += given;
        left -= given;
        if (shares[i] == demands[i]) {
          unsatisfied--;
        }
      }
    }
    return shares;
  }
}
