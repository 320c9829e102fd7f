package com.movierec.local.personalize.engine.state;

import com.movierec.local.personalize.engine.Status;
import com.movierec.local.personalize.engine.datasetimport.ImportedData;
import com.movierec.schemas.DatasetType;
import java.time.Instant;

/** A dataset: its schema (changed in place by UpdateDataset) and the data its import jobs brought in. */
public final class Dataset extends Resource {
    private final String groupArn;
    private final DatasetType type;
    private final String typeAsGiven;
    private volatile String schemaArn;
    private volatile Update<String> latestUpdate;
    private volatile ImportedData data = ImportedData.NONE;

    public Dataset(String arn, String name, long sequence, Instant now, String groupArn, DatasetType type,
                   String typeAsGiven, String schemaArn) {
        super(arn, name, sequence, Status.CREATE_PENDING, now);
        this.groupArn = groupArn;
        this.type = type;
        this.typeAsGiven = typeAsGiven;
        this.schemaArn = schemaArn;
    }

    public String groupArn() {
        return groupArn;
    }

    public DatasetType type() {
        return type;
    }

    /** The datasetType as CreateDataset spelled it, which Describe echoes. */
    public String typeAsGiven() {
        return typeAsGiven;
    }

    public String schemaArn() {
        return schemaArn;
    }

    public void schemaArn(String value) {
        schemaArn = value;
    }

    /** The latest UpdateDataset (its requested value is the new schema ARN); null if none. */
    public Update<String> latestUpdate() {
        return latestUpdate;
    }

    public void latestUpdate(Update<String> value) {
        latestUpdate = value;
    }

    public ImportedData data() {
        return data;
    }

    public void data(ImportedData value) {
        data = value;
    }

    @Override
    public String kind() {
        return "dataset";
    }
}
