package fr.vigie.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of every error answer; matches shared-schemas/schemas/error.schema.json. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(int status, String code, String message, String messageEn, List<String> details) {

  static ErrorBody of(ApiException e) {
    return new ErrorBody(e.status(), e.code(), e.getMessage(), e.messageEn(), e.details());
  }
}
