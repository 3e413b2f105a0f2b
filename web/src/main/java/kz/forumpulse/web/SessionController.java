package kz.forumpulse.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged in, for the staff pages' header and their "log in first" redirect. Always 200, so a
 * page asking without a session does not log an error; never the credential.
 */
@RestController
class SessionController {

  @GetMapping("/session")
  ResponseEntity<Map<String, Object>> session() {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    Map<String, Object> body = new LinkedHashMap<>();
    if (current instanceof StaffAuthentication staff) {
      body.put("authenticated", true);
      body.put("user", staff.getName());
      body.put("role", staff.role());
    } else {
      body.put("authenticated", false);
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }
}
