package kz.forumpulse.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The load generator's client for the ingest and freshness writes: plain HTTP/1.1 over one blocking
 * keep-alive socket per client thread and server. The JDK's {@code HttpClient} hands each exchange
 * between the caller, its selector thread and a worker; with 96 callers that was a tenth of the two
 * cores in the ingest profile, taken from the stack being measured. Only what the benchmark's
 * requests need: no TLS, no redirects, bodies with Content-Length or chunked.
 */
final class BlockingHttp {

  /** A response: status and body (UTF-8). */
  record Response(int statusCode, String body) {}

  private static final int TIMEOUT_MS = 30_000;

  private final ThreadLocal<Map<String, Connection>> connections =
      ThreadLocal.withInitial(HashMap::new);

  Response post(String url, byte[] body, Map<String, String> headers) throws IOException {
    return send("POST", url, body, headers);
  }

  /** A GET over the same connections as the writes (the HTTP ceiling phase). */
  Response get(String url, Map<String, String> headers) throws IOException {
    return send("GET", url, null, headers);
  }

  private Response send(String method, String url, byte[] body, Map<String, String> headers)
      throws IOException {
    URI uri = URI.create(url);
    String key = uri.getHost() + ":" + uri.getPort();
    Map<String, Connection> mine = connections.get();
    Connection c = mine.get(key);
    boolean reused = c != null;
    if (c == null) {
      c = new Connection(uri.getHost(), uri.getPort());
      mine.put(key, c);
    }
    try {
      return c.exchange(method, uri, body, headers);
    } catch (StaleConnection e) {
      // The server closed a kept-alive connection before answering anything (idle timeout): the
      // request was not taken, send it once more on a new connection.
      mine.remove(key);
      if (!reused) {
        throw e;
      }
      Connection fresh = new Connection(uri.getHost(), uri.getPort());
      mine.put(key, fresh);
      return fresh.exchange(method, uri, body, headers);
    } catch (IOException e) {
      c.close();
      mine.remove(key);
      throw e;
    }
  }

  private static final class StaleConnection extends IOException {
    StaleConnection() {
      super("connection closed before any response");
    }
  }

  private static final class Connection {
    private final String host;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    Connection(String host, int port) throws IOException {
      this.host = host;
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(TIMEOUT_MS);
      socket.connect(new InetSocketAddress(host, port), 5_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** One exchange; {@code body} is null for a request without one (GET). */
    Response exchange(String method, URI uri, byte[] body, Map<String, String> headers)
        throws IOException {
      StringBuilder head = new StringBuilder(256);
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      head.append("Host: ").append(host).append(':').append(uri.getPort()).append("\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body != null) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
      int bodyLength = body == null ? 0 : body.length;
      byte[] request = new byte[headBytes.length + bodyLength];
      System.arraycopy(headBytes, 0, request, 0, headBytes.length);
      if (body != null) {
        System.arraycopy(body, 0, request, headBytes.length, bodyLength);
      }
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        close();
        throw new StaleConnection();
      }

      String statusLine = line();
      if (statusLine == null) {
        close();
        throw new StaleConnection();
      }
      if (!statusLine.startsWith("HTTP/1.1 ")) {
        throw new IOException("no HTTP response: " + statusLine);
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      String h;
      while ((h = line()) != null && !h.isEmpty()) {
        int colon = h.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = h.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> close = value.equalsIgnoreCase("close");
          default -> {}
        }
      }
      byte[] content;
      if (chunked) {
        content = chunkedBody();
      } else if (length >= 0) {
        content = in.readNBytes((int) length);
        if (content.length < length) {
          throw new IOException("connection closed mid-body");
        }
      } else if (status == 204 || status == 304) {
        content = new byte[0];
      } else {
        content = in.readAllBytes();
        close = true;
      }
      if (close) {
        close();
      }
      return new Response(status, new String(content, StandardCharsets.UTF_8));
    }

    private byte[] chunkedBody() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = line();
        if (size == null) {
          throw new IOException("connection closed mid-body");
        }
        int semicolon = size.indexOf(';');
        int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (n == 0) {
          String trailer;
          while ((trailer = line()) != null && !trailer.isEmpty()) {
            // trailers are not used
          }
          return body.toByteArray();
        }
        byte[] chunk = in.readNBytes(n);
        if (chunk.length < n) {
          throw new IOException("connection closed mid-body");
        }
        body.write(chunk);
        line();
      }
    }

    /** A header line without its CRLF (ISO-8859-1, as HTTP header bytes are), or null at EOF. */
    private String line() throws IOException {
      StringBuilder sb = new StringBuilder(64);
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          int len = sb.length();
          if (len > 0 && sb.charAt(len - 1) == '\r') {
            sb.setLength(len - 1);
          }
          return sb.toString();
        }
        sb.append((char) b);
      }
      return sb.length() == 0 ? null : sb.toString();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
