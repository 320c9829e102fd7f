package com.movierec.dataprep.convert;

import java.util.List;
import java.util.Set;

/** The codes ml-1m's users.dat uses for age bands and occupations (from the ml-1m README). */
final class Ml1mCodes {
    /** Lower bounds of the age bands: 1 means "under 18", 56 means "56+". */
    static final Set<Integer> AGE_BANDS = Set.of(1, 18, 25, 35, 45, 50, 56);

    private static final List<String> OCCUPATIONS = List.of(
            "other", "academic/educator", "artist", "clerical/admin", "college/grad student", "customer service",
            "doctor/health care", "executive/managerial", "farmer", "homemaker", "K-12 student", "lawyer",
            "programmer", "retired", "sales/marketing", "scientist", "self-employed", "technician/engineer",
            "tradesman/craftsman", "unemployed", "writer");

    private Ml1mCodes() {
    }

    /** The occupation's name, or null for a code outside 0-20. */
    static String occupation(int code) {
        return code >= 0 && code < OCCUPATIONS.size() ? OCCUPATIONS.get(code) : null;
    }
}
