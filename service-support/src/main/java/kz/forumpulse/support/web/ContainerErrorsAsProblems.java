package kz.forumpulse.support.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Requests Tomcat itself refuses before any servlet runs (an encoded slash in the path, a malformed
 * request line) get a problem-details body too, instead of Tomcat's HTML error page.
 */
@AutoConfiguration
@ConditionalOnClass({ErrorReportValve.class, TomcatWebServer.class})
public class ContainerErrorsAsProblems {

  @Bean
  ApplicationListener<WebServerInitializedEvent> problemErrorReportValve() {
    return event -> {
      if (event.getWebServer() instanceof TomcatWebServer tomcat) {
        var pipeline = tomcat.getTomcat().getHost().getPipeline();
        for (Valve valve : pipeline.getValves()) {
          if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
            pipeline.removeValve(valve);
            pipeline.addValve(new ProblemErrorReportValve());
          }
        }
      }
    };
  }

  /** Writes a minimal RFC 9457 body for errors no application code has answered. */
  static final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(
              "{\"type\":\"about:blank\",\"status\":"
                  + status
                  + ",\"title\":\""
                  + (status >= 500 ? "Internal error" : "Invalid request")
                  + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException ignored) {
        // the client went away: nothing to report to
      }
    }
  }
}
