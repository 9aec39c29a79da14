package dev.assetflow.infra;

import dev.assetflow.topology.FunctionSpec;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The upload/status API: an HTTP API whose routes come from the topology, every route behind an
 * authorizer (JWT when an issuer is configured, else IAM/SigV4), stage throttling, and access logs.
 */
final class Api extends Construct {
    /**
     * HTTP API access-log variables (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html);
     * CDK's jsonWithStandardFields uses $context.resourcePath, a REST API variable HTTP APIs leave empty.
     */
    static final AccessLogFormat ACCESS_LOG_FORMAT = AccessLogFormat.custom("{\"requestId\":\"$context.requestId\","
            + "\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\","
            + "\"httpMethod\":\"$context.httpMethod\",\"routeKey\":\"$context.routeKey\",\"path\":\"$context.path\","
            + "\"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
            + "\"responseLength\":\"$context.responseLength\",\"latencyMs\":\"$context.responseLatency\","
            + "\"integrationLatencyMs\":\"$context.integrationLatency\",\"integrationError\":\"$context.integrationErrorMessage\","
            + "\"authorizerError\":\"$context.authorizer.error\"}");

    private final HttpApi api;
    private final HttpStage stage;
    private final IHttpRouteAuthorizer authorizer;

    Api(Construct scope, DeploySettings settings) {
        super(scope, "Api");
        api = HttpApi.Builder.create(this, "Http")
                .description("Assetflow upload and status API")
                .createDefaultStage(false)
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(settings.corsAllowedOrigins())
                        .allowMethods(List.of(CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE, CorsHttpMethod.OPTIONS))
                        // a browser signing its calls with SigV4 (the IAM authorizer) sends these too
                        .allowHeaders(List.of("authorization", "content-type", "x-amz-date", "x-amz-security-token",
                                "x-amz-content-sha256"))
                        .build())
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        IAccessLogDestination destination = new LogGroupLogDestination(accessLogs);
        stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(settings.apiRateLimit()).burstLimit(settings.apiBurstLimit()).build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return destination;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return ACCESS_LOG_FORMAT;
                    }
                })
                .build();
        this.authorizer = settings.jwtIssuer().isPresent()
                ? HttpJwtAuthorizer.Builder.create("Jwt", settings.jwtIssuer().get()).jwtAudience(settings.jwtAudience()).build()
                : new HttpIamAuthorizer();
    }

    void route(FunctionSpec.HttpRoute route, String id, IFunction target) {
        api.addRoutes(AddRoutesOptions.builder()
                .path(route.path())
                .methods(List.of(HttpMethod.valueOf(route.method())))
                .integration(new HttpLambdaIntegration(id, target))
                .authorizer(authorizer)
                .build());
    }

    String url() {
        return stage.getUrl();
    }

    HttpApi httpApi() {
        return api;
    }
}
