package kz.forumpulse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff log in with a form; the password is checked by the services ({@link UpstreamStaffCheck})
 * and the credential they accept stays in the HTTP session, so the browser holds only the session
 * cookie. Because a cookie authenticates, every state-changing request needs the CSRF token: the
 * {@code XSRF-TOKEN} cookie, which the pages' script reads and echoes as {@code X-XSRF-TOKEN}.
 * Exempt are API calls that bring their own {@code Basic}/{@code Bearer} credential: the proxy
 * forwards that credential and not the session's, and another site cannot make a browser send such
 * a header (this app never answers with {@code WWW-Authenticate}, so no browser caches Basic
 * credentials for it).
 *
 * <p>Authorization of the API stays with the services: every path is open here, a page without a
 * session just gets the services' 401 and goes to the login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebSecurity {

  private static final Pattern CREDENTIAL =
      Pattern.compile("(?i)(basic|bearer) +[A-Za-z0-9._~+/=-]+");

  /** Whether the request brings its own API credential (not a cookie-authenticated one). */
  static boolean carriesCredential(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && CREDENTIAL.matcher(header.trim()).matches();
  }

  @Bean
  SecurityFilterChain staffLoginAndCsrf(
      HttpSecurity http, WebProperties services, LoginProperties login) throws Exception {
    CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    ProblemAnswers answers = new ProblemAnswers();
    http.authenticationProvider(new UpstreamStaffCheck(services))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(
            csrf ->
                csrf.spa()
                    .csrfTokenRepository(csrfTokens)
                    .ignoringRequestMatchers(
                        request ->
                            request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                                && carriesCredential(request)))
        .formLogin(
            form ->
                form.loginPage("/login.html")
                    .loginProcessingUrl("/login")
                    .usernameParameter("username")
                    .passwordParameter("password")
                    .successHandler(answers)
                    .failureHandler(answers))
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    .invalidateHttpSession(true)
                    .clearAuthentication(true)
                    .deleteCookies("JSESSIONID")
                    .logoutSuccessHandler(
                        new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
        // A page visit without a login must not create a session.
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(answers::unauthorized)
                    .accessDeniedHandler(answers::denied))
        // SecurityHeadersFilter sets the headers for every answer; Spring's would duplicate them.
        .headers(headers -> headers.disable())
        .httpBasic(basic -> basic.disable())
        .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
        .addFilterBefore(
            new LoginRateLimiter(login.attemptsPerMinute(), Clock.systemUTC()),
            UsernamePasswordAuthenticationFilter.class);
    return http.build();
  }

  /**
   * Sends the {@code XSRF-TOKEN} cookie with the first answer (a page), so the page's script has
   * the token before its first POST; Spring otherwise creates it only when something asks for it.
   */
  static final class CsrfCookieFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      if (token != null) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }

  /** Login results, 401 and 403 as the pages' script expects them: JSON, never a redirect. */
  static final class ProblemAnswers
      implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    @Override
    public void onAuthenticationSuccess(
        HttpServletRequest request, HttpServletResponse response, Authentication authentication)
        throws IOException {
      String role = authentication instanceof StaffAuthentication s ? s.role() : "";
      response.setStatus(200);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setHeader("Cache-Control", "no-store");
      response
          .getOutputStream()
          .write(
              ("{\"user\":\""
                      + Problems.json(authentication.getName())
                      + "\",\"role\":\""
                      + Problems.json(role)
                      + "\"}")
                  .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onAuthenticationFailure(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
        throws IOException {
      if (e instanceof BadCredentialsException) {
        Problems.write(response, 401, "Unauthorized", "Wrong account or password", "loginFailed");
      } else if (e instanceof UpstreamStaffCheck.NoStaffRoleException) {
        Problems.write(response, 403, "Forbidden", "The account has no staff role", "noStaffRole");
      } else {
        Problems.write(
            response,
            502,
            "Bad Gateway",
            "The services could not check the password",
            "loginUnavailable");
      }
    }

    void unauthorized(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
        throws IOException {
      Problems.write(response, 401, "Unauthorized", "Log in first", "unauthorized");
    }

    void denied(
        HttpServletRequest request,
        HttpServletResponse response,
        org.springframework.security.access.AccessDeniedException e)
        throws IOException {
      if (e instanceof CsrfException) {
        Problems.write(
            response,
            403,
            "Forbidden",
            "Missing or wrong CSRF token: reload the page and try again",
            "csrf");
      } else {
        Problems.write(response, 403, "Forbidden", "Not allowed", "forbidden");
      }
    }
  }
}
