package io.findoc.batch.analyzer.identifiers;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Business Identifier Code (ISO 9362): four letters for the institution, an ISO 3166 country, two
 * characters for the location and an optional three for the branch. There is no check digit, so
 * only the format and the country are checked.
 */
public final class Bic {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private static final Pattern FORM = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

  private Bic() {}

  public static boolean isValid(String bic) {
    return FORM.matcher(bic).matches() && COUNTRIES.contains(bic.substring(4, 6));
  }
}
