package dev.assetflow.mediaconvertsubmitter;

import dev.assetflow.domain.video.LadderRung;
import dev.assetflow.domain.video.MediaConvertNaming;
import dev.assetflow.domain.video.VideoLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.mediaconvert.model.AacCodingMode;
import software.amazon.awssdk.services.mediaconvert.model.AacSettings;
import software.amazon.awssdk.services.mediaconvert.model.AccelerationMode;
import software.amazon.awssdk.services.mediaconvert.model.AccelerationSettings;
import software.amazon.awssdk.services.mediaconvert.model.AudioCodec;
import software.amazon.awssdk.services.mediaconvert.model.AudioCodecSettings;
import software.amazon.awssdk.services.mediaconvert.model.AudioDefaultSelection;
import software.amazon.awssdk.services.mediaconvert.model.AudioDescription;
import software.amazon.awssdk.services.mediaconvert.model.AudioSelector;
import software.amazon.awssdk.services.mediaconvert.model.CmfcAudioTrackType;
import software.amazon.awssdk.services.mediaconvert.model.CmfcSettings;
import software.amazon.awssdk.services.mediaconvert.model.ContainerSettings;
import software.amazon.awssdk.services.mediaconvert.model.ContainerType;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest;
import software.amazon.awssdk.services.mediaconvert.model.FileGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.FrameCaptureSettings;
import software.amazon.awssdk.services.mediaconvert.model.H264CodecLevel;
import software.amazon.awssdk.services.mediaconvert.model.H264CodecProfile;
import software.amazon.awssdk.services.mediaconvert.model.H264FramerateControl;
import software.amazon.awssdk.services.mediaconvert.model.H264GopSizeUnits;
import software.amazon.awssdk.services.mediaconvert.model.H264RateControlMode;
import software.amazon.awssdk.services.mediaconvert.model.H264SceneChangeDetect;
import software.amazon.awssdk.services.mediaconvert.model.H264Settings;
import software.amazon.awssdk.services.mediaconvert.model.HlsCodecSpecification;
import software.amazon.awssdk.services.mediaconvert.model.HlsDirectoryStructure;
import software.amazon.awssdk.services.mediaconvert.model.HlsGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.HlsManifestDurationFormat;
import software.amazon.awssdk.services.mediaconvert.model.HlsOutputSelection;
import software.amazon.awssdk.services.mediaconvert.model.HlsSegmentControl;
import software.amazon.awssdk.services.mediaconvert.model.Input;
import software.amazon.awssdk.services.mediaconvert.model.InputRotate;
import software.amazon.awssdk.services.mediaconvert.model.InputTimecodeSource;
import software.amazon.awssdk.services.mediaconvert.model.JobSettings;
import software.amazon.awssdk.services.mediaconvert.model.Output;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroup;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupType;
import software.amazon.awssdk.services.mediaconvert.model.StatusUpdateInterval;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodec;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodecSettings;
import software.amazon.awssdk.services.mediaconvert.model.VideoDescription;
import software.amazon.awssdk.services.mediaconvert.model.VideoSelector;

/**
 * The CreateJob request of a video's {@link VideoLayout}: what the ffmpeg paths make, asked of
 * MediaConvert (https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobs.html). An HLS group of
 * fMP4 (CMFC) outputs, one per rung, video only, and one audio output they share; the MP4 fallback; frame
 * captures for the poster and the storyboard (tiled by the completion function). The request of every
 * video profile is kept as reviewed JSON in this module's tests.
 */
final class JobRequests {
    /** Where a job runs (the MediaConvert queue of the asset's priority), as whom (the role), and where it writes. */
    record Target(String roleArn, String queueArn, String renditionsBucket) {}

    static final String AUDIO_SELECTOR = "Audio Selector 1";
    static final String AUDIO_GROUP = "audio";
    /** Accelerated transcoding pays off for long inputs; MediaConvert runs a job that does not qualify normally with PREFERRED. */
    static final double ACCELERATION_FROM_SECONDS = 600;
    private static final int AUDIO_SAMPLE_RATE = 48_000;
    private static final int CAPTURE_QUALITY = 80;

    private JobRequests() {
    }

