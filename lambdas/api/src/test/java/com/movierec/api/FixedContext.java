package com.movierec.api;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda context with a fixed request id, as the runtime passes one. */
record FixedContext(String awsRequestId) implements Context {
    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/movierec-dev-api";
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/23/[$LATEST]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return "movierec-dev-api";
    }

    @Override
    public String getFunctionVersion() {
        return "7";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:123456789012:function:movierec-dev-api:live";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 10_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return null;
    }
}
