package com.syncwell.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.syncwell.engine.log.LogFields;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import tools.jackson.core.JsonGenerator;

/** Writes {@code userRef}, the keyed hash of the MDC's raw user id, when the line has one. */
final class UserRefJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {
  static final String FIELD = "userRef";

  private final UserRefs refs;

  UserRefJsonProvider(UserRefs refs) {
    this.refs = refs;
    setFieldName(FIELD);
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    String user = event.getMDCPropertyMap().get(LogFields.USER);
    if (user != null && !user.isEmpty()) {
      generator.writeStringProperty(getFieldName(), refs.of(user));
    }
  }
}
