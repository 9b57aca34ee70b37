package io.findoc.batch.corpus;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random but plausible names, items, dates, amounts and identifiers, from one seeded source. */
final class Fakes {

  private static final List<String> COMPANIES =
      List.of(
          "Acme Supplies Ltd",
          "Globex Corporation",
          "Initech GmbH",
          "Umbrella Trading BV",
          "Stark Industrie SA",
          "Wayne Office Supplies Inc",
          "Nordlicht Handels AG",
          "Boulangerie Martin SARL",
          "Van Dijk Techniek BV",
          "Hooli Europe Ltd",
          "Müller & Söhne KG",
          "Dupont Conseil SAS",
          "Blue Harbor Logistics LLC");
  private static final List<String> PEOPLE =
      List.of(
          "Jane Doe",
          "John Smith",
          "Erika Mustermann",
          "Jean Dupont",
          "Jan Jansen",
          "Maria Rossi",
          "Sophie Martin",
          "Lukas Weber",
          "Emma de Vries",
          "Oliver Brown");
  private static final List<String> ITEMS =
      List.of(
          "Paper A4",
          "Toner cartridge",
          "Consulting hours",
          "Software licence",
          "Desk chair",
          "USB cable",
          "Maintenance",
          "Training session",
          "Printer",
          "Monitor 27in",
          "Coffee beans",
          "Notebook",
          "Cloud hosting",
          "Support plan");
  private static final List<String[]> SECURITIES =
      List.of(
          new String[] {"Apple Inc.", "US0378331005"},
          new String[] {"Microsoft Corp.", "US5949181045"},
          new String[] {"SAP SE", "DE0007164600"},
          new String[] {"ASML Holding NV", "NL0010273215"},
          new String[] {"TotalEnergies SE", "FR0000120271"},
          new String[] {"BAE Systems plc", "GB0002634946"},
          new String[] {"BMW AG", "DE0005190003"});
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  final Random random;
  final Notation notation;

  Fakes(Random random, Notation notation) {
    this.random = random;
    this.notation = notation;
  }

  String company() {
    return pick(COMPANIES);
  }

  String person() {
    return pick(PEOPLE);
  }

  String item() {
    return pick(ITEMS);
  }

  String[] security() {
    return pick(SECURITIES);
  }

  <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  LocalDate date() {
    return LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700));
  }

  /** An amount between {@code low} and {@code high} with cents. */
  /** A line of goods: its name, quantity, unit price and amount. */
  record Item(String name, int quantity, BigDecimal price, BigDecimal amount) {}

  /**
   * One to {@code most} items, each a quantity of one to {@code mostEach} at a unit price from
   * {@code low} to {@code high}.
   */
  List<Item> items(int most, int mostEach, int low, int high) {
    int count = between(1, most);
    List<Item> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int quantity = between(1, mostEach);
      BigDecimal price = amount(low, high);
      items.add(new Item(item(), quantity, price, price.multiply(BigDecimal.valueOf(quantity))));
    }
    return items;
  }

  /** The items' amounts added up. */
  static BigDecimal sum(List<Item> items) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Item item : items) {
      sum = sum.add(item.amount());
    }
    return sum;
  }

  BigDecimal amount(int low, int high) {
    return BigDecimal.valueOf(low * 100L + random.nextInt((high - low) * 100))
        .movePointLeft(2)
        .setScale(2, RoundingMode.UNNECESSARY);
  }

  String reference(String prefix) {
    return prefix + between(1000, 99999);
  }

  /** A valid IBAN of the notation's country (GB for US and UK). */
  String iban() {
    String country;
    String bban;
    switch (notation) {
      case DE -> {
        country = "DE";
        bban = digits(18);
      }
      case FR -> {
        country = "FR";
        bban = digits(23);
      }
      case NL -> {
        country = "NL";
        bban = letters(4) + digits(10);
      }
      default -> {
        country = "GB";
        bban = letters(4) + digits(14);
      }
    }
    String numeric = toDigits(bban + country + "00");
    int check = 98 - new BigInteger(numeric).mod(NINETY_SEVEN).intValue();
    return country + String.format("%02d", check) + bban;
  }

  /** The IBAN in groups of four, as printed. */
  static String grouped(String iban) {
    return iban.replaceAll("(.{4})(?!$)", "$1 ");
  }

  private String digits(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(random.nextInt(10));
    }
    return s.toString();
  }

  private String letters(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('A' + random.nextInt(26)));
    }
    return s.toString();
  }

  private static String toDigits(String value) {
    StringBuilder digits = new StringBuilder();
    for (char c : value.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return digits.toString();
  }
}
