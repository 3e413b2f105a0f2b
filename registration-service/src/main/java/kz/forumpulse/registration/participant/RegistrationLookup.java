package kz.forumpulse.registration.participant;

import java.util.Optional;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Finds registrations by what callers hold: an access code, a ticket token, or an id. */
@Component
public class RegistrationLookup {

  private final MongoTemplate mongo;

  RegistrationLookup(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * The registration whose personal access code this is; a 404 problem otherwise (never saying
   * whether the code ever existed).
   */
  public Registration byAccessCode(String code) {
    if (code == null || code.isBlank() || code.length() > 64) {
      throw notFound();
    }
    String normalised = code.strip().toUpperCase(java.util.Locale.ROOT);
    return Optional.ofNullable(
            mongo.findOne(
                Query.query(Criteria.where("accessCodeHash").is(AccessCodes.hash(normalised))),
                Registration.class))
        .orElseThrow(RegistrationLookup::notFound);
  }

  public Optional<Registration> byTicket(String forumId, String ticketToken) {
    return Optional.ofNullable(
        mongo.findOne(
            Query.query(Criteria.where("forumId").is(forumId).and("ticketToken").is(ticketToken)),
            Registration.class));
  }

  public Registration byId(String forumId, String id) {
    return Optional.ofNullable(
            mongo.findOne(
                Query.query(Criteria.where("_id").is(id).and("forumId").is(forumId)),
                Registration.class))
        .orElseThrow(RegistrationLookup::notFound);
  }

  static ApiProblem notFound() {
    return new ApiProblem(HttpStatus.NOT_FOUND, "registrationNotFound");
  }
}
