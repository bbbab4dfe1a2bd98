package com.syncwell.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.Connector;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.connector.files.WorkoutFiles;
import com.syncwell.connector.fitbit.FitbitConnector;
import com.syncwell.connector.fitbit.GoogleHealthSettings;
import com.syncwell.connector.strava.StravaConnector;
import com.syncwell.connector.strava.StravaSettings;
import com.syncwell.domain.DataType;
import com.syncwell.engine.sync.ConnectorRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListProvidersTest {
  private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

  private static ConnectorRegistry realConnectors() {
    HttpClient client = HttpClient.newHttpClient();
    Connector fitbit =
        new FitbitConnector(
            GoogleHealthSettings.of(NOWHERE, NOWHERE, NOWHERE, "id", "secret"),
            client,
            Clock.systemUTC(),
            WorkoutFiles.codec(WorkoutFileFormat.TCX));
    Connector strava =
        new StravaConnector(
            new StravaSettings(NOWHERE, NOWHERE, NOWHERE, "id", "secret"),
            client,
            Clock.systemUTC(),
            WorkoutFiles.codec(WorkoutFileFormat.FIT),
            WorkoutFiles.codec(WorkoutFileFormat.TCX),
            millis -> {},
            StravaConnector.DEFAULT_RELIST_OVERLAP);
    Connector zeta =
        new ScriptedConnector("zeta", EnumSet.of(DataType.WEIGHT), EnumSet.noneOf(DataType.class));
    return new ConnectorRegistry(Map.of("zeta", zeta, "strava", strava, "fitbit", fitbit));
  }

  @Test
  void providers_come_sorted_by_id_with_their_data_types_sorted_by_wire_name() {
    List<ProviderInfo> providers = new ListProviders(realConnectors()).list();

    assertThat(providers).extracting(ProviderInfo::id).containsExactly("fitbit", "strava", "zeta");
    ProviderInfo fitbit = providers.get(0);
    assertThat(fitbit.displayName()).isEqualTo("Fitbit");
    assertThat(fitbit.readable())
        .extracting(DataType::wireName)
        .containsExactly("heart_rate", "sleep_session", "steps", "weight", "workout");
    assertThat(fitbit.writable()).extracting(DataType::wireName).isSorted().contains("workout");
    assertThat(providers.get(1))
        .isEqualTo(
            new ProviderInfo(
                "strava", "Strava", List.of(DataType.WORKOUT), List.of(DataType.WORKOUT)));
    assertThat(providers.get(2).writable()).isEmpty();
  }

  @Test
  void the_list_is_the_same_on_every_call() {
    ListProviders list = new ListProviders(realConnectors());

    assertThat(list.list())
        .isEqualTo(list.list())
        .isEqualTo(new ListProviders(realConnectors()).list());
  }

  @Test
  void a_deployment_without_connectors_lists_none() {
    assertThat(new ListProviders(new ConnectorRegistry(Map.of())).list()).isEmpty();
  }
}
