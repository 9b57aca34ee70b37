package io.findoc.batch.analyzer.structured;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Steps through a DOM by the local names of direct children, whatever their namespace prefix or
 * version: {@code text(invoice, "ExchangedDocument", "ID")}. Missing steps give null, never an
 * exception.
 */
final class Xml {

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private Xml() {}

  static Element child(Element parent, String... path) {
    Element current = parent;
    for (String name : path) {
      if (current == null) {
        return null;
      }
      current = firstChild(current, name);
    }
    return current;
  }

  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent == null) {
      return found;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  static String text(Element parent, String... path) {
    Element element = child(parent, path);
    if (element == null) {
      return null;
    }
    String text = element.getTextContent().strip();
    return text.isEmpty() ? null : text;
  }

  static BigDecimal decimal(Element parent, String... path) {
    return decimal(text(parent, path));
  }

  static BigDecimal decimal(String text) {
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** An ISO date, the date of an ISO date-time, or a {@code yyyyMMdd} (UN/CEFACT format 102). */
  static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    String value = text.strip();
    try {
      if (value.length() >= 10 && value.charAt(4) == '-') {
        return LocalDate.parse(value.substring(0, 10));
      }
      if (value.length() == 8) {
        return LocalDate.parse(value, BASIC);
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
  }

  static String attribute(Element element, String name) {
    if (element == null || !element.hasAttribute(name)) {
      return null;
    }
    String value = element.getAttribute(name).strip();
    return value.isEmpty() ? null : value;
  }

  private static Element firstChild(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }
}
