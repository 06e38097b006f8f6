package fr.vigie.capture.timestamp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A real RFC 3161 authority for tests, on a real HTTP port, built with the same library as the client: a fresh
 * RSA key and self-signed time-stamping certificate per instance, and a switch to misbehave in each way a real
 * authority (or whatever answers at its address) can. Public: the capture service's HTTP tests can stamp with it too.
 */
public final class LocalTsa implements AutoCloseable {

  public enum Behaviour { GRANT, GARBAGE, HTTP_500, REJECT, WRONG_NONCE, WRONG_IMPRINT, FOREIGN_SIGNATURE, EXPIRED_CERTIFICATE, SLOW, STALLED_BODY }

  private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

  private final KeyPair keys;
  private final X509CertificateHolder certificate;
  private final KeyPair strangerKeys;
  private final X509CertificateHolder expiredCertificate;
  private final HttpServer server;
  /** Handlers off the dispatcher thread: a SLOW answer must not hold up the next test's request or close(). */
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(Behaviour.GRANT);
  private final AtomicLong serial = new AtomicLong();
  private final AtomicReference<Instant> lastGenTime = new AtomicReference<>();
  private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

  public LocalTsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    strangerKeys = generator.generateKeyPair();
    Instant now = Instant.now();
    certificate = selfSignedTimeStampingCertificate(keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    expiredCertificate =
        selfSignedTimeStampingCertificate(keys, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/tsa", this::handle);
    server.setExecutor(handlers);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
  }

  public void behave(Behaviour next) {
    behaviour.set(next);
  }

  /** How many requests reached the authority, whatever it answered. */
  public int requests() {
    return requests.get();
  }

  /** The genTime of the last granted token, to compare with what the client read from it. */
  public Instant lastGenTime() {
    return lastGenTime.get();
  }

  /** The authority's certificate as PEM, the trust anchor an outside verifier (openssl -CAfile) is given. */
  public void writeCertificatePem(Path file) throws IOException {
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(certificate);
    }
    Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try {
      Behaviour now = behaviour.get();
      if (!"POST".equals(exchange.getRequestMethod())
          || !"application/timestamp-query".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
        respond(exchange, 415, "text/plain", "POST application/timestamp-query only".getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (now == Behaviour.HTTP_500) {
        respond(exchange, 500, "text/plain", "internal error".getBytes(StandardCharsets.UTF_8));
      } else if (now == Behaviour.GARBAGE) {
        respond(exchange, 200, "text/html", "<html><body>Welcome to nginx!</body></html>".getBytes(StandardCharsets.UTF_8));
      } else if (now == Behaviour.STALLED_BODY) {
        // Headers and half a token, then nothing: a proxy or an authority that hangs mid-answer.
        byte[] token = answer(new TimeStampRequest(body), Behaviour.GRANT).getEncoded();
        exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
        exchange.sendResponseHeaders(200, token.length);
        exchange.getResponseBody().write(token, 0, token.length / 2);
        exchange.getResponseBody().flush();
        Thread.sleep(Duration.ofSeconds(3).toMillis());
      } else {
        if (now == Behaviour.SLOW) {
          Thread.sleep(Duration.ofSeconds(3).toMillis());
        }
        respond(exchange, 200, "application/timestamp-reply", answer(new TimeStampRequest(body), now).getEncoded());
      }
    } catch (Exception e) {
      respond(exchange, 400, "text/plain", ("bad request: " + e).getBytes(StandardCharsets.UTF_8));
    } finally {
      exchange.close();
    }
  }

  private TimeStampResponse answer(TimeStampRequest request, Behaviour now) throws Exception {
    if (now == Behaviour.REJECT) {
      return responseGenerator(keys.getPrivate(), certificate)
          .generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badAlg, "algorithme non accepté");
    }
    TimeStampRequest signed = request;
    if (now == Behaviour.WRONG_NONCE) {
      signed = sameWith(request.getMessageImprintDigest(), request.getNonce().add(BigInteger.ONE));
    } else if (now == Behaviour.WRONG_IMPRINT) {
      byte[] other = request.getMessageImprintDigest().clone();
      other[0] ^= 1;
      signed = sameWith(other, request.getNonce());
    }
    PrivateKey signer = now == Behaviour.FOREIGN_SIGNATURE ? strangerKeys.getPrivate() : keys.getPrivate();
    X509CertificateHolder named = now == Behaviour.EXPIRED_CERTIFICATE ? expiredCertificate : certificate;
    // Whole seconds: the token's default resolution, so the test can compare with what the client reads.
    Date genTime = Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    TimeStampResponse response = responseGenerator(signer, named)
        .generate(signed, BigInteger.valueOf(serial.incrementAndGet()), genTime);
    lastGenTime.set(genTime.toInstant());
    return response;
  }

  private static TimeStampRequest sameWith(byte[] digest, BigInteger nonce) {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    return generator.generate(TSPAlgorithms.SHA256, digest, nonce);
  }

  /** The certificates always name our key; FOREIGN_SIGNATURE signs with another one, as a forger would. */
  private TimeStampResponseGenerator responseGenerator(PrivateKey signer, X509CertificateHolder named)
      throws Exception {
    var signerInfo = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", signer,
        new JcaX509CertificateConverter().getCertificate(named));
    var digests = new JcaDigestCalculatorProviderBuilder().build();
    var tokens = new TimeStampTokenGenerator(signerInfo, digests.get(signerInfo.getDigestAlgorithm()), POLICY);
    tokens.addCertificates(new JcaCertStore(List.of(named)));
    return new TimeStampResponseGenerator(tokens, Set.of(TSPAlgorithms.SHA256));
  }

  private static X509CertificateHolder selfSignedTimeStampingCertificate(KeyPair keys, Instant from, Instant to)
      throws Exception {
    X500Name name = new X500Name("CN=Vigie test TSA, O=Vigie tests, C=FR");
    var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(from.toEpochMilli()),
        Date.from(from), Date.from(to), name, keys.getPublic());
    builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
