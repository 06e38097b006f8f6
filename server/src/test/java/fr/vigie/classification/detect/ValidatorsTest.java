package fr.vigie.classification.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorsTest {

  @Test
  void luhn_accepts_real_card_numbers_only() {
    assertThat(Validators.check("luhn", "4970 1012 3456 7893")).isTrue();
    assertThat(Validators.check("luhn", "4970 1012 3456 7890")).isFalse();
    assertThat(Validators.check("luhn", "0000 0000 0000 0000")).isFalse();
  }

  @Test
  void iban_checksum_is_verified() {
    assertThat(Validators.check("iban", "FR76 3000 6000 0112 3456 7890 189")).isTrue();
    assertThat(Validators.check("iban", "FR76 3000 6000 0112 3456 7890 188")).isFalse();
    assertThat(Validators.check("iban", "GB82 WEST 1234 5698 7654 32")).isTrue();
  }

  @Test
  void french_social_security_key_is_verified() {
    assertThat(Validators.check("nir", "1 85 05 78 006 084 91")).isTrue();
    assertThat(Validators.check("nir", "1 85 05 78 006 084 92")).isFalse();
  }
}
