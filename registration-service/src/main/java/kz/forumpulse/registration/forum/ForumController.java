package kz.forumpulse.registration.forum;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/forums")
class ForumController {

  private final Forums forums;

  ForumController(Forums forums) {
    this.forums = forums;
  }

  @GetMapping
  List<ForumView> list() {
    return forums.list();
  }

  @GetMapping("/{forumId}")
  ForumView get(@PathVariable String forumId) {
    return forums.view(forumId);
  }

  @PostMapping
  ResponseEntity<ForumView> create(@Valid @RequestBody CreateForumRequest request) {
    ForumView forum = forums.create(request);
    return ResponseEntity.created(URI.create("/api/forums/" + forum.id())).body(forum);
  }
}
