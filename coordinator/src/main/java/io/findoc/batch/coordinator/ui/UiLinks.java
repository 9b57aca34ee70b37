package io.findoc.batch.coordinator.ui;

/**
 * Relative addresses between the dashboard's pages: a page links to another through its way back to
 * the dashboard's root ({@code ./}, {@code ../}, ...), never through an absolute path, so the
 * dashboard works under whatever prefix a reverse proxy serves it.
 */
final class UiLinks {

  /** The header in which a page's script names the page's way back to the root. */
  static final String PAGE_ROOT_HEADER = "X-UI-Page-Root";

  private static final java.util.regex.Pattern ROOT =
      java.util.regex.Pattern.compile("\\./|(\\.\\./){1,16}");

  private UiLinks() {}

  /** Whether {@code text} is a way back to the root as {@link #root} makes them. */
  static boolean isRoot(String text) {
    return text != null && ROOT.matcher(text).matches();
  }

  /**
   * The way from a page to the dashboard's root, for the page's path within the dashboard (such as
   * {@code /jobs} or {@code /jobs/<id>/tasks/3}).
   */
  static String root(String within) {
    int depth = 0;
    for (int i = 1; i < within.length(); i++) {
      if (within.charAt(i) == '/') {
        depth++;
      }
    }
    return depth == 0 ? "./" : "../".repeat(depth);
  }
}
