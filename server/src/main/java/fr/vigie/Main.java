package fr.vigie;

/** Starts Vigie from the environment and tells the operator where it is and how to connect the extension. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    Config config = Config.fromEnvironment(System.getenv());
    App app = new App(config).start();
    String url = "http://localhost:" + app.port();
    StringBuilder out = new StringBuilder()
        .append("\n  Vigie ").append(Version.current()).append(" est prête / is running: ").append(url).append('\n')
        .append("  Données / data: ").append(config.dataDir()).append('\n');
    app.bootstrap().ifPresent(b -> {
      out.append("\n  Premier démarrage / first run — compte administrateur / admin account:\n")
          .append("    identifiant / login: ").append(b.login()).append('\n');
      b.generatedPassword().ifPresentOrElse(
          p -> out.append("    mot de passe / password: ").append(p)
              .append("   (affiché une seule fois / shown only once)\n"),
          () -> out.append("    mot de passe / password: celui de VIGIE_ADMIN_PASSWORD\n"));
    });
    out.append("\n  Extension : chrome://extensions → Mode développeur → « Charger l'extension non empaquetée »\n")
        .append("             → dossier / folder: ").append(System.getProperty("vigie.extension.dir", "extension/src")).append('\n')
        .append("  Puis / then: options de l'extension → adresse ").append(url)
        .append(" + jeton d'API créé sur ").append(url).append("/account\n");
    System.out.println(out);
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
  }
}
