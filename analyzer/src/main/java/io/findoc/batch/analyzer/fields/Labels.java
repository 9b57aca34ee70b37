package io.findoc.batch.analyzer.fields;

import io.findoc.batch.analyzer.phrase.PhraseMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The label vocabulary of financial documents in English, German, French and Dutch, and where the
 * labels are in a line. Longer labels win over the shorter ones inside them ("subtotal" over
 * "total", "VAT number" over "VAT").
 */
final class Labels {

  /**
   * A label found in a line; its value lies between {@code end} and the next label.
   *
   * @param byWords whether {@link LabelWords} read it word by word (its value may follow without a
   *     colon), not matched as a whole phrase
   */
  record Found(Field field, int start, int end, boolean byWords) {}

  private static final PhraseMatcher<Field> LABELS = PhraseMatcher.of(vocabulary());

  private Labels() {}

  static List<Found> find(String line) {
    List<PhraseMatcher.Match<Field>> matches = LABELS.findLongest(line);
    List<Found> found = new ArrayList<>(matches.size());
    for (PhraseMatcher.Match<Field> match : matches) {
      found.add(new Found(match.value(), match.start(), match.end(), false));
    }
    return found;
  }

  private static Map<String, Field> vocabulary() {
    Map<String, Field> v = new LinkedHashMap<>();
    put(
        v,
        Field.TOTAL,
        "total",
        "grand total",
        "total due",
        "total amount",
        "total amount due",
        "amount due",
        "balance due",
        "total payable",
        "amount payable",
        "total to pay",
        "invoice total",
        "total incl. vat",
        "total (incl. vat)",
        "total (incl vat)",
        "total (including vat)",
        "total (incl. tax)",
        "total (including tax)",
        "total (inkl. mwst.)",
        "total (inkl. mwst)",
        "gesamt (inkl. mwst.)",
        "summe (inkl. mwst.)",
        "total (ttc)",
        "total incl vat",
        "total including vat",
        "total including tax",
        "settlement amount",
        "net settlement amount",
        "total consideration",
        "gesamtbetrag",
        "gesamtsumme",
        "rechnungsbetrag",
        "endbetrag",
        "summe",
        "zu zahlen",
        "zahlbetrag",
        "bruttobetrag",
        "brutto",
        "gesamt brutto",
        "ausmachender betrag",
        "total ttc",
        "montant total",
        "montant ttc",
        "net à payer",
        "total à payer",
        "montant dû",
        "montant net",
        "totaal",
        "totaalbedrag",
        "te betalen",
        "totaal te betalen",
        "totaal incl. btw",
        "totaal incl btw");
    put(
        v,
        Field.SUBTOTAL,
        "subtotal",
        "sub-total",
        "sub total",
        "total excl. vat",
        "total excl vat",
        "total excluding vat",
        "total before tax",
        "net total",
        "zwischensumme",
        "nettobetrag",
        "summe netto",
        "gesamt netto",
        "netto",
        "total ht",
        "montant ht",
        "sous-total",
        "sous total",
        "subtotaal",
        "totaal excl. btw",
        "totaal excl btw",
        "bedrag excl. btw");
    put(v, Field.NET_AMOUNT, "net amount");
    put(
        v,
        Field.TAX,
        "tax",
        "vat",
        "sales tax",
        "total tax",
        "total vat",
        "tax amount",
        "vat amount",
        "gst",
        "mwst",
        "mwst.",
        "ust",
        "umsatzsteuer",
        "mehrwertsteuer",
        "tva",
        "montant tva",
        "total tva",
        "btw",
        "btw-bedrag",
        "bedrag btw");
    put(
        v,
        Field.NOT_A_FIELD,
        "vat number",
        "vat no",
        "vat no.",
        "vat reg",
        "vat reg. no",
        "vat id",
        "vat rate",
        "tax id",
        "tax number",
        "tax year",
        "tax rate",
        "tax form",
        "tax invoice",
        "tax statement",
        "tax withheld",
        "ust-idnr",
        "ust-idnr.",
        "ust-id",
        "steuernummer",
        "steuer-id",
        "btw-nummer",
        "btw nummer",
        "btw-nr",
        "btw-id",
        "n° tva",
        "numéro de tva",
        "tva intracommunautaire",
        "taux tva",
        "mwst-satz",
        "date | description",
        "datum | omschrijving");
    put(
        v,
        Field.OPENING_BALANCE,
        "opening balance",
        "previous balance",
        "balance brought forward",
        "brought forward",
        "beginning balance",
        "starting balance",
        "balance at start",
        "anfangssaldo",
        "alter saldo",
        "saldo alt",
        "vorheriger saldo",
        "anfangsbestand",
        "solde initial",
        "solde précédent",
        "ancien solde",
        "solde de début",
        "solde au début",
        "solde d'ouverture",
        "beginsaldo",
        "vorig saldo",
        "oud saldo",
        "saldo begin",
        "openingssaldo");
    put(
        v,
        Field.CLOSING_BALANCE,
        "closing balance",
        "new balance",
        "ending balance",
        "final balance",
        "balance carried forward",
        "carried forward",
        "balance at end",
        "endsaldo",
        "neuer saldo",
        "saldo neu",
        "saldo",
        "kontostand",
        "solde",
        "schlusssaldo",
        "solde final",
        "nouveau solde",
        "solde de clôture",
        "solde à la fin",
        "solde de fin",
        "eindsaldo",
        "nieuw saldo",
        "saldo einde",
        "slotsaldo");
    put(
        v,
        Field.CREDITS,
        "total credits",
        "total deposits",
        "deposits and credits",
        "total paid in",
        "paid in",
        "summe gutschriften",
        "gutschriften gesamt",
        "total des crédits",
        "total crédits",
        "totaal bij",
        "totaal bijschrijvingen");
    put(
        v,
        Field.DEBITS,
        "total debits",
        "total withdrawals",
        "withdrawals and debits",
        "total paid out",
        "paid out",
        "summe lastschriften",
        "summe belastungen",
        "belastungen gesamt",
        "total des débits",
        "total débits",
        "totaal af",
        "totaal afschrijvingen");
    put(
        v,
        Field.DOCUMENT_DATE,
        "date",
        "invoice date",
        "date of issue",
        "issue date",
        "issued on",
        "statement date",
        "document date",
        "receipt date",
        "trade date",
        "report date",
        "datum",
        "rechnungsdatum",
        "belegdatum",
        "ausstellungsdatum",
        "auszugsdatum",
        "handelstag",
        "schlusstag",
        "date de facture",
        "date d'émission",
        "date de la facture",
        "date du relevé",
        "date d'opération",
        "date de négociation",
        "factuurdatum",
        "datum factuur",
        "afschriftdatum",
        "transactiedatum",
        "handelsdatum");
    put(
        v,
        Field.DUE_DATE,
        "due date",
        "payment due",
        "payment due date",
        "payment due on",
        "due date for payment",
        "due by",
        "due on",
        "fälligkeitsdatum",
        "fällig am",
        "zahlbar bis",
        "échéance",
        "date d'échéance",
        "vervaldatum",
        "te betalen voor",
        "settlement date",
        "value date",
        "valuta",
        "valutadatum",
        "date de règlement",
        "date de valeur",
        "afwikkelingsdatum");
    put(
        v,
        Field.PERIOD,
        "statement period",
        "period",
        "billing period",
        "for the period",
        "period covered",
        "zeitraum",
        "abrechnungszeitraum",
        "auszugszeitraum",
        "période",
        "période du",
        "periode",
        "afschriftperiode");
    put(
        v,
        Field.ISSUER,
        "from",
        "seller",
        "vendor",
        "supplier",
        "issued by",
        "issuer",
        "merchant",
        "store",
        "bank",
        "broker",
        "company",
        "lieferant",
        "verkäufer",
        "rechnungssteller",
        "aussteller",
        "fournisseur",
        "vendeur",
        "émetteur",
        "émis par",
        "leverancier",
        "verkoper",
        "uitgever");
    put(
        v,
        Field.COUNTERPARTY,
        "bill to",
        "billed to",
        "sold to",
        "invoice to",
        "customer",
        "client",
        "account holder",
        "account name",
        "recipient",
        "buyer",
        "kunde",
        "rechnungsempfänger",
        "kontoinhaber",
        "empfänger",
        "käufer",
        "facturé à",
        "titulaire",
        "destinataire",
        "acheteur",
        "klant",
        "rekeninghouder",
        "ontvanger",
        "koper",
        "taxpayer");
    invoiceNumbers(v);
    return v;
  }

  private static void invoiceNumbers(Map<String, Field> v) {
    put(
        v,
        Field.INVOICE_NUMBER,
        "invoice no",
        "invoice no.",
        "invoice number",
        "invoice #",
        "invoice nr",
        "invoice nr.",
        "rechnungsnummer",
        "rechnungs-nr",
        "rechnungs-nr.",
        "rechnung nr",
        "rechnung nr.",
        "numéro de facture",
        "facture n°",
        "facture no",
        "factuurnummer",
        "factuurnr",
        "factuurnr.");
    put(v, Field.SUBTOTAL, "total (excl. vat)", "total (excluding vat)", "total (excl. tax)");
    put(v, Field.AMOUNT, "amount", "betrag", "montant", "bedrag", "importe", "importo");
  }

  private static void put(Map<String, Field> v, Field field, String... phrases) {
    for (String phrase : phrases) {
      v.put(phrase, field);
    }
  }
}
