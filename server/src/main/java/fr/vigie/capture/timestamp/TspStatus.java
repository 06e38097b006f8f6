package fr.vigie.capture.timestamp;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TimeStampResponse;

/** The PKIStatus of a TimeStampResp (RFC 3161 §2.4.2) in words an administrator can search for. */
final class TspStatus {

  private static final String[] NAMES = {
    "granted", "grantedWithMods", "rejection", "waiting", "revocationWarning", "revocationNotification"};

  /** The failure bits RFC 3161 defines for a time-stamping authority, by name. */
  private static final int[] FAILURE_BITS = {
    PKIFailureInfo.badAlg, PKIFailureInfo.badRequest, PKIFailureInfo.badDataFormat,
    PKIFailureInfo.timeNotAvailable, PKIFailureInfo.unacceptedPolicy, PKIFailureInfo.unacceptedExtension,
    PKIFailureInfo.addInfoNotAvailable, PKIFailureInfo.systemFailure};
  private static final String[] FAILURE_NAMES = {
    "badAlg", "badRequest", "badDataFormat", "timeNotAvailable", "unacceptedPolicy", "unacceptedExtension",
    "addInfoNotAvailable", "systemFailure"};

  private TspStatus() {}

  static boolean granted(TimeStampResponse response) {
    return response.getStatus() == PKIStatus.GRANTED || response.getStatus() == PKIStatus.GRANTED_WITH_MODS;
  }

  /** E.g. « rejection », « bad algorithm » (badAlg): the status, the authority's own words, the failure bits. */
  static String describe(TimeStampResponse response) {
    int status = response.getStatus();
    StringBuilder text = new StringBuilder("statut « ")
        .append(status >= 0 && status < NAMES.length ? NAMES[status] : String.valueOf(status)).append(" »");
    if (response.getStatusString() != null) {
      text.append(", « ").append(response.getStatusString()).append(" »");
    }
    List<String> failures = new ArrayList<>();
    PKIFailureInfo failInfo = response.getFailInfo();
    if (failInfo != null) {
      for (int i = 0; i < FAILURE_BITS.length; i++) {
        if ((failInfo.intValue() & FAILURE_BITS[i]) != 0) {
          failures.add(FAILURE_NAMES[i]);
        }
      }
    }
    if (!failures.isEmpty()) {
      text.append(" (").append(String.join(", ", failures)).append(")");
    }
    return text.toString();
  }
}
