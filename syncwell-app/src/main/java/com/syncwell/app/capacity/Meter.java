package com.syncwell.app.capacity;

import java.util.Arrays;
import java.util.Optional;

/** Every priced meter the model bills, by its key in the price file. */
public enum Meter {
  API_GATEWAY_HTTP_REQUESTS("apiGatewayHttpRequests"),
  LAMBDA_REQUESTS("lambdaRequests"),
  LAMBDA_ARM_GB_SECONDS("lambdaArmGbSeconds"),
  DYNAMODB_WRITE_REQUEST_UNITS("dynamoDbWriteRequestUnits"),
  DYNAMODB_REPLICATED_WRITE_REQUEST_UNITS("dynamoDbReplicatedWriteRequestUnits"),
  DYNAMODB_READ_REQUEST_UNITS("dynamoDbReadRequestUnits"),
  DYNAMODB_STORAGE_GB_MONTHS("dynamoDbStorageGbMonths"),
  SQS_REQUESTS("sqsRequests"),
  ELASTICACHE_SERVERLESS_ECPUS("elastiCacheServerlessEcpus"),
  ELASTICACHE_SERVERLESS_GB_HOURS("elastiCacheServerlessGbHours"),
  NAT_GATEWAY_HOURS("natGatewayHours"),
  NAT_GATEWAY_GB_PROCESSED("natGatewayGbProcessed"),
  DATA_TRANSFER_OUT_GB("dataTransferOutGb"),
  CLOUDWATCH_LOGS_INGESTED_GB("cloudWatchLogsIngestedGb"),
  CLOUDWATCH_LOGS_STORED_GB_MONTHS("cloudWatchLogsStoredGbMonths"),
  CLOUDWATCH_CUSTOM_METRICS("cloudWatchCustomMetrics"),
  KMS_KEY_MONTHS("kmsKeyMonths"),
  KMS_REQUESTS("kmsRequests"),
  COGNITO_MONTHLY_ACTIVE_USERS("cognitoMonthlyActiveUsers"),
  EC2_NODE_HOURS("ec2NodeHours"),
  ALB_HOURS("albHours"),
  ALB_LCU_HOURS("albLcuHours");

  private final String key;

  Meter(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<Meter> byKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
  }
}
