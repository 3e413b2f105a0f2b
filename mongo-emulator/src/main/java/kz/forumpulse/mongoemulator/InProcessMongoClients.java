package kz.forumpulse.mongoemulator;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoDriverInformation;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.internal.Clusters;
import com.mongodb.client.internal.MongoClientImpl;
import com.mongodb.connection.AsyncCompletionHandler;
import com.mongodb.connection.SocketSettings;
import com.mongodb.connection.SslSettings;
import com.mongodb.internal.connection.Cluster;
import com.mongodb.internal.connection.OperationContext;
import com.mongodb.internal.connection.PowerOfTwoBufferPool;
import com.mongodb.internal.connection.Stream;
import com.mongodb.internal.connection.StreamFactory;
import com.mongodb.internal.connection.StreamFactoryFactory;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

/**
 * MongoDB clients that reach a mongo-java-server backend in this JVM without a socket.
 *
 * <p>Everything in the local stack shares one JVM and, on a small machine, two cores. Over loopback
 * TCP every command crossed the driver's socket, the server's event-loop thread and back: two
 * thread hand-offs, four system calls and the kernel's TCP stack per round trip, about an eighth of
 * the ingest's CPU (perf, docs/benchmark.md). Here each connection is the server's own netty
 * pipeline (the same decoder, handler and encoders {@code MongoServer} installs) in an {@link
 * EmbeddedChannel}, run on the calling thread: the driver still speaks the wire protocol, byte for
 * byte, and the server answers it exactly as it answers a socket, but nothing waits for another
 * thread.
 *
 * <p>The driver has no public way to plug in a transport, so this uses two of its internal types
 * ({@code Clusters}, {@code MongoClientImpl}) as {@code MongoClients.create} does; {@code
 * InProcessMongoClientsTest} breaks first if a driver upgrade moves them.
 */
public final class InProcessMongoClients {

  private InProcessMongoClients() {}

  /** A client for {@code backend}; {@code settings} as for {@code MongoClients.create}. */
  public static MongoClient create(
      MongoBackend backend, MongoClientSettings settings, MongoDriverInformation driver) {
    StreamFactoryFactory streams = new Streams(backend);
    Cluster cluster = Clusters.createCluster(settings, driver, streams);
    return new MongoClientImpl(cluster, settings, driver, streams);
  }

  /** A client for {@code backend} with the driver's default settings. */
  public static MongoClient create(MongoBackend backend) {
    return create(
        backend, MongoClientSettings.builder().build(), MongoDriverInformation.builder().build());
  }

  private static final class Streams implements StreamFactoryFactory {

    private final MongoBackend backend;
    // MongoDatabaseHandler registers each open connection here, as MongoServer's group does.
    private final ChannelGroup open = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    Streams(MongoBackend backend) {
      this.backend = backend;
    }

    @Override
    public StreamFactory create(SocketSettings socketSettings, SslSettings sslSettings) {
      return address -> new InProcessStream(address, backend, open);
    }

    @Override
    public void close() {
      open.close();
    }
  }

  /**
   * One connection. The driver uses a connection from one thread at a time (its pool hands it out),
   * so the pipeline needs no lock: a write runs the command to the end and leaves the reply for the
   * reads that follow.
   */
  private static final class InProcessStream implements Stream {

    private static final SocketAddress CLIENT =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final ServerAddress address;
    private final MongoBackend backend;
    private final ChannelGroup open;
    // The encoders' output, read by the driver in pieces (a header, then the rest).
    private final Queue<ByteBuf> replies = new ArrayDeque<>();
    private EmbeddedChannel channel;
    private boolean closed;

    InProcessStream(ServerAddress address, MongoBackend backend, ChannelGroup open) {
      this.address = address;
      this.backend = backend;
      this.open = open;
    }

    @Override
    public void open(OperationContext context) {
      channel =
          new EmbeddedChannel(
              new MongoWireReplyEncoder(),
              new MongoWireMessageEncoder(),
              new MongoWireProtocolHandler(),
              new MongoDatabaseHandler(backend, open),
              new MongoExceptionHandler()) {
            // The server's whatsmyuri reads the peer as an InetSocketAddress.
            @Override
            protected SocketAddress remoteAddress0() {
              return CLIENT;
            }
          };
    }

    @Override
    public void write(List<org.bson.ByteBuf> buffers, OperationContext context) throws IOException {
      ensureOpen();
      int size = 0;
      for (org.bson.ByteBuf buffer : buffers) {
        size += buffer.remaining();
      }
      // One copy, so the frame decoder never keeps a buffer the driver reuses after this call.
      ByteBuf message = channel.alloc().heapBuffer(size);
      for (org.bson.ByteBuf buffer : buffers) {
        message.writeBytes(buffer.asNIO().duplicate());
      }
      try {
        channel.writeInbound(message);
      } catch (RuntimeException e) {
        close();
        throw new IOException("in-process MongoDB server failed: " + e, e);
      }
      for (Object reply = channel.readOutbound(); reply != null; reply = channel.readOutbound()) {
        replies.add((ByteBuf) reply);
      }
    }

    @Override
    public org.bson.ByteBuf read(int numBytes, OperationContext context) throws IOException {
      ensureOpen();
      int available = replies.stream().mapToInt(ByteBuf::readableBytes).sum();
      if (available < numBytes) {
        // Every command is answered before write returns; a read beyond that would wait forever.
        close();
        throw new IOException(
            "in-process MongoDB server: "
                + numBytes
                + " bytes expected, "
                + available
                + " available");
      }
      // The driver's own pool, as its socket stream reads into; the driver releases it.
      org.bson.ByteBuf buffer = PowerOfTwoBufferPool.DEFAULT.getBuffer(numBytes);
      byte[] into = buffer.array();
      int read = 0;
      while (read < numBytes) {
        ByteBuf head = replies.element();
        int n = Math.min(numBytes - read, head.readableBytes());
        head.readBytes(into, read, n);
        read += n;
        if (!head.isReadable()) {
          replies.remove().release();
        }
      }
      return buffer;
    }

    @Override
    public org.bson.ByteBuf getBuffer(int size) {
      return PowerOfTwoBufferPool.DEFAULT.getBuffer(size);
    }

    @Override
    public void openAsync(OperationContext context, AsyncCompletionHandler<Void> handler) {
      open(context);
      handler.completed(null);
    }

    @Override
    public void writeAsync(
        List<org.bson.ByteBuf> buffers,
        OperationContext context,
        AsyncCompletionHandler<Void> handler) {
      try {
        write(buffers, context);
      } catch (IOException | RuntimeException e) {
        handler.failed(e);
        return;
      }
      handler.completed(null);
    }

    @Override
    public void readAsync(
        int numBytes, OperationContext context, AsyncCompletionHandler<org.bson.ByteBuf> handler) {
      org.bson.ByteBuf bytes;
      try {
        bytes = read(numBytes, context);
      } catch (IOException | RuntimeException e) {
        handler.failed(e);
        return;
      }
      handler.completed(bytes);
    }

    @Override
    public ServerAddress getAddress() {
      return address;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (channel != null) {
        // channelInactive: the server forgets this connection's cursors, as on a socket close.
        channel.finishAndReleaseAll();
      }
      for (ByteBuf reply = replies.poll(); reply != null; reply = replies.poll()) {
        reply.release();
      }
    }

    @Override
    public boolean isClosed() {
      return closed;
    }

    private void ensureOpen() throws IOException {
      if (closed || channel == null || !channel.isOpen()) {
        throw new IOException("in-process MongoDB connection is closed");
      }
    }
  }
}
