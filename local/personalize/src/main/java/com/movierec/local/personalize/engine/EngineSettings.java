package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.recipe.TrainingOptions;
import java.nio.file.Path;

/**
 * What an engine is configured with.
 *
 * @param region    the region in every ARN
 * @param accountId the account in every ARN
 * @param s3Root    the directory that stands in for S3: {@code s3://bucket/key} is {@code s3Root/bucket/key}
 * @param delays    how long resources stay in each transitional state
 * @param training  the training options every solution starts from (its eventType and eventValueThreshold are
 *                  added per solution)
 * @param answerCache GetRecommendations answers kept for repeated identical requests; 0 computes every one
 */
public record EngineSettings(String region, String accountId, Path s3Root, Delays delays, TrainingOptions training,
                             int answerCache) {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";
    /** About 30 MB of answers at 25 items each: every ML-1M user with a few filters. */
    public static final int DEFAULT_ANSWER_CACHE = 20_000;

    public EngineSettings {
        if (region == null || !region.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("region must look like us-east-1, not " + region);
        }
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("account must be 12 digits, not " + accountId);
        }
        if (s3Root == null || delays == null || training == null) {
            throw new IllegalArgumentException("s3Root, delays and training are required");
        }
        if (answerCache < 0) {
            throw new IllegalArgumentException("answerCache must be zero or more, not " + answerCache);
        }
    }

    /** us-east-1, account 000000000000, {@link Delays#FAST}, the tuned training options, the answer cache on. */
    public static EngineSettings defaults(Path s3Root) {
        return new EngineSettings(DEFAULT_REGION, DEFAULT_ACCOUNT, s3Root, Delays.FAST, TrainingOptions.defaults(),
                DEFAULT_ANSWER_CACHE);
    }

    public EngineSettings withRegion(String value) {
        return new EngineSettings(value, accountId, s3Root, delays, training, answerCache);
    }

    public EngineSettings withAccountId(String value) {
        return new EngineSettings(region, value, s3Root, delays, training, answerCache);
    }

    public EngineSettings withDelays(Delays value) {
        return new EngineSettings(region, accountId, s3Root, value, training, answerCache);
    }

    public EngineSettings withTraining(TrainingOptions value) {
        return new EngineSettings(region, accountId, s3Root, delays, value, answerCache);
    }

    public EngineSettings withAnswerCache(int value) {
        return new EngineSettings(region, accountId, s3Root, delays, training, value);
    }
}
