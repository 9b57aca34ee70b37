package io.findoc.batch.analyzer.phrase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A vocabulary of phrases, each with a value, found in text as whole words and regardless of case:
 * a phrase matches where no letter or digit stands just before or just after it. Built once into a
 * character trie, it reads a text in one pass, trying only the positions where a word may start,
 * where a regular expression of a few hundred alternatives would try each of them at every
 * position. Immutable and thread-safe.
 *
 * @param <V> what a phrase stands for
 */
public final class PhraseMatcher<V> {

  /** A phrase found in a text: its value and where it stands. */
  public record Match<V>(V value, int start, int end) {}

  private final Node<V> root;

  private PhraseMatcher(Node<V> root) {
    this.root = root;
  }

  /** A matcher of {@code phrases} (compared case-insensitively) to their values. */
  public static <V> PhraseMatcher<V> of(Map<String, V> phrases) {
    Builder<V> root = new Builder<>();
    for (Map.Entry<String, V> phrase : phrases.entrySet()) {
      if (phrase.getKey().isEmpty()) {
        throw new IllegalArgumentException("an empty phrase");
      }
      Builder<V> node = root;
      for (int i = 0; i < phrase.getKey().length(); i++) {
        node = node.children.computeIfAbsent(fold(phrase.getKey().charAt(i)), c -> new Builder<>());
      }
      node.value = phrase.getValue();
    }
    return new PhraseMatcher<>(root.build());
  }

  /**
   * The phrases in {@code text} from left to right, none overlapping another: at each position the
   * longest phrase that matches there, the search going on after it (as a regular expression's
   * alternation of the phrases, longest first, would find them).
   */
  public List<Match<V>> findLongest(CharSequence text) {
    List<Match<V>> found = new ArrayList<>(2);
    int i = 0;
    while (i < text.length()) {
      Match<V> match = wordStart(text, i) ? longestAt(text, i) : null;
      if (match != null) {
        found.add(match);
        i = match.end();
      } else {
        i++;
      }
    }
    return found;
  }

  /** Every phrase in {@code text}, overlapping ones too ("invoice" inside "invoice number"). */
  public void findAll(CharSequence text, Consumer<Match<V>> each) {
    for (int i = 0; i < text.length(); i++) {
      if (wordStart(text, i)) {
        matchesAt(text, i, each);
      }
    }
  }

  private Match<V> longestAt(CharSequence text, int start) {
    List<Match<V>> matches = new ArrayList<>(1);
    matchesAt(text, start, matches::add);
    return matches.isEmpty() ? null : matches.get(matches.size() - 1);
  }

  /** The phrases starting at {@code start} that end at a word's end, shortest first. */
  private void matchesAt(CharSequence text, int start, Consumer<Match<V>> each) {
    Node<V> node = root;
    for (int j = start; j < text.length(); j++) {
      node = node.child(fold(text.charAt(j)));
      if (node == null) {
        return;
      }
      if (node.value != null && wordEnd(text, j + 1)) {
        each.accept(new Match<>(node.value, start, j + 1));
      }
    }
  }

  private static boolean wordStart(CharSequence text, int i) {
    return i == 0 || !isWordCharacter(text.charAt(i - 1));
  }

  private static boolean wordEnd(CharSequence text, int end) {
    return end == text.length() || !isWordCharacter(text.charAt(end));
  }

  /** A letter or a digit ({@code \p{L}} or {@code \p{N}}). */
  static boolean isWordCharacter(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** The character's case-folded form, as a case-insensitive regular expression compares them. */
  private static char fold(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /** A trie node: its children's characters in order, searched by bisection if there are many. */
  private static final class Node<V> {
    private static final int LINEAR = 8;

    final char[] keys;
    final Node<V>[] children;
    final V value;

    Node(char[] keys, Node<V>[] children, V value) {
      this.keys = keys;
      this.children = children;
      this.value = value;
    }

    Node<V> child(char c) {
      if (keys.length <= LINEAR) {
        for (int i = 0; i < keys.length; i++) {
          if (keys[i] == c) {
            return children[i];
          }
        }
        return null;
      }
      int at = Arrays.binarySearch(keys, c);
      return at >= 0 ? children[at] : null;
    }
  }

  private static final class Builder<V> {
    final TreeMap<Character, Builder<V>> children = new TreeMap<>();
    V value;

    @SuppressWarnings("unchecked")
    Node<V> build() {
      char[] keys = new char[children.size()];
      Node<V>[] nodes = new Node[children.size()];
      int i = 0;
      for (Map.Entry<Character, Builder<V>> child : children.entrySet()) {
        keys[i] = child.getKey();
        nodes[i++] = child.getValue().build();
      }
      return new Node<>(keys, nodes, value);
    }
  }
}
