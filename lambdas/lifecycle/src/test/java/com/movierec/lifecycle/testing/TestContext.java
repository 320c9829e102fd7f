package com.movierec.lifecycle.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The Lambda context fields Powertools puts into every log line. */
public final class TestContext implements Context {
    @Override
    public String getAwsRequestId() {
        return "6bc28136-3f2e-4d1a-9c5e-0a1b2c3d4e5f";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/movierec-dev-lifecycle";
    }

    @Override
    public String getLogStreamName() {
        return "2026/01/01/[$LATEST]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return "movierec-dev-lifecycle";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:movierec-dev-lifecycle";
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
        return 120_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return null;
    }
}
