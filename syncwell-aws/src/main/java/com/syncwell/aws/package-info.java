/** Scale-out adapters on AWS: DynamoDB metadata table and SQS job queue. */
package com.syncwell.aws;
