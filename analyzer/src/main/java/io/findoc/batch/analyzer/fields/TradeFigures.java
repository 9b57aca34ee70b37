package io.findoc.batch.analyzer.fields;

import io.findoc.batch.analyzer.phrase.PhraseMatcher;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trade confirmation's figures, read from labelled lines: side ({@code buy} or {@code sell}, from
 * the first word that says so: "bought", "Kauf", "vente", ...), security name, quantity, price,
 * gross amount (principal), fees and commission (summed over their lines), net amount. Each amount
 * is the first after its label.
 */
public record TradeFigures(
    String side,
    String security,
    BigDecimal quantity,
    Money price,
    Money gross,
    Money fees,
    Money net) {

  private enum Part {
    BUY,
    SELL,
    SECURITY,
    QUANTITY,
    PRICE,
    GROSS,
    FEES,
    NET
  }

  private static final PhraseMatcher<Part> LABELS = PhraseMatcher.of(vocabulary());
  private static final int MAX_NAME_CHARS = 120;

  /** The figures of {@code text}, or null if it labels none. */
  static TradeFigures read(String text, String currency) {
    String side = null;
    String security = null;
    BigDecimal quantity = null;
    Money price = null;
    Money gross = null;
    Money fees = null;
    Money net = null;
    for (String line : text.split("\n")) {
      List<PhraseMatcher.Match<Part>> labels = LABELS.findLongest(line);
      int skipUntil = -1;
      for (int k = 0; k < labels.size(); k++) {
        PhraseMatcher.Match<Part> label = labels.get(k);
        if (label.start() < skipUntil) {
          continue; // a word inside the security's name ("ordinary shares")
        }
        if (label.value() == Part.SECURITY) {
          int cut = line.indexOf("   ", label.end() + 2);
          skipUntil = cut < 0 ? line.length() : cut;
          security = security == null ? name(line.substring(label.end(), skipUntil)) : security;
          continue;
        }
        int end = k + 1 < labels.size() ? labels.get(k + 1).start() : line.length();
        String after = line.substring(label.end(), end);
        Money amount = firstMoney(after, currency);
        switch (label.value()) {
          case BUY -> side = side == null ? "buy" : side;
          case SELL -> side = side == null ? "sell" : side;
          case SECURITY -> {}
          case QUANTITY -> quantity = quantity == null ? firstNumber(after) : quantity;
          case PRICE -> price = price == null ? amount : price;
          case GROSS -> gross = gross == null ? amount : gross;
          case FEES -> {
            if (amount != null) {
              fees =
                  fees == null
                      ? abs(amount)
                      : new Money(fees.value().add(amount.value().abs()), fees.currency(), 0);
            }
          }
          case NET -> net = net == null ? amount : net;
        }
      }
    }
    if (side == null && security == null && quantity == null && price == null && gross == null) {
      return null;
    }
    return new TradeFigures(side, security, quantity, price, gross, fees, net);
  }

  private static Money firstMoney(String text, String currency) {
    List<Money> money = MoneyParser.find(text);
    return money.isEmpty() ? null : abs(money.get(0)).orCurrency(currency);
  }

  private static Money abs(Money money) {
    return new Money(money.value().abs(), money.currency(), money.start());
  }

  /** The first number after the label: {@code 1,250}, {@code 12.5}, {@code 300}. */
  private static BigDecimal firstNumber(String text) {
    for (String token : text.strip().split("\\s+")) {
      String t = token.replaceAll("^[:#]+|[:,;]+$", "");
      if (!t.isEmpty()
          && Character.isDigit(t.charAt(0))
          && t.chars().allMatch(c -> Character.isDigit(c) || c == ',' || c == '.' || c == '\'')) {
        return MoneyParser.parseNumber(t);
      }
    }
    return null;
  }

  private static String name(String text) {
    String value = text.strip();
    while (!value.isEmpty() && ":-".indexOf(value.charAt(0)) >= 0) {
      value = value.substring(1).strip();
    }
    int cut = value.indexOf("   ");
    value = cut >= 0 ? value.substring(0, cut) : value;
    value = value.length() > MAX_NAME_CHARS ? value.substring(0, MAX_NAME_CHARS) : value;
    return value.chars().anyMatch(Character::isLetter) ? value : null;
  }

  private static Map<String, Part> vocabulary() {
    Map<String, Part> v = new LinkedHashMap<>();
    put(
        v,
        Part.BUY,
        "bought",
        "you bought",
        "we bought",
        "buy",
        "purchase",
        "kauf",
        "achat",
        "aankoop");
    put(v, Part.SELL, "sold", "you sold", "we sold", "sell", "sale", "verkauf", "vente", "verkoop");
    put(
        v,
        Part.SECURITY,
        "security",
        "security description",
        "wertpapier",
        "wertpapierbezeichnung",
        "titre",
        "effect",
        "fonds");
    put(v, Part.QUANTITY, "quantity", "qty", "shares", "stück", "anzahl", "quantité", "aantal");
    put(v, Part.PRICE, "price", "unit price", "kurs", "ausführungskurs", "cours", "prix", "koers");
    put(
        v,
        Part.GROSS,
        "principal",
        "principal amount",
        "gross amount",
        "gross",
        "kurswert",
        "montant brut",
        "brutobedrag");
    put(
        v,
        Part.FEES,
        "commission",
        "fees",
        "fee",
        "transaction fee",
        "provision",
        "courtage",
        "frais",
        "gebühren",
        "fremde spesen",
        "kosten");
    put(
        v,
        Part.NET,
        "net amount",
        "net settlement amount",
        "settlement amount",
        "ausmachender betrag",
        "montant net",
        "nettobedrag");
    return v;
  }

  private static void put(Map<String, Part> v, Part part, String... phrases) {
    for (String phrase : phrases) {
      v.put(phrase, part);
    }
  }
}
