package fr.vigie.capture.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import fr.vigie.capture.timestamp.LocalTsa.Behaviour;
import fr.vigie.capture.timestamp.Timestamper.Check;
import fr.vigie.capture.timestamp.Timestamper.Stamp;
import fr.vigie.capture.timestamp.Timestamper.TimestampException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RfcTimestamperTest {

  private static LocalTsa tsa;
  private static RfcTimestamper timestamper;

  @BeforeAll
  static void startAuthority() throws Exception {
    tsa = new LocalTsa();
    timestamper = new RfcTimestamper(tsa.url(), Duration.ofSeconds(5));
  }

  @AfterAll
  static void stopAuthority() {
    tsa.close();
  }

  @BeforeEach
  void behaveWell() {
    tsa.behave(Behaviour.GRANT);
  }

  static byte[] sha256(String text) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void stamp_then_check_is_valid_with_the_authoritys_gen_time() throws Exception {
    byte[] digest = sha256("manifeste 1");
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Stamp stamp = timestamper.stamp(digest);
    Check check = timestamper.check(stamp.token(), digest);

    assertThat(stamp.genTime()).isEqualTo(tsa.lastGenTime()).isBetween(before, Instant.now());
    assertThat(check.valid()).isTrue();
    assertThat(check.genTime()).isEqualTo(stamp.genTime());
    assertThat(check.problem()).isNull();
    assertThat(timestamper.authority()).isEqualTo(tsa.url());
  }

  @Test
  void check_with_another_digest_is_invalid_and_says_why() throws Exception {
    Stamp stamp = timestamper.stamp(sha256("manifeste 2"));

    Check check = timestamper.check(stamp.token(), sha256("manifeste 2 modifié"));

    assertThat(check.valid()).isFalse();
    assertThat(check.genTime()).isEqualTo(stamp.genTime());
    assertThat(check.problem()).isEqualTo("le jeton horodate une autre empreinte que celle du manifeste");
  }

  /**
   * Some envelope bytes are outside any signature in RFC 3161 itself (the status text, the CMS digest-algorithm
   * hints): changing them is caught by the token file's own SHA-256 in the manifest, not here. What this check
   * owes is that no alteration makes the token attest something else, and that every signed byte counts.
   */
  @Test
  void an_altered_token_never_attests_anything_else_and_every_signed_byte_counts() throws Exception {
    byte[] digest = sha256("manifeste 3");
    Stamp stamp = timestamper.stamp(digest);
    byte[] token = stamp.token();
    TimeStampToken original = new TimeStampResponse(token).getTimeStampToken();
    byte[] tstInfo = original.getTimeStampInfo().getEncoded();
    byte[] signature = original.toCMSSignedData().getSignerInfos().getSigners().iterator().next().getSignature();
    int tstStart = indexOf(token, tstInfo);
    int signatureStart = indexOf(token, signature);
    assertThat(tstStart).isPositive();
    assertThat(signatureStart).isPositive();

    int signedBytesCaught = 0;
    for (int i = 0; i < token.length; i++) {
      for (int mask : new int[] {0x01, 0x80}) {
        byte[] copy = token.clone();
        copy[i] ^= (byte) mask;
        Check check = timestamper.check(copy, digest);
        boolean signed = i >= tstStart && i < tstStart + tstInfo.length
            || i >= signatureStart && i < signatureStart + signature.length;
        if (signed) {
          assertThat(check.valid()).as("signed byte %d ^ %x", i, mask).isFalse();
          assertThat(check.problem()).as("byte %d", i).isNotBlank();
          signedBytesCaught++;
        } else if (check.valid()) {
          TimeStampToken read = new TimeStampResponse(copy).getTimeStampToken();
          assertThat(read.getTimeStampInfo().getEncoded()).as("byte %d ^ %x", i, mask).isEqualTo(tstInfo);
          assertThat(check.genTime()).isEqualTo(stamp.genTime());
        }
      }
    }
    assertThat(signedBytesCaught).isEqualTo(2 * (tstInfo.length + signature.length));
  }

  @Test
  void a_token_that_is_not_a_response_at_all_is_invalid() throws Exception {
    Check check = timestamper.check("pas un jeton".getBytes(StandardCharsets.UTF_8), sha256("x"));

    assertThat(check.valid()).isFalse();
    assertThat(check.problem()).contains("illisible");
  }

  @Test
  void an_unreachable_authority_is_named() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/tsa";

    assertThatThrownBy(() -> new RfcTimestamper(url, Duration.ofSeconds(2)).stamp(sha256("a")))
        .isInstanceOf(TimestampException.class)
        .hasMessage("L'autorité d'horodatage est injoignable (" + url + ")");
  }

  @Test
  void an_authority_too_slow_to_answer_is_reported_with_the_delay() {
    tsa.behave(Behaviour.SLOW);

    assertThatThrownBy(() -> new RfcTimestamper(tsa.url(), Duration.ofMillis(300)).stamp(sha256("b")))
        .isInstanceOf(TimestampException.class)
        .hasMessage("L'autorité d'horodatage (" + tsa.url() + ") n'a pas répondu en 300 ms");
  }

  @Test
  void an_authority_that_stops_in_the_middle_of_its_answer_is_reported_with_the_delay() {
    tsa.behave(Behaviour.STALLED_BODY);

    assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
        assertThatThrownBy(() -> new RfcTimestamper(tsa.url(), Duration.ofMillis(300)).stamp(sha256("b2")))
            .isInstanceOf(TimestampException.class)
            .hasMessage("L'autorité d'horodatage (" + tsa.url() + ") n'a pas répondu en 300 ms"));
  }

  @Test
  void an_http_500_is_reported_with_its_status() {
    tsa.behave(Behaviour.HTTP_500);

    assertThatThrownBy(() -> timestamper.stamp(sha256("c")))
        .isInstanceOf(TimestampException.class)
        .hasMessage("L'autorité d'horodatage a répondu HTTP 500");
  }

  @Test
  void a_page_that_is_not_a_tsp_response_is_reported() {
    tsa.behave(Behaviour.GARBAGE);

    assertThatThrownBy(() -> timestamper.stamp(sha256("d")))
        .isInstanceOf(TimestampException.class)
        .hasMessage("La réponse de l'autorité d'horodatage n'est pas une réponse RFC 3161 (TSP) lisible");
  }

  @Test
  void a_rejection_is_reported_with_the_authoritys_status_string() {
    tsa.behave(Behaviour.REJECT);

    assertThatThrownBy(() -> timestamper.stamp(sha256("e")))
        .isInstanceOf(TimestampException.class)
        .hasMessage("L'autorité d'horodatage a refusé la demande : "
            + "statut « rejection », « algorithme non accepté » (badAlg)");
  }

  @Test
  void a_token_carrying_another_nonce_is_refused() {
    tsa.behave(Behaviour.WRONG_NONCE);

    assertThatThrownBy(() -> timestamper.stamp(sha256("f")))
        .isInstanceOf(TimestampException.class)
        .hasMessageContaining("ne porte pas le nonce de notre demande");
  }

  @Test
  void a_token_over_another_digest_is_refused() {
    tsa.behave(Behaviour.WRONG_IMPRINT);

    assertThatThrownBy(() -> timestamper.stamp(sha256("g")))
        .isInstanceOf(TimestampException.class)
        .hasMessage("Jeton d'horodatage refusé : le jeton horodate une autre empreinte que celle du manifeste");
  }

  @Test
  void a_token_signed_by_a_key_other_than_its_certificates_is_refused() {
    tsa.behave(Behaviour.FOREIGN_SIGNATURE);

    assertThatThrownBy(() -> timestamper.stamp(sha256("h")))
        .isInstanceOf(TimestampException.class)
        .hasMessage("Jeton d'horodatage refusé : "
            + "la signature du jeton ne se vérifie pas avec le certificat qu'il contient");
  }

  @Test
  void a_token_whose_certificate_had_expired_at_its_time_is_refused() {
    tsa.behave(Behaviour.EXPIRED_CERTIFICATE);

    assertThatThrownBy(() -> timestamper.stamp(sha256("i")))
        .isInstanceOf(TimestampException.class)
        .hasMessage("Jeton d'horodatage refusé : le certificat de l'autorité n'était pas valide à la date du jeton");
  }

  @Test
  void a_configured_address_that_is_not_http_is_refused_at_start() {
    assertThatThrownBy(() -> new RfcTimestamper("ftp://tsa.example/", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VIGIE_TSA_URL doit être une adresse http(s) absolue");
    assertThatThrownBy(() -> new RfcTimestamper("tsa.example", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
