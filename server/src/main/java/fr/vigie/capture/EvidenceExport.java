package fr.vigie.capture;

import fr.vigie.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bundle a lawyer checks without Vigie: manifest.json (the exact canonical bytes), each file named by its role,
 * timestamp.tsr when there is one, SHA256SUMS for {@code sha256sum -c}, and LISEZMOI.txt saying how. Files are
 * streamed from the store into the ZIP, never held whole in memory.
 */
public final class EvidenceExport {

  private final FileStore files;

  public EvidenceExport(FileStore files) {
    this.files = files;
  }

  /** Entry name of a stored file in the ZIP. */
  static String entryName(FileRole role) {
    return role == FileRole.MANIFEST ? "manifest.json" : role.wire() + "." + role.extension();
  }

  /** Refuses, before a byte is written, a capture whose files are not all in the store. */
  public void checkComplete(Capture capture) {
    for (StoredFile f : capture.files()) {
      try (InputStream in = files.open(f.sha256()).orElse(null)) {
        if (in == null) {
          throw new ApiException.Conflict("file_missing", "Le fichier " + f.role() + " de la capture " + capture.id()
              + " est introuvable dans le dépôt : la preuve ne peut pas être exportée entière.",
              "File " + f.role() + " of capture " + capture.id()
                  + " is missing from the store: the evidence cannot be exported whole.");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public void write(Capture capture, OutputStream out) throws IOException {
    FileTime time = FileTime.from(capture.receivedAt());
    List<String> sums = new ArrayList<>();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (StoredFile f : capture.files()) {
        String name = entryName(FileRole.fromWire(f.role()).orElseThrow());
        zip.putNextEntry(entry(name, time));
        try (InputStream in = files.open(f.sha256()).orElseThrow(() -> new IOException("vanished: " + f.sha256()))) {
          in.transferTo(zip);
        }
        zip.closeEntry();
        sums.add(f.sha256() + "  " + name + "\n");
      }
      sums.sort(java.util.Comparator.comparing(line -> line.substring(66)));
      text(zip, "SHA256SUMS", String.join("", sums), time);
      text(zip, "LISEZMOI.txt", ReadMe.of(capture), time);
    }
  }

  private static ZipEntry entry(String name, FileTime time) {
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(time);
    return entry;
  }

  private static void text(ZipOutputStream zip, String name, String content, FileTime time) throws IOException {
    zip.putNextEntry(entry(name, time));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
