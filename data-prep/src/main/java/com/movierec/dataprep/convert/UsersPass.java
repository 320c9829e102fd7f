package com.movierec.dataprep.convert;

import com.movierec.dataprep.index.ByteKeyIndex;
import com.movierec.dataprep.input.InputSource;
import com.movierec.dataprep.input.MovieLensFormat;
import com.movierec.dataprep.report.DatasetReport;
import com.movierec.dataprep.report.Rejection;
import com.movierec.dataprep.report.RejectionTally;
import com.movierec.dataprep.text.RecordReader;
import com.movierec.dataprep.write.CsvOutput;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.Domain;
import com.movierec.schemas.PersonalizeSchema;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Turns the users file (u.user or users.dat) into users.csv in the Users schema's column order. */
public final class UsersPass {

    private record User(String id, int age, String gender, String occupation) {
    }

    private final MovieLensFormat format;
    private final Domain domain;
    private final Charset forcedCharset;
    private final RejectionTally tally = new RejectionTally();
    private final ByteKeyIndex seen = new ByteKeyIndex();

    public UsersPass(MovieLensFormat format, Domain domain, Charset forcedCharset) {
        if (format.usersFile() == null) {
            throw new IllegalArgumentException(format.id() + " has no users file");
        }
        this.format = format;
        this.domain = domain;
        this.forcedCharset = forcedCharset;
    }

    public DatasetReport run(InputSource source, Path target) throws IOException {
        String file = format.usersFile();
        Charset charset = SourceFile.charset(source, file, format.charset(), forcedCharset);
        PersonalizeSchema schema = PersonalizeSchemas.load(DatasetType.USERS, domain);
        long read = 0;
        long duplicates = 0;
        try (InputStream in = SourceFile.open(source, file, format.id());
             RecordReader reader = RecordReader.separated(in, charset, format.metadataSeparator());
             CsvOutput out = new CsvOutput(Files.newOutputStream(target))) {
            out.header(schema.columns());
            for (RecordReader.Record r = reader.next(); r != null; r = reader.next()) {
                read++;
                User user = r.ok() ? parse(r.fields(), r.line()) : null;
                if (!r.ok()) {
                    tally.reject(r.rejection(), r.line(), r.detail());
                }
                if (user != null) {
                    int before = seen.size();
                    seen.getOrAdd(user.id());
                    if (seen.size() == before) {
                        duplicates++;
                    } else {
                        write(out, schema, user);
                    }
                }
                Checks.notGarbage(source.location(file), format.id(), read, out.rows() + duplicates, tally, false);
            }
            Checks.notGarbage(source.location(file), format.id(), read, out.rows() + duplicates, tally, true);
            return DatasetReport.of(DatasetType.USERS.csvFileName(), file, charset.name(), reader.hadByteOrderMark(),
                    reader.crlfLines(), read, out.rows(), duplicates, 0, tally);
        }
    }

    private User parse(List<String> f, long line) {
        if (f.size() != 5) {
            tally.reject(Rejection.WRONG_FIELD_COUNT, line, "line " + line + " has " + f.size() + " fields, expected 5");
            return null;
        }
        String id = f.get(0).trim();
        if (!Checks.id(id, "user id", line, tally)) {
            return null;
        }
        // ml-100k: id|age|gender|occupation|zip; ml-1m: id::gender::age-band::occupation-code::zip
        boolean ml100k = format == MovieLensFormat.ML_100K;
        String ageText = f.get(ml100k ? 1 : 2).trim();
        String gender = f.get(ml100k ? 2 : 1).trim();
        String occupationText = f.get(3).trim();

        Integer age = parseInt(ageText);
        if (age == null || (ml100k ? age < 1 || age > 120 : !Ml1mCodes.AGE_BANDS.contains(age))) {
            tally.reject(Rejection.BAD_AGE, line, "age '" + ageText + "' on line " + line);
            return null;
        }
        if (!gender.equals("M") && !gender.equals("F")) {
            tally.reject(Rejection.BAD_GENDER, line, "gender '" + gender + "' on line " + line);
            return null;
        }
        String occupation = occupationText;
        if (!ml100k) {
            Integer code = parseInt(occupationText);
            occupation = code == null ? null : Ml1mCodes.occupation(code);
            if (occupation == null) {
                tally.reject(Rejection.BAD_OCCUPATION, line, "occupation code '" + occupationText + "' on line " + line);
                return null;
            }
        }
        if (!Checks.category(occupation, "occupation", line, tally, Rejection.BAD_OCCUPATION)) {
            return null;
        }
        return new User(id, age, gender, occupation);
    }

    private static Integer parseInt(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(s);
    }

    private static void write(CsvOutput out, PersonalizeSchema schema, User u) throws IOException {
        for (String column : schema.columns()) {
            switch (column) {
                case "USER_ID" -> out.field(u.id());
                case "AGE" -> out.field(u.age());
                case "GENDER" -> out.field(u.gender());
                case "OCCUPATION" -> out.field(u.occupation());
                default -> throw new IllegalStateException("data-prep has no value for column " + column + " of the Users schema");
            }
        }
        out.endRow();
    }
}
