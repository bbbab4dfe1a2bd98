package com.syncwell.simulator.http;

/** Answers one matched call. */
@FunctionalInterface
public interface RouteHandler {
  Reply handle(Call call) throws Exception;
}
