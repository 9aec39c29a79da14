package dev.assetflow.domain.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.config.ConfigInvalidException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The processing profiles routing rules refer to by name, validated when loaded. */
public final class ProfileCatalog {
    private final Map<String, ImageProfile> imageProfiles;

    private ProfileCatalog(Map<String, ImageProfile> imageProfiles) {
        this.imageProfiles = Map.copyOf(imageProfiles);
    }

    record Document(List<ImageProfile> image) {}

    public static ProfileCatalog parse(String json) throws ConfigInvalidException {
        Document document;
        try {
            document = Json.read(json, Document.class);
        } catch (JsonProcessingException e) {
            throw new ConfigInvalidException(List.of("not a profile catalog: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, ImageProfile> images = new LinkedHashMap<>();
        for (ImageProfile profile : document.image() == null ? List.<ImageProfile>of() : document.image()) {
            problems.addAll(profile.problems());
            if (images.put(profile.name(), profile) != null) {
                problems.add("profile '" + profile.name() + "' is defined twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigInvalidException(problems);
        }
        return new ProfileCatalog(images);
    }

    public Optional<ImageProfile> image(String name) {
        return Optional.ofNullable(imageProfiles.get(name));
    }
}
