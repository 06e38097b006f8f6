package fr.vigie.response;

import java.util.Map;

/**
 * The values a template's variables take for one post. Any may be null or blank: the renderer then leaves the
 * sentence readable rather than a brace or a dangling comma.
 */
public record Vars(String author, String firstName, String quote, String brand, String helpline,
    String helplineOther, String emergency, String cmName, String caseRef) {

  /** Variable name (as written between braces) → value. */
  Map<String, String> byName() {
    java.util.HashMap<String, String> map = new java.util.HashMap<>();
    map.put("author", author);
    map.put("first_name", firstName);
    map.put("quote", quote);
    map.put("brand", brand);
    map.put("helpline", helpline);
    map.put("helpline_other", helplineOther);
    map.put("emergency", emergency);
    map.put("cm_name", cmName);
    map.put("case_ref", caseRef);
    return map;
  }
}
