package com.syncwell.app.capacity;

import static com.syncwell.app.capacity.Assumption.ALB_NEW_CONNECTIONS_PER_REQUEST;
import static com.syncwell.app.capacity.Assumption.API_GB_SECONDS_PER_REQUEST;
import static com.syncwell.app.capacity.Assumption.CACHE_OPS_PER_REQUEST;
import static com.syncwell.app.capacity.Assumption.CACHE_OPS_PER_SYNC;
import static com.syncwell.app.capacity.Assumption.CACHE_STORED_GB;
import static com.syncwell.app.capacity.Assumption.COGNITO_MONTHLY_ACTIVE_USERS;
import static com.syncwell.app.capacity.Assumption.CUSTOM_METRICS;
import static com.syncwell.app.capacity.Assumption.DB_READS_PER_REQUEST;
import static com.syncwell.app.capacity.Assumption.DB_READS_PER_SYNC;
import static com.syncwell.app.capacity.Assumption.DB_REPLICAS;
import static com.syncwell.app.capacity.Assumption.DB_WRITES_PER_SYNC;
import static com.syncwell.app.capacity.Assumption.KMS_KEYS;
import static com.syncwell.app.capacity.Assumption.KMS_REQUESTS_PER_SYNC;
import static com.syncwell.app.capacity.Assumption.LOG_BYTES_PER_REQUEST;
import static com.syncwell.app.capacity.Assumption.LOG_BYTES_PER_SYNC;
import static com.syncwell.app.capacity.Assumption.LOG_RETENTION_DAYS;
import static com.syncwell.app.capacity.Assumption.NAT_GATEWAYS;
import static com.syncwell.app.capacity.Assumption.NAT_PASSES_PER_PAYLOAD_BYTE;
import static com.syncwell.app.capacity.Assumption.QUEUE_REQUESTS_PER_SYNC;
import static com.syncwell.app.capacity.Assumption.STORED_KB_PER_USER;
import static com.syncwell.app.capacity.Assumption.SYNCS_PER_WORKER_INVOCATION;
import static com.syncwell.app.capacity.Assumption.WORKER_GB_SECONDS_PER_SYNC;

import java.util.ArrayList;
import java.util.List;

/**
 * Prices a traffic model: the Lambda design of ARCHITECTURE.md §2 (API Gateway HTTP API and Lambda
 * in front, Lambda workers on SQS) or a fleet of {@code serve} processes on EC2 behind an
 * Application Load Balancer. Everything behind them (DynamoDB with one global-table replica, SQS,
 * ElastiCache Serverless, NAT gateways, data transfer out, CloudWatch, KMS, Cognito) is the same in
 * both.
 */
public final class MonthlyCost {
  private MonthlyCost() {}

  public static CostTable lambdaDesign(TrafficModel m, Assumptions a, PriceBook book) {
    double requests = m.requestsPerMonth();
    double syncs = m.syncsPerMonth();
    double lambda = book.savingsPlan().lambdaDuration();
    List<CostLine> lines = new ArrayList<>();
    lines.add(
        CostLine.of(
            "API Gateway HTTP API requests",
            requests,
            book.price(Meter.API_GATEWAY_HTTP_REQUESTS)));
    lines.add(CostLine.of("Lambda API requests", requests, book.price(Meter.LAMBDA_REQUESTS)));
    lines.add(
        CostLine.of(
                "Lambda API duration (arm64)",
                requests * a.get(API_GB_SECONDS_PER_REQUEST),
                book.price(Meter.LAMBDA_ARM_GB_SECONDS))
            .discounted(lambda));
    lines.add(
        CostLine.of(
            "Lambda worker requests (SQS batches)",
            syncs / Math.max(1, a.get(SYNCS_PER_WORKER_INVOCATION)),
            book.price(Meter.LAMBDA_REQUESTS)));
    lines.add(
        CostLine.of(
                "Lambda worker duration (arm64)",
                syncs * a.get(WORKER_GB_SECONDS_PER_SYNC),
                book.price(Meter.LAMBDA_ARM_GB_SECONDS))
            .discounted(lambda));
    lines.addAll(shared(m, a, book));
    return new CostTable("Lambda design", lines);
  }

  public static CostTable serveFleet(
      TrafficModel m, Assumptions a, PriceBook book, FleetSize fleet) {
    double hours = book.hoursPerMonth();
    double ec2 = book.savingsPlan().ec2();
    String node = book.fleet().nodeType();
    List<CostLine> lines = new ArrayList<>();
    lines.add(
        CostLine.of(
                "EC2 " + node + " × " + fleet.apiNodes() + " (serve --role api)",
                fleet.apiNodes() * hours,
                book.price(Meter.EC2_NODE_HOURS))
            .discounted(ec2));
    lines.add(
        CostLine.of(
                "EC2 " + node + " × " + fleet.workerNodes() + " (serve --role worker)",
                fleet.workerNodes() * hours,
                book.price(Meter.EC2_NODE_HOURS))
            .discounted(ec2));
    lines.add(CostLine.of("Application Load Balancer", hours, book.price(Meter.ALB_HOURS)));
    // An LCU is the most of: 25 new connections/s, 3,000 active connections/min, 1 GB/h
    // processed, 1,000 rule evaluations/s; the first two dominate for small API answers.
    double newConnections = m.requestsPerDay() / 86_400 * a.get(ALB_NEW_CONNECTIONS_PER_REQUEST);
    double gbPerHour = m.apiResponseGbPerDay() / 24;
    double lcus = Math.max(newConnections / 25, gbPerHour);
    lines.add(
        CostLine.of(
            "Application Load Balancer capacity units",
            lcus * hours,
            book.price(Meter.ALB_LCU_HOURS)));
    lines.addAll(shared(m, a, book));
    return new CostTable("serve fleet", lines);
  }

