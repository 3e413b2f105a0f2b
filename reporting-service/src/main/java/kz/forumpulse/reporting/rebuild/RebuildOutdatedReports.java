package kz.forumpulse.reporting.rebuild;

import kz.forumpulse.reporting.store.ReportStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After an upgrade that changed how reports are stored, rebuilds them from the topics once; the old
 * reports are served until the new ones switch in.
 */
@Component
class RebuildOutdatedReports {

  private static final Logger log = LoggerFactory.getLogger(RebuildOutdatedReports.class);

  private final ReportStore store;
  private final Rebuild rebuild;

  RebuildOutdatedReports(ReportStore store, Rebuild rebuild) {
    this.store = store;
    this.rebuild = rebuild;
  }

  @EventListener(ApplicationReadyEvent.class)
  void rebuildIfOutdated() {
    if (store.outdated()) {
      log.info("Reports were stored by an older release; rebuilding them from the topics");
      rebuild.start();
    }
  }
}
