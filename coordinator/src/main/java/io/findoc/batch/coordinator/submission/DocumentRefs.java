package io.findoc.batch.coordinator.submission;

/**
 * The document references of one submission as 64-bit hashes, to tell at once whether two of them
 * may be equal: only then does the submission ask the database which ones are ({@code
 * TaskStore.findDuplicateDocuments}, a grouping of all the job's rows, seconds for a million).
 * Equal references always have equal hashes; unequal ones share a hash about once in 10^7 jobs of a
 * million documents, which costs only that query. Eight bytes per document while the submission is
 * read (16 MB at most, for a million documents), nothing after.
 */
final class DocumentRefs {

  private long[] slots = new long[1024];
  private int size;
  private boolean possibleDuplicate;

  /** Adds a reference; returns false if an equal one (or one with the same hash) came before. */
  boolean add(String ref) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    boolean added = insert(slots, hash(ref));
    if (added) {
      size++;
    } else {
      possibleDuplicate = true;
    }
    return added;
  }

  /** Whether two references added may be equal. */
  boolean possibleDuplicate() {
    return possibleDuplicate;
  }

  private static boolean insert(long[] table, long hash) {
    int mask = table.length - 1;
    for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
      if (table[i] == 0) {
        table[i] = hash;
        return true;
      }
      if (table[i] == hash) {
        return false;
      }
    }
  }

  private void grow() {
    long[] larger = new long[slots.length * 2];
    for (long hash : slots) {
      if (hash != 0) {
        insert(larger, hash);
      }
    }
    slots = larger;
  }

  /** FNV-1a over the characters, then a 64-bit finaliser (SplitMix64); never 0 (empty slot). */
  static long hash(String ref) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < ref.length(); i++) {
      h ^= ref.charAt(i);
      h *= 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h == 0 ? 1 : h;
  }
}