    static CreateJobRequest create(String assetId, String sourceUri, VideoLayout layout, Target target, int submission) {
        String prefix = MediaConvertNaming.prefix(assetId, layout);
        String scratch = MediaConvertNaming.scratchPrefix(assetId, layout.profile(), layout.profileVersion());
        String bucket = target.renditionsBucket();
        List<OutputGroup> groups = new ArrayList<>();
        // what an earlier version's job made the same way is kept (a reprocess), not made again
        groups.add(hlsGroup(layout, MediaConvertNaming.s3Uri(bucket, MediaConvertNaming.hlsDestination(prefix))));
        if (!layout.kept().contains(VideoLayout.mp4Name(layout.fallback()))) {
            groups.add(fileGroup("MP4 fallback", MediaConvertNaming.s3Uri(bucket, MediaConvertNaming.mp4Destination(prefix,
                    layout.fallback())), mp4(layout)));
        }
        if (!layout.kept().contains(VideoLayout.POSTER)) {
            groups.add(fileGroup("Poster", MediaConvertNaming.s3Uri(bucket, MediaConvertNaming.posterDestination(scratch)), poster(layout)));
        }
        if (!layout.kept().contains(VideoLayout.STORYBOARD)) {
            groups.add(fileGroup("Storyboard", MediaConvertNaming.s3Uri(bucket, MediaConvertNaming.storyboardDestination(scratch)),
                    storyboard(layout)));
        }
        Input.Builder input = Input.builder().fileInput(sourceUri)
                .videoSelector(VideoSelector.builder().rotate(InputRotate.AUTO).build())
                .timecodeSource(InputTimecodeSource.ZEROBASED);
        if (layout.hasAudio()) {
            input.audioSelectors(Map.of(AUDIO_SELECTOR, AudioSelector.builder().defaultSelection(AudioDefaultSelection.DEFAULT).build()));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(MediaConvertNaming.ASSET_ID, assetId);
        metadata.put(MediaConvertNaming.PROFILE, layout.profile());
        metadata.put(MediaConvertNaming.PROFILE_VERSION, Integer.toString(layout.profileVersion()));
        metadata.put(MediaConvertNaming.SUBMISSION, Integer.toString(submission));
        return CreateJobRequest.builder()
                .role(target.roleArn())
                .queue(target.queueArn())
                .clientRequestToken(idempotencyToken(assetId, layout, submission))
                .userMetadata(metadata)
                .tags(Map.of("assetflow:asset", assetId, "assetflow:profile", layout.profile() + "-v" + layout.profileVersion()))
                .statusUpdateInterval(StatusUpdateInterval.SECONDS_10)
                .accelerationSettings(AccelerationSettings.builder().mode(layout.source().durationSeconds() >= ACCELERATION_FROM_SECONDS
                        ? AccelerationMode.PREFERRED : AccelerationMode.DISABLED).build())
                .settings(JobSettings.builder().inputs(input.build()).outputGroups(groups).build())
                .build();
    }

    /**
     * The same (asset, profile version, submission) always gives the same token, so a redelivered message
     * gets the job the first delivery created instead of a second one; a resubmission after a service
     * error counts up and gets a new job.
     */
    static String idempotencyToken(String assetId, VideoLayout layout, int submission) {
        return UUID.nameUUIDFromBytes((assetId + "|" + layout.profile() + "|v" + layout.profileVersion() + "|" + submission)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The variants not kept (never none: a job needs an output, and a rung costs little next to a failed reprocess) and
     * the audio rendition unless kept.
     */
    private static OutputGroup hlsGroup(VideoLayout layout, String destination) {
        List<Output> outputs = new ArrayList<>();
        boolean audio = layout.hasAudio() && !layout.kept().contains(VideoLayout.AUDIO);
        for (LadderRung rung : layout.encodedLadder()) {
            outputs.add(Output.builder().nameModifier(MediaConvertNaming.nameModifier(rung))
                    .containerSettings(cmfc(CmfcSettings.builder().audioRenditionSets(audio ? AUDIO_GROUP : null).build()))
                    .videoDescription(video(rung, layout)).build());
        }
        if (audio) {
            outputs.add(Output.builder().nameModifier(MediaConvertNaming.AUDIO_MODIFIER)
                    .containerSettings(cmfc(CmfcSettings.builder().audioGroupId(AUDIO_GROUP)
                            .audioTrackType(CmfcAudioTrackType.ALTERNATE_AUDIO_AUTO_SELECT_DEFAULT).build()))
                    .audioDescriptions(audio(layout)).build());
        }
        return OutputGroup.builder().name("HLS")
                .outputGroupSettings(OutputGroupSettings.builder().type(OutputGroupType.HLS_GROUP_SETTINGS)
                        .hlsGroupSettings(HlsGroupSettings.builder().destination(destination)
                                .segmentLength(layout.segmentSeconds()).minSegmentLength(0)
                                .segmentControl(HlsSegmentControl.SEGMENTED_FILES)
                                .outputSelection(HlsOutputSelection.MANIFESTS_AND_SEGMENTS)
                                .directoryStructure(HlsDirectoryStructure.SINGLE_DIRECTORY)
                                .manifestDurationFormat(HlsManifestDurationFormat.FLOATING_POINT)
                                .codecSpecification(HlsCodecSpecification.RFC_6381).build()).build())
                .outputs(outputs).build();
    }

    private static OutputGroup fileGroup(String name, String destination, Output output) {
        return OutputGroup.builder().name(name)
                .outputGroupSettings(OutputGroupSettings.builder().type(OutputGroupType.FILE_GROUP_SETTINGS)
                        .fileGroupSettings(FileGroupSettings.builder().destination(destination).build()).build())
                .outputs(output).build();
    }

    private static ContainerSettings cmfc(CmfcSettings settings) {
        return ContainerSettings.builder().container(ContainerType.CMFC).cmfcSettings(settings).build();
    }

    private static Output mp4(VideoLayout layout) {
        Output.Builder output = Output.builder()
                .containerSettings(ContainerSettings.builder().container(ContainerType.MP4).build())
                .videoDescription(video(layout.fallback(), layout));
        if (layout.hasAudio()) {
            output.audioDescriptions(audio(layout));
        }
        return output.build();
    }

    /**
     * Frame captures start at the first frame and repeat at the capture rate: one every {@code T} seconds
     * with two captures puts the second on the poster's time (whole seconds; a poster in the first second
     * is the first frame).
     */
    private static Output poster(VideoLayout layout) {
        int every = (int) Math.floor(layout.poster().atSeconds());
        return capture(layout.poster().width(), layout.poster().height(), 1, Math.max(1, every), every >= 1 ? 2 : 1);
    }

    private static Output storyboard(VideoLayout layout) {
        int millis = (int) Math.round(layout.storyboard().intervalSeconds() * 1000);
        return capture(layout.storyboard().thumbWidth(), layout.storyboard().thumbHeight(), 1000, millis, layout.storyboard().count());
    }

    private static Output capture(int width, int height, int framerateNumerator, int framerateDenominator, int maxCaptures) {
        return Output.builder()
                .containerSettings(ContainerSettings.builder().container(ContainerType.RAW).build())
                .videoDescription(VideoDescription.builder().width(width).height(height)
                        .codecSettings(VideoCodecSettings.builder().codec(VideoCodec.FRAME_CAPTURE)
                                .frameCaptureSettings(FrameCaptureSettings.builder().framerateNumerator(framerateNumerator)
                                        .framerateDenominator(framerateDenominator).maxCaptures(maxCaptures).quality(CAPTURE_QUALITY)
                                        .build()).build()).build())
                .build();
    }

    /** A rung as the ladder plans it: its size, average and peak bitrate, level, and a keyframe on every segment boundary. */
    private static VideoDescription video(LadderRung rung, VideoLayout layout) {
        return VideoDescription.builder().width(rung.width()).height(rung.height())
                .codecSettings(VideoCodecSettings.builder().codec(VideoCodec.H_264).h264Settings(H264Settings.builder()
                        .rateControlMode(H264RateControlMode.VBR)
                        .bitrate(rung.videoKbps() * 1000).maxBitrate(rung.maxKbps() * 1000)
                        .codecProfile(H264CodecProfile.HIGH)
                        .codecLevel(level(rung))
                        .gopSize((double) layout.segmentSeconds()).gopSizeUnits(H264GopSizeUnits.SECONDS)
                        .sceneChangeDetect(H264SceneChangeDetect.TRANSITION_DETECTION)
                        .framerateControl(H264FramerateControl.INITIALIZE_FROM_SOURCE).build()).build())
                .build();
    }

    /** The rung's H.264 level in MediaConvert's names: {@code 3.0} is LEVEL_3, {@code 3.1} LEVEL_3_1. */
    static H264CodecLevel level(LadderRung rung) {
        H264CodecLevel level = H264CodecLevel.fromValue("LEVEL_" + rung.level().replaceFirst("\\.0$", "").replace('.', '_'));
        if (level == H264CodecLevel.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException("MediaConvert has no H.264 level " + rung.level() + " (rung " + rung.name() + ")");
        }
        return level;
    }

    private static AudioDescription audio(VideoLayout layout) {
        return AudioDescription.builder().audioSourceName(AUDIO_SELECTOR)
                .codecSettings(AudioCodecSettings.builder().codec(AudioCodec.AAC).aacSettings(AacSettings.builder()
                        .bitrate(layout.audioKbps() * 1000).codingMode(AacCodingMode.CODING_MODE_2_0).sampleRate(AUDIO_SAMPLE_RATE)
                        .build()).build())
                .build();
    }
}
