package fr.vigie.classification;

import java.util.List;

/**
 * The first, deliberately small rule set: a few honest patterns per label so the whole loop can be built and
 * tested. The Detection issue replaces it with analyzers and lexicons kept as data files.
 */
final class FirstRules {

  private FirstRules() {}

  /** Expressions that look like a risk but are not one; a rule match inside one of them is dropped. */
  static final List<Rule> NEUTRALIZERS = List.of(
      Rule.of("distress", "fr", "mort(e)?s? de rire", 1, "« mort de rire » : expression, pas de détresse", "idiom"),
      Rule.of("distress", "fr", "me tuer à la tâche", 1, "« me tuer à la tâche » : expression", "idiom"),
      Rule.of("distress", "fr", "(prix|tarifs?|facture)\\s+(me|nous)\\s+tue", 1, "hyperbole sur un prix", "hyperbole"),
      Rule.of("distress", "en", "i'?m dying\\s*(😂|🤣|lol|lmao|of laughter)", 1, "expression", "\"I'm dying\" with laughter: idiom"),
      Rule.of("distress", "*", "(prévention du suicide|suicide prevention|appelez le 3114|call 3114)", 1,
          "message de prévention", "prevention message"));

  static final List<Rule> RULES = List.of(
      // distress
      Rule.of("distress", "fr", "je (vais|veux|voudrais) (me suicider|me tuer|mourir|en finir|disparaître)", 0.92,
          "intention suicidaire exprimée à la première personne", "first-person suicidal intent"),
      Rule.of("distress", "fr", "(plus envie de vivre|marre de vivre|envie de mourir|me foutre en l'air)", 0.9,
          "idées suicidaires", "suicidal ideation"),
      Rule.of("distress", "fr", "\\btds\\b", 0.85, "tds = tentative de suicide", "tds = suicide attempt (French slang)"),
      Rule.of("distress", "fr", "j'ai (pris|avalé) (toutes? )?(mes|les) (boîtes|cachets|médocs|comprimés)", 0.95,
          "prise massive de médicaments", "medication overdose"),
      Rule.of("distress", "fr", "\\bscarif\\w*", 0.85, "scarif = automutilation", "self-harm"),
      Rule.of("distress", "en", "\\b(kill myself|kms|want to die|end it all|unalive myself|sewerslide)\\b", 0.92,
          "intention suicidaire", "suicidal intent (slang decoded: kms = kill myself, sewerslide = suicide)"),
      Rule.of("distress", "*", "\\bsuicid\\w*", 0.7, "mention du suicide", "mention of suicide"),
      // threat
      Rule.of("threat", "fr", "(je vais|on va|j'vais) (vous|te|le|la|les) (tuer|buter|crever|égorger|défoncer)", 0.9,
          "menace de violence", "threat of violence"),
      Rule.of("threat", "*", "\\b(bombe|bomb)\\b", 0.75, "mention d'une bombe", "bomb mentioned"),
      Rule.of("threat", "en", "\\bi('ll| will| am going to|'m gonna) (kill|hurt|shoot|stab) (you|him|her|them|your)", 0.9,
          "menace de violence", "threat of violence"),
      // personal_data
      Rule.of("personal_data", "*", "(?<![\\d])(?:\\+33\\s?|0033\\s?|0)[67](?:[\\s.-]?\\d{2}){4}(?![\\d])", 0.85,
          "numéro de portable publié", "mobile phone number published"),
      Rule.of("personal_data", "*", "\\b[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+\\b", 0.75, "adresse e-mail publiée",
          "e-mail address published"),
      // employee_attack
      Rule.of("employee_attack", "fr",
          "\\b(caissière|caissier|vendeuse|vendeur|conseillère|conseiller|employée?|manager|responsable|livreur|directeur|directrice)\\b[^.!?\\n]{0,60}\\b(incompétente?|nulle?|conn?asse|conne?|idiote?|abrutie?|raciste|voleuse|voleur)\\b",
          0.75, "attaque visant un salarié identifiable", "attack on an identifiable employee"),
      // defamation
      Rule.of("defamation", "fr", "\\b(vous|ils) (volez|volent|arnaquez|arnaquent|escroquez|escroquent)\\b", 0.75,
          "accusation de vol ou d'escroquerie présentée comme un fait", "accusation of theft or fraud stated as fact"),
      Rule.of("defamation", "*", "\\b(escrocs?|arnaqueurs?|voleurs|scammers?|crooks?)\\b", 0.65,
          "accusation d'escroquerie", "accusation of fraud"),
      // rumor
      Rule.of("rumor", "fr", "\\b(il para[iî]t que|on m'a dit que|partagez avant (la )?suppression|faites tourner)\\b", 0.7,
          "affirmation non vérifiée qui circule", "unverified claim spreading"),
      Rule.of("rumor", "en", "\\b(i heard that|share before (it'?s )?deleted|spread the word)\\b", 0.7,
          "rumeur", "unverified claim spreading"),
      Rule.of("rumor", "*", "#?\\bboycott\\w*", 0.7, "appel au boycott", "boycott call"),
      // insult
      Rule.of("insult", "fr", "\\b(connards?|connasses?|encul[ée]s?|salopes?|bâtards?|abrutis?|débiles?|bande de cons)\\b", 0.8,
          "insulte", "insult"),
      Rule.of("insult", "en", "\\b(idiots?|morons?|assholes?|fuck (you|off)|bitch(es)?)\\b", 0.8, "insulte", "insult"),
      // complaint
      Rule.of("complaint", "fr",
          "\\b(toujours pas reçu|jamais reçu|inadmissible|scandaleux|déçue?s?|remboursez|remboursement|en retard|ne répond (pas|jamais)|service client (nul|inexistant))\\b",
          0.7, "mécontentement d'un client", "customer dissatisfaction"),
      Rule.of("complaint", "en", "\\b(still haven'?t received|never arrived|refund|disappointed|terrible service|late again)\\b",
          0.7, "mécontentement d'un client", "customer dissatisfaction"),
      // question
      Rule.of("question", "*", "[^.!?\\n]{3,}\\?", 0.6, "question posée à la marque", "question asked to the brand"));
}
