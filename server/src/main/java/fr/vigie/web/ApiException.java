package fr.vigie.web;

import java.util.List;

/**
 * Every error the API answers on purpose. One mapper ({@link ErrorMapper}) turns these into the shared error
 * schema; the message names the problem in French, the English one follows.
 */
public abstract sealed class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String messageEn;
  private final List<String> details;

  private ApiException(int status, String code, String messageFr, String messageEn, List<String> details) {
    super(messageFr);
    this.status = status;
    this.code = code;
    this.messageEn = messageEn;
    this.details = List.copyOf(details);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String messageEn() {
    return messageEn;
  }

  public List<String> details() {
    return details;
  }

  /** 400: the request is malformed or breaks the schema. */
  public static final class BadRequest extends ApiException {
    public BadRequest(String code, String fr, String en, List<String> details) {
      super(400, code, fr, en, details);
    }

    public BadRequest(String code, String fr, String en) {
      this(code, fr, en, List.of());
    }
  }

  /** 401: no credentials, or credentials that are not valid. */
  public static final class Unauthorized extends ApiException {
    public Unauthorized(String fr, String en) {
      super(401, "unauthorized", fr, en, List.of());
    }
  }

  /** 403: valid credentials without the right. */
  public static final class Forbidden extends ApiException {
    public Forbidden(String fr, String en) {
      super(403, "forbidden", fr, en, List.of());
    }
  }

  /** 404: no such thing. */
  public static final class NotFound extends ApiException {
    public NotFound(String fr, String en) {
      super(404, "not_found", fr, en, List.of());
    }
  }

  /** 409: the request is sound but the stored state does not allow it. */
  public static final class Conflict extends ApiException {
    public Conflict(String code, String fr, String en) {
      super(409, code, fr, en, List.of());
    }
  }

  /** 413: a body or a part above its size limit. */
  public static final class TooLarge extends ApiException {
    public TooLarge(String fr, String en) {
      super(413, "payload_too_large", fr, en, List.of());
    }
  }

  /** 415: a body or a part of the wrong type. */
  public static final class UnsupportedMediaType extends ApiException {
    public UnsupportedMediaType(String code, String fr, String en) {
      super(415, code, fr, en, List.of());
    }
  }

  /** 429: too many requests for this caller. */
  public static final class TooManyRequests extends ApiException {
    public TooManyRequests(String fr, String en) {
      super(429, "too_many_requests", fr, en, List.of());
    }
  }
}
