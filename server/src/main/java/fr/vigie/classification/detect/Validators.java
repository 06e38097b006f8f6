package fr.vigie.classification.detect;

import java.math.BigInteger;

/** Checksums that tell a real card, IBAN or French social-security number from digits that only look like one. */
final class Validators {

  private Validators() {}

  static boolean check(String validator, String match) {
    String digits = match.replaceAll("[^0-9A-Za-z]", "");
    switch (validator) {
      case "luhn": return luhn(digits);
      case "iban": return iban(digits);
      case "nir": return nir(digits);
      default: return true;
    }
  }

  static boolean luhn(String digits) {
    if (!digits.matches("\\d{13,19}")) {
      return false;
    }
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0 && !digits.matches("(\\d)\\1+");
  }

  /** ISO 13616: move the first four characters to the end, letters as numbers, remainder mod 97 is 1. */
  static boolean iban(String raw) {
    String iban = raw.toUpperCase(java.util.Locale.ROOT);
    if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}")) {
      return false;
    }
    StringBuilder numeric = new StringBuilder();
    for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  /** French NIR: 13 digits (Corsica 2A/2B counted as 19/18) and a key = 97 − (number mod 97). */
  static boolean nir(String raw) {
    String s = raw.toUpperCase(java.util.Locale.ROOT);
    if (!s.matches("[12]\\d{4}(\\d{2}|2A|2B)\\d{6}(\\d{2})?")) {
      return false;
    }
    if (s.length() == 13) {
      return true;
    }
    String body = s.substring(0, 13).replace("2A", "19").replace("2B", "18");
    long key = Long.parseLong(s.substring(13));
    return 97 - (Long.parseLong(body) % 97) == key;
  }
}
