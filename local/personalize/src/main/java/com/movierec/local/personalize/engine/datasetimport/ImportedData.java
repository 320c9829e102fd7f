package com.movierec.local.personalize.engine.datasetimport;

import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;

/**
 * What a dataset's import jobs brought in. Users data is only counted: no recipe here reads user metadata.
 *
 * @param rows         CSV rows imported in total
 * @param interactions the Interactions dataset's events; null for other dataset types
 * @param items        the Items dataset's rows; null for other dataset types
 */
public record ImportedData(long rows, Interactions interactions, ItemCatalog items) {
    public static final ImportedData NONE = new ImportedData(0, null, null);

    public boolean isEmpty() {
        return rows == 0;
    }
}
