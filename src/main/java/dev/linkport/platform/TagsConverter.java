package dev.linkport.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores AWS tags (key to value, in order) as a JSON object in a text column; no tags read yet is {@code null}. */
@Converter
public class TagsConverter implements AttributeConverter<Map<String, String>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> TAGS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, String> tags) {
        return tags == null ? null : JSON.writeValueAsString(tags);
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String json) {
        return json == null ? null : Collections.unmodifiableMap(JSON.readValue(json, TAGS));
    }
}
