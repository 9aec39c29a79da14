package dev.assetflow.infra;

import static dev.assetflow.infra.TemplateQueries.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every function gets only what the topology says it uses; no policy grants a wildcard action. */
class LeastPrivilegeTest {

    @Test
    void noPolicyAllowsAWildcardActionOnAService() {
        for (String action : allActions()) {
            assertThat(action).as("a granted action").isNotEqualTo("*").doesNotEndWith(":*");
        }
    }

    @Test
    void onlyListingEventSourceMappingsAndSendingTracesAreAllowedOnEveryResource() {
        List<String> onEverything = new ArrayList<>();
        statements().stream().filter(st -> list(st.get("Resource")).contains("*"))
                .forEach(st -> list(st.get("Action")).forEach(a -> onEverything.add((String) a)));
        // neither has a resource-level permission; X-Ray's are what Lambda's active tracing needs
        assertThat(onEverything).contains("lambda:ListEventSourceMappings", "xray:PutTraceSegments")
                .containsOnly("lambda:ListEventSourceMappings", "xray:PutTraceSegments", "xray:PutTelemetryRecords");
    }

    @Test
    void circuitBreakersSwitchOnlyTheirStepsEventSourceMappings() {
        String ingest = policiesOf("Ingest").toString();
        assertThat(ingest).contains("lambda:UpdateEventSourceMapping", "IngestLiveSqsEventSource");
        assertThat(ingest).doesNotContain("ImageWorkerLiveSqsEventSource");
        String probe = policiesOf("BreakerProbe").toString();
        assertThat(probe).contains("lambda:UpdateEventSourceMapping", "IngestLiveSqsEventSource", "ImageWorkerLiveSqsEventSource",
                "VideoWorkerLiveSqsEventSource");
        assertThat(policiesOf("UploadApi").toString()).doesNotContain("lambda:", "events:PutEvents");
        assertThat(ingest).contains("events:PutEvents", "event-bus/default");
        assertThat(probe).contains("events:PutEvents");
    }

    @Test
    void theUploadApiCanSignPutsAndPartsAndReadAssetsButWritesOnlyItsUploadsTable() {
        List<String> actions = actionsOf("UploadApi");
        assertThat(actions).contains("s3:PutObject", "s3:Abort*", "s3:ListMultipartUploadParts", "dynamodb:GetItem", "dynamodb:Query");
        assertThat(actions).doesNotContain("s3:DeleteObject", "s3:DeleteObject*", "s3:GetObject", "sqs:SendMessage", "sns:Publish");
        for (Map<String, Object> statement : statementsOf("UploadApi")) {
            String resources = String.valueOf(statement.get("Resource"));
            if (String.valueOf(statement.get("Action")).contains("dynamodb:PutItem")) {
                assertThat(resources).as("the API writes multipart upload records, never assets").contains("Uploads")
                        .doesNotContain("Assets");
            }
            if (String.valueOf(statement.get("Action")).contains("s3:")) {
                assertThat(resources).as("originals only, under uploads/").contains("uploads/*");
            }
        }
    }

    @Test
    void ingestReadsUploadsWritesAssetsAndSendsWorkButCannotTouchRenditions() {
        List<String> actions = actionsOf("Ingest");
        assertThat(actions).contains("s3:GetObject*", "dynamodb:PutItem", "dynamodb:UpdateItem", "sqs:SendMessage", "sns:Publish");
        assertThat(actions).doesNotContain("s3:PutObject", "s3:DeleteObject");
        assertThat(policiesOf("Ingest").toString()).doesNotContain("StorageRenditions");
    }

    @Test
    void theBackfillFunctionListsAndIntroducesButWritesOnlyItsCheckpoints() {
        List<String> actions = actionsOf("Backfill");
        assertThat(actions).contains("s3:List*", "sqs:SendMessage", "dynamodb:PutItem", "dynamodb:GetItem");
        assertThat(actions).noneMatch(action -> action.startsWith("s3:Put") || action.startsWith("s3:Delete") || action.startsWith("sns:"));
        for (Map<String, Object> statement : statementsOf("Backfill")) {
            if (String.valueOf(statement.get("Action")).contains("dynamodb:PutItem")) {
                assertThat(String.valueOf(statement.get("Resource"))).as("its checkpoints and retry records, never assets")
                        .containsAnyOf("Backfills", "Failures").doesNotContain("TablesAssets");
            }
        }
    }

