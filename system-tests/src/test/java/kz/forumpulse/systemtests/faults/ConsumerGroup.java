package kz.forumpulse.systemtests.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/** A consumer group as the broker sees it: members, their partitions, committed offsets. */
final class ConsumerGroup {

  record Member(String memberId, String clientId, Set<TopicPartition> partitions) {}

  private ConsumerGroup() {}

  static List<Member> members(String bootstrap, String group) {
    try (Admin admin = admin(bootstrap)) {
      List<Member> members = new ArrayList<>();
      for (MemberDescription m :
          admin
              .describeConsumerGroups(List.of(group))
              .all()
              .get(30, TimeUnit.SECONDS)
              .get(group)
              .members()) {
        members.add(
            new Member(m.consumerId(), m.clientId(), Set.copyOf(m.assignment().topicPartitions())));
      }
      return members;
    } catch (Exception e) {
      throw new IllegalStateException("group " + group + " not described", e);
    }
  }

  static Map<TopicPartition, Long> committed(String bootstrap, String group) {
    try (Admin admin = admin(bootstrap)) {
      Map<TopicPartition, Long> offsets = new HashMap<>();
      admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get(30, TimeUnit.SECONDS)
          .forEach(
              (tp, o) -> {
                if (o != null) {
                  offsets.put(tp, o.offset());
                }
              });
      return offsets;
    } catch (Exception e) {
      throw new IllegalStateException("offsets of " + group + " not read", e);
    }
  }

  static Admin admin(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    return Admin.create(p);
  }
}
