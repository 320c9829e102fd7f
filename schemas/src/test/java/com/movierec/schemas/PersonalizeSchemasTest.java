package com.movierec.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PersonalizeSchemasTest {
    // Personalize: field names start with a letter or underscore and hold letters, digits and underscores.
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> PERSONALIZE_TYPES = Set.of("null", "string", "int", "long", "float", "double", "boolean");

    static List<PersonalizeSchema> allSchemas() {
        return List.of(Domain.values()).stream()
                .flatMap(d -> List.of(DatasetType.values()).stream().map(t -> PersonalizeSchemas.load(t, d)))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("allSchemas")
    void everySchemaParsesWithAvroAsAPersonalizeRecord(PersonalizeSchema schema) {
        Schema avro = new Schema.Parser().parse(schema.json());

        assertThat(avro.getType()).isEqualTo(Schema.Type.RECORD);
        assertThat(avro.getNamespace()).isEqualTo("com.amazonaws.personalize.schema");
        assertThat(avro.getName()).isEqualTo(schema.datasetType().personalizeName());
        assertThat(avro.getObjectProp("version")).isEqualTo("1.0");
        assertThat(avro.getFields()).extracting(Schema.Field::name).containsExactlyElementsOf(schema.columns());
    }

    @ParameterizedTest
    @MethodSource("allSchemas")
    void fieldNamesAndTypesFollowPersonalizeRules(PersonalizeSchema schema) {
        assertThat(schema.fields()).allSatisfy(field -> {
            assertThat(field.name()).matches(FIELD_NAME).hasSizeLessThanOrEqualTo(150);
            assertThat(PERSONALIZE_TYPES).containsAll(field.types());
            if (field.categorical()) {
                assertThat(field.valueType()).as("only strings can be categorical: " + field.name()).isEqualTo("string");
            }
        });
        assertThat(schema.columns()).doesNotHaveDuplicates();
        // Personalize allows at most 100 metadata columns besides the reserved ones.
        assertThat(schema.fields()).hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void interactionsCarryTheRatingAsANullableFloatEventValue() {
        PersonalizeSchema interactions = PersonalizeSchemas.load(DatasetType.INTERACTIONS);

        assertThat(interactions.columns()).containsExactly("USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE");
        assertThat(interactions.field("TIMESTAMP")).get().extracting(SchemaField::valueType).isEqualTo("long");
        assertThat(interactions.field("EVENT_VALUE")).get().satisfies(f -> {
            assertThat(f.valueType()).isEqualTo("float");
            assertThat(f.nullable()).isTrue();
        });
    }

    @Test
    void itemsHaveCategoricalGenresReleaseTimeAndADisplayTitle() {
        PersonalizeSchema items = PersonalizeSchemas.load(DatasetType.ITEMS);

        assertThat(items.columns()).containsExactly("ITEM_ID", "TITLE", "GENRES", "CREATION_TIMESTAMP");
        assertThat(items.field("GENRES")).get().extracting(SchemaField::categorical).isEqualTo(true);
        assertThat(items.field("TITLE")).get().extracting(SchemaField::categorical).isEqualTo(false);
        assertThat(items.field("CREATION_TIMESTAMP")).get().satisfies(f -> {
            assertThat(f.valueType()).isEqualTo("long");
            assertThat(f.nullable()).isTrue();
        });
    }

    @Test
    void usersHaveNumericAgeAndCategoricalGenderAndOccupation() {
        PersonalizeSchema users = PersonalizeSchemas.load(DatasetType.USERS);

        assertThat(users.columns()).containsExactly("USER_ID", "AGE", "GENDER", "OCCUPATION");
        assertThat(users.field("AGE")).get().extracting(SchemaField::valueType).isEqualTo("int");
        assertThat(users.field("GENDER")).get().extracting(SchemaField::categorical).isEqualTo(true);
        assertThat(users.field("OCCUPATION")).get().extracting(SchemaField::categorical).isEqualTo(true);
    }

    @ParameterizedTest
    @EnumSource(Domain.class)
    void everyDatasetHasTheFieldsPersonalizeRequires(Domain domain) {
        assertThat(PersonalizeSchemas.load(DatasetType.INTERACTIONS, domain).columns())
                .startsWith("USER_ID", "ITEM_ID", "TIMESTAMP").contains("EVENT_TYPE");
        assertThat(PersonalizeSchemas.load(DatasetType.ITEMS, domain).columns()).startsWith("ITEM_ID").contains("GENRES");
        assertThat(PersonalizeSchemas.load(DatasetType.USERS, domain).columns()).startsWith("USER_ID").hasSizeGreaterThan(1);
    }

    @Test
    void videoOnDemandRequiresANonNullCreationTimestampAndOtherwiseMatchesCustom() {
        PersonalizeSchema vodItems = PersonalizeSchemas.load(DatasetType.ITEMS, Domain.VIDEO_ON_DEMAND);

        assertThat(vodItems.field("CREATION_TIMESTAMP")).get().satisfies(f -> {
            assertThat(f.valueType()).isEqualTo("long");
            assertThat(f.nullable()).isFalse();
        });
        assertThat(vodItems.columns()).isEqualTo(PersonalizeSchemas.load(DatasetType.ITEMS).columns());
        assertThat(PersonalizeSchemas.load(DatasetType.INTERACTIONS, Domain.VIDEO_ON_DEMAND).json())
                .isEqualTo(PersonalizeSchemas.load(DatasetType.INTERACTIONS).json());
        assertThat(PersonalizeSchemas.load(DatasetType.USERS, Domain.VIDEO_ON_DEMAND).json())
                .isEqualTo(PersonalizeSchemas.load(DatasetType.USERS).json());
    }

    @Test
    void loadingTwiceReturnsTheSameSchema() {
        assertThat(PersonalizeSchemas.load(DatasetType.ITEMS)).isSameAs(PersonalizeSchemas.load(DatasetType.ITEMS));
    }

    @Test
    void csvFileNamesAndPersonalizeDatasetTypes() {
        assertThat(DatasetType.INTERACTIONS.csvFileName()).isEqualTo("interactions.csv");
        assertThat(DatasetType.ITEMS.personalizeName()).isEqualTo("Items");
        assertThat(Domain.CUSTOM.personalizeName()).isEmpty();
        assertThat(Domain.VIDEO_ON_DEMAND.personalizeName()).contains("VIDEO_ON_DEMAND");
    }

    @Test
    void parsesASchemaWrittenElsewhereIntoItsFieldsInOrder() {
        String json = """
                {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
                 "fields": [{"name": "ITEM_ID", "type": "string"}, {"name": "PRICE", "type": ["null", "float"]},
                            {"name": "CATEGORY", "type": "string", "categorical": true}], "version": "1.0"}""";

        PersonalizeSchema parsed = PersonalizeSchemas.parse(DatasetType.ITEMS, Domain.CUSTOM, json);

        assertThat(parsed.columns()).containsExactly("ITEM_ID", "PRICE", "CATEGORY");
        assertThat(parsed.field("PRICE")).get().extracting(SchemaField::nullable).isEqualTo(true);
        assertThat(parsed.field("CATEGORY")).get().extracting(SchemaField::categorical).isEqualTo(true);
        assertThat(parsed.json()).isEqualTo(json);
    }
}
