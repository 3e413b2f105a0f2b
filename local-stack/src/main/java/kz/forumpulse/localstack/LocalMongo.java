package kz.forumpulse.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.forumpulse.mongoemulator.NarrowingH2Backend;

/**
 * A MongoDB wire-protocol server inside this JVM (mongo-java-server), keeping its data in one H2
 * MVStore file so a restart loses nothing. Filters that pin a unique index's keys are read from
 * that index, as on MongoDB ({@link NarrowingH2Backend}).
 */
public final class LocalMongo implements AutoCloseable {

  public static final String FILE_NAME = "mongo.mv.db";

  private final Path file;
  private final MongoServer server;
  private final MongoBackend backend;
  private final String host;
  private final int port;

  private LocalMongo(Path file, MongoServer server, MongoBackend backend, String host, int port) {
    this.file = file;
    this.server = server;
    this.backend = backend;
    this.host = host;
    this.port = port;
  }

  /** Opens (or creates) {@code dataDir/mongo.mv.db} and listens on {@code host:port}. */
  public static LocalMongo start(Path dataDir, String host, int port) throws Exception {
    Files.createDirectories(dataDir);
    Path file = dataDir.toAbsolutePath().resolve(FILE_NAME);
    MongoBackend backend = new NarrowingH2Backend(file.toString());
    MongoServer server = new MongoServer(backend);
    try {
      server.bind(host, port);
    } catch (RuntimeException e) {
      server.shutdownNow();
      throw e;
    }
    return new LocalMongo(file, server, backend, host, server.getLocalAddress().getPort());
  }

  /** {@code mongodb://host:port} */
  public String connectionString() {
    return "mongodb://" + host + ":" + port;
  }

  /** The server's backend, for clients in this JVM that skip the socket (InProcessMongoClients). */
  public MongoBackend backend() {
    return backend;
  }

  public Path file() {
    return file;
  }

  public int port() {
    return port;
  }

  /** Closes the client connections and the H2 store (which writes the file out). */
  @Override
  public void close() {
    server.shutdownNow();
  }
}
