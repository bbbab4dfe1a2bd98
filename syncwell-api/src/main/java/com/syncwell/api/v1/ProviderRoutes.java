package com.syncwell.api.v1;

import com.syncwell.api.http.ApiRequest;
import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.Route;
import com.syncwell.domain.DataType;
import com.syncwell.engine.account.ListProviders;
import com.syncwell.engine.account.ProviderInfo;
import java.util.List;

/** {@code GET /v1/providers}: the configured providers and what each can read and write. */
public final class ProviderRoutes {
  private final ListProviders listProviders;

  public ProviderRoutes(ListProviders listProviders) {
    this.listProviders = listProviders;
  }

  record ProviderView(String id, String displayName, List<String> readable, List<String> writable) {
    static ProviderView of(ProviderInfo p) {
      return new ProviderView(p.id(), p.displayName(), names(p.readable()), names(p.writable()));
    }

    private static List<String> names(List<DataType> types) {
      return types.stream().map(DataType::wireName).toList();
    }
  }

  record ProviderList(List<ProviderView> items) {}

  public List<Route> routes() {
    return List.of(Route.user("GET", "/v1/providers", this::list));
  }

  private ApiResponse list(ApiRequest request) {
    return ApiResponse.json(
        200, new ProviderList(listProviders.list().stream().map(ProviderView::of).toList()));
  }
}
