package io.findoc.batch.analyzer.extract;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML to its visible text, without a parser: drops comments, {@code script}, {@code style}, {@code
 * head}, {@code template} and {@code noscript}, turns block-level tags and table cells into line
 * breaks and separators, removes the other tags and decodes the common character references. Enough
 * for the documents banks and shops send; not a browser.
 *
 * <p>Tags and comments are found by one left-to-right scan with {@code indexOf}, never by a regular
 * expression that looks for a closing {@code -->} or {@code </script>} from every opening: an
 * unclosed comment, script or {@code <} hides the rest of the document (or shows it as text) at
 * once, so hostile input costs time linear in its length.
 */
final class HtmlText {

  private static final Set<String> HIDDEN =
      Set.of("script", "style", "head", "template", "noscript");
  private static final Pattern REFERENCE = Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|[a-zA-Z]+);");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "br",
          "tr",
          "li",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "table",
          "section",
          "article",
          "header",
          "footer",
          "ul",
          "ol",
          "dt",
          "dd",
          "address",
          "pre",
          "hr",
          "tbody",
          "thead",
          "tfoot",
          "caption",
          "blockquote");
  private static final Map<String, String> ENTITIES =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", " "),
          Map.entry("euro", "€"),
          Map.entry("pound", "£"),
          Map.entry("yen", "¥"),
          Map.entry("eacute", "é"),
          Map.entry("egrave", "è"),
          Map.entry("agrave", "à"),
          Map.entry("ccedil", "ç"),
          Map.entry("auml", "ä"),
          Map.entry("ouml", "ö"),
          Map.entry("uuml", "ü"),
          Map.entry("Auml", "Ä"),
          Map.entry("Ouml", "Ö"),
          Map.entry("Uuml", "Ü"),
          Map.entry("szlig", "ß"),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"));

  private HtmlText() {}

  static String toText(String html) {
    String lower = asciiLowerCase(html);
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    while (i < html.length()) {
      int open = html.indexOf('<', i);
      if (open < 0) {
        out.append(html, i, html.length());
        break;
      }
      out.append(html, i, open);
      if (html.startsWith("<!--", open)) {
        int close = html.indexOf("-->", open + 4);
        out.append(' ');
        i = close < 0 ? html.length() : close + 3;
        continue;
      }
      int close = html.indexOf('>', open + 1);
      if (close < 0) {
        // No '>' after this '<' means none after any later one: the rest is text.
        out.append(html, open, html.length());
        break;
      }
      boolean closing = open + 1 < close && html.charAt(open + 1) == '/';
      String name = tagName(lower, closing ? open + 2 : open + 1, close);
      i = close + 1;
      if (!closing && HIDDEN.contains(name)) {
        int end = lower.indexOf("</" + name, i);
        int endClose = end < 0 ? -1 : html.indexOf('>', end);
        out.append(' ');
        i = endClose < 0 ? html.length() : endClose + 1;
      } else if (BLOCKS.contains(name)) {
        out.append('\n');
      } else if ((name.equals("td") || name.equals("th")) && !closing) {
        out.append(" | ");
      } else {
        out.append(' ');
      }
    }
    String decoded = decodeReferences(out.toString());
    StringBuilder lines = new StringBuilder(decoded.length());
    for (String line : (Iterable<String>) decoded.lines()::iterator) {
      String clean = line.replaceAll("[ \\t\\u00a0]+", " ").strip();
      if (clean.startsWith("| ")) {
        clean = clean.substring(2);
      }
      if (!clean.isEmpty()) {
        lines.append(clean).append('\n');
      }
    }
    return lines.toString();
  }

  /** The tag name starting at {@code from} of a lower-cased document, up to {@code end}. */
  private static String tagName(String lower, int from, int end) {
    int i = from;
    while (i < end && isNameChar(lower.charAt(i), i == from)) {
      i++;
    }
    return lower.substring(from, i);
  }

  private static boolean isNameChar(char c, boolean first) {
    return (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
  }

  /** Lower case for A-Z only, so every index stays the same as in the original. */
  private static String asciiLowerCase(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] = (char) (chars[i] + 32);
      }
    }
    return new String(chars);
  }

  private static String decodeReferences(String text) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String ref = m.group(1);
      String value;
      try {
        if (ref.startsWith("#x")) {
          value = Character.toString(Integer.parseInt(ref.substring(2), 16));
        } else if (ref.startsWith("#")) {
          value = Character.toString(Integer.parseInt(ref.substring(1)));
        } else {
          value = ENTITIES.getOrDefault(ref, m.group());
        }
      } catch (IllegalArgumentException e) {
        value = " ";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
