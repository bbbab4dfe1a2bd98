package com.syncwell.app.bench;

/**
 * One benchmark user as the load generator sees it: a bearer token and the sync config its requests
 * name. The token is a throwaway dev token of the benchmark's temporary data directory.
 */
record ApiCaller(String token, String syncConfigId) {
  @Override
  public String toString() {
    return "ApiCaller[syncConfigId=" + syncConfigId + ", token=****]";
  }
}
