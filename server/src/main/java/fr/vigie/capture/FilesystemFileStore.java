package fr.vigie.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files under {@code root/ab/cd/<sha256>}: written to a temporary file, forced to disk, then renamed into place,
 * so a reader never sees half a file and a crash leaves at most a stray temporary file (removed at the next start).
 */
public final class FilesystemFileStore implements FileStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final String PART = ".part";
  private final Path root;
  private final Path tmp;

  public FilesystemFileStore(Path root) {
    this.root = root;
    this.tmp = root.resolve("tmp");
    try {
      Files.createDirectories(tmp);
      removeStrayParts();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + tmp, e);
    }
  }

  @Override
  public String put(byte[] bytes) {
    try (Staged staged = stage(new java.io.ByteArrayInputStream(bytes))) {
      keep(staged);
      return staged.sha256();
    }
  }

  @Override
  public Staged stage(InputStream in) {
    Path temp = null;
    try {
      temp = Files.createTempFile(tmp, "stage-", PART);
      MessageDigest digest = Sha256.digest();
      long total = 0;
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; total += n) {
          digest.update(buffer, 0, n);
          ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
          while (chunk.hasRemaining()) {
            out.write(chunk);
          }
        }
        out.force(true);
      }
      return new StagedFile(temp, HexFormat.of().formatHex(digest.digest()), total);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new UncheckedIOException("cannot stage a file in " + tmp, e);
    }
  }

  @Override
  public void keep(Staged staged) {
    StagedFile file = (StagedFile) staged;
    Path target = pathOf(file.sha256());
    try {
      if (Files.exists(target) && intact(target, file.sha256())) {
        Files.deleteIfExists(file.path());
        return;
      }
      // Absent, or present with other bytes (damaged on disk): the new copy takes its place.
      Files.createDirectories(target.getParent());
      try {
        Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(file.path(), target, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory(target.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store file " + file.sha256(), e);
    }
  }

  @Override
  public Optional<InputStream> open(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.newInputStream(pathOf(sha256)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path pathOf(String sha) {
    return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
  }

  private static boolean intact(Path file, String sha256) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Sha256.hex(in).equals(sha256);
    }
  }

  /** Nothing is being uploaded while the store is built: any staged file left is from a crash. */
  private void removeStrayParts() throws IOException {
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp, "*" + PART)) {
      for (Path part : parts) {
        deleteQuietly(part);
      }
    }
  }

  /** Makes the rename itself durable (POSIX: fsync the directory). */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some filesystems refuse to open a directory; the file itself is already on disk.
    }
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A temporary file that cannot be removed now is removed at the next start.
    }
  }

  private record StagedFile(Path path, String sha256, long bytes) implements Staged {
    @Override
    public InputStream open() {
      try {
        return Files.newInputStream(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      deleteQuietly(path);
    }
  }
}