    @Test
    void assetControlMovesWorkButWritesNoMediaAndAnnouncesNothing() {
        List<String> actions = actionsOf("AssetControl");
        assertThat(actions).contains("dynamodb:GetItem", "dynamodb:UpdateItem", "sqs:SendMessage", "s3:GetObject*", "ssm:GetParameter");
        assertThat(actions).as("it looks for the original of an asset to reprocess and reads the profiles; it writes neither")
                .noneMatch(action -> action.startsWith("s3:Put") || action.startsWith("s3:Delete") || action.startsWith("sns:")
                        || action.startsWith("ssm:Put"));
        assertThat(actionsOf("UploadApi")).as("the apps' API still sends no work").doesNotContain("sqs:SendMessage");
    }

    @Test
    void onlyAssetErasureDeletesRenditionsOriginalsOrAssetRecords() {
        assertThat(actionsOf("AssetErasure")).contains("s3:DeleteObject*", "s3:List*", "dynamodb:Query", "dynamodb:BatchWriteItem",
                "sns:Publish").noneMatch(action -> action.startsWith("s3:Put") || action.startsWith("sqs:"));
    }

    @Test
    void functionsReadTheirConfigurationParametersAndNothingWritesOne() {
        java.util.function.Predicate<String> writes = action -> action.startsWith("ssm:Put") || action.startsWith("ssm:Delete")
                || action.startsWith("ssm:Label");
        assertThat(allActions().stream().filter(writes).count()).as("only the console's editor (ops-api) publishes a version; "
                + "scripts/config does with the operator's credentials").isEqualTo(actionsOf("OpsApi").stream().filter(writes).count());
        assertThat(actionsOf("OpsApi")).contains("ssm:PutParameter").noneMatch(a -> a.startsWith("ssm:Delete") || a.startsWith("ssm:Label"));
        assertThat(actionsOf("Ingest")).contains("ssm:GetParameter", "ssm:GetParameterHistory");
        for (Map<String, Object> statement : statementsOf("Ingest")) {
            if (String.valueOf(statement.get("Action")).contains("ssm:GetParameter")) {
                assertThat(String.valueOf(statement.get("Resource"))).as("one parameter per statement, by name")
                        .containsAnyOf("ConfigRoutingRules", "ConfigProfiles");
            }
        }
        assertThat(policiesOf("UploadApi").toString()).as("the API routes nothing").doesNotContain("ssm:");
        assertThat(actionsOf("ImageWorker")).contains("ssm:GetParameter");
        assertThat(policiesOf("ImageWorker").toString()).doesNotContain("ConfigRoutingRules");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSubmitterPassesOnlyTheMediaConvertRoleToMediaConvertAndCreatesJobsOnlyOnTheStacksQueues() {
        List<Map<String, Object>> submitter = statementsOf("MediaconvertSubmitter");
        Map<String, Object> passRole = submitter.stream().filter(st -> list(st.get("Action")).contains("iam:PassRole")).findFirst().orElseThrow();
        assertThat(passRole.get("Condition")).isEqualTo(Map.of("StringEquals", Map.of("iam:PassedToService", "mediaconvert.amazonaws.com")));
        assertThat(passRole.get("Resource").toString()).contains("MediaConvertRole").doesNotContain("*");
        Map<String, Object> create = submitter.stream().filter(st -> list(st.get("Action")).contains("mediaconvert:CreateJob")).findFirst().orElseThrow();
        assertThat(list(create.get("Resource"))).hasSize(3).allSatisfy(queue -> assertThat(queue.toString())
                .contains("MediaConvert").contains("Queue").contains("Arn"));
        Map<String, Object> read = submitter.stream().filter(st -> list(st.get("Action")).contains("mediaconvert:GetJob")).findFirst().orElseThrow();
        assertThat(list(read.get("Action"))).containsExactlyInAnyOrder("mediaconvert:GetJob", "mediaconvert:CancelJob");
        assertThat(read.get("Resource").toString()).contains(":jobs/*");
        assertThat(actionsOf("MediaconvertSubmitter")).as("MediaConvert writes the renditions, as the role; the submitter does not")
                .doesNotContain("s3:PutObject", "s3:GetObject*");
    }

    @Test
    void theCompletionFunctionReadsAndWritesRenditionsButNeverCreatesJobsOrPassesARole() {
        List<String> actions = actionsOf("MediaconvertCompletion");
        assertThat(actions).contains("s3:GetObject*", "s3:PutObject", "dynamodb:UpdateItem", "sns:Publish", "sqs:SendMessage");
        assertThat(actions).doesNotContain("mediaconvert:CreateJob", "iam:PassRole", "s3:DeleteObject*");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMediaConvertRoleMayOnlyBeAssumedForThisAccount() {
        Map<String, Object> role = resources("AWS::IAM::Role").entrySet().stream().filter(e -> e.getKey().startsWith("MediaConvertRole"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        Map<String, Object> statement = (Map<String, Object>) list(((Map<String, Object>) properties(role).get("AssumeRolePolicyDocument"))
                .get("Statement")).get(0);
        assertThat(statement.get("Principal")).isEqualTo(Map.of("Service", "mediaconvert.amazonaws.com"));
        assertThat(statement.get("Condition")).isEqualTo(Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))));
    }

    @Test
    void nothingButAnErasureSomeoneAskedForMayDeleteAnOriginal() {
        java.util.function.Predicate<String> deletes = action -> action.startsWith("s3:DeleteObject");
        assertThat(allActions().stream().filter(deletes).count()).as("the pipeline never deletes an object; only asset-erasure may")
                .isEqualTo(actionsOf("AssetErasure").stream().filter(deletes).count()).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statementsOf(String functionIdPrefix) {
        List<Map<String, Object>> statements = new ArrayList<>();
        policiesOf(functionIdPrefix).forEach(policy -> list(((Map<String, Object>) properties(policy).get("PolicyDocument"))
                .get("Statement")).forEach(st -> statements.add((Map<String, Object>) st)));
        return statements;
    }

    private static List<String> actionsOf(String functionIdPrefix) {
        List<String> actions = new ArrayList<>();
        policiesOf(functionIdPrefix).forEach(policy -> actions.addAll(actions(policy)));
        return actions;
    }

    private static List<Map<String, Object>> policiesOf(String functionIdPrefix) {
        return policies().entrySet().stream()
                .filter(e -> e.getKey().startsWith(functionIdPrefix + "ServiceRole"))
                .map(Map.Entry::getValue).toList();
    }

    private static List<String> allActions() {
        List<String> actions = new ArrayList<>();
        pipelinePolicies().forEach(policy -> actions.addAll(actions(policy)));
        return actions;
    }

    /**
     * Every IAM policy but that of CDK's own BucketDeployment handler, which copies the console's files at deploy time:
     * CDK grants it the console bucket (with deletes, to replace old files) and CloudFront invalidations, which have no
     * resource-level permission. theConsoleDeploymentMayTouchOnlyTheConsole checks it on its own.
     */
    private static List<Map<String, Object>> pipelinePolicies() {
        return policies().entrySet().stream().filter(e -> !e.getKey().startsWith(BUCKET_DEPLOYMENT))
                .map(Map.Entry::getValue).toList();
    }

    private static final String BUCKET_DEPLOYMENT = "CustomCDKBucketDeployment";

    @Test
    @SuppressWarnings("unchecked")
    void theConsoleDeploymentMayTouchOnlyTheConsole() {
        List<Map<String, Object>> policies = policies().entrySet().stream()
                .filter(e -> e.getKey().startsWith(BUCKET_DEPLOYMENT)).map(Map.Entry::getValue).toList();
        assertThat(policies).hasSize(1);
        for (Object statement : list(((Map<String, Object>) properties(policies.get(0)).get("PolicyDocument")).get("Statement"))) {
            Map<String, Object> st = (Map<String, Object>) statement;
            List<Object> actions = list(st.get("Action"));
            if (actions.stream().anyMatch(a -> a.toString().startsWith("s3:DeleteObject") || a.toString().startsWith("s3:PutObject"))) {
                assertThat(st.get("Resource").toString()).as("writes and deletes only the console's bucket").contains("ConsoleSite")
                        .doesNotContain("StorageUploads", "StorageRenditions");
            }
            if (list(st.get("Resource")).contains("*")) {
                assertThat(actions).containsOnly("cloudfront:GetInvalidation", "cloudfront:CreateInvalidation");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements() {
        List<Map<String, Object>> statements = new ArrayList<>();
        pipelinePolicies().forEach(policy -> list(((Map<String, Object>) properties(policy)
                .get("PolicyDocument")).get("Statement")).forEach(st -> statements.add((Map<String, Object>) st)));
        return statements;
    }

    @SuppressWarnings("unchecked")
    private static List<String> actions(Map<String, Object> policy) {
        Map<String, Object> document = (Map<String, Object>) properties(policy).get("PolicyDocument");
        List<String> actions = new ArrayList<>();
        for (Object statement : list(document.get("Statement"))) {
            for (Object action : list(((Map<String, Object>) statement).get("Action"))) {
                actions.add((String) action);
            }
        }
        return actions;
    }
}
