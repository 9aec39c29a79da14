package dev.assetflow.infra;

import static dev.assetflow.infra.TemplateQueries.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ApiTest {

    @Test
    void everyTopologyRouteIsBehindTheIamAuthorizerByDefault() {
        template().resourceCountIs("AWS::ApiGatewayV2::Api", 1);
        List<String> routes = List.of("POST /uploads", "GET /assets", "GET /assets/{assetId}", "GET /uploads/{uploadId}",
                "GET /uploads/{uploadId}/parts", "POST /uploads/{uploadId}/complete", "DELETE /uploads/{uploadId}",
                "POST /assets/{assetId}/priority", "POST /assets/{assetId}/reprocess", "POST /assets/{assetId}/repair", "DELETE /assets/{assetId}",
                "GET /ops/queues", "GET /ops/dead-letters", "POST /ops/dead-letters/redrive", "GET /ops/breakers", "GET /ops/latency",
                "GET /ops/config/{document}", "POST /ops/config/{document}/validate", "POST /ops/config/{document}/diff",
                "PUT /ops/config/{document}", "POST /ops/config/{document}/rollback");
        for (String route : routes) {
            template().hasResourceProperties("AWS::ApiGatewayV2::Route", Match.objectLike(Map.of(
                    "RouteKey", route, "AuthorizationType", "AWS_IAM")));
        }
        template().resourceCountIs("AWS::ApiGatewayV2::Route", routes.size());
    }

    @Test
    void theStageIsThrottledAndAccessLogged() {
        template().hasResourceProperties("AWS::ApiGatewayV2::Stage", Match.objectLike(Map.of(
                "StageName", "$default", "AutoDeploy", true,
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100),
                "AccessLogSettings", Match.objectLike(Map.of("DestinationArn", Match.anyValue())))));
    }

    @Test
    void aJwtIssuerSwitchesTheRoutesToAJwtAuthorizer() {
        App app = new App(AppProps.builder().context(Map.of("ffmpegLayerArn", SynthesizedStack.FFMPEG_LAYER,
                "jwtIssuer", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_example", "jwtAudience", "app-client",
                "apiRateLimit", "5", "stackName", "AssetflowJwt")).outdir("target/cdk.out.jwt").build());
        Template jwt = Template.fromStack(AssetflowApp.build(app));
        jwt.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.objectLike(Map.of(
                "AuthorizerType", "JWT",
                "JwtConfiguration", Map.of("Audience", List.of("app-client"),
                        "Issuer", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_example"))));
        jwt.hasResourceProperties("AWS::ApiGatewayV2::Route", Match.objectLike(Map.of("AuthorizationType", "JWT")));
        jwt.hasResourceProperties("AWS::ApiGatewayV2::Stage", Match.objectLike(Map.of(
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 5, "ThrottlingBurstLimit", 100))));
        assertThat(jwt.findResources("AWS::SNS::Subscription")).hasSize(2); // no alarm e-mail configured here
    }
}
