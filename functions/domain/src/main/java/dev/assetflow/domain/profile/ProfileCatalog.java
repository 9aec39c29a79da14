package dev.assetflow.domain.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assetflow.domain.audio.AudioProfile;
import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.document.DocumentProfile;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.video.VideoProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.assetflow.domain.image.ImageProfile;
/** The processing profiles routing rules refer to by name, per kind, validated when loaded. */
public final class ProfileCatalog {
    private final Map<String, ImageProfile> imageProfiles;
    private final Map<String, VideoProfile> videoProfiles;
    private final Map<String, AudioProfile> audioProfiles;
    private final Map<String, DocumentProfile> documentProfiles;

    private ProfileCatalog(Map<String, ImageProfile> image, Map<String, VideoProfile> video, Map<String, AudioProfile> audio,
            Map<String, DocumentProfile> document) {
        this.imageProfiles = Map.copyOf(image);
        this.videoProfiles = Map.copyOf(video);
        this.audioProfiles = Map.copyOf(audio);
        this.documentProfiles = Map.copyOf(document);
    }

    record Catalog(List<ImageProfile> image, List<VideoProfile> video, List<AudioProfile> audio, List<DocumentProfile> document) {}

    public static ProfileCatalog parse(String json) throws ConfigInvalidException {
        Catalog catalog;
        try {
            catalog = Json.read(json, Catalog.class);
        } catch (JsonProcessingException e) {
            throw new ConfigInvalidException(List.of("not a profile catalog: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, ImageProfile> image = index(catalog.image(), ImageProfile::name, ImageProfile::problems, problems);
        Map<String, VideoProfile> video = index(catalog.video(), VideoProfile::name, VideoProfile::problems, problems);
        Map<String, AudioProfile> audio = index(catalog.audio(), AudioProfile::name, AudioProfile::problems, problems);
        Map<String, DocumentProfile> document = index(catalog.document(), DocumentProfile::name, DocumentProfile::problems, problems);
        if (!problems.isEmpty()) {
            throw new ConfigInvalidException(problems);
        }
        return new ProfileCatalog(image, video, audio, document);
    }

    private static <P> Map<String, P> index(List<P> profiles, Function<P, String> name, Function<P, List<String>> check,
            List<String> problems) {
        Map<String, P> byName = new LinkedHashMap<>();
        for (P profile : profiles == null ? List.<P>of() : profiles) {
            problems.addAll(check.apply(profile));
            if (byName.put(name.apply(profile), profile) != null) {
                problems.add("profile '" + name.apply(profile) + "' is defined twice");
            }
        }
        return byName;
    }

    /** The version of the profile of that name, whatever its kind. */
    public java.util.OptionalInt version(String name) {
        return image(name).map(p -> java.util.OptionalInt.of(p.version()))
                .or(() -> video(name).map(p -> java.util.OptionalInt.of(p.version())))
                .or(() -> audio(name).map(p -> java.util.OptionalInt.of(p.version())))
                .or(() -> document(name).map(p -> java.util.OptionalInt.of(p.version())))
                .orElse(java.util.OptionalInt.empty());
    }

    public Optional<ImageProfile> image(String name) {
        return Optional.ofNullable(imageProfiles.get(name));
    }

    public Optional<VideoProfile> video(String name) {
        return Optional.ofNullable(videoProfiles.get(name));
    }

    /** Every video profile, in no particular order (e.g. for the MediaConvert requests kept for review). */
    public List<VideoProfile> videoProfiles() {
        return List.copyOf(videoProfiles.values());
    }

    public Optional<AudioProfile> audio(String name) {
        return Optional.ofNullable(audioProfiles.get(name));
    }

    public Optional<DocumentProfile> document(String name) {
        return Optional.ofNullable(documentProfiles.get(name));
    }
}
