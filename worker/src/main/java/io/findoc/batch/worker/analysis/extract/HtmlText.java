package io.findoc.batch.worker.analysis.extract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML to its visible text, without a parser: drops comments, {@code script}, {@code style} and
 * {@code head}, turns block-level tags and table cells into line breaks and separators, removes the
 * other tags and decodes the common character references. Enough for the documents banks and shops
 * send; not a browser.
 */
final class HtmlText {

  private static final Pattern HIDDEN =
      Pattern.compile(
          "<!--.*?-->|<(script|style|head|template|noscript)\\b[^>]*>.*?</\\1\\s*>",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|<[^>]*>");
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
    String visible = HIDDEN.matcher(html).replaceAll(" ");
    Matcher tags = TAG.matcher(visible);
    StringBuilder out = new StringBuilder(visible.length());
    while (tags.find()) {
      String name = tags.group(2) == null ? "" : tags.group(2).toLowerCase(Locale.ROOT);
      String replacement = " ";
      if (BLOCKS.contains(name)) {
        replacement = "\n";
      } else if ((name.equals("td") || name.equals("th")) && tags.group(1).isEmpty()) {
        replacement = " | ";
      }
      tags.appendReplacement(out, replacement);
    }
    tags.appendTail(out);
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
