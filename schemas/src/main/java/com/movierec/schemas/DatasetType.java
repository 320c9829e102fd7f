package com.movierec.schemas;

/** The three Personalize dataset types this project imports, with the names Personalize and our CSV files use. */
public enum DatasetType {
    INTERACTIONS("Interactions", "interactions"),
    ITEMS("Items", "items"),
    USERS("Users", "users");

    private final String personalizeName;
    private final String fileStem;

    DatasetType(String personalizeName, String fileStem) {
        this.personalizeName = personalizeName;
        this.fileStem = fileStem;
    }

    /** The value of {@code datasetType} in Personalize's CreateDataset. */
    public String personalizeName() {
        return personalizeName;
    }

    /** The data-prep output file for this dataset, e.g. {@code interactions.csv}. */
    public String csvFileName() {
        return fileStem + ".csv";
    }

    String fileStem() {
        return fileStem;
    }
}