  private static List<CostLine> shared(TrafficModel m, Assumptions a, PriceBook book) {
    double requests = m.requestsPerMonth();
    double syncs = m.syncsPerMonth();
    double days = book.daysPerMonth();
    double hours = book.hoursPerMonth();
    double writes = syncs * a.get(DB_WRITES_PER_SYNC);
    double egressGb = m.egressGbPerDay() * days;
    double logGbPerDay =
        (m.requestsPerDay() * a.get(LOG_BYTES_PER_REQUEST)
                + m.syncsPerDay() * a.get(LOG_BYTES_PER_SYNC))
            / 1e9;
    List<CostLine> lines = new ArrayList<>();
    lines.add(
        CostLine.of(
            "DynamoDB writes (on-demand)", writes, book.price(Meter.DYNAMODB_WRITE_REQUEST_UNITS)));
    lines.add(
        CostLine.of(
            "DynamoDB replicated writes (global table)",
            writes * a.get(DB_REPLICAS),
            book.price(Meter.DYNAMODB_REPLICATED_WRITE_REQUEST_UNITS)));
    lines.add(
        CostLine.of(
            "DynamoDB reads (on-demand)",
            requests * a.get(DB_READS_PER_REQUEST) + syncs * a.get(DB_READS_PER_SYNC),
            book.price(Meter.DYNAMODB_READ_REQUEST_UNITS)));
    lines.add(
        CostLine.of(
            "DynamoDB storage (both regions)",
            m.dailyActiveUsers() * a.get(STORED_KB_PER_USER) / 1e6 * (1 + a.get(DB_REPLICAS)),
            book.price(Meter.DYNAMODB_STORAGE_GB_MONTHS)));
    lines.add(
        CostLine.of(
            "SQS requests",
            syncs * a.get(QUEUE_REQUESTS_PER_SYNC),
            book.price(Meter.SQS_REQUESTS)));
    lines.add(
        CostLine.of(
            "ElastiCache Serverless (Valkey) ECPUs",
            requests * a.get(CACHE_OPS_PER_REQUEST) + syncs * a.get(CACHE_OPS_PER_SYNC),
            book.price(Meter.ELASTICACHE_SERVERLESS_ECPUS)));
    lines.add(
        CostLine.of(
            "ElastiCache Serverless (Valkey) storage",
            a.get(CACHE_STORED_GB) * hours,
            book.price(Meter.ELASTICACHE_SERVERLESS_GB_HOURS)));
    lines.add(
        CostLine.of(
            "NAT gateway hours", a.get(NAT_GATEWAYS) * hours, book.price(Meter.NAT_GATEWAY_HOURS)));
    lines.add(
        CostLine.of(
            "NAT gateway data processed (sync payloads)",
            egressGb * a.get(NAT_PASSES_PER_PAYLOAD_BYTE),
            book.price(Meter.NAT_GATEWAY_GB_PROCESSED)));
    lines.add(
        CostLine.of(
            "Data transfer out (sync uploads + API answers)",
            egressGb + m.apiResponseGbPerDay() * days,
            book.price(Meter.DATA_TRANSFER_OUT_GB)));
    lines.add(
        CostLine.of(
            "CloudWatch Logs ingestion (tiered, sampled)",
            logGbPerDay * days,
            book.price(Meter.CLOUDWATCH_LOGS_INGESTED_GB)));
    lines.add(
        CostLine.of(
            "CloudWatch Logs storage (retention)",
            logGbPerDay * a.get(LOG_RETENTION_DAYS),
            book.price(Meter.CLOUDWATCH_LOGS_STORED_GB_MONTHS)));
    lines.add(
        CostLine.of(
            "CloudWatch custom metrics (EMF)",
            a.get(CUSTOM_METRICS),
            book.price(Meter.CLOUDWATCH_CUSTOM_METRICS)));
    lines.add(CostLine.of("KMS keys", a.get(KMS_KEYS), book.price(Meter.KMS_KEY_MONTHS)));
    lines.add(
        CostLine.of(
            "KMS requests (token data keys)",
            syncs * a.get(KMS_REQUESTS_PER_SYNC),
            book.price(Meter.KMS_REQUESTS)));
    lines.add(
        CostLine.of(
            "Cognito (standby identity provider)",
            a.get(COGNITO_MONTHLY_ACTIVE_USERS),
            book.price(Meter.COGNITO_MONTHLY_ACTIVE_USERS)));
    return lines;
  }
}
