package kz.forumpulse.registration.participant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Remembers, per forum and {@code Idempotency-Key}, the hash of the first request and the access
 * code issued for it, for {@link #RETENTION}. A retried POST then gets the same registration and
 * the same code back; the registration itself carries the key too (unique), so even a crash between
 * the two writes cannot make a second registration.
 *
 * <p>The access code is kept in plain text here (and only here) for the retention period: a client
 * that lost the first answer has no other way to learn it. MongoDB's TTL index removes it.
 */
@Component
class IdempotencyKeys {

  static final String COLLECTION = "idempotency_keys";
  static final Duration RETENTION = Duration.ofHours(24);

  private final MongoTemplate mongo;
  private final Clock clock;

  IdempotencyKeys(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
    mongo
        .indexOps(COLLECTION)
        .createIndex(
            new Index()
                .on("createdAt", Sort.Direction.ASC)
                .expire(RETENTION.toSeconds(), TimeUnit.SECONDS));
  }

  /** What the first request with this key was, and the code it was (or will be) given. */
  record Reservation(String requestHash, String accessCode) {}

  /** Reserves the key for this request, or returns what an earlier request reserved. */
  Reservation reserve(String scope, String requestHash, String newAccessCode) {
    Query query = Query.query(Criteria.where("_id").is(scope));
    Update update =
        new Update()
            .setOnInsert("requestHash", requestHash)
            .setOnInsert("accessCode", newAccessCode)
            .setOnInsert("createdAt", Date.from(clock.instant()));
    Document stored;
    try {
      stored =
          mongo.findAndModify(
              query,
              update,
              FindAndModifyOptions.options().upsert(true).returnNew(true),
              Document.class,
              COLLECTION);
    } catch (DuplicateKeyException concurrentFirst) {
      stored = mongo.findOne(query, Document.class, COLLECTION);
    }
    return new Reservation(stored.getString("requestHash"), stored.getString("accessCode"));
  }

  void forget(String scope) {
    mongo.remove(Query.query(Criteria.where("_id").is(scope)), COLLECTION);
  }

  static String scope(String forumId, String key) {
    return forumId + ":" + key;
  }

  /** A fingerprint of the request's content: records print all their components, in order. */
  static String hash(RegisterRequest request) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(request.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
