package dev.assetflow.runtime.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** What an HTTP API function reads from a request in API Gateway's payload format 2.0. */
public final class HttpRequests {

    private HttpRequests() {
    }

    public static String parameter(APIGatewayV2HTTPEvent event, String name) {
        return event.getPathParameters() == null ? null : event.getPathParameters().get(name);
    }

    public static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return body;
    }

    /**
     * Who sent the request, as the API's authorizer established it: a JWT's subject, or the IAM principal that
     * signed it (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html);
     * without an authorizer (the local stack), the caller's address.
     */
    public static String requester(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context != null && context.getAuthorizer() != null) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = context.getAuthorizer();
            if (authorizer.getJwt() != null && authorizer.getJwt().getClaims() != null) {
                Map<String, String> claims = authorizer.getJwt().getClaims();
                if (claims.get("sub") != null) {
                    return "jwt:" + claims.get("sub");
                }
            }
            if (authorizer.getIam() != null && authorizer.getIam().getUserArn() != null) {
                return authorizer.getIam().getUserArn();
            }
        }
        String ip = context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
        return "anonymous@" + (ip == null ? "unknown" : ip);
    }
}
