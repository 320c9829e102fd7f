package com.movierec.local.personalize.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.personalize.engine.Status;
import java.time.Instant;

/**
 * A batch inference job: recommendations from a solution version for every line of a JSON Lines file in (local) S3,
 * written back to S3. Like an import job, it has no delete; it stays listed.
 */
public final class BatchInferenceJob extends Resource {
    private final Settings settings;

    /**
     * What CreateBatchInferenceJob asked for, as Describe echoes it.
     *
     * @param filterArn  null without a filter
     * @param numResults the count asked for, or null (the job then returns Personalize's default of 25)
     * @param inputKmsKeyArn  null unless given; {@code outputKmsKeyArn} likewise
     * @param config     {@code batchInferenceJobConfig}, or null
     * @param mode       BATCH_INFERENCE or THEME_GENERATION
     * @param themeGenerationConfig null unless given
     */
    public record Settings(String solutionVersionArn, String filterArn, Integer numResults, String inputPath,
                           String inputKmsKeyArn, String outputPath, String outputKmsKeyArn, String roleArn,
                           JsonNode config, String mode, JsonNode themeGenerationConfig) {
    }

    public BatchInferenceJob(String arn, String name, long sequence, Instant now, Settings settings) {
        super(arn, name, sequence, Status.CREATE_PENDING, now);
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String kind() {
        return "batch-inference-job";
    }
}
