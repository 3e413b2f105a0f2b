package kz.forumpulse.registration.forum;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/forums")
@Tag(name = "Forums", description = "Forums, their districts, roles and sessions")
class ForumController {

  private final Forums forums;

  ForumController(Forums forums) {
    this.forums = forums;
  }

  @GetMapping
  @Operation(summary = "All forums (public)")
  List<ForumView> list() {
    return forums.list();
  }

  @GetMapping("/{forumId}")
  @Operation(summary = "One forum with the district and role codes a registration form needs")
  ForumView get(@PathVariable String forumId) {
    return forums.view(forumId);
  }

  @PostMapping
  @Operation(summary = "Set up a forum (organiser); publishes ForumScheduled")
  ResponseEntity<ForumView> create(@Valid @RequestBody CreateForumRequest request) {
    ForumView forum = forums.create(request);
    return ResponseEntity.created(URI.create("/api/forums/" + forum.id())).body(forum);
  }

  @PatchMapping("/{forumId}")
  @Operation(
      summary = "Change a forum (organiser); publishes ForumUpdated",
      description =
          "Fields left out stay unchanged. Sessions may be added or changed, not removed."
              + " Send expectedRevision to refuse the change (409) if someone else edited first.")
  ForumView update(@PathVariable String forumId, @Valid @RequestBody UpdateForumRequest request) {
    return forums.update(forumId, request);
  }
}
