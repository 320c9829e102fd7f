import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.movierec.api.log.JsonLog;
import java.util.Map;

/** Hello-world plus one JSON log line from the API's own logger (JsonLog): what the logging alone costs at start-up. */
public final class HelloLoggingHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        JsonLog.startRequest(context, "hello");
        try {
            JsonLog.info("hello");
            return new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody("{\"message\":\"hello\"}");
        } finally {
            JsonLog.endRequest();
        }
    }
}
