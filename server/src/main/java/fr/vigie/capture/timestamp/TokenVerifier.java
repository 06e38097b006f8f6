package fr.vigie.capture.timestamp;

import java.security.Provider;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * What makes a token hold up, shared by stamping (checking the authority's answer) and by later checks: the
 * imprint is our SHA-256, and the signature verifies with the certificate the token carries, which must be a
 * time-stamping certificate valid at the token's time. Whether that certificate deserves trust is a matter for
 * whoever reads the evidence (`openssl ts -verify -CAfile …`), not for this class.
 */
final class TokenVerifier {

  /** Bouncy Castle as an instance, not registered in the JVM: verifies any algorithm a TSA may sign with. */
  private final Provider provider = new BouncyCastleProvider();

  /** The problem with this token, in French, or empty when it holds up. */
  Optional<String> problem(TimeStampToken token, byte[] sha256Digest) {
    try {
      return signedProblem(token, sha256Digest);
    } catch (RuntimeException e) {
      // Bouncy Castle parses the certificates lazily and reports malformed ASN.1 as unchecked exceptions.
      return Optional.of("le jeton est malformé (structure CMS illisible)");
    }
  }

  private Optional<String> signedProblem(TimeStampToken token, byte[] sha256Digest) {
    if (!CMSObjectIdentifiers.signedData.equals(token.toCMSSignedData().toASN1Structure().getContentType())) {
      return Optional.of("le jeton n'est pas une signature CMS (SignedData)");
    }
    var info = token.getTimeStampInfo();
    if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())) {
      return Optional.of("le jeton horodate une empreinte " + info.getMessageImprintAlgOID().getId()
          + " et non SHA-256");
    }
    if (!Arrays.equals(info.getMessageImprintDigest(), sha256Digest)) {
      return Optional.of("le jeton horodate une autre empreinte que celle du manifeste");
    }
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
    if (matches.isEmpty()) {
      return Optional.of("le jeton ne contient pas le certificat de l'autorité qui l'a signé");
    }
    X509CertificateHolder certificate = matches.iterator().next();
    Date genTime = info.getGenTime();
    if (!certificate.isValidOn(genTime)) {
      return Optional.of("le certificat de l'autorité n'était pas valide à la date du jeton");
    }
    if (!isTimeStampingCertificate(certificate)) {
      return Optional.of("le certificat de l'autorité n'est pas un certificat d'horodatage"
          + " (usage étendu id-kp-timeStamping critique absent)");
    }
    try {
      // validate() also compares the certificate's hash with the signed ESSCertID: a swapped certificate fails.
      token.validate(verifier(certificate));
      return Optional.empty();
    } catch (TSPException | CertificateException | OperatorCreationException e) {
      return Optional.of("la signature du jeton ne se vérifie pas avec le certificat qu'il contient");
    }
  }

  private SignerInformationVerifier verifier(X509CertificateHolder certificate)
      throws CertificateException, OperatorCreationException {
    return new JcaSimpleSignerInfoVerifierBuilder().setProvider(provider).build(certificate);
  }

  /** RFC 3161 §2.3: the extended key usage is exactly id-kp-timeStamping and marked critical. */
  private static boolean isTimeStampingCertificate(X509CertificateHolder certificate) {
    Extension extension = certificate.getExtension(Extension.extendedKeyUsage);
    if (extension == null || !extension.isCritical()) {
      return false;
    }
    ExtendedKeyUsage usage = ExtendedKeyUsage.getInstance(extension.getParsedValue());
    return usage.size() == 1 && usage.hasKeyPurposeId(KeyPurposeId.id_kp_timeStamping);
  }
}
